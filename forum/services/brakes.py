"""The new-account brake against spam: during its first day an account publishes at most
ten things an hour — messages, reports made public and events announced, counted
together. Each service that publishes calls `check_new_account` before it writes, so the
brake holds for every way in (form, draft list, CLI, a second server); counted in the
database, so it holds across processes and servers."""

from datetime import timedelta

from flask import current_app
from flask_babel import ngettext
from sqlalchemy import func, select, union_all

from forum.extensions import db
from forum.models import CalendarEvent, Post, Report, User
from forum.models.base import utcnow
from forum.services.errors import RateLimited

NEW_ACCOUNT_DAYS = 1
NEW_ACCOUNT_POSTS_PER_HOUR = 10  # setting NEW_ACCOUNT_POSTS_PER_HOUR overrides it


def check_new_account(author: User) -> None:
    """Raise RateLimited when `author`, registered less than NEW_ACCOUNT_DAYS ago, has
    published NEW_ACCOUNT_POSTS_PER_HOUR things (messages, reports, events) in the last
    hour; its message gives the limit and the minutes until the oldest of them leaves the
    hour (also `retry_after`, in seconds), and says a draft may be saved meanwhile. Older
    accounts are never braked. One statement for a new account, none for an old one."""
    if author.created_at < utcnow() - timedelta(days=NEW_ACCOUNT_DAYS):
        return
    now = utcnow()
    since = now - timedelta(hours=1)
    published = union_all(
        select(Post.created_at.label("at")).where(
            Post.author_id == author.id, Post.created_at >= since
        ),
        select(Report.published_at).where(
            Report.author_id == author.id, Report.published_at >= since
        ),
        select(CalendarEvent.created_at).where(
            CalendarEvent.creator_id == author.id, CalendarEvent.created_at >= since
        ),
    ).subquery()
    recent, oldest = db.session.execute(
        select(func.count(), func.min(published.c.at)).select_from(published)
    ).one()
    limit = current_app.config.get("NEW_ACCOUNT_POSTS_PER_HOUR", NEW_ACCOUNT_POSTS_PER_HOUR)
    if recent < limit:
        return
    # Stored datetimes are naive UTC on both databases (models.base.utcnow).
    wait = max(60, int((oldest.replace(tzinfo=None) + timedelta(hours=1) - now).total_seconds()))
    minutes = -(-wait // 60)
    raise RateLimited(
        ngettext(
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minute ; en "
            "attendant, vous pouvez enregistrer un brouillon.",
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minutes ; en "
            "attendant, vous pouvez enregistrer un brouillon.",
            minutes,
            limit=limit,
        ),
        retry_after=wait,
    )
