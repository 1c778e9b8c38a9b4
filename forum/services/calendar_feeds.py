"""iCalendar (RFC 5545) feeds of the calendar, built with the `icalendar` library.

Each feed is one VCALENDAR with a VTIMEZONE for Europe/Paris (RFC 5545 §3.6.5), and one
for each other zone its events use, and one VEVENT per event: DTSTART/DTEND with the TZID
of the event's zone (§3.2.19; Europe/Paris, or its overseas département's:
forum.services.calendar_zones), so that a calendar shows it at the hour typed where it
happens and converts it for the reader, a UID stable for the life of
the event (`event-<id>@<host>`), SEQUENCE raised at every change (§3.8.7.4), STATUS
CONFIRMED or CANCELLED (§3.8.1.11) — TENTATIVE in the feeds of a member on its waiting
list, whose summary says so —, the event page as URL. The visio link is written only
for members with a seat at the event and for its organisers (`with_link`).
"""

from datetime import UTC, date
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from forum.extensions import db
from forum.i18n import current_locale, first_of_month
from forum.models import CalendarEvent, Department, KitModule, Region, Structure, User
from forum.models.base import utcnow
from forum.services.calendar import Filters
from forum.services.calendar_zones import PARIS_ZONE, event_zone, to_local
from forum.text import slugify
from forum.urls import external_url

PRODID = "-//Maillage//Calendrier du réseau//FR"
KIND_NAMES = {
    "seance": "Séance de parcours",
    "echange": "Échange de pratiques",
    "transfert": "Journée de transfert / formation",
    "autre": "Autre rendez-vous",
}


def _kinds() -> dict[str, str]:
    return {
        "seance": _("séances de parcours"),
        "echange": _("échanges de pratiques"),
        "transfert": _("journées de transfert / formation"),
        "autre": _("autres rendez-vous"),
    }


def feed_name(filters: Filters) -> str:
    """The calendar name of a filtered feed, saying its filters in the current language
    (« Maillage — rendez-vous · Ardèche · échanges de pratiques »), so that several
    subscriptions read apart in a calendar application. A value that names nothing
    known is said as typed. One statement per filter given, none without."""

    def named(model, key, attribute="name", column=None):
        if column is not None:
            row = db.session.scalar(select(model).where(column == key))
        else:
            row = db.session.get(model, key)
        return getattr(row, attribute) if row is not None else key

    parts = [_("Maillage — rendez-vous")]
    if filters.region:
        parts.append(named(Region, filters.region))
    if filters.department:
        parts.append(named(Department, filters.department))
    if filters.structure:
        parts.append(named(Structure, filters.structure, column=Structure.slug))
    if filters.kind:
        parts.append(_kinds()[filters.kind])
    if filters.module:
        title = named(KitModule, filters.module, "title", column=KitModule.slug)
        parts.append(_("module « %(title)s »", title=title))
    if filters.start:
        parts.append(_("à partir du %(date)s", date=_day(filters.start)))
    if filters.end:
        parts.append(_("jusqu’au %(date)s", date=_day(filters.end)))
    return " · ".join(parts)


def private_feed_name(user: User) -> str:
    """The calendar name of a member's private feed: theirs, and what it holds (their
    registrations and their structure's events), in the current language."""
    parts = [_("Maillage — mon agenda (%(name)s)", name=user.display_name), _("mes inscriptions")]
    if user.structure is not None:
        parts.append(user.structure.name)
    return " · ".join(parts)


def filename(name: str) -> str:
    """The file name of a feed, an ASCII slug of its calendar name (« Maillage — rendez-vous
    · Lot » -> `maillage-rendez-vous-lot.ics`), so that downloads read apart."""
    return f"{slugify(name, max_length=120)}.ics"


def event_filename(event: CalendarEvent) -> str:
    """The file name of one event's .ics: the network, its id and its title, ASCII."""
    return filename(f"maillage {event.id} {event.title}")


def uid(event: CalendarEvent) -> str:
    """The event's UID: the same in every feed and at every change."""
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "maillage"
    return f"event-{event.id}@{host}"


