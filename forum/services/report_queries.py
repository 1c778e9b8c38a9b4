"""Read-side queries on reports: filtered lists, related reports, per-module tag counts.

Every list runs a fixed number of SQL queries whatever the data: one count, one page,
and one selectin load each for modules and tags.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, exists, func, literal, select, union_all
from sqlalchemy.orm import joinedload, selectinload

from forum.extensions import db
from forum.models import (
    FORMATS,
    ChallengeTag,
    Department,
    KitModule,
    Report,
    Structure,
    report_modules,
    report_tags,
)

SORTS = ("recent", "session")


@dataclass
class ReportFilters:
    """Filters from the query string; bad values are dropped and reported, never fatal."""

    module: str = ""
    tags: list[str] = field(default_factory=list)
    region: str = ""
    department: str = ""
    structure: str = ""
    format: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "recent"
    page: int = 1
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, args) -> "ReportFilters":
        def text(name: str) -> str:
            return (args.get(name) or "").strip()[:120]

        filters = cls(
            module=text("module"),
            tags=[t.strip()[:120] for t in args.getlist("tag") if t.strip()][:10],
            region=text("region"),
            department=text("department"),
            structure=text("structure"),
            format=text("format") if text("format") in FORMATS else "",
            sort=text("sort") if text("sort") in SORTS else "recent",
        )
        for name, attr in (("from", "date_from"), ("to", "date_to")):
            value = text(name)
            if value:
                try:
                    setattr(filters, attr, date.fromisoformat(value))
                except ValueError:
                    filters.problems.append(name)
        try:
            filters.page = max(1, min(int(args.get("page", 1)), 100_000))
        except (TypeError, ValueError):
            filters.page = 1
        return filters

    @property
    def active(self) -> bool:
        return any([self.module, self.tags, self.region, self.department, self.structure,
                    self.format, self.date_from, self.date_to])

    def to_args(self, **overrides) -> dict:
        """Query-string arguments (for links that change one thing, e.g. the page)."""
        args = {
            "module": self.module, "tag": self.tags, "region": self.region,
            "department": self.department, "structure": self.structure, "format": self.format,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "sort": self.sort if self.sort != "recent" else "",
        }
        args.update(overrides)
        return {k: v for k, v in args.items() if v not in ("", [], None)}


def published() -> Select:
    return select(Report).where(Report.status == "published", Report.deleted_at.is_(None))


def with_card_data(query: Select) -> Select:
    """Everything a report card shows, loaded without N+1 queries."""
    return query.options(
        joinedload(Report.author),
        joinedload(Report.structure),
        selectinload(Report.modules),
        selectinload(Report.tags),
    )


def filtered(filters: ReportFilters) -> Select:
    query = published()
    if filters.module:
        query = query.where(
            exists().where(
                report_modules.c.report_id == Report.id,
                report_modules.c.module_id == KitModule.id,
                KitModule.slug == filters.module,
            )
        )
    for slug in filters.tags:
        query = query.where(
            exists().where(
                report_tags.c.report_id == Report.id,
                report_tags.c.tag_id == ChallengeTag.id,
                ChallengeTag.slug == slug,
            )
        )
    if filters.region:
        query = query.where(
            Report.department_code.in_(
                select(Department.code).where(Department.region_code == filters.region)
            )
        )
    if filters.department:
        query = query.where(Report.department_code == filters.department)
    if filters.structure:
        query = query.where(
            Report.structure_id.in_(select(Structure.id).where(Structure.slug == filters.structure))
        )
    if filters.format:
        query = query.where(Report.format == filters.format)
    if filters.date_from:
        query = query.where(Report.session_date >= filters.date_from)
    if filters.date_to:
        query = query.where(Report.session_date <= filters.date_to)
    if filters.sort == "session":
        return query.order_by(Report.session_date.desc(), Report.id.desc())
    return query.order_by(Report.published_at.desc(), Report.id.desc())


def paginate(filters: ReportFilters, per_page: int):
    return db.paginate(
        with_card_data(filtered(filters)), page=filters.page, per_page=per_page, error_out=False
    )


def latest(limit: int = 6) -> list[Report]:
    query = with_card_data(published().order_by(Report.published_at.desc(), Report.id.desc()))
    return list(db.session.scalars(query.limit(limit)))


def related(report: Report, limit: int = 5) -> list[Report]:
    """Published reports sharing the most tags (weight 2) and modules (weight 1)."""
    tag_ids = [t.id for t in report.tags]
    module_ids = [m.id for m in report.modules]
    parts = []
    if tag_ids:
        parts.append(select(report_tags.c.report_id.label("rid"), literal(2).label("w"))
                     .where(report_tags.c.tag_id.in_(tag_ids)))
    if module_ids:
        parts.append(select(report_modules.c.report_id.label("rid"), literal(1).label("w"))
                     .where(report_modules.c.module_id.in_(module_ids)))
    if not parts:
        return []
    shared = union_all(*parts).subquery()
    score = func.sum(shared.c.w).label("score")
    ranked = (
        select(shared.c.rid, score)
        .where(shared.c.rid != report.id)
        .group_by(shared.c.rid)
        .subquery()
    )
    query = (
        published()
        .join(ranked, ranked.c.rid == Report.id)
        .order_by(ranked.c.score.desc(), Report.session_date.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query.options(joinedload(Report.structure))))


def top_tags_for_module(module: KitModule, limit: int = 8) -> list[tuple[ChallengeTag, int]]:
    """The challenges most met in a module's published reports."""
    count = func.count().label("n")
    rows = db.session.execute(
        select(ChallengeTag, count)
        .join(report_tags, report_tags.c.tag_id == ChallengeTag.id)
        .join(Report, Report.id == report_tags.c.report_id)
        .join(report_modules, report_modules.c.report_id == Report.id)
        .where(report_modules.c.module_id == module.id, Report.status == "published",
               Report.deleted_at.is_(None))
        .group_by(ChallengeTag.id)
        .order_by(count.desc(), ChallengeTag.label)
        .limit(limit)
    )
    return [(tag, n) for tag, n in rows.all()]


def module_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(report_modules.c.module_id, func.count())
        .join(Report, Report.id == report_modules.c.report_id)
        .where(Report.status == "published", Report.deleted_at.is_(None))
        .group_by(report_modules.c.module_id)
    )
    return dict(rows.all())
