"""Work proportional to what changed: a content stamp, per-process memos, conditional GET.

The stamp (models/stamps.py) is one row that every transaction changing what pages show
raises, in that transaction, just before it commits. Each process then keeps what it
computed (counts per tag or module, totals, place lists, rendered fragments that show no
member's own data) with the stamp it was computed under, and reuses it while the
database still holds that stamp: a write on any process or server is seen at the next
request everywhere, with one primary-key read per request instead of a timer guess.

Visitors' pages and feeds also answer conditional GETs: their ETag is made of the stamp,
the URL, the language, the day (dates read « il y a 3 jours »), the deployed code and the
visitor's session, so a browser or a proxy revalidating gets « 304 Not Modified » without
the page being built again.

What does *not* raise the stamp: members' private state (notifications, bookmarks, read
markers, watches, settings, sessions), queues (search outbox, events), logs and one-time
form tokens; and on a member row, the columns no page shows (password, last login…).
"""

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date, datetime
from pathlib import Path

from flask import Flask, current_app, g, has_request_context, request, session
from flask_login import current_user
from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from forum.background import listen
from forum.extensions import db
from forum.i18n import current_locale
from forum.models import (
    Bookmark,
    ContactMessage,
    ContentStamp,
    EventOutbox,
    FormSubmission,
    LoginFailure,
    ModerationLog,
    Notification,
    NotificationSetting,
    ReadMarker,
    SearchOutbox,
    StructureRequest,
    User,
    UserSession,
    Watch,
)
from forum.models.base import utcnow

# Rows no page built for several people shows (their writes never invalidate a cache).
PRIVATE_TABLES = frozenset(
    model.__tablename__
    for model in (
        Bookmark,
        ContactMessage,
        ContentStamp,
        EventOutbox,
        FormSubmission,
        LoginFailure,
        ModerationLog,
        Notification,
        NotificationSetting,
        ReadMarker,
        SearchOutbox,
        StructureRequest,  # shown to its member and those who decide, never to visitors
        UserSession,
        Watch,
    )
)
# Member columns that pages never show: changing only these is private too.
PRIVATE_USER_COLUMNS = frozenset(
    {
        "email",
        "password_hash",
        "locale",
        "last_login_at",
        "digest_sent_at",
        "weekly_digest_sent_at",
        "accepts_contact",
    }
)

# Pages built from the search index (results, « retours similaires »): their ETag follows
# the index too, which the drainer moves on without raising the content stamp.
INDEX_ENDPOINTS = frozenset({"search.index", "reports.detail"})
# Pages listing what is « upcoming » (events, whose time passes without any write): their
# ETag follows the clock by five minutes, as their memos do.
CLOCK_ENDPOINTS = frozenset(
    {
        "main.index",
        "territories.index",
        "parcours.detail",
        "calendar.index",
        "calendar.past",
        "calendar.feed",
    }
)

# Endpoints whose visitor pages answer conditional GETs. Pages with forms that post
# (login, registration, contact) and everything a member sees are left out.
CONDITIONAL_ENDPOINTS = frozenset(
    {
        "main.index",
        "reports.index",
        "reports.detail",
        "reports.history",
        "reports.feed",
        "tags.index",
        "tags.detail",
        "tags.feed",
        "modules.index",
        "modules.detail",
        "modules.feed",
        "parcours.index",
        "parcours.detail",
        "territories.index",
        "structures.index",
        "structures.detail",
        "structures.feed",
        "discussions.index",
        "discussions.detail",
        "search.index",
        "users.profile",
        "calendar.index",
        "calendar.past",
        "calendar.feed",
    }
)


def init_app(app: Flask) -> None:
    """Raise the stamp from this app's session; answer visitors' conditional GETs."""
    listen("after_flush", _note_flushed_changes)
    listen("do_orm_execute", _note_statement)
    listen("before_commit", _raise_stamp)
    listen("after_rollback", _forget_changes)
    app.extensions["maillage.memo"] = Memo(app.config.get("CACHE_MEMO_ENTRIES", 512))
    # Exports are megabytes each (a network's CSV: 5.5 MB for 50,000 sessions): a few only.
    app.extensions["maillage.exports"] = Memo(app.config.get("CACHE_EXPORT_ENTRIES", 4))
    app.extensions["maillage.build"] = _build_id(app)
    if app.config.get("CONDITIONAL_GET", True):
        app.before_request(_answer_not_modified)
        app.after_request(_tag_response)


