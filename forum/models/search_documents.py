"""Search documents held in the database, for the PostgreSQL search backend
(forum.search.pg): one row per indexed report, discussion or message, written in the
same transaction as the change it reflects; and the words of the index, for
« vouliez-vous dire » (pg_trgm).

On SQLite the tables exist (one schema for both databases) and stay empty: the Whoosh
backend keeps its own index files.
"""

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import JSON

from forum.extensions import db

# A tsvector on PostgreSQL; plain text elsewhere (never filled there).
TSVECTOR_TYPE = TSVECTOR().with_variant(Text(), "sqlite")
# A list of slugs: text[] on PostgreSQL (GIN-indexed containment), JSON elsewhere.
SLUGS_TYPE = ARRAY(Text()).with_variant(JSON(), "sqlite")


class SearchDocument(db.Model):
    """What the index holds of one object, "report:12", "discussion:3" or "post:40"."""

    __tablename__ = "search_document"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    object_id: Mapped[int] = mapped_column(Integer)
    # The result it is shown under (forum.search.fields.group_code).
    group_code: Mapped[int] = mapped_column(BigInteger, index=True)
    day: Mapped[int] = mapped_column(Integer)  # YYYYMMDD (session date, else creation)
    region: Mapped[str | None] = mapped_column(String(10))
    department: Mapped[str | None] = mapped_column(String(10))
    structure: Mapped[str | None] = mapped_column(String(200))
    modules = mapped_column(SLUGS_TYPE, nullable=False)
    tags = mapped_column(SLUGS_TYPE, nullable=False)
    # Title and names (A), sections and message text (B), tags and modules (C), attached
    # documents (D): built by forum.search.analysis, the same words as the Whoosh index.
    document = mapped_column(TSVECTOR_TYPE, nullable=False)
    digest: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        Index("ix_search_document_document", "document", postgresql_using="gin"),
        Index("ix_search_document_tags", "tags", postgresql_using="gin"),
        Index("ix_search_document_modules", "modules", postgresql_using="gin"),
        # Dates (« apres: », « avant: »): ANDed with the words' GIN bitmap (migration 0022).
        Index("ix_search_document_day", "day"),
    )


class SearchWord(db.Model):
    """A word as written in indexed text (normalised, unstemmed): the vocabulary that
    corrections are chosen from (trigram similarity, pg_trgm)."""

    __tablename__ = "search_word"

    word: Mapped[str] = mapped_column(String(100), primary_key=True)

    __table_args__ = (
        Index(
            "ix_search_word_trigram",
            "word",
            postgresql_using="gin",
            postgresql_ops={"word": "gin_trgm_ops"},
        ),
    )
