"""search_document_day (issue 17, benchmark): a B-tree index on search_document.day, so
that a search with dates (« apres: », « avant: », the form's « du … au ») visits only the
matching documents inside the dates: PostgreSQL ANDs it with the tsvector's GIN bitmap
(`gouvernance` from 2024 to 2025: 11,246 matches of the word, 5,555 of them outside the
dates, were read then dropped; benchmarks/RESULTS.md, « fifth pass »)

On SQLite the table stays empty (the Whoosh backend keeps its own files): the index is
created there too, so that one schema serves both databases.

Revision ID: 0022
Revises: 0021
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.create_index("ix_search_document_day", ["day"], unique=False)


def downgrade():
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.drop_index("ix_search_document_day")