def _vevent(event: CalendarEvent, with_link: bool, waiting: bool = False) -> bytes:
    """The VEVENT of an event as RFC 5545 text, made by icalendar once per process for each
    state of the event (`_vevent_text` is keyed by every value it writes: id, SEQUENCE,
    times, place, structure name…), since icalendar spends ~1.5 ms per event: 500 events
    would take ~0.8 s at each fetch."""
    place = ", ".join(
        p for p in (event.commune, event.department.label if event.department else "") if p
    )
    return _vevent_text(
        event.id,
        event.sequence,
        event.cancelled,
        waiting,
        event.kind,
        event.title,
        event.starts_at,
        event.ends_at,
        event_zone(event),
        event.created_at.replace(microsecond=0),
        event.updated_at.replace(microsecond=0),
        place,
        event.online,
        event.online_url if with_link else "",
        event.structure.name if event.structure is not None else "",
        event.description_md,
        current_app.config["BASE_URL"],
    )


@lru_cache(maxsize=20_000)
def _vevent_text(
    event_id, sequence, cancelled, waiting, kind, title, starts_at, ends_at, zone, created, updated,
    place,
    online, online_url, structure, description, base_url,
) -> bytes:  # fmt: skip
    vevent = icalendar.Event()
    host = urlsplit(base_url).hostname or "maillage"
    vevent.add("uid", f"event-{event_id}@{host}")
    # DTSTAMP: when this version of the event was written (its last change), so that the
    # text is the same at every fetch until the event changes.
    vevent.add("dtstamp", updated.replace(tzinfo=UTC))
    vevent.add("dtstart", to_local(starts_at, zone))  # TZID=<zone>, its VTIMEZONE in the head
    vevent.add("dtend", to_local(ends_at, zone))
    vevent.add("summary", f"[Liste d’attente] {title}" if waiting and not cancelled else title)
    vevent.add("sequence", sequence)
    vevent.add("status", "CANCELLED" if cancelled else ("TENTATIVE" if waiting else "CONFIRMED"))
    vevent.add("categories", [KIND_NAMES.get(kind, kind)])
    vevent.add("created", created.replace(tzinfo=UTC))
    vevent.add("last-modified", updated.replace(tzinfo=UTC))
    if online:
        place = ("En ligne" + (f" — {online_url}" if online_url else "")) + (
            f" ({place})" if place else ""
        )
    if place:
        vevent.add("location", place)
    page = external_url("calendar.detail", event_id=event_id)
    vevent.add("url", page)
    text = description  # Markdown reads as plain text
    if structure:
        text = f"Organisé par {structure}.\n\n{text}".strip()
    vevent.add("description", f"{text}\n\n{page}".strip())
    return vevent.to_ical()


@lru_cache(maxsize=64)
def _calendar_head(name: str, first_year: int, last_year: int, zones: tuple[str, ...]) -> bytes:
    """VCALENDAR properties and the VTIMEZONE of Europe/Paris and of each of `zones` (IANA
    names) for these years, without its END line."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986 §5.1; X-WR-CALNAME for the applications before it
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    for zone in (PARIS_ZONE, *(z for z in zones if z != PARIS_ZONE)):
        cal.add_component(
            icalendar.Timezone.from_tzinfo(
                ZoneInfo(zone),
                zone,
                first_date=date(first_year, 1, 1),
                last_date=date(last_year, 12, 31),
            )
        )
    text = cal.to_ical()
    assert text.endswith(END)
    return text[: -len(END)]


END = b"END:VCALENDAR\r\n"


def calendar_bytes(
    events: list[CalendarEvent],
    name: str,
    registered: set[int] = frozenset(),
    waiting: set[int] = frozenset(),
) -> bytes:
    """One VCALENDAR of `events` (RFC 5545 text, CRLF lines, UTF-8), with the VTIMEZONE of
    Europe/Paris, and of each other zone of its events, covering their years.
    `registered`: ids of the events whose visio link
    may be written; `waiting`: ids of those the reader waits for (STATUS:TENTATIVE)."""
    today = utcnow().date()
    first = min((e.starts_at.year for e in events), default=today.year)
    last = max((e.ends_at.year for e in events), default=today.year)
    zones = tuple(sorted({event_zone(e) for e in events}))
    parts = [_calendar_head(name, first - 1, last + 1, zones)]
    parts += [_vevent(e, e.id in registered, e.id in waiting) for e in events]
    parts.append(END)
    return b"".join(parts)


def _day(value) -> str:
    """« 1er janvier 2026 »: a day in words in the current language."""
    return first_of_month(format_date(value, "d MMMM y"), current_locale())
