"""The network's calendar: events (parcours sessions and meetings), registration with a
waiting list, who may see and organise an event, the lists of /events/ and the private
feed addresses.

Times: forms give wall-clock times of the event's place (Europe/Paris, or its overseas
département's zone: forum.services.calendar_zones); the database keeps naive UTC
(`to_utc`, `local_times`). Rules come from issue 15 (« Build », « Bad input »).
"""

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import and_, case, delete, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from forum import limits
from forum.extensions import db
from forum.i18n import lazy, long_date
from forum.markup import render_markdown
from forum.models import (
    EVENT_KINDS,
    REGISTRATION_ROLES,
    VISIBILITIES,
    CalendarEvent,
    CalendarFeedToken,
    Department,
    EventRegistration,
    KitModule,
    Parcours,
    Region,
    Report,
    Structure,
    User,
    calendar_event_modules,
)
from forum.models.base import utcnow
from forum.models.calendar import CONFIRMED, WAITING
from forum.pagination import Page, require_page
from forum.services import affiliation, calendar_zones
from forum.services import events as outbox
from forum.services.brakes import check_new_account
from forum.services.calendar_changes import describe_change, where_and_when
from forum.services.calendar_zones import PARIS_ZONE, event_zone, zone_name
from forum.services.errors import Conflict, Forbidden, Invalid, NotFound
from forum.services.reports import ReportInput, create_report
from forum.services.reports import can_edit as can_edit_report
from forum.text import spreadsheet_safe

PARIS = ZoneInfo(PARIS_ZONE)
# Dates outside these years are typing mistakes (« a date in 1850 or 3000 », issue 15).
FIRST_YEAR, LAST_YEAR = limits.FIRST_YEAR, limits.LAST_YEAR
SESSIONS = 6  # a parcours is six half-day sessions (the kit, seed article)
PER_PAGE = 30
FEED_LIMIT = 1000  # events in one .ics feed at most
FEED_PAST_DAYS = 90  # a filtered feed starts this many days back
# A session that ended longer ago than this gets no draft retour (older sessions, e.g. at
# the first deployment or in imported history, are left alone).
DRAFT_WINDOW = timedelta(days=14)


def to_utc(local: datetime, zone: str = PARIS_ZONE) -> datetime:
    """A naive wall-clock time of `zone` (an IANA name; Europe/Paris by default) -> naive
    UTC, what the database keeps. The rules of the clock-change nights are
    forum.services.calendar_zones.to_utc's."""
    return calendar_zones.to_utc(local, zone)


def exists_in_paris(local: datetime) -> bool:
    """False for a naive wall-clock time that Paris skips (the hour from 02:00 on the last
    Sunday of March, when the clocks go forward); repeated times exist (see `to_utc`)."""
    return calendar_zones.exists_in(local, PARIS_ZONE)


def to_paris(stored: datetime) -> datetime:
    """A naive UTC time from the database -> an aware Europe/Paris time."""
    return calendar_zones.to_local(stored, PARIS_ZONE)


def local_times(event: CalendarEvent) -> tuple[datetime, datetime]:
    """The event's start and end as aware times of its own zone (`event_zone`: its
    overseas département's, else Europe/Paris)."""
    zone = event_zone(event)
    return calendar_zones.to_local(event.starts_at, zone), calendar_zones.to_local(
        event.ends_at, zone
    )


def repeated_times(event: CalendarEvent) -> list[datetime]:
    """The event's local start and end (naive, its zone) that its clock shows twice (the
    autumn change): each was read as its first occurrence (`to_utc`), which the organiser
    is told."""
    zone = event_zone(event)
    return [
        t.replace(tzinfo=None)
        for t in local_times(event)
        if calendar_zones.is_repeated(t.replace(tzinfo=None), zone)
    ]


# --- who sees, who organises ------------------------------------------------------------


