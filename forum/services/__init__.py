"""Business logic: plain functions that validate and write (flushed, never committed:
the request, the CLI command or the job that calls them owns the transaction, see
forum/transactions.py); views call them."""

from sqlalchemy import update

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
    "hold",
    "lock_for_update",
]


def lock_for_update(row) -> None:
    """Reload a stored row under a row lock (PostgreSQL `SELECT … FOR UPDATE`, held until
    the transaction ends; SQLite has one writer at a time anyway), so that the version
    check before a save and the save itself see the same stored values."""
    db.session.refresh(row, with_for_update={"of": type(row)})  # not its eager-loaded joins


def hold(model, row_id: int) -> None:
    """Take the row `row_id` of `model` for the rest of the transaction, before reading
    what a write depends on: PostgreSQL's row lock (a second transaction holding it waits
    for the first's commit) and SQLite's write lock (one writer at a time; what is read
    next is what the last writer committed — SQLite's reads before a first write run
    outside any transaction, so `lock_for_update` does not serialise a check-then-write
    there). A write that changes nothing: SQLite has no `SELECT … FOR UPDATE`."""
    db.session.execute(
        update(model)
        .where(model.id == row_id)
        .values(id=model.id)
        .execution_options(synchronize_session=False)
    )
