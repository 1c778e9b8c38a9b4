"""How the PostgreSQL backend stores a search document (migration 0021): its tsvector in
its row, not in TOAST, so ranking a broad query reads no TOAST chunk per match
(benchmarks/RESULTS.md, « tsvector in the row »)."""

import pytest
from sqlalchemy import text

from forum.extensions import db
from forum.models import SearchDocument

# About 260 different words, several hundred positions: a tsvector of a few kilobytes, as
# three quarters of the demo corpus's documents are (over the 2 KB TOAST threshold).
LONG_TEXT = " ".join(f"atelier{n} mobilité{n} financement{n} coopérative{n}" for n in range(65))


def _toast_chunks() -> int:
    """Chunks held in search_document's TOAST table (its name read from the catalog)."""
    toast = db.session.scalar(
        text(
            "SELECT reltoastrelid::regclass::text FROM pg_class "
            "WHERE oid = 'search_document'::regclass"
        )
    )
    return db.session.scalar(text(f"SELECT count(*) FROM {toast}"))  # noqa: S608 (catalog)


def test_a_document_under_a_page_stays_in_its_row(app, search_backend, make_user, make_report):
    if search_backend != "postgres":
        pytest.skip("the PostgreSQL backend's storage: Whoosh keeps its own files")
    storage = db.session.scalar(
        text(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'search_document'::regclass AND attname = 'document'"
        )
    )
    assert storage == "m"  # MAIN: compressed if it pays, out of line only as a last resort
    before = _toast_chunks()
    report = make_report(make_user(), title="Un long retour", sections={"context": LONG_TEXT})
    size = db.session.scalar(
        db.select(db.func.pg_column_size(SearchDocument.document)).where(
            SearchDocument.key == f"report:{report.id}"
        )
    )
    assert 2_500 < size < 8_000, size
    assert _toast_chunks() == before  # nothing went to TOAST (it did before 0021)


def test_dates_have_an_index_of_their_own(app, search_backend):
    """A search with dates reads only the documents inside them (migration 0022): the
    planner can AND the dates' B-tree bitmap with the words' GIN bitmap."""
    if search_backend != "postgres":
        pytest.skip("the PostgreSQL backend's indexes: Whoosh keeps its own files")
    columns = db.session.scalar(
        text(
            "SELECT indexdef FROM pg_indexes "
            "WHERE tablename = 'search_document' AND indexname = 'ix_search_document_day'"
        )
    )
    assert columns is not None and columns.endswith("(day)"), columns
    db.session.execute(text("SET LOCAL enable_seqscan = off"))  # a handful of test rows
    plan = "\n".join(
        db.session.scalars(
            text(
                "EXPLAIN SELECT key FROM search_document WHERE document @@ 'financ'::tsquery "
                "AND day BETWEEN 20250101 AND 20251231"
            )
        )
    )
    db.session.rollback()
    assert "ix_search_document_day" in plan, plan