# --- the stamp -----------------------------------------------------------------------


def _changes_content(obj) -> bool:
    table = getattr(obj, "__tablename__", None)
    if table in PRIVATE_TABLES:
        return False
    if isinstance(obj, User):
        state = db.inspect(obj)
        if state.pending or state.deleted or state.was_deleted:
            return True
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        return bool(changed - PRIVATE_USER_COLUMNS)
    return True


def _note_flushed_changes(session: Session, flush_context) -> None:
    # after_flush: the objects are still in new/dirty/deleted with their history.
    if session.info.get("content_changed"):
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        if (obj in session.dirty and not session.is_modified(obj)) or not _changes_content(obj):
            continue
        session.info["content_changed"] = True
        return


def _note_statement(state) -> None:
    """Bulk INSERT/UPDATE/DELETE through the session (tag merges, erasure, demo loads)."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) in PRIVATE_TABLES:
        return
    state.session.info["content_changed"] = True


def _raise_stamp(session: Session) -> None:
    if session.info.get("content_changed") is None and not (
        session.new or session.dirty or session.deleted
    ):
        return
    session.flush()  # the commit's own flush, early, so its changes are noted too
    if session.info.pop("content_changed", False):
        # Last statement of the transaction: on PostgreSQL the row lock is held only
        # for the instant of the commit, so writers queue on it for no longer.
        connection = session.connection()
        raised = connection.execute(
            update(ContentStamp)
            .where(ContentStamp.id == 1)
            .values(version=ContentStamp.version + 1)
        )
        if raised.rowcount == 0:  # a database emptied by hand or by a restore
            connection.execute(_insert_first_stamp(connection.dialect.name))


def _insert_first_stamp(dialect: str):
    """The stamp row, starting at a random version (a recreated database must not meet a
    version some process cached under before), or nothing if another writer made it."""
    values = {"id": 1, "version": secrets.randbelow(2**40) + 2}
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ContentStamp).values(values).on_conflict_do_nothing(index_elements=["id"])


def _forget_changes(session: Session) -> None:
    session.info.pop("content_changed", None)


_STAMP = select(ContentStamp.version).where(ContentStamp.id == 1)  # built once, not per request


def stamp() -> int:
    """The content stamp now in the database (an int; read once per request, then kept in
    `g`). A database without the row reads as 0 until the next write creates it."""
    if has_request_context() and "content_stamp" in g:
        return g.content_stamp
    value = db.session.scalar(_STAMP) or 0
    if has_request_context():
        g.content_stamp = value
    return value


def search_generation() -> str:
    """The search index's generation (forum.search), read once per request and kept in
    `g`: the ETag of a page built from the index and the memo of « retours similaires »
    both use the first value the request saw. The index only moves on, so what the page
    shows is at least that generation, and a later revalidation answers 304 only if the
    index is still there."""
    # cycle: forum.search (its vocabulary memo) imports this module
    from forum.search import engine

    if has_request_context():
        if "search_generation" not in g:
            g.search_generation = engine().generation()
        return g.search_generation
    return engine().generation()


def clock_window(now: datetime | None = None) -> datetime:
    """The current five minutes (UTC, naive, seconds dropped): what « upcoming » is measured
    against on the pages that list events to come, in their memo keys and ETags."""
    now = now or utcnow()
    return now.replace(minute=now.minute - now.minute % 5, second=0, microsecond=0)


def reset_stamp() -> None:
    """Move the content stamp far past what it was (a restore): the archive's stamp plus
    one was a version the live database had already issued after the backup, so browsers'
    and processes' entries from then matched the restored content. The jump is random,
    between 2**32 and 2**40: more writes than a backup ever misses. Flushes."""
    jump = secrets.randbelow(2**40 - 2**32) + 2**32
    changed = db.session.execute(
        update(ContentStamp).where(ContentStamp.id == 1).values(version=ContentStamp.version + jump)
    )
    if changed.rowcount == 0:
        db.session.execute(_insert_first_stamp(db.engine.dialect.name))
    db.session.info.pop("content_changed", None)  # this is the raise


def raise_stamp() -> None:
    """Mark the current transaction as changing content (for writes the hooks cannot see,
    such as a restore); the stamp rises when it commits."""
    db.session.info["content_changed"] = True


# --- per-process memos ---------------------------------------------------------------


class Memo:
    """A bounded map {key: (stamp, value)} shared by a process's threads (least recently
    used entries go first). Values must be plain data or markup: never ORM objects, which
    belong to one request's session."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: Hashable, compute: Callable):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                return entry[1]
        value = compute()  # outside the lock: two threads may both compute, once
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def peek(self, key: Hashable, version: Hashable):
        """The value kept for `key` under `version`, or None (nothing is computed)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version:
                self._entries.move_to_end(key)
                return entry[1]
        return None

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def memo(name: str, compute: Callable, *key: Hashable, version: Hashable = None):
    """`compute()` once per content stamp (or per `version` when given, e.g. a search
    index generation) in this process, for `name` and `key`; the stored value afterwards.

    `compute` must return plain data (ints, strings, tuples, dicts, Markup), the same for
    every reader: nothing that depends on who asks."""
    memo_store: Memo = current_app.extensions["maillage.memo"]
    return memo_store.get((name, *key), stamp() if version is None else version, compute)


def memo_export(name: str, compute: Callable[[], bytes], *key: Hashable) -> bytes:
    """`memo` for a file made for download (bytes, megabytes at most), kept per content
    stamp in a store of its own that holds CACHE_EXPORT_ENTRIES files (4 by default), so
    that large exports never push the pages' memos out nor grow without bound."""
    memo_store: Memo = current_app.extensions["maillage.exports"]
    return memo_store.get((name, *key), stamp(), compute)


