"""Each indicator of forum/services/activity.py on a small data set whose figures are
worked out by hand below; drafts, deleted and erased reports sit in that set and must
change none of them."""

from datetime import date

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Department, Parcours, ReportStatus
from forum.services import activity
from forum.services.activity import ActivitySlice
from forum.services.reports import delete_report

M1, M2, M3, M6 = (
    "emergence-interconnaissance",
    "besoin-social-utilite-sociale",
    "confronter-idee-terrain",
    "plan-action-suites",
)
END = date(2025, 6, 30)


@pytest.fixture
def network(app, make_user, make_structure, make_report):
    """The known data set.

    Structures: cap (46, validated), rouergue (12, pending), perigord (24, validated, no
    session). Parcours: figeac (46, cohort 8, ended 2025-03-15, cap), millau (12, cohort
    not declared, rouergue, not ended).

    Published sessions:            date        dépt structure parcours porteurs modules  défis
      r1                           2025-01-10  46   cap       figeac   7        M1       financement
      r2                           2025-02-10  46   cap       figeac   6        M1 M2    mobilite
      r3                           2025-02-20  12   rouergue  millau   5        M2       —
      r4                           2025-02-25  12   rouergue  millau   9        M3       financement
      r5                           2025-03-05  15   —         —        4        M1       —
    Not counted: a draft (33), a deleted report (34), an erased report (35), each with
    cap, figeac, 50 porteurs, module M6 and the défi « isolement-des-porteurs ».
    """
    cap = make_structure(name="Cap", slug="cap", department_code="46")
    rouergue = make_structure(
        name="Rouergue", slug="rouergue", department_code="12", status="pending"
    )
    make_structure(name="Périgord", slug="perigord", department_code="24")
    figeac = Parcours(
        slug="figeac",
        title="Figeac",
        department_code="46",
        start_date=date(2025, 1, 1),
        end_date=date(2025, 3, 15),
        cohort_size=8,
        structures=[cap],
    )
    millau = Parcours(
        slug="millau",
        title="Millau",
        department_code="12",
        start_date=date(2025, 2, 1),
        cohort_size=0,
        structures=[rouergue],
    )
    db.session.add_all([figeac, millau])
    db.session.commit()
    author = make_user()

    def report(day, dept, structure, parcours, participants, modules, tags=(), **extra):
        # Signed by a member of its structure (forum.services.affiliation): the author
        # moves between the structures of the data set.
        author.structure_id = structure.id if structure else None
        return make_report(
            author,
            session_date=day,
            department=dept,
            structure_id=structure.id if structure else None,
            parcours_id=parcours.id if parcours else None,
            participants=participants,
            modules=list(modules),
            tags=list(tags),
            **extra,
        )

    report(date(2025, 1, 10), "46", cap, figeac, 7, [M1], ["financement"])
    report(date(2025, 2, 10), "46", cap, figeac, 6, [M1, M2], ["mobilite"])
    report(date(2025, 2, 20), "12", rouergue, millau, 5, [M2])
    report(date(2025, 2, 25), "12", rouergue, millau, 9, [M3], ["financement"])
    report(date(2025, 3, 5), "15", None, None, 4, [M1])
    hidden = ["isolement-des-porteurs"]
    report(date(2025, 2, 1), "33", cap, figeac, 50, [M6], hidden, publish=False)
    deleted = report(date(2025, 2, 2), "34", cap, figeac, 50, [M6], hidden)
    delete_report(deleted, author)
    erased = report(date(2025, 2, 3), "35", cap, figeac, 50, [M6], hidden)
    erased.status = ReportStatus.ERASED
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Department)) == 101


WHOLE = ActivitySlice(date_to=END)


def test_sessions_held(network):
    assert activity.sessions_held(WHOLE) == 5
    assert activity.sessions_held(ActivitySlice(structure="cap", date_to=END)) == 2
    assert activity.sessions_held(ActivitySlice(department="34")) == 0  # the deleted one
    assert activity.sessions_held(ActivitySlice(department="33")) == 0  # the draft
    assert activity.sessions_held(ActivitySlice(department="35")) == 0  # the erased one


def test_porteurs_reached_counts_a_cohort_once(network):
    # r5 outside any parcours: 4; figeac's declared cohort: 8 (not 7 + 6); millau, cohort
    # not declared: its largest attendance, 9 (not 5 + 9). The three 50s never count.
    assert activity.porteurs_reached(WHOLE) == 4 + 8 + 9
    assert activity.porteurs_reached(ActivitySlice(parcours="figeac")) == 8
    # Only r2 and r3 name M2: figeac's cohort 8, millau's largest attendance *in the
    # slice*, 5.
    assert activity.porteurs_reached(ActivitySlice(module=M2)) == 8 + 5
    assert activity.porteurs_reached(ActivitySlice(department="15")) == 4
    assert activity.porteurs_reached(ActivitySlice(department="33")) == 0


def test_parcours_run_and_completed(network):
    assert activity.parcours_run(WHOLE) == 2
    assert activity.parcours_completed(WHOLE) == 1  # figeac ended on 2025-03-15
    february = ActivitySlice(date_from=date(2025, 2, 1), date_to=date(2025, 2, 28))
    assert activity.parcours_run(february) == 2
    assert activity.parcours_completed(february) == 0  # figeac had not ended yet
    assert activity.parcours_run(ActivitySlice(department="15")) == 0


