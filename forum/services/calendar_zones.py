"""Which clock an event's times are read in: the time zone of the place where it happens.

An event in an overseas département is typed, shown and exported in that département's
time (a facilitator of La Réunion means her own 14:00); an event in metropolitan France,
or online (whose place is no clock), in Europe/Paris. The database keeps naive UTC either
way; the zone is not stored but follows from the event's département and « en ligne »
box, so that editing an event's place keeps the meaning of the times as typed there.

Zone names are those of the IANA time zone database (`zoneinfo`), one per overseas
département by its INSEE code.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from forum.i18n import lazy

PARIS_ZONE = "Europe/Paris"
# INSEE code of an overseas département -> IANA zone (tz database `zone1970.tab`, `backward`).
OVERSEAS_ZONES = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",  # a collectivité, listed should the territories grow
    "976": "Indian/Mayotte",
}
# What the pages say after a time: « 14:00 – 17:00 (heure de La Réunion) ».
_LABELS = {
    PARIS_ZONE: lazy("heure de Paris"),
    "America/Guadeloupe": lazy("heure de la Guadeloupe"),
    "America/Martinique": lazy("heure de la Martinique"),
    "America/Cayenne": lazy("heure de la Guyane"),
    "Indian/Reunion": lazy("heure de La Réunion"),
    "America/Miquelon": lazy("heure de Saint-Pierre-et-Miquelon"),
    "Indian/Mayotte": lazy("heure de Mayotte"),
}


def zone_name(department_code: str | None, online: bool) -> str:
    """The IANA zone name whose wall-clock times an event of this place uses: its overseas
    département's (OVERSEAS_ZONES) unless it is online; Europe/Paris otherwise."""
    if online or not department_code:
        return PARIS_ZONE
    return OVERSEAS_ZONES.get(department_code, PARIS_ZONE)


def event_zone(event) -> str:
    """`zone_name` of a CalendarEvent as stored (its département and « en ligne »)."""
    return zone_name(event.department_code, bool(event.online))


def zone_label(name: str) -> str:
    """« heure de La Réunion »: which time a page shows, in the current language."""
    return str(_LABELS.get(name, name))


def is_paris(name: str) -> bool:
    return name == PARIS_ZONE


def to_utc(local: datetime, name: str = PARIS_ZONE) -> datetime:
    """A naive wall-clock time of zone `name` -> naive UTC (what the database keeps).

    The nights the clocks change (Europe/Paris, America/Miquelon; the other overseas
    zones keep one offset all year), as zoneinfo does with fold=0:
    - a time repeated by the autumn change is its first occurrence, still summer time
      (02:30 on the last Sunday of October in Paris -> 00:30 UTC). It is how RFC 5545
      (§3.3.5) reads a local DTSTART of our feeds, and it keeps the order of wall-clock
      times; the organiser is told which one was taken (`is_repeated`);
    - a time skipped by the spring change does not exist: read with the winter offset.
      Forms never get here with one: the event's validation refuses it (`exists_in`)."""
    return local.replace(tzinfo=ZoneInfo(name)).astimezone(UTC).replace(tzinfo=None)


def to_local(stored: datetime, name: str = PARIS_ZONE) -> datetime:
    """A naive UTC time from the database -> an aware time of zone `name`."""
    return stored.replace(tzinfo=UTC).astimezone(ZoneInfo(name))


def exists_in(local: datetime, name: str = PARIS_ZONE) -> bool:
    """False for a naive wall-clock time that zone `name` skips (in Paris, the hour from
    02:00 on the last Sunday of March); repeated times exist (see `to_utc`)."""
    return to_local(to_utc(local, name), name).replace(tzinfo=None) == local


def is_repeated(local: datetime, name: str = PARIS_ZONE) -> bool:
    """True for a naive wall-clock time that zone `name` shows twice (in Paris, 02:00–02:59
    on the last Sunday of October): its two readings (fold 0 and 1, PEP 495) are
    different moments."""
    zone = ZoneInfo(name)
    first = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second = local.replace(tzinfo=zone, fold=1).astimezone(UTC)
    return second - first >= timedelta(minutes=1)