def _member(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def visible_to(user, event: CalendarEvent) -> bool:
    """Public events for everyone; members-only events for signed-in members. The one
    rule, also as SQL in `visible_clause`."""
    return event.visibility == "public" or _member(user)


def visible_clause(user):
    """`visible_to` as a SQL condition on CalendarEvent."""
    return true() if _member(user) else CalendarEvent.visibility == "public"


def may_organise(user, event: CalendarEvent) -> bool:
    """The organisers of an event: who created it, the members of its organising
    structure, and moderators. They edit, cancel and read the list of registrations."""
    if not _member(user):
        return False
    if user.is_moderator or (event.creator_id is not None and event.creator_id == user.id):
        return True
    return event.structure_id is not None and user.structure_id == event.structure_id


# --- writing an event ---------------------------------------------------------------------


@dataclass
class EventInput:
    """What the event form gives: local times (naive, wall-clock times of the event's
    place: `zone_name(department, online)`), codes and slugs."""

    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    department: str = ""
    commune: str = ""
    online: bool = False
    online_url: str = ""
    structure_id: int | None = None
    parcours_id: int | None = None
    session_number: int | None = None
    modules: list[str] = field(default_factory=list)
    capacity: int | None = None
    visibility: str = "public"
    description: str = ""
    registration_open: bool = True


def _check(data: EventInput, user: User, event: CalendarEvent | None = None) -> dict:
    """Validate and resolve an EventInput for `user` (creating, or editing `event`); the
    structure and parcours follow forum.services.affiliation. Times are read in the zone
    of the place given (`zone_name`). Raises Invalid(field, French message)."""
    if data.kind not in EVENT_KINDS:
        raise Invalid("kind", _("Choisissez le type de rendez-vous."))
    if data.visibility not in VISIBILITIES:
        raise Invalid("visibility", _("Choisissez qui peut voir ce rendez-vous."))
    for name in ("starts_at", "ends_at"):
        value = getattr(data, name)
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise Invalid(
                name,
                _("Indiquez une date entre %(a)d et %(b)d.", a=FIRST_YEAR, b=LAST_YEAR),
            )
        if not calendar_zones.exists_in(value, zone_name(data.department, data.online)):
            # Read anyway, 02:30–03:30 became 03:30–03:30: an event of no length, shown so.
            raise Invalid(
                name,
                _(
                    "Cette heure n’existe pas ce jour-là (passage à l’heure d’été) : "
                    "choisissez-en une autre."
                ),
            )
    if data.ends_at <= data.starts_at:
        raise Invalid("ends_at", _("La fin doit venir après le début."))
    if data.ends_at - data.starts_at > timedelta(days=14):
        raise Invalid("ends_at", _("Un rendez-vous dure au plus deux semaines."))
    if data.capacity is not None and data.capacity < 1:
        raise Invalid("capacity", _("Indiquez au moins une place, ou laissez vide (sans limite)."))
    if data.capacity is not None and data.capacity > limits.EVENT_CAPACITY_MAX:
        raise Invalid(
            "capacity", _("Indiquez au plus 10 000 places, ou laissez vide (sans limite).")
        )
    department = None
    if data.department:
        department = db.session.get(Department, data.department)
        if department is None:
            raise Invalid("department", _("Département inconnu."))
    url = data.online_url.strip()
    if data.online:
        if not url.startswith(("https://", "http://")):
            raise Invalid("online_url", _("Indiquez le lien de la visio (https://…)."))
    elif url:
        # The link is given only to the registered of an event « en ligne »: kept on an
        # event that is not, it would reach no one; ticking the box for the organiser
        # would list the event as reachable from anywhere. Their choice, their text kept.
        raise Invalid(
            "online_url",
            _("Cochez « En ligne (visio) » pour garder ce lien, ou effacez-le."),
        )
    elif department is None:
        raise Invalid("department", _("Indiquez le département du lieu, ou cochez « en ligne »."))
    kept = (event.structure, event.parcours) if event is not None else (None, None)
    structure, parcours = affiliation.resolve(user, data.structure_id, data.parcours_id, kept)
    if data.kind == "seance":
        if parcours is None:
            raise Invalid("parcours", _("Une séance de parcours appartient à un parcours."))
        if data.session_number is None or not 1 <= data.session_number <= SESSIONS:
            raise Invalid("session_number", _("Indiquez le numéro de la séance, de 1 à 6."))
    elif data.session_number is not None and parcours is None:
        raise Invalid("session_number", _("Un numéro de séance va avec un parcours."))
    if data.kind == "seance":
        _check_within_parcours(parcours, data.starts_at)
    modules = []
    if data.modules:
        modules = list(
            db.session.scalars(select(KitModule).where(KitModule.slug.in_(data.modules)))
        )
        if len(modules) != len(set(data.modules)):
            raise Invalid("modules", _("Module du kit inconnu."))
    return {
        "department": department,
        "structure": structure,
        "parcours": parcours,
        "modules": modules,
    }


def _check_within_parcours(parcours: Parcours, starts_at: datetime) -> None:
    """A session's day (Europe/Paris) within its parcours' period: not before its start,
    not after its end when it has one — on creation, one by one or the six at once, and
    on every change. Raises Invalid("starts_at", French message naming the date)."""
    if starts_at.date() < parcours.start_date:
        raise Invalid(
            "starts_at",
            _(
                "Cette séance précède le début du parcours (%(date)s).",
                date=long_date(parcours.start_date),
            ),
        )
    if parcours.end_date and starts_at.date() > parcours.end_date:
        raise Invalid(
            "starts_at",
            _(
                "Cette séance suit la fin du parcours (%(date)s).",
                date=long_date(parcours.end_date),
            ),
        )


def _check_session_free(data: EventInput, resolved: dict, event=None) -> None:
    """Each session number of a parcours once in the calendar (cancelled sessions aside).
    Raises Invalid("session_number", French message)."""
    parcours = resolved["parcours"]
    if parcours is not None and data.kind == "seance" and data.session_number:
        taken = select(CalendarEvent.id).where(
            CalendarEvent.parcours_id == parcours.id,
            CalendarEvent.session_number == data.session_number,
            CalendarEvent.cancelled_at.is_(None),
        )
        if event is not None and event.id:
            taken = taken.where(CalendarEvent.id != event.id)
        if db.session.scalar(taken.limit(1)) is not None:
            raise Invalid(
                "session_number",
                _("La séance %(n)d de ce parcours est déjà au calendrier.", n=data.session_number),
            )


def forget_member(user: User) -> None:
    """What the calendar keeps of a member whose account is deleted: nothing. Their seats
    to coming events are freed (the waiting list moves up, the promoted are told), their
    other registrations and private feed go, the events they created stay, without
    creator. Flushes; called by privacy.delete_account."""
    now = utcnow()
    for registration in list(
        db.session.scalars(
            select(EventRegistration)
            .where(EventRegistration.user_id == user.id)
            .options(joinedload(EventRegistration.event))
        )
    ):
        event = registration.event
        freed = registration.status == CONFIRMED and event.starts_at > now
        if freed:
            _lock(event)
        db.session.delete(registration)
        db.session.flush()
        if freed:
            _promote(event)
    db.session.execute(delete(CalendarFeedToken).where(CalendarFeedToken.user_id == user.id))
    db.session.execute(
        update(CalendarEvent).where(CalendarEvent.creator_id == user.id).values(creator_id=None)
    )
    db.session.flush()


def _utc_times(data: EventInput) -> tuple[datetime, datetime]:
    """The input's start and end as naive UTC, read in the zone of its place."""
    zone = zone_name(data.department, data.online)
    return to_utc(data.starts_at, zone), to_utc(data.ends_at, zone)


def _apply(event: CalendarEvent, data: EventInput, resolved: dict) -> None:
    event.kind = data.kind
    event.title = data.title.strip()
    event.starts_at, event.ends_at = _utc_times(data)
    event.department_code = resolved["department"].code if resolved["department"] else None
    event.commune = data.commune.strip()
    event.online = data.online
    event.online_url = data.online_url.strip() if data.online else ""
    event.structure = resolved["structure"]
    event.parcours = resolved["parcours"]
    event.session_number = data.session_number if resolved["parcours"] else None
    event.modules = resolved["modules"]
    event.capacity = data.capacity
    event.visibility = data.visibility
    event.registration_open = data.registration_open
    event.description_md = data.description
    event.description_html = str(render_markdown(data.description))


def create_event(creator: User, data: EventInput) -> CalendarEvent:
    """A new event, organised by `creator` (and their structure when none is given).
    Raises Invalid, or RateLimited for a new account's eleventh publication of the hour
    (forum.services.brakes). Flushes."""
    if data.structure_id is None and creator.structure_id:
        data.structure_id = creator.structure_id
    resolved = _check(data, creator)
    _check_session_free(data, resolved)
    check_new_account(creator)
    event = CalendarEvent(creator_id=creator.id)
    _apply(event, data, resolved)
    db.session.add(event)
    db.session.flush()
    return event


SESSION_LENGTH = timedelta(hours=3)  # a half-day (the kit's sessions)


def create_sessions(
    creator: User, parcours: Parcours, starts: dict[int, datetime]
) -> list[CalendarEvent]:
    """The sessions of a new parcours in the calendar: {number (1–6): start (Europe/Paris,
    naive)}, each SESSION_LENGTH long, at the parcours' place, organised by the creator's
    structure when it runs the parcours, else by its first. Raises Invalid (field
    `session_<n>`) for a date out of range, or outside the parcours' period (before
    its start, after its end when it has one: _check_within_parcours). Flushes."""
    made = []
    runs = parcours.structures
    structure = next((s for s in runs if s.id == creator.structure_id), runs[0] if runs else None)
    for number, start in sorted(starts.items()):
        data = EventInput(
            kind="seance",
            title=_("%(title)s — séance %(n)d", title=parcours.title, n=number)[:200],
            starts_at=start,
            ends_at=start + SESSION_LENGTH,
            department=parcours.department_code,
            commune=parcours.place,
            structure_id=structure.id if structure else None,
            parcours_id=parcours.id,
            session_number=number,
        )
        try:
            made.append(create_event(creator, data))
        except Invalid as error:
            raise Invalid(f"session_{number}", error.message) from None
    return made


def update_event(event: CalendarEvent, editor: User, data: EventInput) -> bool:
    """Change an event (its organisers only: Forbidden otherwise; a cancelled event:
    Conflict). SEQUENCE is raised (RFC 5545 §3.8.7.4); seats added go to the waiting
    list in order (they are told). Returns True when its time or
    place changed, which tells the registered what changed (event
    `calendar_event_changed`, its detail by forum.services.calendar_changes)."""
    if not may_organise(editor, event):
        raise Forbidden(_("Seuls les organisateurs de ce rendez-vous peuvent le modifier."))
    return _change_event(event, editor, data)


def _change_event(event: CalendarEvent, editor: User, data: EventInput) -> bool:
    """update_event once it is known `editor` may: by the organisers, or by whoever
    changes the session's parcours (follow_parcours). Same checks, same notices."""
    if event.cancelled:
        raise Conflict(_("Ce rendez-vous est annulé : il ne peut plus être modifié."))
    before = where_and_when(event)
    resolved = _check(data, editor, event)
    now = utcnow()
    starts_at, ends_at = _utc_times(data)
    if event.starts_at > now and starts_at <= now:
        # Created in the past is fine (a session recorded afterwards, nobody to tell); an
        # upcoming event moved into the past would tell its registrants a time gone by.
        raise Invalid(
            "starts_at",
            _("Ce rendez-vous n’a pas encore eu lieu : indiquez un début à venir."),
        )
    if has_ended(event) and (starts_at, ends_at) != (
        event.starts_at,
        event.ends_at,
    ):
        # What happened happened: a session moved after its end would reopen it (and let
        # it be cancelled, or fall after the parcours' last session). Its text may change.
        raise Invalid(
            "starts_at",
            _("Ce rendez-vous a eu lieu : son horaire ne change plus (le reste, si)."),
        )
    _check_session_free(data, resolved, event)
    _apply(event, data, resolved)
    event.sequence += 1
    event.updated_at = utcnow()
    db.session.flush()
    db.session.expire(event, ["department"])  # read again from its new code
    _promote(event)  # more seats (or none limited any more): the waiting list moves up
    # The notices say what changed, old and new: the event only keeps the new values.
    change = describe_change(before, where_and_when(event))
    if change is not None:
        outbox.record("calendar_event_changed", event.id, editor.id, detail=change)
    return change is not None


def _generated_titles(title: str, number: int | None) -> set[str]:
    """The titles create_sessions gives session `number` of a parcours named `title`, in
    each language it may have been created in."""
    titles = set()
    for locale in ("fr", "en"):
        with force_locale(locale):
            titles.add(_("%(title)s — séance %(n)d", title=title, n=number or 0)[:200])
    return titles


def _input_of(event: CalendarEvent) -> EventInput:
    """An event as the event form would send it back unchanged (wall-clock times of its
    place, codes, slugs)."""
    starts_at, ends_at = local_times(event)
    return EventInput(
        kind=event.kind,
        title=event.title,
        starts_at=starts_at.replace(tzinfo=None),
        ends_at=ends_at.replace(tzinfo=None),
        department=event.department_code or "",
        commune=event.commune or "",
        online=event.online,
        online_url=event.online_url or "",
        structure_id=event.structure_id,
        parcours_id=event.parcours_id,
        session_number=event.session_number,
        modules=[m.slug for m in event.modules],
        capacity=event.capacity,
        visibility=event.visibility,
        description=event.description_md or "",
        registration_open=event.registration_open,
    )


def follow_parcours(parcours: Parcours, editor: User, old_title: str, old_place: str) -> int:
    """After `parcours` was renamed or moved (forum.services.parcours.update_parcours), its
    sessions (cancelled ones aside) follow: a title create_sessions made from the old
    title becomes the new one's, a commune that was the old place the new place; a
    title or commune changed by hand stays. Changed as an organiser would (update_event):
    the registered of an upcoming session whose place changes are told. Returns how many
    sessions changed; flushes."""
    changed = 0
    sessions = db.session.scalars(
        select(CalendarEvent)
        .where(CalendarEvent.parcours_id == parcours.id, CalendarEvent.cancelled_at.is_(None))
        .order_by(CalendarEvent.starts_at)
    )
    for event in list(sessions):
        data = _input_of(event)
        if parcours.title != old_title and event.title in _generated_titles(
            old_title, event.session_number
        ):
            generated = _("%(title)s — séance %(n)d", title=parcours.title, n=event.session_number)
            data.title = generated[:200]
        if parcours.place != old_place and (event.commune or "") == old_place:
            data.commune = parcours.place
        if (data.title, data.commune) == (event.title, event.commune or ""):
            continue
        _change_event(event, editor, data)
        changed += 1
    return changed


def has_ended(event: CalendarEvent) -> bool:
    """Whether the event is over (its end is past): it can no longer be cancelled."""
    return event.ends_at <= utcnow()


def check_cancellable(event: CalendarEvent) -> None:
    """Raise Conflict (French message) when the event is already cancelled or has ended."""
    if event.cancelled:
        raise Conflict(_("Ce rendez-vous est déjà annulé."))
    if has_ended(event):
        raise Conflict(_("Ce rendez-vous est terminé : il ne peut plus être annulé."))


def cancel_event(event: CalendarEvent, user: User) -> None:
    """Cancel an event (organisers; Forbidden otherwise, Conflict if already cancelled or
    ended):
    it stays listed as cancelled, its feeds say STATUS:CANCELLED and the registered are
    told (event `calendar_event_cancelled`)."""
    if not may_organise(user, event):
        raise Forbidden(_("Seuls les organisateurs de ce rendez-vous peuvent l’annuler."))
    check_cancellable(event)
    event.cancelled_at = utcnow()
    event.sequence += 1
    event.updated_at = event.cancelled_at
    db.session.flush()
    outbox.record("calendar_event_cancelled", event.id, user.id)


# --- registration -------------------------------------------------------------------------


def _lock(event: CalendarEvent) -> None:
    """Serialise registrations to one event: a write on its row first (PostgreSQL: a row
    lock held to the end of the transaction; SQLite: the database's write lock, taken
    before anything is counted), so two requests for the last seat count one after the
    other."""
    db.session.execute(
        update(CalendarEvent)
        .where(CalendarEvent.id == event.id)
        .values(sequence=CalendarEvent.sequence)
        .execution_options(synchronize_session=False)
    )


def confirmed_count(event_id: int) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(EventRegistration)
        .where(EventRegistration.event_id == event_id, EventRegistration.status == CONFIRMED)
    )


