"""What changed in a calendar event, for the people registered to it: its old and new time
and place, written when an organiser changes it (`describe_change`, kept as the detail of
the `calendar_event_changed` event and then as the `reason` of each `event_changed`
notification, since the event itself only knows its new values), and read back when the
notification is worded (`read_change`, templates/notifications/reasons/event_changed.txt),
in the recipient's language, times in Europe/Paris.

Stored as JSON of plain values (naive UTC times, place names, which are proper nouns and
need no translation), so that the words are chosen at reading time."""

import json
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
REASONS = ("event_changed",)  # the notification kinds whose `reason` is such a change


@dataclass(frozen=True)
class Span:
    """When an event happens: naive UTC times; `same_day` in Paris."""

    start: datetime
    end: datetime
    same_day: bool


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
    if (before["online"], before["place"]) != (after["online"], after["place"]):
        change["where"] = [
            {"online": before["online"], "place": before["place"]},
            {"online": after["online"], "place": after["place"]},
        ]
    elif after["online"] and before["link"] != after["link"]:
        change["link"] = True
    return json.dumps(change, ensure_ascii=False) if change else None


def _span(pair) -> Span:
    start, end = (datetime.fromisoformat(value) for value in pair)
    day = [t.replace(tzinfo=ZoneInfo("UTC")).astimezone(PARIS).date() for t in (start, end)]
    return Span(start, end, day[0] == day[1])


def _place(value: dict) -> Place:
    return Place(bool(value.get("online")), str(value.get("place") or ""))


def read_change(text: str | None) -> EventChange | None:
    """The change written by `describe_change`; None for anything else (a notification
    stored before changes were written down, a malformed text)."""
    try:
        data = json.loads(text or "")
        old_when = new_when = old_place = new_place = None
        if "when" in data:
            old_when, new_when = (_span(pair) for pair in data["when"])
        if "where" in data:
            old_place, new_place = (_place(value) for value in data["where"])
        change = EventChange(old_when, new_when, old_place, new_place, bool(data.get("link")))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if change == EventChange():
        return None
    return change
