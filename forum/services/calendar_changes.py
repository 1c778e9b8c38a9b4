"""What changed in a calendar event, for the people registered to it: its old and new time
and place, written when an organiser changes it (`describe_change`, kept as the detail of
the `calendar_event_changed` event and then as the `reason` of each `event_changed`
notification, since the event itself only knows its new values), and read back when the
notification is worded (`read_change`, templates/notifications/reasons/event_changed.txt),
in the recipient's language, times as the clock of the event's place shows them
(forum.services.calendar_zones: Europe/Paris, or an overseas département's zone).

Stored as JSON of plain values (naive UTC times, place names, which are proper nouns and
need no translation), so that the words are chosen at reading time."""

import json
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from forum.services.calendar_zones import PARIS_ZONE, event_zone, to_local

REASONS = ("event_changed",)  # the notification kinds whose `reason` is such a change


@dataclass(frozen=True)
class Span:
    """When an event happens: naive UTC times, the IANA zone they are shown in (its
    place's; Europe/Paris for a change written before zones were kept); `same_day` in
    that zone."""

    start: datetime
    end: datetime
    same_day: bool
    zone: str = PARIS_ZONE


@dataclass(frozen=True)
class Place:
    """Where an event happens: online or not, and its commune and département."""

    online: bool
    name: str  # « Figeac, Lot (46) », or "" (online only)


@dataclass(frozen=True)
class EventChange:
    """An event's change as its registered are told: None for what did not change."""

    old_when: Span | None = None
    new_when: Span | None = None
    old_place: Place | None = None
    new_place: Place | None = None
    new_link: bool = False  # online before and after, with another visio link


def where_and_when(event) -> dict:
    """The time and place of a CalendarEvent as plain values (what `describe_change`
    compares)."""
    place = ", ".join(
        p for p in (event.commune, event.department.label if event.department else "") if p
    )
    return {
        "when": [event.starts_at.isoformat(), event.ends_at.isoformat()],
        "zone": event_zone(event),
        "online": bool(event.online),
        "place": place,
        "link": event.online_url if event.online else "",
    }


def describe_change(before: dict, after: dict) -> str | None:
    """The change between two `where_and_when` of an event, as JSON text; None when its
    time and place are the same."""
    change = {}
    if before["when"] != after["when"]:
        change["when"] = [before["when"], after["when"]]
        change["zones"] = [before.get("zone", PARIS_ZONE), after.get("zone", PARIS_ZONE)]
    if (before["online"], before["place"]) != (after["online"], after["place"]):
        change["where"] = [
            {"online": before["online"], "place": before["place"]},
            {"online": after["online"], "place": after["place"]},
        ]
    elif after["online"] and before["link"] != after["link"]:
        change["link"] = True
    return json.dumps(change, ensure_ascii=False) if change else None


def _span(pair, zone: str = PARIS_ZONE) -> Span:
    start, end = (datetime.fromisoformat(value) for value in pair)
    ZoneInfo(zone)  # an unknown name: ZoneInfoNotFoundError, a KeyError (read_change)
    day = [to_local(t, zone).date() for t in (start, end)]
    return Span(start, end, day[0] == day[1], zone)


def _place(value: dict) -> Place:
    return Place(bool(value.get("online")), str(value.get("place") or ""))


def read_change(text: str | None) -> EventChange | None:
    """The change written by `describe_change`; None for anything else (a notification
    stored before changes were written down, a malformed text)."""
    try:
        data = json.loads(text or "")
        old_when = new_when = old_place = new_place = None
        if "when" in data:
            zones = data.get("zones") or [PARIS_ZONE, PARIS_ZONE]
            old_when, new_when = (
                _span(p, str(z)) for p, z in zip(data["when"], zones, strict=True)
            )
        if "where" in data:
            old_place, new_place = (_place(value) for value in data["where"])
        change = EventChange(old_when, new_when, old_place, new_place, bool(data.get("link")))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if change == EventChange():
        return None
    return change