def registration_of(user, event: CalendarEvent) -> EventRegistration | None:
    if not _member(user):
        return None
    return db.session.scalar(
        select(EventRegistration).where(
            EventRegistration.event_id == event.id, EventRegistration.user_id == user.id
        )
    )


class AlreadyRegistered(Conflict):
    """The member is already registered (a double click on « Je viens »)."""


def register(user: User, event: CalendarEvent, role: str) -> EventRegistration:
    """« Je viens »: a confirmed seat, or the waiting list when the event is full.
    Raises Invalid (unknown role), AlreadyRegistered (a Conflict), Conflict (event past,
    closed or cancelled). Capacity is never exceeded, even for two requests at once (`_lock`)."""
    if role not in REGISTRATION_ROLES:
        raise Invalid(
            "role", _("Choisissez votre rôle : participant·e, co-animation ou observation.")
        )
    if not visible_to(user, event):
        raise NotFound(_("Ce rendez-vous n’existe pas."))
    if event.cancelled:
        raise Conflict(_("Ce rendez-vous est annulé."))
    if event.starts_at <= utcnow():
        raise Conflict(_("Ce rendez-vous a déjà commencé : les inscriptions sont closes."))
    if not event.registration_open:
        raise Conflict(_("Les inscriptions à ce rendez-vous sont fermées."))
    _lock(event)
    if registration_of(user, event) is not None:
        raise AlreadyRegistered(_("Vous êtes déjà inscrit·e à ce rendez-vous."))
    full = event.capacity is not None and confirmed_count(event.id) >= event.capacity
    registration = EventRegistration(
        event_id=event.id, user_id=user.id, role=role, status=WAITING if full else CONFIRMED
    )
    db.session.add(registration)
    try:
        db.session.flush()
    except IntegrityError:  # the same member twice at once: the unique pair refused one
        raise AlreadyRegistered(_("Vous êtes déjà inscrit·e à ce rendez-vous.")) from None
    return registration


