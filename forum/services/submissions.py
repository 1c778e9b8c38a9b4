"""Creating forms submitted once: a double click or a retry on a slow rural line must not
create a report, a discussion or a reply twice, nor notify the watchers twice.

Each creating form carries a random token (`new_token`). The view claims it (`claim`) in
the transaction that creates the object, then records where it sent the person
(`record_result`). A second POST with the same token, before or while the first runs,
finds the row and is sent to the same place instead of creating anything.
"""

import re
import secrets
import time
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models import FormSubmission, User
from forum.models.base import utcnow

KEPT_FOR = timedelta(days=1)  # a retry comes within minutes; a day is generous
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


class AlreadySubmitted(Exception):
    """This form token was used: what it created is at `earlier_result(token)`."""


def new_token() -> str:
    """A fresh token for one rendering of a creating form: 32 URL-safe characters
    (192 random bits, `secrets.token_urlsafe(24)`)."""
    return secrets.token_urlsafe(24)


def is_token(value) -> bool:
    """True when `value` has the shape of a token (anything else is ignored, never stored)."""
    return isinstance(value, str) and TOKEN.fullmatch(value) is not None


def earlier_result(token: str, user: User | None, wait_seconds: float = 10.0) -> str | None:
    """Where the first POST with this token sent its author: a URL path, or None when the
    token was never used. A used token with no result yet (its request is still running,
    or older code committed before recording it) is waited for (polled every 0.1 s, up to `wait_seconds`); after that "" is returned
    (used, result unknown). A token of another account counts as used, with result ""."""
    if not is_token(token):
        return None
    deadline = time.monotonic() + wait_seconds
    while True:
        row = db.session.execute(
            select(FormSubmission.user_id, FormSubmission.result_url).where(
                FormSubmission.token == token
            )
        ).first()
        if row is None:
            return None
        owner = user.id if user is not None and user.is_authenticated else None
        if row.user_id is not None and row.user_id != owner:
            return ""
        if row.result_url or time.monotonic() >= deadline:
            return row.result_url or ""
        db.session.rollback()  # end the snapshot so that the next read sees the first commit
        time.sleep(0.1)


def claim(token: str, user: User | None) -> None:
    """Store the token in the current transaction (flushed, not committed): the creation
    that follows commits it. Raises AlreadySubmitted (after rolling back) when another
    request stored it first; concurrent claims wait on the unique key, so exactly one wins.
    A missing or malformed token (a script, an old page) claims nothing."""
    if not is_token(token):
        return
    db.session.execute(
        delete(FormSubmission).where(FormSubmission.created_at < utcnow() - KEPT_FOR)
    )
    db.session.add(
        FormSubmission(
            token=token, user_id=user.id if user is not None and user.is_authenticated else None
        )
    )
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AlreadySubmitted(token) from None


def record_result(token: str, url: str) -> None:
    """Remember where the first submission sent its author (a path), in the transaction
    that created it (committed with it by the request)."""
    if not is_token(token):
        return
    db.session.execute(
        update(FormSubmission).where(FormSubmission.token == token).values(result_url=url[:500])
    )
    db.session.flush()
