"""Brakes: how fast one account or address may act, counted in the database so that they
hold across processes and servers.

The new-account brake against spam: during its first day an account publishes at most
ten things an hour — messages, reports made public and events announced, counted
together. Each service that publishes calls `check_new_account` before it writes, so the
brake holds for every way in (form, draft list, CLI, a second server). The login throttle
(services/accounts.py) and the contact limits (services/contact.py) count their sliding
windows with the same `seconds_until_under`."""

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import ngettext
from sqlalchemy import CompoundSelect, Select, select, union_all

from forum.extensions import db
from forum.models import CalendarEvent, Flag, Post, Report, User
from forum.models.base import utcnow
from forum.services.errors import RateLimited

NEW_ACCOUNT_DAYS = 1
NEW_ACCOUNT_POSTS_PER_HOUR = 10  # setting NEW_ACCOUNT_POSTS_PER_HOUR overrides it
# Flags a member sends the moderators in an hour: a sincere member seldom flags more than a
# few; past it, the queue is being flooded (a tester sent 31 in a minute).
FLAGS_PER_HOUR = 20  # setting FLAGS_PER_HOUR overrides it


def seconds_until_under(
    moments: Select | CompoundSelect,
    limit: int,
    window: timedelta,
    now: datetime,
) -> int:
    """How many seconds until fewer than `limit` of `moments` lie in the sliding `window`
    that ends at `now`; 0 when fewer already do. `moments` is a one-column SELECT of naive
    UTC datetimes (models.base.utcnow), already restricted to the window. The `limit`-th
    most recent moment is the one whose leaving brings the count under the limit: one
    statement gives both whether the limit is reached and when it lifts. At least 1 second
    when reached (RFC 9110 §10.2.3: Retry-After is a whole number of seconds)."""
    if limit <= 0:
        return int(window.total_seconds())
    inner = moments.subquery()
    at = inner.c[0]
    nth = db.session.scalar(select(at).order_by(at.desc()).offset(limit - 1).limit(1))
    if nth is None:
        return 0
    left = (nth.replace(tzinfo=None) + window - now).total_seconds()
    return max(1, int(-(-left // 1)))


def check_new_account(author: User, drafts: bool = False) -> None:
    """Raise RateLimited when `author`, registered less than NEW_ACCOUNT_DAYS ago, has
    published NEW_ACCOUNT_POSTS_PER_HOUR things (messages, reports, events) in the last
    hour; its message gives the limit and the minutes until the hour holds fewer (also
    `retry_after`, in seconds), and says a draft may be saved meanwhile. Older
    accounts are never braked. One statement for a new account, none for an old one."""
    now = utcnow()
    if author.created_at < now - timedelta(days=NEW_ACCOUNT_DAYS):
        return
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
    )
    limit = current_app.config.get("NEW_ACCOUNT_POSTS_PER_HOUR", NEW_ACCOUNT_POSTS_PER_HOUR)
    wait = seconds_until_under(published, limit, timedelta(hours=1), now)
    if not wait:
        return
    wait = max(60, wait)  # said in minutes: never « 0 minute »
    minutes = -(-wait // 60)
    if drafts:
        message = ngettext(
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minute ; en "
            "attendant, vous pouvez enregistrer un brouillon.",
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minutes ; en "
            "attendant, vous pouvez enregistrer un brouillon.",
            minutes,
            limit=limit,
        )
    else:  # a message or an event has no draft: the text stays in the form meanwhile
        message = ngettext(
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minute ; votre "
            "texte est conservé ci-dessous.",
            "Un compte créé depuis moins d’un jour publie au plus %(limit)d messages, retours "
            "ou rendez-vous par heure (contre le spam). Réessayez dans %(num)d minutes ; votre "
            "texte est conservé ci-dessous.",
            minutes,
            limit=limit,
        )
    raise RateLimited(message, retry_after=wait)


def check_flags(reporter: User) -> None:
    """Raise RateLimited (`retry_after` in seconds) when `reporter` has sent the moderators
    FLAGS_PER_HOUR flags in the last hour, whatever the age of the account. One statement."""
    now = utcnow()
    hour = timedelta(hours=1)
    sent = select(Flag.created_at).where(
        Flag.reporter_id == reporter.id, Flag.created_at >= now - hour
    )
    limit = current_app.config.get("FLAGS_PER_HOUR", FLAGS_PER_HOUR)
    wait = seconds_until_under(sent, limit, hour, now)
    if not wait:
        return
    wait = max(60, wait)
    raise RateLimited(
        ngettext(
            "Vous avez envoyé %(limit)d signalements dans l’heure : c’est le maximum. "
            "Réessayez dans %(num)d minute ; votre texte est conservé ci-dessous.",
            "Vous avez envoyé %(limit)d signalements dans l’heure : c’est le maximum. "
            "Réessayez dans %(num)d minutes ; votre texte est conservé ci-dessous.",
            -(-wait // 60),
            limit=limit,
        ),
        retry_after=wait,
    )
