"""The new-account brake against spam: during its first day an account publishes at most
ten things an hour — messages, reports made public and events announced, counted
together. Each service that publishes calls `check_new_account` before it writes, so the
brake holds for every way in (form, draft list, CLI, a second server); counted in the
database, so it holds across processes and servers."""

from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import CalendarEvent, Post, Report, User
from forum.models.base import utcnow
from forum.services.errors import RateLimited

NEW_ACCOUNT_DAYS = 1
NEW_ACCOUNT_POSTS_PER_HOUR = 10  # setting NEW_ACCOUNT_POSTS_PER_HOUR overrides it


def check_new_account(author: User) -> None:
    """Raise RateLimited when `author`, registered less than NEW_ACCOUNT_DAYS ago, has
    published NEW_ACCOUNT_POSTS_PER_HOUR things (messages, reports, events) in the last
    hour; older accounts are never braked. One statement for a new account, none for an
    old one."""
    if author.created_at < utcnow() - timedelta(days=NEW_ACCOUNT_DAYS):
        return
    since = utcnow() - timedelta(hours=1)
    posts = select(func.count(Post.id)).where(Post.author_id == author.id, Post.created_at >= since)
    reports = select(func.count(Report.id)).where(
        Report.author_id == author.id, Report.published_at >= since
    )
    events = select(func.count(CalendarEvent.id)).where(
        CalendarEvent.creator_id == author.id, CalendarEvent.created_at >= since
    )
    recent = db.session.scalar(
        select(posts.scalar_subquery() + reports.scalar_subquery() + events.scalar_subquery())
    )
    limit = current_app.config.get("NEW_ACCOUNT_POSTS_PER_HOUR", NEW_ACCOUNT_POSTS_PER_HOUR)
    if recent >= limit:
        raise RateLimited(_("Vous publiez beaucoup pour un compte tout neuf : patientez un peu."))
