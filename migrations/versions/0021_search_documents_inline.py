"""search_documents_inline (issue 17, benchmark): a search document's tsvector is kept in
its row (STORAGE MAIN, toast_tuple_target 8160) instead of TOAST, PostgreSQL only

Ranking reads the tsvector of every matching document (ts_rank_cd). Three quarters of them
are over 2 KB and barely compress, so PostgreSQL stored them out of line: one TOAST index
lookup and chunk fetch per match, the larger part of a broad search (`porteurs`, 49,393
matches: 300–395 ms to rank out of line, 76–85 ms in the row, measured on 50,140
documents; benchmarks/RESULTS.md). Documents larger than a page still go to TOAST.

The rows already written are rewritten once (same value) so that they move into their row;
about a minute for 50,000 documents. SQLite keeps these tables empty: nothing to do there.

Revision ID: 0021
Revises: 0020
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_document SET (toast_tuple_target = 8160)")
    op.execute("ALTER TABLE search_document ALTER COLUMN document SET STORAGE MAIN")
    # A new value (the same lexemes) is stored under the new rule; the old one was a pointer.
    op.execute("UPDATE search_document SET document = document || ''::tsvector")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_document ALTER COLUMN document SET STORAGE EXTENDED")
    op.execute("ALTER TABLE search_document RESET (toast_tuple_target)")
