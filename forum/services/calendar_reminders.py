"""The reminder e-mail two days before an event (issue 15, point 2), with the event's
.ics attached, to each member with a confirmed seat who did not choose « jamais » for
reminders (notification settings, kind "reminders")."""

from datetime import datetime, timedelta

from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.mail import send_mail
from forum.models import CalendarEvent, EventRegistration
from forum.models.base import utcnow
from forum.models.calendar import CONFIRMED
from forum.services import notification_settings as settings
from forum.services.calendar import local_times
from forum.services.calendar_feeds import calendar_bytes
from forum.services.calendar_zones import event_zone, zone_label
from forum.services.notification_wording import render_text
from forum.urls import external_url

REMIND_BEFORE = timedelta(days=2)  # « deux jours avant » (issue 15)


def due(now: datetime) -> list[EventRegistration]:
    """Confirmed registrations to events starting within REMIND_BEFORE, not cancelled,
    not reminded yet; each claimed (FOR UPDATE SKIP LOCKED on PostgreSQL) until the
    command commits, so that cron running the job on every server at once sends each
    reminder once (issue 17, point 3): a server finding a row held moves on."""
    return list(
        db.session.scalars(
            select(EventRegistration)
            .join(CalendarEvent, CalendarEvent.id == EventRegistration.event_id)
            .where(
                EventRegistration.status == CONFIRMED,
                EventRegistration.reminded_at.is_(None),
                CalendarEvent.cancelled_at.is_(None),
                CalendarEvent.starts_at > now,
                CalendarEvent.starts_at <= now + REMIND_BEFORE,
            )
            .options(joinedload(EventRegistration.event), joinedload(EventRegistration.user))
            .order_by(EventRegistration.id)
            .with_for_update(skip_locked=True, of=EventRegistration)
        )
    )


def send_reminders(now: datetime | None = None) -> int:
    """Send the due reminders, each in its member's language, and mark them sent (one
    e-mail per registration, never two: `reminded_at`). Returns how many were sent.
    Flushes; the CLI command commits. A member who chose « jamais » is marked without
    e-mail. Raises what send_mail raises (the command stops; what was sent is kept)."""
    now = now or utcnow()
    registrations = due(now)
    modes = settings.modes_for({r.user_id for r in registrations})
    sent = 0
    for registration in registrations:
        user, event = registration.user, registration.event
        if settings.mode_for(modes[user.id], "event_reminder") != "never" and not user.is_suspended:
            with force_locale(user.locale or "fr"):
                _send(user, event)
            sent += 1
        registration.reminded_at = now
        db.session.flush()
    return sent


def _send(user, event: CalendarEvent) -> None:
    url = external_url("calendar.detail", event_id=event.id)
    when = local_times(event)[0]  # the clock of its place, La Réunion's for an event there
    subject = _("Rappel : « %(title)s », %(when)s", title=event.title, when=_day(when))
    body = render_text(
        "mail/event_reminder.txt",
        user=user,
        event=event,
        when=when,
        when_text=_day(when),
        zone=zone_label(event_zone(event)),
        url=url,
        settings_url=external_url("users.account", _anchor="email"),
    )
    ics = calendar_bytes([event], event.title, {event.id}).decode()
    send_mail(
        user.email,
        f"[Maillage] {subject}",
        body,
        attachments=[(ics, "calendar", f"maillage-{event.id}.ics")],
    )


def _day(value: datetime) -> str:
    """An aware time in words, in its own zone (not converted to Paris's)."""
    return format_datetime(value, "EEEE d MMMM 'à' HH:mm", rebase=False)
