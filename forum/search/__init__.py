"""Full-text search: the only package that imports whoosh.

The rest of the app calls `engine()`, which returns this app's `SearchBackend`, and never
writes to the index itself: the session hook of forum.services.indexing tells the backend
which objects a transaction changed (`record`). Two backends, chosen by SEARCH_BACKEND
(FORUM_SEARCH_BACKEND):

- "whoosh" (forum.search.backend, the default): index files in SEARCH_DIR, fed through
  the outbox and drained after the response, for one server;
- "postgres" (forum.search.pg): documents in the PostgreSQL database itself, written by the
  writing transaction, for one or several app servers sharing that database. Refused at
  start-up on any other database.
"""

from datetime import date
from typing import Protocol

from flask import Flask, current_app

from forum.search.backend import WhooshBackend
from forum.search.pg import PostgresBackend, PostgresUnavailable
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

    # Writing.
    def record(self, session, keys) -> None:
        """These objects ((kind, id) pairs: "report", "discussion", "post") changed in the
        session's transaction: queue them (Whoosh: outbox rows) or write their documents
        before it commits (PostgreSQL). Nothing is visible before the commit."""

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


BACKENDS = {"whoosh": WhooshBackend, "postgres": PostgresBackend}


def init_app(app: Flask) -> None:
    """Give the app the search backend SEARCH_BACKEND names ("whoosh" or "postgres").
    Raises ValueError for another name, PostgresUnavailable for "postgres" on a database
    that is not PostgreSQL: the app does not start rather than search nothing."""
    name = (app.config.get("SEARCH_BACKEND") or "whoosh").strip().lower()
    if name not in BACKENDS:
        raise ValueError(f"FORUM_SEARCH_BACKEND={name!r} : choisissez « whoosh » ou « postgres ».")
    app.extensions["search"] = BACKENDS[name](app)


__all__ = [
    "BACKENDS",
    "IndexUnavailable",
    "PostgresUnavailable",
    "SearchBackend",
    "SearchResults",
    "engine",
    "init_app",
]
