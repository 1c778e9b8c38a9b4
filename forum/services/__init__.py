"""Business logic: plain functions that validate, write and commit; views call them."""

from forum.extensions import db


class ServiceError(Exception):
    """A domain rule refused the operation; `field` names the form field to blame, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def lock_for_update(row) -> None:
    """Reload a stored row under a row lock (PostgreSQL `SELECT … FOR UPDATE`, held until
    the transaction ends; SQLite has one writer at a time anyway), so that the version
    check before a save and the save itself see the same stored values."""
    db.session.refresh(row, with_for_update={"of": type(row)})  # not its eager-loaded joins
