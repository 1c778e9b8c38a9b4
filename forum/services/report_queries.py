"""Read-side queries on reports: filtered lists, related reports, per-module tag counts.

Every list runs a fixed number of SQL queries whatever the data: one count, one page,
and one selectin load each for modules and tags.
"""

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import joinedload, selectinload

from forum import cache
from forum.extensions import db
from forum.models import (
    FORMATS,
    ChallengeTag,
    Department,
    KitModule,
    Parcours,
    Region,
    Report,
    Structure,
    report_modules,
    report_tags,
)
from forum.pagination import Page, page_number, require_page
from forum.text import collation_key, slugify

SORTS = ("recent", "session")


@dataclass
class ReportFilters:
    """Filters from the query string; bad values are dropped and reported, never fatal."""

    module: str = ""
    tags: list[str] = field(default_factory=list)
    region: str = ""
    department: str = ""
    structure: str = ""
    parcours: str = ""
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

        def slug(value: str) -> str:
            # « ?tag=Financement » named nothing (slugs are lower case; the search page
            # took it: a fresh tester of issue 17)
            return slugify(value, 120) if value else ""

        filters = cls(
            module=slug(text("module")),
            tags=[slug(t.strip()[:120]) for t in args.getlist("tag") if t.strip()][:10],
            region=text("region"),
            department=text("department"),
            structure=slug(text("structure")),
            parcours=slug(text("parcours")),
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
        filters.page = page_number(args)
        if filters.module or filters.region or filters.department:
            # a module by its number, a région or a département by its name, as /activity
            # and the search box take them (a fresh tester: `?module=3` found nothing)
            named = by_name_or_number(
                {
                    "module": filters.module,
                    "region": filters.region,
                    "department": filters.department,
                }
            )
            filters.module, filters.region = named["module"], named["region"]
            filters.department = named["department"]
        return filters

    @property
    def empty_period(self) -> bool:
        """The period ends before it starts: nothing can be in it (said on the page)."""
        return bool(self.date_from and self.date_to and self.date_from > self.date_to)

    def key(self) -> tuple:
        """Everything that selects the page, as a hashable tuple (a cache key)."""
        return (
            self.module,
            tuple(self.tags),
            self.region,
            self.department,
            self.structure,
            self.parcours,
            self.format,
            self.date_from,
            self.date_to,
            self.sort,
            self.page,
        )

    @property
    def active(self) -> bool:
        return any(
            [
                self.module,
                self.tags,
                self.region,
                self.department,
                self.structure,
                self.parcours,
                self.format,
                self.date_from,
                self.date_to,
            ]
        )

    @property
    def active_count(self) -> int:
        """How many filters are set (each défi counts): shown on the filters' disclosure."""
        single = [
            self.module,
            self.region,
            self.department,
            self.structure,
            self.parcours,
            self.format,
        ]
        return sum(map(bool, single)) + len(self.tags) + bool(self.date_from) + bool(self.date_to)

    def to_args(self, **overrides) -> dict:
        """Query-string arguments (for links that change one thing, e.g. the page)."""
        args = {
            "module": self.module,
            "tag": self.tags,
            "region": self.region,
            "department": self.department,
            "structure": self.structure,
            "parcours": self.parcours,
            "format": self.format,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "sort": self.sort if self.sort != "recent" else "",
        }
        args.update(overrides)
        return {k: v for k, v in args.items() if v not in ("", [], None)}


# The INSEE codes of régions and départements: never a name, looked up by no statement.
_PLACE_CODE = re.compile(r"\d{2,3}|2[AB]")


def by_name_or_number(named: dict[str, str]) -> dict[str, str]:
    """{filter: value} with the values the search box takes by name or number made the
    codes and slugs the lists select by (a third fresh tester of issue 17:
    `/activity?module=3` and `?region=occitanie` were « Filtre inconnu », while `module:3`
    and `region:occitanie` search; a fresh tester: `/reports/?module=3` too): a module by
    its position in the kit, a région or a département by its name (slug, accents and
    case aside) when it is no code. One statement per such value; codes and slugs pass
    unchanged. /activity and /reports/ both read their filters through it."""
    named = dict(named)
    module = named.get("module", "")
    if module.isdigit() and len(module) <= 3:  # a position; « 99999999999999999999 »
        # overflowed SQLite's integers (a 500 the hostile-input test caught)
        slug = db.session.scalar(select(KitModule.slug).where(KitModule.position == int(module)))
        named["module"] = slug or module
    for name, model in (("region", Region), ("department", Department)):
        value = named.get(name, "")
        if not value or _PLACE_CODE.fullmatch(value) or db.session.get(model, value) is not None:
            continue  # a code (INSEE: « 76 », « 46 », « 2A », « 971 »): no statement
        wanted = slugify(value, 140)
        for code, label in db.session.execute(select(model.code, model.name)):
            if slugify(label, 140) == wanted:
                named[name] = code
                break
    return named


def published() -> Select:
    return select(Report).where(Report.is_published)


def with_card_data(query: Select) -> Select:
    """Everything a report card shows, loaded without N+1 queries."""
    return query.options(
        joinedload(Report.author),
        joinedload(Report.structure),
        selectinload(Report.modules),
        selectinload(Report.tags),
    )


def unknown_filters(filters: ReportFilters) -> list[tuple[str, str]]:
    """The filter values of the query string that name nothing, as (filter name, value)
    in the form's order: `conditions` keeps them (they match nothing), the page says so
    (« /reports/?tag=nope » listed « 0 retour » and nothing else: a fresh tester of issue
    17). The values that exist are read once per content stamp per process (one
    statement), so the list's statements stay the same whatever the filters."""
    chosen = [
        ("module", [filters.module]),
        ("tag", filters.tags),
        ("region", [filters.region]),
        ("department", [filters.department]),
        ("structure", [filters.structure]),
        ("parcours", [filters.parcours]),
    ]
    if not any(v for _name, values in chosen for v in values):
        return []
    known = cache.memo("reports.filter_values", _filter_values)
    return [(name, v) for name, values in chosen for v in values if v and v not in known[name]]


def _filter_values() -> dict[str, frozenset[str]]:
    columns = {
        "module": KitModule.slug,
        "tag": ChallengeTag.slug,
        "region": Region.code,
        "department": Department.code,
        "structure": Structure.slug,
        "parcours": Parcours.slug,
    }
    rows = db.session.execute(
        union_all(*(select(literal(name), c) for name, c in columns.items()))
    ).all()
    found: dict[str, set[str]] = {name: set() for name in columns}
    for name, value in rows:
        found[name].add(value)
    return {name: frozenset(values) for name, values in found.items()}


def conditions(filters: ReportFilters) -> list:
    """The WHERE clauses on `Report` that the filters select (publication aside): the
    reports list and the activity indicators (`services/activity.py`) share them, so a
    figure and the list behind it always count the same rows. Unknown slugs match nothing."""
    clauses: list = []
    # IN over the (tag_id, report_id) index beats a correlated EXISTS per report row.
    if filters.module:
        clauses.append(
            Report.id.in_(
                select(report_modules.c.report_id).where(
                    report_modules.c.module_id
                    == select(KitModule.id)
                    .where(KitModule.slug == filters.module)
                    .scalar_subquery()
                )
            )
        )
    for slug in filters.tags:
        clauses.append(
            Report.id.in_(
                select(report_tags.c.report_id).where(
                    report_tags.c.tag_id
                    == select(ChallengeTag.id).where(ChallengeTag.slug == slug).scalar_subquery()
                )
            )
        )
    if filters.region:
        clauses.append(
            Report.department_code.in_(
                select(Department.code).where(Department.region_code == filters.region)
            )
        )
    if filters.department:
        clauses.append(Report.department_code == filters.department)
    if filters.structure:
        clauses.append(
            Report.structure_id
            == select(Structure.id).where(Structure.slug == filters.structure).scalar_subquery()
        )
    if filters.parcours:
        clauses.append(
            Report.parcours_id
            == select(Parcours.id).where(Parcours.slug == filters.parcours).scalar_subquery()
        )
    if filters.format:
        clauses.append(Report.format == filters.format)
    if filters.date_from:
        clauses.append(Report.session_date >= filters.date_from)
    if filters.date_to:
        clauses.append(Report.session_date <= filters.date_to)
    return clauses


def filtered(filters: ReportFilters) -> Select:
    query = published().where(*conditions(filters))
    if filters.sort == "session":
        return query.order_by(Report.session_date.desc(), Report.id.desc())
    return query.order_by(Report.published_at.desc(), Report.id.desc())


def paginate(filters: ReportFilters, per_page: int) -> Page:
    """A page of filtered reports and the exact total (counted on ids only); PastLastPage
    beyond the last page. The total and the page's ids are kept per content stamp in each
    process (the count is what grows with the practice base); the reports themselves are
    loaded in this request's session."""
    total, ids = cache.memo(
        "reports.page", lambda: _page_ids(filters, per_page), filters.key(), per_page
    )
    require_page(filters.page, total, per_page)
    return Page(items=CardList(ids), total=total, page=filters.page, per_page=per_page)


class CardList(Sequence):
    """A page's reports, loaded (with what a card shows) only when first read: a page
    whose cards are already rendered for this content stamp (views.cards) loads none."""

    def __init__(self, ids: list[int]):
        self.ids = list(ids)
        self._reports: list[Report] | None = None

    @property
    def key(self) -> tuple[int, ...]:
        """The ids, as a cache key for the rendered cards."""
        return tuple(self.ids)

    def _load(self) -> list[Report]:
        if self._reports is None:
            self._reports = by_ids(self.ids, cards=True)
        return self._reports

    def __getitem__(self, index):
        return self._load()[index]

    def __len__(self) -> int:
        return len(self._load())

    def __bool__(self) -> bool:
        return bool(self.ids)


def _page_ids(filters: ReportFilters, per_page: int) -> tuple[int, list[int]]:
    query = filtered(filters)
    total = db.session.scalar(
        select(func.count()).select_from(
            query.with_only_columns(Report.id).order_by(None).subquery()
        )
    )
    offset = (filters.page - 1) * per_page
    if offset >= total:
        return total, []
    ids = db.session.scalars(query.with_only_columns(Report.id).limit(per_page).offset(offset))
    return total, list(ids)


def feed_items(filters: ReportFilters, limit: int = 30) -> list[Report]:
    """The latest reports for an Atom feed, with their text."""
    query = with_card_data(filtered(filters)).options(selectinload(Report.body))
    return list(db.session.scalars(query.limit(limit)))


def latest(limit: int = 6) -> list[Report]:
    query = with_card_data(published().order_by(Report.published_at.desc(), Report.id.desc()))
    return list(db.session.scalars(query.limit(limit)))


RELATED_CANDIDATES = 300


def related(report: Report, limit: int = 5) -> list[Report]:
    """Published reports sharing the most tags (weight 2) and modules (weight 1).

    Candidates are the latest few hundred reports per shared tag or module (an ordered
    index scan each), so the cost stays flat however large the practice base grows.
    """
    parts = []
    for table, column, ids, weight in (
        (report_tags, report_tags.c.tag_id, [t.id for t in report.tags], 2),
        (report_modules, report_modules.c.module_id, [m.id for m in report.modules], 1),
    ):
        for value in ids:
            latest_ids = (
                select(table.c.report_id.label("rid"))
                .where(column == value)
                .order_by(table.c.report_id.desc())
                .limit(RELATED_CANDIDATES)
                .subquery()
            )
            parts.append(select(latest_ids.c.rid, literal(weight).label("w")))
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


def by_ids(ids: list[int], cards: bool = False) -> list[Report]:
    """Published reports in the order of `ids` (ids from the search index or a kept page;
    those unpublished since are left out), with their structure, or with everything a card
    shows when `cards`."""
    if not ids:
        return []
    query = published().where(Report.id.in_(ids))
    query = with_card_data(query) if cards else query.options(joinedload(Report.structure))
    found = {r.id: r for r in db.session.scalars(query)}
    return [found[i] for i in ids if i in found]


def top_tags_for_module(module: KitModule, limit: int = 8) -> list[tuple[ChallengeTag, int]]:
    """The challenges most met in a module's published reports: [(tag, count)], the tags
    loaded in this request's session from ids kept per content stamp."""
    rows = cache.memo(
        "reports.top_tags_for_module", lambda: _top_tags(module.id, limit), module.id, limit
    )
    by_id = (
        {
            t.id: t
            for t in db.session.scalars(
                select(ChallengeTag).where(ChallengeTag.id.in_([i for i, _ in rows]))
            )
        }
        if rows
        else {}
    )
    return [(by_id[i], n) for i, n in rows if i in by_id]


def _top_tags(module_id: int, limit: int) -> list[tuple[int, int]]:
    count = func.count().label("n")
    rows = db.session.execute(
        select(ChallengeTag.id, count)
        .join(report_tags, report_tags.c.tag_id == ChallengeTag.id)
        .join(Report, Report.id == report_tags.c.report_id)
        .join(report_modules, report_modules.c.report_id == Report.id)
        .where(
            report_modules.c.module_id == module_id,
            Report.is_published,
        )
        .group_by(ChallengeTag.id)
        .order_by(count.desc(), ChallengeTag.label)
        .limit(limit)
    )
    return [(tag_id, n) for tag_id, n in rows.all()]


def module_counts() -> dict[int, int]:
    """{module id: number of published reports}, one query per content stamp per process."""
    return cache.memo("reports.module_counts", _module_counts)


def _module_counts() -> dict[int, int]:
    rows = db.session.execute(
        select(report_modules.c.module_id, func.count())
        .join(Report, Report.id == report_modules.c.report_id)
        .where(Report.is_published)
        .group_by(report_modules.c.module_id)
    )
    return dict(rows.all())


@dataclass
class FilterChoice:
    """One value a filter list offers: what the URL carries, what it shows, how many."""

    value: str
    label: str
    count: int


def place_choices(filters: ReportFilters | None = None) -> dict[str, list[FilterChoice]]:
    """Régions, départements and structures that have published reports among those the
    *other* filters select, with how many (a tester: the counts ignored the filters, « Lot
    (12) » found 2 with a défi ticked). Each list leaves out its own filter, so it counts
    what choosing another value would find, and never offers one that finds nothing.

    Returns {"region" | "department" | "structure": [FilterChoice, …]}, each in French
    alphabetical order (départements by code). One statement with `facet_counts`, once per
    content stamp and set of filters per process."""
    return _facets(filters or ReportFilters())["places"]


def facet_counts(filters: ReportFilters) -> dict[str, dict[str, int]]:
    """How many published reports each kit module and each défi would find, the other
    filters applied: {"module": {slug: n}, "tag": {slug: n}} (none found: absent). A module
    replaces the chosen one (its own filter left out); défis add up (each ticked one is
    required), so a défi counts with every filter, ticked défis included."""
    return _facets(filters)["counts"]


def _facets(filters: ReportFilters) -> dict:
    # what selects reports, not the sort nor the page: the memo's key
    return cache.memo("reports.facets", lambda: _count_facets(filters), filters.key()[:-2])


def _others(filters: ReportFilters, name: str) -> list:
    """The WHERE clauses of every filter but `name` (all of them for ""), publication included."""
    kept = dataclasses.replace(filters, **{name: ""}) if name else filters
    return [Report.is_published, *conditions(kept)]


def _count_facets(filters: ReportFilters) -> dict:
    """Every facet's counts in one UNION ALL: rows of (facet, value, label, extra, n)."""
    n = func.count(Report.id)
    branches = [
        select(literal("department"), Department.code, Department.name, literal(""), n)
        .join(Report, Report.department_code == Department.code)
        .where(*_others(filters, "department"))
        .group_by(Department.code, Department.name),
        select(literal("region"), Region.code, Region.name, literal(""), n)
        .join(Department, Department.region_code == Region.code)
        .join(Report, Report.department_code == Department.code)
        .where(*_others(filters, "region"))
        .group_by(Region.code, Region.name),
        select(literal("structure"), Structure.slug, Structure.name, literal(""), n)
        .join(Report, Report.structure_id == Structure.id)
        .where(*_others(filters, "structure"))
        .group_by(Structure.slug, Structure.name),
        select(literal("module"), KitModule.slug, literal(""), literal(""), n)
        .join(report_modules, report_modules.c.module_id == KitModule.id)
        .join(Report, Report.id == report_modules.c.report_id)
        .where(*_others(filters, "module"))
        .group_by(KitModule.slug),
        select(literal("tag"), ChallengeTag.slug, literal(""), literal(""), n)
        .join(report_tags, report_tags.c.tag_id == ChallengeTag.id)
        .join(Report, Report.id == report_tags.c.report_id)
        .where(*_others(filters, ""))
        .group_by(ChallengeTag.slug),
    ]
    rows: dict[str, list] = {
        "department": [],
        "region": [],
        "structure": [],
        "module": [],
        "tag": [],
    }
    for facet, value, label, _extra, count in db.session.execute(union_all(*branches)):
        rows[facet].append((value, label, count))

    def alphabetical(choices):
        return sorted(choices, key=lambda c: collation_key(c.label))

    return {
        "places": {
            "region": alphabetical(FilterChoice(v, label, c) for v, label, c in rows["region"]),
            "department": sorted(
                (FilterChoice(v, f"{v} — {label}", c) for v, label, c in rows["department"]),
                key=lambda c: c.value,
            ),
            "structure": alphabetical(
                FilterChoice(v, label, c) for v, label, c in rows["structure"]
            ),
        },
        "counts": {
            "module": {v: c for v, _l, c in rows["module"]},
            "tag": {v: c for v, _l, c in rows["tag"]},
        },
    }
