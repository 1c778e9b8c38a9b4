"""Reference lists the report form and filters offer (one query each)."""

from sqlalchemy import select

from forum.extensions import db
from forum.models import KitModule, Parcours, Report
from forum.services import structures, tags, territories


def modules() -> list[KitModule]:
    return list(db.session.scalars(select(KitModule).order_by(KitModule.position)))


def parcours_list() -> list[Parcours]:
    return list(db.session.scalars(select(Parcours).order_by(Parcours.start_date.desc())))


def report_form_choices(report: Report | None = None, structure_ids=()) -> dict:
    """Choices for the report form; a report's own proposed tags and pending structure stay
    selectable, as do the pending structures in `structure_ids` (the writer's own)."""
    offered = tags.approved_tags()
    include = list(structure_ids)
    if report is not None:
        offered += [t for t in report.tags if not t.approved]
        include.append(report.structure_id)
    return dict(
        departments=territories.departments(),
        structures=structures.all_structures(include=include),
        parcours=parcours_list(),
        modules=modules(),
        tags=offered,
    )
