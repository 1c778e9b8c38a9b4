"""Open sessions ("devices"): one row per logged-in browser, checked at every request.

The Flask session and the remember-me cookie both hold "<user id>.<token>" (User.get_id);
the database keeps only the token's SHA-256. The user loader finds the member and the
session in one query, so that ending a row (logout, password change or reset, « Déconnecter »
on /account) ends that browser at its next request, whatever cookie it kept. No session
outlives REMEMBER_COOKIE_DURATION (30 days), cookie or not.
"""

import hashlib
import re
import secrets
from functools import partial

from flask import Flask, current_app, has_request_context, request, session
from sqlalchemy import delete, select, update

from forum.extensions import db, login_manager
from forum.models import User, UserSession
from forum.models.base import utcnow
from forum.transactions import record_read

SESSION_ID = re.compile(r"(\d{1,10})\.([A-Za-z0-9_-]{43})", re.ASCII)  # token_urlsafe(32)
MAX_USER_ID = 2**31 - 1  # an INTEGER column: larger ids name nobody

# Most specific first: Edge and Opera also say "Chrome", Chrome also says "Safari",
# Android also says "Linux", iPhone also says "Mac OS X".
BROWSERS = [
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
]


def init_app(app: Flask) -> None:
    """Register the user loader (which queues the deferred last-seen update)."""
    login_manager.user_loader(load_user)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def device_label(user_agent: str) -> str:
    """'Mozilla/5.0 (Windows NT 10.0; …) … Firefox/128.0' -> 'Firefox, Windows'; '' when
    neither the browser nor the system is recognised. Only this summary is kept."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in SYSTEMS if mark in user_agent), "")
    return ", ".join(part for part in (browser, system) if part)


def open_session(user: User, remember: bool, user_agent: str = "") -> UserSession:
    """Start a session for this member (at login or registration; flushed, the request
    commits); afterwards user.get_id() names it. Drops every expired session on the way."""
    # Expired sessions (anyone's) open nothing any more: drop them, so that none is kept
    # much beyond REMEMBER_COOKIE_DURATION (privacy page). A small table: few rows per member.
    db.session.execute(delete(UserSession).where(UserSession.created_at <= _oldest()))
    token = secrets.token_urlsafe(32)
    row = UserSession(
        user_id=user.id,
        token_hash=_hash(token),
        remember=remember,
        device=device_label(user_agent or "")[:80],
    )
    db.session.add(row)
    db.session.flush()
    user.session_token, user.current_session = token, row
    return row


def _oldest():
    return utcnow() - current_app.config["REMEMBER_COOKIE_DURATION"]


def load_user(session_id: str) -> User | None:
    """Flask-Login's user loader: the member whose open, unexpired session this
    "<user id>.<token>" names (see User.get_id), in one query; else None, and the stale id
    is forgotten (the remember-me cookie is then deleted from the browser)."""
    match = SESSION_ID.fullmatch(session_id or "")
    if match is None or int(match.group(1)) > MAX_USER_ID:
        return _forget()
    row = db.session.execute(
        select(User, UserSession)
        .join(UserSession, UserSession.user_id == User.id)
        .where(
            User.id == int(match.group(1)),
            User.suspended_at.is_(None),  # suspension ends its sessions; belt and braces
            UserSession.token_hash == _hash(match.group(2)),
            UserSession.created_at > _oldest(),
        )
    ).first()
    if row is None:
        return _forget()
    user, current = row
    user.session_token, user.current_session = match.group(2), current
    interval = current_app.config["SESSION_TOUCH_SECONDS"]
    if (utcnow() - current.last_seen_at).total_seconds() >= interval and has_request_context():
        record_read(partial(_touch, current.id))  # a read marker: once per interval
    return user


def _forget() -> None:
    if has_request_context():
        session.pop("_user_id", None)
        if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
            session["_remember"] = "clear"  # Flask-Login deletes the cookie in its response
    return None


def _touch(session_id: int) -> None:
    """Record "last seen" now: at most once every SESSION_TOUCH_SECONDS per session."""
    db.session.execute(
        update(UserSession).where(UserSession.id == session_id).values(last_seen_at=utcnow())
    )


def open_sessions(user: User) -> list[UserSession]:
    """The member's unexpired sessions, the most recently used first."""
    return list(
        db.session.scalars(
            select(UserSession)
            .where(UserSession.user_id == user.id, UserSession.created_at > _oldest())
            .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
    )


def end_session(user: User, session_id: int) -> bool:
    """Log one of the member's own sessions out; False if there was none with this id
    (already ended, or someone else's)."""
    ended = db.session.execute(
        delete(UserSession).where(UserSession.id == session_id, UserSession.user_id == user.id)
    ).rowcount
    return ended > 0


def end_sessions(user: User, keep: UserSession | None = None) -> int:
    """Log every session of the member out but `keep` (the one in use, if any); returns how
    many ended. Used by « Déconnecter les autres appareils » and on a password change."""
    statement = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        statement = statement.where(UserSession.id != keep.id)
    return db.session.execute(statement).rowcount
