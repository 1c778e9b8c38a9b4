"""Parcours: a cohort going through the sessions, run by one or several structures."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.models import Department, Parcours, Report, Structure, User
from forum.services import affiliation
from forum.services.errors import Invalid
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
    if db.session.get(Department, department) is None:
        raise Invalid("department", _("Département inconnu."))
    if end_date and end_date < start_date:
        raise Invalid("end_date", _("La fin ne peut pas précéder le début."))
    structures = list(db.session.scalars(select(Structure).where(Structure.id.in_(structure_ids))))
    if not structures or len(structures) != len(set(structure_ids)):
        raise Invalid("structures", _("Choisissez au moins une structure de l'annuaire."))
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