def test_structures_active(network):
    # cap and rouergue (pending counts: it ran sessions); perigord ran none.
    assert activity.structures_active(WHOLE) == 2
    assert activity.structures_active(ActivitySlice(tag="financement")) == 2
    assert activity.structures_active(ActivitySlice(department="15")) == 0


def test_departments_reached(network):
    assert activity.departments_reached(WHOLE) == 3  # 46, 12, 15; not 33, 34, 35
    assert activity.departments_reached(ActivitySlice(region="76")) == 2  # Occitanie


def test_white_zones(network):
    # Not white: 46 (cap, and sessions), 24 (perigord, validated), 12 and 15 (sessions in
    # the last 12 months). 33, 34, 35 stay white: their reports do not count.
    assert activity.white_zones(WHOLE) == 101 - 4
    # Occitanie's 13 départements but 46 and 12.
    assert activity.white_zones(ActivitySlice(region="76", date_to=END)) == 11
    # Looking back from 2025-02-28: r5 (March) is in the future, so 15 is white.
    assert activity.white_zones(ActivitySlice(date_to=date(2025, 2, 28))) == 101 - 3
    # A year after the last session only the validated structures' départements remain.
    assert activity.white_zones(ActivitySlice(date_to=date(2026, 3, 5))) == 101 - 2


def test_modules_used(network):
    assert activity.modules_used(WHOLE) == 3  # M1, M2, M3; not M6
    assert activity.modules_used(ActivitySlice(structure="rouergue")) == 2


def test_challenges_met(network):
    assert activity.challenges_met(WHOLE) == 2  # financement, mobilite; not isolement
    assert activity.challenges_met(ActivitySlice(tag="financement")) == 1


def test_breakdowns(network):
    months = activity.sessions_by_month(WHOLE)
    assert [(b.label, b.value) for b in months] == [("2025-01", 1), ("2025-02", 3), ("2025-03", 1)]
    assert months[1].args == {"sort": "session", "from": "2025-02-01", "to": "2025-02-28"}
    # WHOLE (a period) joins each link to its report; the unfiltered network counts every
    # link and takes away those of the draft, deleted and erased reports: the same figures.
    for chosen in (WHOLE, ActivitySlice()):
        modules = {b.args["module"]: b.value for b in activity.sessions_by_module(chosen)}
        assert modules == {
            M1: 3,
            M2: 2,
            M3: 1,
            "modele-economique-financement": 0,
            "statut-gouvernance-collectif": 0,
            M6: 0,
        }
        challenges = [(b.args["tag"], b.value) for b in activity.sessions_by_challenge(chosen)]
        assert challenges == [("financement", 2), ("mobilite", 1)]
        assert all(type(b.value) is int for b in activity.sessions_by_module(chosen))
    places = {p.code: p for p in activity.by_department(WHOLE)}
    assert (places["46"].sessions, places["46"].structures, places["46"].blank) == (2, 1, False)
    assert (places["12"].sessions, places["12"].structures, places["12"].blank) == (2, 0, False)
    assert (places["34"].sessions, places["34"].blank) == (0, True)
    assert sum(p.blank for p in places.values()) == activity.white_zones(WHOLE)


def test_each_indicator_is_one_statement(network, count_queries):
    with count_queries() as statements:
        figures = activity.indicators(WHOLE)
    assert len(statements) == len(activity.INDICATORS) == 13
    assert figures == {
        "sessions": 5,
        "porteurs": 21,
        "parcours_run": 2,
        "parcours_completed": 1,
        "structures": 2,
        "departments": 3,
        "white_zones": 97,
        "modules": 3,
        "challenges": 2,
        "projects_abandoned": 0,
        "projects_maturing": 0,
        "projects_started": 0,
        "projects_oriented": 0,
    }


def test_follow_up_outcomes_count_the_latest_answer_of_each_parcours(network, make_user):
    from forum.models import FollowUp

    figeac = db.session.scalar(sa.select(Parcours).where(Parcours.slug == "figeac"))
    millau = db.session.scalar(sa.select(Parcours).where(Parcours.slug == "millau"))
    db.session.add_all(
        [
            FollowUp(parcours_id=figeac.id, abandoned=5, maturing=3, started=0, oriented=0),
            # figeac's second answer replaces its first; millau answers once.
            FollowUp(parcours_id=figeac.id, abandoned=2, maturing=3, started=2, oriented=1),
            FollowUp(parcours_id=millau.id, abandoned=1, maturing=0, started=4, oriented=2),
        ]
    )
    db.session.commit()
    assert activity.projects_abandoned(WHOLE) == 2 + 1
    assert activity.projects_maturing(WHOLE) == 3
    assert activity.projects_started(WHOLE) == 2 + 4
    assert activity.projects_oriented(WHOLE) == 1 + 2
    # Only parcours run in the slice: r5's département has none; cap runs figeac only.
    assert activity.projects_started(ActivitySlice(department="15")) == 0
    assert activity.projects_started(ActivitySlice(structure="cap")) == 2