def unregister(user: User, event: CalendarEvent) -> list[int]:
    """Cancel one's own registration, until the event starts. A freed seat goes to the
    waiting list in order; the promoted are told (event `registration_promoted`).
    Returns the ids of the promoted members. Raises Conflict (not registered, started)."""
    if event.starts_at <= utcnow():
        raise Conflict(
            _("Ce rendez-vous a déjà commencé : l’inscription ne peut plus être annulée.")
        )
    _lock(event)
    registration = registration_of(user, event)
    if registration is None:
        raise Conflict(_("Vous n’êtes pas inscrit·e à ce rendez-vous."))
    freed = registration.status == CONFIRMED
    db.session.delete(registration)
    db.session.flush()
    return _promote(event) if freed else []


def _promote(event: CalendarEvent) -> list[int]:
    seats = None if event.capacity is None else event.capacity - confirmed_count(event.id)
    waiting = (
        select(EventRegistration)
        .where(EventRegistration.event_id == event.id, EventRegistration.status == WAITING)
        .order_by(EventRegistration.id)
    )
    if seats is not None:
        waiting = waiting.limit(max(seats, 0))
    promoted = list(db.session.scalars(waiting))
    for registration in promoted:
        registration.status = CONFIRMED
        db.session.flush()
        outbox.record("registration_promoted", registration.id, None)
    return [r.user_id for r in promoted]


