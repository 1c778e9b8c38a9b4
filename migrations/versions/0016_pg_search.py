"""pg_search: search documents in the database for the PostgreSQL search backend

On PostgreSQL also the extensions unaccent and pg_trgm, the text search configuration
`maillage_fr` (french snowball over unaccent: ts_headline and ad-hoc queries by hand) and the
GIN indexes. On SQLite only the two (empty) tables, so that one schema serves both.

Revision ID: 0016
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TSVECTOR = postgresql.TSVECTOR().with_variant(sa.Text(), "sqlite")
SLUGS = postgresql.ARRAY(sa.Text()).with_variant(sa.JSON(), "sqlite")


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "DO $$ BEGIN "
            "IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'maillage_fr') THEN "
            "CREATE TEXT SEARCH CONFIGURATION maillage_fr (COPY = french); "
            "ALTER TEXT SEARCH CONFIGURATION maillage_fr ALTER MAPPING FOR "
            "hword, hword_part, word WITH unaccent, french_stem; "
            "END IF; END $$"
        )
    op.create_table(
        "search_document",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("group_code", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=10), nullable=True),
        sa.Column("department", sa.String(length=10), nullable=True),
        sa.Column("structure", sa.String(length=200), nullable=True),
        sa.Column("modules", SLUGS, nullable=False),
        sa.Column("tags", SLUGS, nullable=False),
        sa.Column("document", TSVECTOR, nullable=False),
        sa.Column("digest", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_search_document")),
    )
    with op.batch_alter_table("search_document") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_search_document_group_code"), ["group_code"], unique=False
        )
        for column in ("document", "tags", "modules"):
            batch_op.create_index(
                f"ix_search_document_{column}", [column], unique=False, postgresql_using="gin"
            )
    op.create_table(
        "search_word",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_search_word")),
    )
    with op.batch_alter_table("search_word") as batch_op:
        batch_op.create_index(
            "ix_search_word_trigram",
            ["word"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"word": "gin_trgm_ops"},
        )


def downgrade():
    op.drop_table("search_word")
    with op.batch_alter_table("search_document") as batch_op:
        for column in ("modules", "tags", "document"):
            batch_op.drop_index(f"ix_search_document_{column}")
        batch_op.drop_index(batch_op.f("ix_search_document_group_code"))
    op.drop_table("search_document")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS maillage_fr")
