"""Reference lists the report form and filters offer (one query each)."""

from itertools import groupby

from sqlalchemy import select

from forum.cache import memo
from forum.extensions import db
from forum.models import KitModule, Parcours, Report, User
from forum.services import affiliation, tags, territories


def modules() -> list[KitModule]:
    return list(db.session.scalars(select(KitModule).order_by(KitModule.position)))


def parcours_list() -> list[Parcours]:
    return list(db.session.scalars(select(Parcours).order_by(Parcours.start_date.desc())))


def parcours_by_year() -> tuple[tuple[int, tuple[tuple[str, str], ...]], ...]:
    """The parcours as a filter offers them, by name (a funder knows no slug: a fresh
    tester typed « Figeacois » where one was asked): grouped by the year they start,
    the most recent first, as ((year, ((slug, title), …)), …); one statement per
    content stamp."""

    def compute():
        rows = db.session.execute(
            select(Parcours.slug, Parcours.title, Parcours.start_date).order_by(
                Parcours.start_date.desc(), Parcours.title, Parcours.id
            )
        )
        return tuple(
            (year, tuple((slug, title) for slug, title, _start in group))
            for year, group in groupby(rows, key=lambda row: row.start_date.year)
        )

    return memo("form_data.parcours_by_year", compute)


def report_form_choices(user: User, report: Report | None = None) -> dict:
    """Choices for the report form `user` fills: the structures and parcours they may file
    under (forum.services.affiliation), plus what the edited `report` carries; its own
    proposed tags stay selectable."""
    offered = tags.approved_tags()
    if report is not None:
        offered += [t for t in report.tags if not t.approved]
    return dict(
        departments=territories.departments(),
        structures=affiliation.structure_choices(user, report.structure if report else None),
        parcours=affiliation.parcours_choices(user, report.parcours if report else None),
        modules=modules(),
        tags=offered,
    )
