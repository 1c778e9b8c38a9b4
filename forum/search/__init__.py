"""Full-text search: the only package that imports whoosh.

The rest of the app calls `engine()`, which returns this app's `SearchBackend`, and never
writes to the index itself: changes travel through the outbox (forum.services.indexing)
and the backend's writer drains it. Today's backend is Whoosh (forum.search.backend: a
reader and a writer over one index store); another one (PostgreSQL's full-text search)
plugs in here by implementing the same methods.
"""

from datetime import date
from typing import Protocol

from flask import Flask, current_app

from forum.search.backend import WhooshBackend
from forum.search.results import PER_PAGE, SearchResults
from forum.search.store import IndexUnavailable


class SearchBackend(Protocol):
    """What the app asks of a search backend (views, services, CLI, cache)."""

    # Reading: never fails a page; an unusable index reads as unavailable.
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
        """One page of results (status "unavailable" when the index cannot be read); past
        the last page raises forum.pagination.PastLastPage."""

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the published reports most like this one; None when unavailable."""

    def generation(self) -> str:
        """What the index holds now, as a string that changes with it ("" if unavailable):
        the key of anything computed from it (similar reports, search ETags)."""

    def available(self) -> bool:
        """Whether the index can be read now (/healthz)."""

    # Writing: only ever from the outbox, after the transactions that filled it.
    def notify(self) -> None:
        """Work was queued and committed: drain it soon in this process, not inline."""

    def sync(self) -> int:
        """Apply the outbox now (cron, tests); returns how many rows were applied."""

    def rebuild(self, progress=None) -> int:
        """Rebuild from the database, readers served meanwhile; the document count."""

    def check(self, fix: bool = False) -> dict[str, list[str]]:
        """Compare with the database: {"missing", "stale", "extra": ["report:12", ...]};
        with `fix`, reindex those. Raises IndexUnavailable without an index."""

    def settings(self) -> dict:
        """What a rebuild depends on besides the data, with a "fingerprint" (backups)."""

    def shutdown(self) -> None:
        """Stop background work and release files (tests, clean exits)."""


def engine() -> SearchBackend:
    """This app's search backend."""
    return current_app.extensions["search"]


def init_app(app: Flask) -> None:
    """Give the app its search backend (its drainer thread starts at the first notify)."""
    app.extensions["search"] = WhooshBackend(app)


__all__ = [
    "IndexUnavailable",
    "SearchBackend",
    "SearchResults",
    "engine",
    "init_app",
]