def peek(name: str, *key: Hashable):
    """What `memo(name, …, *key)` keeps under the current content stamp, or None: a value
    found proves that what it was computed from has not changed since (e.g. a report's
    markup kept only while it is published)."""
    memo_store: Memo = current_app.extensions["maillage.memo"]
    return memo_store.peek((name, *key), stamp())


# --- conditional GET for visitors ----------------------------------------------------


def _build_id(app: Flask) -> str:
    """What the deployed code renders with: templates, translations, static manifest."""
    digest = hashlib.sha1()
    root = Path(app.root_path).parent
    for folder, pattern in (("templates", "**/*.html"), ("forum/translations", "**/*.mo")):
        for path in sorted((root / folder).glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(str(app.config.get("STATIC_VERSION", "")).encode())
    return digest.hexdigest()[:16]


def _etag_for_request() -> str | None:
    if request.method not in ("GET", "HEAD") or request.endpoint not in CONDITIONAL_ENDPOINTS:
        return None
    if current_user.is_authenticated or session.get("_flashes"):
        return None

    parts = [
        current_app.extensions["maillage.build"],
        str(stamp()),
        request.full_path,
        current_locale(),
        date.today().isoformat(),
        # The page carries this session's CSRF token (language switch): another session
        # never revalidates it.
        str(session.get("csrf_token", "")),
    ]
    if request.endpoint in INDEX_ENDPOINTS:
        parts.append(search_generation())
    if request.endpoint in CLOCK_ENDPOINTS:
        parts.append(clock_window().isoformat())
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:24]


def _answer_not_modified():
    tag = _etag_for_request()
    if tag is None:
        return None
    g.etag = tag
    # Weak comparison (RFC 9110 §13.1.2 for If-None-Match): W/"x" matches "x".
    for presented in request.if_none_match.as_set(include_weak=True):
        # Flask-Compress tags what it compresses "<tag>:br" or "<tag>:gzip".
        if presented.partition(":")[0] != tag:
            continue
        response = current_app.response_class(status=304)
        response.set_etag(presented)
        response.headers["Cache-Control"] = "private, no-cache"
        return response
    return None


def _tag_response(response):
    member = g.get("_login_user")  # as Flask-Login loaded it: never loaded just for this
    if member is not None and member.is_authenticated:
        # A member's pages carry their name and counts: no shared cache keeps them.
        response.headers.setdefault("Cache-Control", "private, no-cache")
    tag = g.pop("etag", None)
    if tag is None or response.status_code != 200:
        return response
    # A session created while rendering (the CSRF token of the language switch) changes
    # the key: tag with the one the next request will present.
    if session.get("csrf_token") and session.modified:
        tag = _etag_for_request() or tag
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache"  # revalidate: never stale
    response.vary.add("Accept-Language")  # a visitor's language follows it (forum.i18n)
    return response
