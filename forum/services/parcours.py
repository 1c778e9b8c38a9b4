"""Parcours: a cohort going through the sessions, run by one or several structures."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.i18n import long_date
from forum.models import CalendarEvent, Department, Parcours, Report, Structure, User
from forum.services import affiliation, calendar, hold
from forum.services.calendar_zones import to_local, zone_name
from forum.services.errors import Forbidden, Invalid
from forum.services.structures import unique_slug


def get_by_slug(slug: str) -> Parcours | None:
    return db.session.scalar(select(Parcours).where(Parcours.slug == slug))


def all_parcours() -> list[Parcours]:
    return list(
        db.session.scalars(
            select(Parcours)
            .options(selectinload(Parcours.structures))
            .order_by(Parcours.start_date.desc())
        )
    )


def published_reports(parcours: Parcours) -> list[Report]:
    """The parcours' published reports in session order, for reading it end to end."""
    return list(
        db.session.scalars(
            select(Report)
            .where(
                Report.parcours_id == parcours.id,
                Report.is_published,
            )
            .options(
                selectinload(Report.modules), selectinload(Report.tags), selectinload(Report.body)
            )
            .order_by(Report.session_date, Report.id)
        )
    )


def create_parcours(
    title: str,
    place: str,
    department: str,
    start_date: date,
    end_date: date | None,
    cohort_size: int,
    structure_ids: list[int],
    *,
    creator: User | affiliation.TrustedCaller,
) -> Parcours:
    """A new parcours, flushed. `structure_ids` are the structures carrying it; one of
    them must be the `creator`'s own, unless they moderate
    (forum.services.affiliation.check_carriers). `creator` is required:
    affiliation.TRUSTED_CALLER for seed data and scripts, with no member acting.
    Raises Invalid("department" | "end_date" | "structures", French message)."""
    structures = _checked(department, start_date, end_date, structure_ids)
    affiliation.check_carriers(creator, structures)
    parcours = Parcours(
        slug=unique_slug(Parcours, title),
        title=title.strip(),
        place=place.strip(),
        department_code=department,
        start_date=start_date,
        end_date=end_date,
        cohort_size=cohort_size,
        structures=structures,
    )
    db.session.add(parcours)
    db.session.flush()
    return parcours


def _checked(
    department: str, start_date: date, end_date: date | None, structure_ids: list[int]
) -> list[Structure]:
    """The carrying structures of a parcours being created or edited, after the checks
    both share. Raises Invalid("department" | "end_date" | "structures", French message)."""
    if db.session.get(Department, department) is None:
        raise Invalid("department", _("Département inconnu."))
    if end_date and end_date < start_date:
        raise Invalid("end_date", _("La fin ne peut pas précéder le début."))
    structures = list(db.session.scalars(select(Structure).where(Structure.id.in_(structure_ids))))
    if not structures or len(structures) != len(set(structure_ids)):
        raise Invalid("structures", _("Choisissez au moins une structure de l'annuaire."))
    return structures


def may_edit(user, parcours: Parcours) -> bool:
    """Whether `user` (a member, or the anonymous user) may change `parcours`: the rule
    of its creation (forum.services.affiliation.may_act_for), a member of one of the
    structures carrying it, or a moderator, whose account may post. The view and the
    « Modifier » link ask it; update_parcours enforces it."""
    if not getattr(user, "is_authenticated", False) or not user.can_post:
        return False
    return affiliation.may_act_for(user, parcours=parcours)


def update_parcours(
    parcours: Parcours,
    editor: User,
    title: str,
    place: str,
    department: str,
    start_date: date,
    end_date: date | None,
    cohort_size: int,
    structure_ids: list[int],
) -> None:
    """Change a parcours, flushed; its slug (its address) stays. The checks of
    create_parcours apply, the editor's own structure among the carriers unless they
    moderate, and its sessions in the calendar (cancelled ones aside) must stay within
    its new dates; those sessions follow its new title and place (calendar.follow_parcours:
    the ones changed by hand keep theirs). Raises Forbidden when `editor` may not
    (may_edit); Invalid("department"
    | "start_date" | "end_date" | "structures", French message)."""
    if not may_edit(editor, parcours):
        raise Forbidden(_("Seuls les membres des structures qui portent ce parcours le modifient."))
    structures = _checked(department, start_date, end_date, structure_ids)
    affiliation.check_carriers(editor, structures)
    hold(Parcours, parcours.id)  # no session added in between escapes the date check
    _check_sessions_within(parcours, start_date, end_date)
    _check_reports_within(parcours, start_date, end_date)
    old_title, old_place = parcours.title, parcours.place
    parcours.title = title.strip()
    parcours.place = place.strip()
    parcours.department_code = department
    parcours.start_date = start_date
    parcours.end_date = end_date
    parcours.cohort_size = cohort_size
    parcours.structures = structures
    db.session.flush()
    db.session.expire(parcours, ["department"])  # read again from its new code
    # Its sessions in the calendar follow its new title and place (those set by hand stay).
    calendar.follow_parcours(parcours, editor, old_title, old_place)


def _check_sessions_within(parcours: Parcours, start_date: date, end_date: date | None) -> None:
    """Refuse dates that would leave a session of the parcours (not cancelled) outside
    them, naming its day (where it happens: forum.services.calendar_zones), as
    create_sessions refuses a session outside the parcours. Raises Invalid("start_date" |
    "end_date", French message)."""
    days = [
        to_local(starts, zone_name(department, online)).date()
        for starts, department, online in db.session.execute(
            select(
                CalendarEvent.starts_at, CalendarEvent.department_code, CalendarEvent.online
            ).where(CalendarEvent.parcours_id == parcours.id, CalendarEvent.cancelled_at.is_(None))
        )
    ]
    if not days:
        return
    if min(days) < start_date:
        raise Invalid(
            "start_date",
            _(
                "Une séance du parcours est au calendrier le %(date)s, avant ce début : "
                "choisissez un début au plus tard ce jour-là, ou déplacez d’abord la séance.",
                date=long_date(min(days)),
            ),
        )
    if end_date and max(days) > end_date:
        raise Invalid(
            "end_date",
            _(
                "Une séance du parcours est au calendrier le %(date)s, après cette fin : "
                "choisissez une fin au plus tôt ce jour-là, ou déplacez d’abord la séance.",
                date=long_date(max(days)),
            ),
        )


def _check_reports_within(parcours: Parcours, start_date: date, end_date: date | None) -> None:
    """Refuse dates that would leave a retour d'expérience of the parcours (not deleted)
    outside them: a report's session date must be within its parcours (reports.py checks
    it when the report is saved), so the report could no longer be saved as it is. Raises
    Invalid("start_date" | "end_date", French message naming the report's day)."""
    first, last = db.session.execute(
        select(func.min(Report.session_date), func.max(Report.session_date)).where(
            Report.parcours_id == parcours.id, Report.deleted_at.is_(None)
        )
    ).one()
    if first is not None and first < start_date:
        raise Invalid(
            "start_date",
            _(
                "Un retour d’expérience du parcours raconte une séance du %(date)s, avant ce "
                "début : choisissez un début au plus tard ce jour-là.",
                date=long_date(first),
            ),
        )
    if last is not None and end_date and last > end_date:
        raise Invalid(
            "end_date",
            _(
                "Un retour d’expérience du parcours raconte une séance du %(date)s, après "
                "cette fin : choisissez une fin au plus tôt ce jour-là.",
                date=long_date(last),
            ),
        )