def seat_would_go_to_someone(user, event: CalendarEvent) -> int:
    """How many people wait for a seat of `event` that `user` holds (0 when the member
    holds no confirmed seat, or nobody waits): giving it up hands it to the first of them,
    for good if the event stays full. One statement at most."""
    mine = registration_of(user, event)
    if mine is None or mine.status != CONFIRMED:
        return 0
    return int(
        db.session.scalar(
            select(func.count()).where(
                EventRegistration.event_id == event.id, EventRegistration.status == WAITING
            )
        )
        or 0
    )


def waiting_positions(event_ids: set[int]) -> dict[int, int]:
    """{registration id: its place on its event's waiting list (1 = next to get a seat)}
    for the waiting lists of `event_ids`, in one statement."""
    positions: dict[int, int] = {}
    if not event_ids:
        return positions
    rows = db.session.execute(
        select(EventRegistration.id, EventRegistration.event_id)
        .where(EventRegistration.event_id.in_(event_ids), EventRegistration.status == WAITING)
        .order_by(EventRegistration.id)  # the order in which seats are given (_promote)
    )
    seen: dict[int, int] = {}
    for registration_id, event_id in rows:
        seen[event_id] = seen.get(event_id, 0) + 1
        positions[registration_id] = seen[event_id]
    return positions


def waiting_position(registration: EventRegistration | None) -> int | None:
    """The place of `registration` on its event's waiting list, None with a seat (or none)."""
    if registration is None or registration.status != WAITING:
        return None
    return waiting_positions({registration.event_id}).get(registration.id)


MINE_PAST_LIMIT = 50  # past registrations on « Mes inscriptions », latest first


@dataclass
class MyRegistration:
    """One of a member's registrations as « Mes inscriptions » shows it: the event, the
    registration, its place on the waiting list (1 = next to get a seat; None with a
    seat), and whether it may still be cancelled (before the start, not cancelled)."""

    registration: EventRegistration
    event: CalendarEvent
    waiting_position: int | None
    cancellable: bool


def my_registrations(user: User) -> tuple[list[MyRegistration], list[MyRegistration]]:
    """The member's registrations: (upcoming — not ended — soonest first, past — the
    MINE_PAST_LIMIT latest first). At most five statements, whatever their number: each
    list with its events (and their départements), their structures, and the waiting
    lists."""
    now = utcnow()
    query = (
        select(EventRegistration)
        .join(CalendarEvent, CalendarEvent.id == EventRegistration.event_id)
        .where(EventRegistration.user_id == user.id)
        .options(contains_eager(EventRegistration.event).selectinload(CalendarEvent.structure))
    )
    upcoming = list(
        db.session.scalars(
            query.where(CalendarEvent.ends_at >= now).order_by(
                CalendarEvent.starts_at, CalendarEvent.id
            )
        )
    )
    past = list(
        db.session.scalars(
            query.where(CalendarEvent.ends_at < now)
            .order_by(CalendarEvent.starts_at.desc(), CalendarEvent.id.desc())
            .limit(MINE_PAST_LIMIT)
        )
    )
    positions = waiting_positions({r.event_id for r in upcoming if r.status == WAITING})

    def shown(r: EventRegistration, coming: bool) -> MyRegistration:
        event = r.event
        return MyRegistration(
            registration=r,
            event=event,
            waiting_position=positions.get(r.id) if coming else None,
            cancellable=coming and not event.cancelled and event.starts_at > now,
        )

    return [shown(r, True) for r in upcoming], [shown(r, False) for r in past]


def registrations(event: CalendarEvent) -> list[EventRegistration]:
    """Confirmed first, then the waiting list, each in registration order."""
    return list(
        db.session.scalars(
            select(EventRegistration)
            .where(EventRegistration.event_id == event.id)
            .options(selectinload(EventRegistration.user).selectinload(User.structure))
            .order_by((EventRegistration.status == WAITING), EventRegistration.id)
        )
    )


