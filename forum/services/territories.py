"""Régions and départements (reference data), the rules about them, and the territorial
overview. Imports no other service: /activity (forum.services.activity) and the search
page both use `outside_regions`, and activity cannot be imported back from here."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from forum import cache
from forum.extensions import db
from forum.models import Department, Parcours, Region, Report, Structure


def regions() -> list[Region]:
    return list(db.session.scalars(select(Region).order_by(Region.name)))


def departments() -> list[Department]:
    return list(db.session.scalars(select(Department).order_by(Department.code)))


def outside_regions(department_codes: list[str], region_codes: list[str]) -> list[str]:
    """The names of the chosen départements when none of them lies in any chosen région
    (a search, a list or /activity filtered by both can then find nothing), else []:
    the one rule, for the search page and /activity (`activity.contradictions`). Codes
    naming nothing are left out. One statement, none when either list is empty."""
    if not department_codes or not region_codes:
        return []
    rows = db.session.execute(
        select(Department.name, Department.region_code).where(Department.code.in_(department_codes))
    ).all()
    if not rows or any(region in region_codes for _name, region in rows):
        return []
    return [name for name, _region in rows]


def _counts(query) -> dict[str, int]:
    return dict(db.session.execute(query).all())


@dataclass(frozen=True)
class Place:
    """A région or a département as the overview shows it (plain data, kept per process)."""

    code: str
    name: str


def overview(blank: frozenset[str]) -> list[dict]:
    """Per région, per département: validated structures, parcours, published reports,
    and whether it is a zone blanche: its code is in `blank`, the codes of the whole
    network's zones blanches as `activity.white_zones` defines them (no validated
    structure, no session in the last 12 months), which the caller passes in.

    [{"region": Place, "departments": [{"department": Place, "structures": int,
    "parcours": int, "reports": int, "blank": bool}], "structures": int, "reports": int,
    "blank": int}], régions where the network is present first. Four queries, once per
    content stamp per process."""
    # Keyed by day too: a session leaves the 12-month window of the zones blanches at midnight.
    return cache.memo("territories.overview", lambda: _overview(blank), date.today(), blank)


def _overview(blank: frozenset[str]) -> list[dict]:
    structures = _counts(
        select(Structure.department_code, func.count())
        .where(Structure.status == "validated")
        .group_by(Structure.department_code)
    )
    parcours = _counts(
        select(Parcours.department_code, func.count()).group_by(Parcours.department_code)
    )
    reports = _counts(
        select(Report.department_code, func.count())
        .where(Report.is_published)
        .group_by(Report.department_code)
    )
    result = []
    regions = db.session.scalars(
        select(Region).order_by(Region.name).options(selectinload(Region.departments))
    )
    for region in regions:
        rows = [
            {
                "department": Place(d.code, d.name),
                "structures": structures.get(d.code, 0),
                "parcours": parcours.get(d.code, 0),
                "reports": reports.get(d.code, 0),
            }
            for d in region.departments
        ]
        for row in rows:
            row["blank"] = row["department"].code in blank
        result.append(
            {
                "region": Place(region.code, region.name),
                "departments": rows,
                "structures": sum(r["structures"] for r in rows),
                "reports": sum(r["reports"] for r in rows),
                "blank": sum(1 for r in rows if r["blank"]),
            }
        )
    # Regions where the network is present first, then by name.
    result.sort(key=lambda item: (-item["structures"], item["region"].name))
    return result
