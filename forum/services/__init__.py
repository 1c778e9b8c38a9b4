"""Business logic: plain functions that validate and write (flushed, never committed:
the request, the CLI command or the job that calls them owns the transaction, see
forum/transactions.py); views call them."""

from forum.extensions import db
from forum.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    Locked,
    NotFound,
    RateLimited,
    ServiceError,
    Unavailable,
)

# The domain errors are importable from here too (`from forum.services import Invalid`).
__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "Locked",
    "NotFound",
    "RateLimited",
    "ServiceError",
    "Unavailable",
    "lock_for_update",
]


def lock_for_update(row) -> None:
    """Reload a stored row under a row lock (PostgreSQL `SELECT … FOR UPDATE`, held until
    the transaction ends; SQLite has one writer at a time anyway), so that the version
    check before a save and the save itself see the same stored values."""
    db.session.refresh(row, with_for_update={"of": type(row)})  # not its eager-loaded joins