# The roles as the event page and the registration form say them (translated when shown).
ROLE_LABELS = (
    ("participant", lazy("Participant·e")),
    ("coanimation", lazy("Co-animateur·rice")),
    ("observation", lazy("Observateur·rice")),
)


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (forum.text.spreadsheet_safe)."""
    return spreadsheet_safe(value)


def registrations_csv(event: CalendarEvent) -> str:
    """The list of registrations as CSV (UTF-8 with BOM for spreadsheets, `;` separated as
    French spreadsheets expect): name, structure, role, status, registered at (Paris)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Nom"), _("Structure"), _("Rôle"), _("Statut"), _("Inscrit·e le")])
    for r in registrations(event):
        writer.writerow(
            [
                _cell(r.user.display_name),
                _cell(r.user.structure.name if r.user.structure else ""),
                str(dict(ROLE_LABELS).get(r.role, r.role)),
                _("confirmé·e") if r.status == CONFIRMED else _("liste d’attente"),
                to_paris(r.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return "\ufeff" + out.getvalue()


# --- lists ----------------------------------------------------------------------------------


@dataclass
class Filters:
    """The filters of /events/ and /events.ics (same query string)."""

    department: str = ""
    region: str = ""
    structure: str = ""  # slug
    kind: str = ""
    module: str = ""  # slug
    start: date | None = None  # `from`
    end: date | None = None  # `to`
    # (parameter, value as typed) of what was malformed and left out: the page says so
    ignored: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_args(cls, args) -> "Filters":
        """Read the query string; malformed values (a date that is not YYYY-MM-DD between
        FIRST_YEAR and LAST_YEAR, an end before the start, an unknown kind, a département,
        région, structure or module that names nothing: one statement each) are left out
        and listed in `ignored`."""
        ignored = []

        def day(name):
            typed = (args.get(name) or "").strip()
            if not typed:
                return None
            try:
                value = date.fromisoformat(typed)
            except ValueError:
                value = None
            if value is None or not FIRST_YEAR <= value.year <= LAST_YEAR:
                ignored.append((name, typed[:40]))
                return None
            return value

        def text(name, limit=140):
            return (args.get(name) or "").strip()[:limit]

        kind = text("kind")
        if kind and kind not in EVENT_KINDS:
            ignored.append(("kind", kind[:40]))
        names = {}
        for name, column, limit in (
            ("department", Department.code, 3),
            ("region", Region.code, 3),
            ("structure", Structure.slug, 140),
            ("module", KitModule.slug, 140),
        ):
            typed = text(name, 140)
            if typed and (
                len(typed) > limit
                or db.session.scalar(select(column).where(column == typed).limit(1)) is None
            ):
                ignored.append((name, typed[:40]))  # names nothing: said, and left out
                typed = ""
            names[name] = typed
        start, end = day("from"), day("to")
        if start and end and end < start:
            ignored.append(("period", end.isoformat()))  # ends before it starts
            end = None
        return cls(
            department=names["department"],
            region=names["region"],
            structure=names["structure"],
            kind=kind if kind in EVENT_KINDS else "",
            module=names["module"],
            start=start,
            end=end,
            ignored=ignored,
        )

    def to_args(self, **changes) -> dict:
        values = {
            "department": self.department,
            "region": self.region,
            "structure": self.structure,
            "kind": self.kind,
            "module": self.module,
            "from": self.start.isoformat() if self.start else "",
            "to": self.end.isoformat() if self.end else "",
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v}

    @property
    def active(self) -> bool:
        return bool(self.to_args())


def _filtered(filters: Filters, user):
    query = select(CalendarEvent).where(visible_clause(user))
    if filters.department:
        query = query.where(CalendarEvent.department_code == filters.department)
    if filters.region:
        query = query.where(
            CalendarEvent.department_code.in_(
                select(Department.code).where(Department.region_code == filters.region)
            )
        )
    if filters.structure:
        query = query.where(
            CalendarEvent.structure_id.in_(
                select(Structure.id).where(Structure.slug == filters.structure)
            )
        )
    if filters.kind:
        query = query.where(CalendarEvent.kind == filters.kind)
    if filters.module:
        query = query.where(
            CalendarEvent.id.in_(
                select(calendar_event_modules.c.event_id)
                .join(KitModule, KitModule.id == calendar_event_modules.c.module_id)
                .where(KitModule.slug == filters.module)
            )
        )
    if filters.start:
        query = query.where(
            CalendarEvent.ends_at >= to_utc(datetime.combine(filters.start, time()))
        )
    if filters.end:
        end = datetime.combine(filters.end + timedelta(days=1), time())
        query = query.where(CalendarEvent.starts_at < to_utc(end))
    return query


def _with_parts(query):
    return query.options(
        selectinload(CalendarEvent.structure),
        selectinload(CalendarEvent.modules),
        selectinload(CalendarEvent.parcours),
        selectinload(CalendarEvent.report),
    )


def list_events(filters: Filters, user, page: int = 1, past: bool = False) -> Page:
    """One page of events: upcoming (not ended) soonest first, or `past` ones latest
    first. Raises PastLastPage beyond the last page. Constant number of statements:
    count, page, and one per loaded relation (structure, modules, parcours, report), plus
    the confirmed counts (`seat_counts`)."""
    now = utcnow()
    query = _filtered(filters, user)
    if past:
        query = query.where(CalendarEvent.ends_at < now)
        order = (CalendarEvent.starts_at.desc(), CalendarEvent.id.desc())
    else:
        query = query.where(CalendarEvent.ends_at >= now)
        order = (CalendarEvent.starts_at, CalendarEvent.id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    require_page(page, total, PER_PAGE)
    items = list(
        db.session.scalars(
            _with_parts(query.order_by(*order)).limit(PER_PAGE).offset((page - 1) * PER_PAGE)
        )
    )
    return Page(items=items, total=total, page=page, per_page=PER_PAGE)


def seat_counts(event_ids: list[int]) -> dict[int, int]:
    """{event id: confirmed registrations}, in one statement."""
    if not event_ids:
        return {}
    rows = db.session.execute(
        select(EventRegistration.event_id, func.count())
        .where(EventRegistration.event_id.in_(event_ids), EventRegistration.status == CONFIRMED)
        .group_by(EventRegistration.event_id)
    )
    return dict(rows.all())


def by_month(events: list[CalendarEvent]) -> list[tuple[date, list[CalendarEvent]]]:
    """Events grouped by their month where they happen (`local_times`), in the order
    given."""
    groups: list[tuple[date, list[CalendarEvent]]] = []
    for event in events:
        local = local_times(event)[0]
        month = date(local.year, local.month, 1)
        if not groups or groups[-1][0] != month:
            groups.append((month, []))
        groups[-1][1].append(event)
    return groups


def feed_events(filters: Filters, user) -> list[CalendarEvent]:
    """The events of a filtered feed: from `from` (else FEED_PAST_DAYS back) on, soonest
    first, at most FEED_LIMIT; cancelled ones included (STATUS:CANCELLED). Two
    statements: the events and their structures."""
    query = _filtered(filters, user)
    if filters.start is None:
        query = query.where(CalendarEvent.ends_at >= utcnow() - timedelta(days=FEED_PAST_DAYS))
    query = query.options(selectinload(CalendarEvent.structure))
    return list(
        db.session.scalars(
            query.order_by(CalendarEvent.starts_at, CalendarEvent.id).limit(FEED_LIMIT)
        )
    )


def get_event(event_id: int, user) -> CalendarEvent:
    """The event if this member may see it; NotFound otherwise (members-only events are
    not revealed to visitors)."""
    event = db.session.get(CalendarEvent, event_id)
    if event is None or not visible_to(user, event):
        raise NotFound(_("Ce rendez-vous n’existe pas, ou il est réservé aux membres."))
    return event


def parcours_sessions(parcours: Parcours) -> list[CalendarEvent]:
    """The sessions of a parcours in order (number, then start), with their retours."""
    return list(
        db.session.scalars(
            select(CalendarEvent)
            .where(CalendarEvent.parcours_id == parcours.id)
            .options(selectinload(CalendarEvent.modules), selectinload(CalendarEvent.report))
            .order_by(CalendarEvent.session_number, CalendarEvent.starts_at)
        )
    )


def upcoming_near(user, limit: int = 5) -> list[CalendarEvent]:
    """The next events for the home page: the member's département (and events online)
    first, then their région, then the rest, each soonest first. Not cancelled."""
    query = _with_parts(
        select(CalendarEvent).where(
            visible_clause(user),
            CalendarEvent.ends_at >= utcnow(),
            CalendarEvent.cancelled_at.is_(None),
        )
    )
    department = region = None
    if _member(user) and user.structure is not None:
        department = user.structure.department_code
        region = db.session.scalar(
            select(Department.region_code).where(Department.code == department)
        )
    if department:
        # online events are as near as one's own département: reachable from anywhere
        near = (func.coalesce(CalendarEvent.department_code, "") == department) | (
            CalendarEvent.online.is_(True)
        )
        in_region = CalendarEvent.department_code.in_(
            select(Department.code).where(Department.region_code == region)
        )
        rank = case((near, 0), (in_region, 1), else_=2)
        query = query.order_by(rank, CalendarEvent.starts_at)
    else:
        query = query.order_by(CalendarEvent.starts_at)
    return list(db.session.scalars(query.limit(limit)))


def upcoming_by_department(user) -> dict[str, int]:
    """{département code: number of upcoming, not cancelled events}, for /territories/."""
    rows = db.session.execute(
        select(CalendarEvent.department_code, func.count())
        .where(
            visible_clause(user),
            CalendarEvent.ends_at >= utcnow(),
            CalendarEvent.cancelled_at.is_(None),
            CalendarEvent.department_code.is_not(None),
        )
        .group_by(CalendarEvent.department_code)
    )
    return dict(rows.all())


# --- private feeds -------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed_token(user: User) -> str:
    """A new secret for the member's private feed (32 random bytes, URL-safe), replacing
    the previous one, which stops working. Only its SHA-256 is stored. Flushes."""
    token = secrets.token_urlsafe(32)
    db.session.execute(delete(CalendarFeedToken).where(CalendarFeedToken.user_id == user.id))
    db.session.add(CalendarFeedToken(user_id=user.id, token_hash=_hash(token)))
    db.session.flush()
    return token


def revoke_feed_token(user: User) -> bool:
    """Stop the member's private feed address. True if there was one. Flushes."""
    result = db.session.execute(
        delete(CalendarFeedToken).where(CalendarFeedToken.user_id == user.id)
    )
    return bool(result.rowcount)


def has_feed_token(user: User) -> bool:
    """Whether the member has a private feed address that works."""
    return db.session.get(CalendarFeedToken, user.id) is not None


def user_for_feed_token(token: str) -> User | None:
    """The member whose private feed this secret opens; None when wrong, revoked, or the
    account is suspended."""
    if not token or len(token) > 100:
        return None
    user = db.session.scalar(
        select(User)
        .join(CalendarFeedToken, CalendarFeedToken.user_id == User.id)
        .where(CalendarFeedToken.token_hash == _hash(token))
    )
    if user is None or user.is_suspended:
        return None
    return user


def private_feed_events(user: User) -> tuple[list[CalendarEvent], set[int], set[int]]:
    """The member's registrations, the events they created and their structure's events,
    from FEED_PAST_DAYS back; the ids of the events whose visio link the feed may give
    (`may_see_link`: a seat held, or organised by them), and of those they wait for (on
    the waiting list: the feed says TENTATIVE)."""
    mine = select(EventRegistration.event_id).where(EventRegistration.user_id == user.id)
    condition = or_(CalendarEvent.id.in_(mine), CalendarEvent.creator_id == user.id)
    if user.structure_id:
        condition = or_(condition, CalendarEvent.structure_id == user.structure_id)
    events = list(
        db.session.scalars(
            select(CalendarEvent)
            .where(
                and_(condition, CalendarEvent.ends_at >= utcnow() - timedelta(days=FEED_PAST_DAYS))
            )
            .options(selectinload(CalendarEvent.structure))
            .order_by(CalendarEvent.starts_at, CalendarEvent.id)
            .limit(FEED_LIMIT)
        )
    )
    statuses = dict(
        db.session.execute(
            select(EventRegistration.event_id, EventRegistration.status).where(
                EventRegistration.user_id == user.id
            )
        ).all()
    )
    linked = {e.id for e in events if may_see_link(user, e, statuses.get(e.id))}
    waiting = {i for i, status in statuses.items() if status == WAITING}
    return events, linked, waiting


def may_see_link(user, event: CalendarEvent, status: str | None) -> bool:
    """Whether `user` may be given the visio link of an online `event`: a confirmed seat
    (`status` of their registration, None without one), or organising it (`may_organise`)
    — as the event page shows it."""
    return status == CONFIRMED or may_organise(user, event)


# --- from session to retour (point 5) ---------------------------------------------------


def participants_registered(event_id: int) -> int | None:
    """Confirmed registrations with the role « participant »; None when there are none:
    nobody said so, which is not « nobody came »: a draft leaves the number empty for its
    author rather than a 0 that would count in the indicators once published."""
    count = db.session.scalar(
        select(func.count())
        .select_from(EventRegistration)
        .where(
            EventRegistration.event_id == event_id,
            EventRegistration.status == CONFIRMED,
            EventRegistration.role == "participant",
        )
    )
    return count or None


def _draft_modules(event: CalendarEvent) -> list[str]:
    """The session's modules; else the kit module of its number (module n for session n,
    the kit's order), else the first module: a retour names at least one."""
    if event.modules:
        return [m.slug for m in event.modules]
    position = event.session_number or 1
    slug = db.session.scalar(
        select(KitModule.slug)
        .order_by((KitModule.position != position), KitModule.position)
        .limit(1)
    )
    return [slug] if slug else []


def draft_reports_for_ended_sessions(now: datetime | None = None, batch: int = 100) -> list[int]:
    """For each parcours session that has ended (not cancelled, no retour yet), a draft
    retour by its creator, pre-filled with date (where it happened), département, structure,
    parcours, modules, format (online: distanciel) and the number of participants
    registered (left empty when none is); the event points to it, and its author is told (event
    `session_report_waiting`). Only sessions that ended in the last DRAFT_WINDOW.
    Idempotent: a session with a retour is skipped. Returns the ids of the drafts made.
    Flushes; the CLI command or job commits."""
    now = now or utcnow()
    due = list(
        db.session.scalars(
            select(CalendarEvent)
            .where(
                CalendarEvent.kind == "seance",
                CalendarEvent.ends_at <= now,
                CalendarEvent.ends_at > now - DRAFT_WINDOW,
                CalendarEvent.cancelled_at.is_(None),
                CalendarEvent.report_id.is_(None),
                CalendarEvent.creator_id.is_not(None),
            )
            .options(selectinload(CalendarEvent.modules), selectinload(CalendarEvent.creator))
            .order_by(CalendarEvent.ends_at, CalendarEvent.id)
            .limit(batch)
            .with_for_update(skip_locked=True, of=CalendarEvent)
        )
    )
    made = []
    for event in due:
        department = (
            event.department_code
            or (event.structure.department_code if event.structure else None)
            or (event.parcours.department_code if event.parcours else None)
        )
        if department is None or event.creator is None:
            continue
        title = event.title
        if event.session_number:
            title = _("%(title)s (séance %(n)d/6)", title=event.title, n=event.session_number)
        report = create_report(
            event.creator,
            ReportInput(
                title=title[:200],
                session_date=local_times(event)[0].date(),
                department=department,
                format="distanciel" if event.online else "presentiel",
                participants=participants_registered(event.id),
                modules=_draft_modules(event),
                structure_id=event.structure_id,
                parcours_id=event.parcours_id,
                publish=False,
            ),
        )
        event.report_id = report.id
        db.session.flush()
        outbox.record("session_report_waiting", report.id, None)
        made.append(report.id)
    return made


def link_report(event: CalendarEvent, report: Report, user: User) -> None:
    """Link a retour written without the event to it, afterwards (organisers of the event
    who may edit the report). Raises Forbidden, Conflict (already linked)."""
    if not may_organise(user, event) or not can_edit_report(report, user):
        raise Forbidden(_("Seuls les organisateurs, auteurs du retour, peuvent les relier."))
    if event.report_id is not None:
        raise Conflict(_("Ce rendez-vous a déjà son retour."))
    event.report_id = report.id
    event.updated_at = utcnow()
    db.session.flush()


def linkable_reports(user: User, limit: int = 30, linked_too: bool = False) -> list[Report]:
    """The member's own retours not linked to any event yet (`linked_too`: all of them),
    latest session first."""
    query = select(Report).where(Report.author_id == user.id, Report.deleted_at.is_(None))
    if not linked_too:
        linked = select(CalendarEvent.report_id).where(CalendarEvent.report_id.is_not(None))
        query = query.where(Report.id.not_in(linked))
    return list(
        db.session.scalars(
            query.order_by(Report.session_date.desc(), Report.id.desc()).limit(limit)
        )
    )
