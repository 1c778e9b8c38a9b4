"""The Whoosh backend: one per app, the reader and the writer over one index store, and
the per-process thread that drains the outbox. It implements forum.search.SearchBackend."""

from datetime import date

from flask import Flask
from sqlalchemy import insert

from forum.background import Worker
from forum.models import SearchOutbox
from forum.search.reader import SearchReader
from forum.search.results import PER_PAGE, SearchResults
from forum.search.schema import settings
from forum.search.store import IndexStore
from forum.search.writer import SearchWriter


class WhooshBackend:
    """Search over a Whoosh index in SEARCH_DIR, kept in step with the database by the
    outbox (see forum.search.SearchBackend for what each method promises)."""

    def __init__(self, app: Flask):
        self.store = IndexStore(app.config["SEARCH_DIR"], mmap=app.config.get("SEARCH_MMAP", False))
        self.writer = SearchWriter(app, self.store)
        self.reader = SearchReader(self.store, wake=self.notify)
        self.worker = Worker(
            app,
            "search-drainer",
            self.writer.sync,
            enabled=app.config.get("SEARCH_BACKGROUND", True),
            interval=app.config.get("SEARCH_SYNC_INTERVAL", 30),
        )

    # ------------------------------------------------------------------ reading side
    def search(
        self,
        raw: str,
        filters: dict[str, list[str]] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = PER_PAGE,
        vocabulary=None,
    ) -> SearchResults:
        """One page of results for the query text, filters and dates."""
        return self.reader.search(
            raw, filters, date_from, date_to, sort, page, per_page, vocabulary=vocabulary
        )

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the reports most like this one; None when the index is unavailable."""
        return self.reader.similar(report, limit)

    def generation(self) -> str:
        """A short string that changes whenever what the index holds changes."""
        return self.reader.generation()

    def available(self) -> bool:
        """Whether the index can be read now."""
        return self.reader.available()

    # ------------------------------------------------------------------ writing side
    in_transaction = False  # documents are written after the commit, by the drainer

    def record(self, session, keys) -> None:
        """Queue these (kind, id) objects in the outbox, in the session's transaction; the
        drainer is woken after it commits."""
        rows = [{"kind": kind, "object_id": oid} for kind, oid in sorted(set(keys))]
        if rows:
            session.connection().execute(insert(SearchOutbox), rows)
            session.info["search_dirty"] = True

    def notify(self) -> None:
        """Something was enqueued: let this process's drainer run soon (never inline)."""
        self.worker.notify()

    def sync(self) -> int:
        """Drain the outbox into the index now; how many rows were applied."""
        return self.writer.sync()

    def rebuild(self, progress=None) -> int:
        """Rebuild the index from the database; how many documents it holds."""
        return self.writer.rebuild(progress=progress)

    def check(self, fix: bool = False) -> dict[str, list[str]]:
        """Missing, stale and extra index entries; with `fix`, reindex them."""
        return self.writer.check(fix=fix)

    def settings(self) -> dict:
        """What rebuilding the index depends on besides the data (fields, analyzers)."""
        return settings()

    def shutdown(self) -> None:
        """Stop this process's drainer and close its searcher (tests, clean exits)."""
        self.worker.shutdown()
        self.store.close()
