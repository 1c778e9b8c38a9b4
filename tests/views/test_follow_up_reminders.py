"""« Que sont devenus les projets ? » asked 3, 6 and 12 months after a parcours ends
(issue 16, point 4): the structures' members are told in the app and by e-mail (a real
SMTP server), each stage once, never after an answer, never past the 12-month one; the
notification leads to the form; the parcours page says an answer is awaited."""

import os
from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from flask import current_app

from forum.extensions import db
from forum.models import FollowUpReminder, Notification, Parcours
from forum.models.base import utcnow
from forum.services import follow_ups, notification_settings, notifications
from tests.conftest import post_form
from tests.servers import at_once, second_server

OLD = utcnow() - timedelta(days=60)  # past the limits of brand-new accounts


@pytest.fixture
def cap(make_structure):
    return make_structure(name="Cap Solidaire", slug="cap", department_code="46")


@pytest.fixture
def members(make_user, cap, make_structure):
    """Alice and Bob at Cap (Bob wants no e-mail of this kind), Carole elsewhere."""
    elsewhere = make_structure(name="Ailleurs", slug="ailleurs", department_code="12")
    alice = make_user(display_name="Alice Martin", structure_id=cap.id, created_at=OLD)
    bob = make_user(display_name="Bob Duval", structure_id=cap.id, created_at=OLD)
    carole = make_user(display_name="Carole Petit", structure_id=elsewhere.id, created_at=OLD)
    notification_settings.save_modes(bob, {"follow_ups": "never"})
    db.session.commit()
    return alice, bob, carole


def make_parcours(cap, end: date, slug="figeac", structures=True) -> Parcours:
    parcours = Parcours(
        slug=slug,
        title=f"Premiers pas {slug.capitalize()}",
        department_code="46",
        start_date=end - timedelta(days=90),
        end_date=end,
        cohort_size=8,
        structures=[cap] if structures else [],
    )
    db.session.add(parcours)
    db.session.commit()
    return parcours


def ask(now: datetime) -> list[int]:
    made = follow_ups.ask_due(now)
    db.session.commit()
    while notifications.process_events():
        pass
    return made


def stages(parcours) -> list[int]:
    return list(
        db.session.scalars(
            sa.select(FollowUpReminder.stage)
            .where(FollowUpReminder.parcours_id == parcours.id)
            .order_by(FollowUpReminder.stage)
        )
    )


def told(user) -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == user.id, Notification.kind == "follow_up_due"
            )
        )
    )


@pytest.mark.parametrize(
    "today, stage",
    [
        (date(2026, 4, 29), None),  # before the first stage
        (date(2026, 4, 30), 3),  # 31 January + 3 months: the month's last day
        (date(2026, 7, 30), 3),
        (date(2026, 7, 31), 6),
        (date(2027, 1, 30), 6),
        (date(2027, 1, 31), 12),
        (date(2027, 2, 27), 12),  # the last stage, a month's grace
        (date(2027, 2, 28), None),  # too late: never asked
    ],
)
def test_the_stage_follows_calendar_months(today, stage):
    assert follow_ups.due_stage(date(2026, 1, 31), today) == stage


def test_the_command_asks_the_structures_members_once_in_the_app_and_by_email(
    app, client, login, smtp, cap, members
):
    alice, bob, carole = members
    parcours = make_parcours(cap, end=utcnow().date() - relativedelta(months=3, days=2))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["parcours", "ask-follow-ups"])
    assert result.exit_code == 0, result.output
    assert "1 parcours relancé(s)" in result.output
    assert stages(parcours) == [3]
    assert len(told(alice)) == 1 and len(told(bob)) == 1 and told(carole) == []
    assert told(alice)[0].parcours_id == parcours.id
    # Alice chose nothing (the kind's default: at once); Bob chose « jamais ».
    mails = [m for m in smtp.messages if "Premiers pas Figeac" in m["Subject"]]
    assert [m["To"] for m in mails] == [alice.email]
    body = mails[0].get_body(("plain",)).get_content()
    assert "terminé il y a 3 mois" in mails[0]["Subject"] + body
    # Cron runs it again the next day: nobody is asked twice.
    again = runner.invoke(args=["parcours", "ask-follow-ups"])
    assert "0 parcours relancé(s)" in again.output
    assert len(told(alice)) == 1
    assert len([m for m in smtp.messages if "Premiers pas Figeac" in m["Subject"]]) == 1

    # Alice sees it, follows it to the form, and the parcours page says it is awaited.
    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Que sont devenus les projets du parcours «\u00a0Premiers pas Figeac\u00a0»" in page
    opened = client.get(f"/notifications/{told(alice)[0].id}")
    assert opened.status_code in (302, 303)
    assert opened.location.endswith("/parcours/figeac/follow-up")
    form = client.get("/parcours/figeac/follow-up").get_data(as_text=True)
    assert "3 mois après la fin du parcours" in form
    detail = client.get("/parcours/figeac").get_data(as_text=True)
    assert "Le réseau vous demande des nouvelles des projets." in detail
    answer = {"abandoned": "1", "maturing": "4", "started": "2", "oriented": "0"}
    response = post_form(client, "/parcours/figeac/follow-up", {**answer, "comment": "Bien."})
    assert response.status_code == 303
    detail = client.get("/parcours/figeac").get_data(as_text=True)
    assert "Le réseau vous demande des nouvelles des projets." not in detail
    history = client.get("/parcours/figeac/follow-up").get_data(as_text=True)
    assert "<td>Bien.</td>" in history  # the comment is shown in the history


def test_stages_three_six_twelve_and_an_answer_ends_the_asking(cap, members):
    alice, _bob, _carole = members
    end = date(2026, 1, 31)
    parcours = make_parcours(cap, end)
    at = lambda months, days=0: datetime(2026, 1, 31, 9) + relativedelta(months=months, days=days)  # noqa: E731
    assert ask(at(2, 27)) == []
    assert len(ask(at(3))) == 1 and stages(parcours) == [3]
    assert ask(at(4)) == []  # the 3-month stage was asked, the 6-month one is not due
    assert len(ask(at(6, 1))) == 1 and stages(parcours) == [3, 6]
    assert follow_ups.pending_request(parcours).stage == 6
    assert len(told(alice)) == 2
    follow_ups.record(parcours, alice, follow_ups.FollowUpInput(1, 2, 3, 0))
    db.session.commit()
    assert follow_ups.pending_request(parcours) is None
    assert ask(at(12)) == []  # answered: no 12-month reminder
    assert stages(parcours) == [3, 6]


def test_a_late_job_asks_only_the_latest_stage_and_old_or_answered_parcours_never(cap, members):
    alice, _bob, _carole = members
    now = datetime(2026, 11, 30, 9)
    late = make_parcours(cap, now.date() - relativedelta(months=8), slug="late")
    ancient = make_parcours(cap, now.date() - relativedelta(years=2), slug="ancient")
    early = make_parcours(cap, now.date() - relativedelta(months=4), slug="early")
    orphan = make_parcours(cap, now.date() - relativedelta(months=4), "orphan", structures=False)
    follow_ups.record(early, alice, follow_ups.FollowUpInput(0, 8, 0, 0))  # answered early
    db.session.commit()
    made = ask(now)
    assert len(made) == 1
    assert stages(late) == [6]  # not 3 then 6 on the same day
    assert stages(ancient) == stages(early) == stages(orphan) == []
    assert [n.parcours_id for n in told(alice)] == [late.id]


def test_a_member_who_left_the_structure_no_longer_sees_the_request(
    client, login, cap, members, make_structure
):
    alice, _bob, _carole = members
    make_parcours(cap, utcnow().date() - relativedelta(months=3, days=1))
    ask(utcnow())
    assert notifications.unread_count(alice) == 1
    alice.structure_id = make_structure(name="Autre", slug="autre").id
    db.session.commit()
    assert notifications.unread_count(alice) == 0
    assert notifications.for_user(alice) == []
    login(alice)
    assert "Premiers pas Figeac" not in client.get("/notifications").get_data(as_text=True)
    assert client.get("/parcours/figeac/follow-up").status_code == 403


def test_the_email_settings_offer_the_follow_ups_row(client, login, members):
    alice, _bob, _carole = members
    login(alice)
    page = client.get("/account").get_data(as_text=True)
    assert "Que sont devenus les projets ?\u00a0» : nouvelles demandées 3, 6 et 12 mois" in page
    response = post_form(client, "/account/notifications", {"mode_follow_ups": "never"})
    assert response.status_code == 303
    assert notification_settings.modes_of(alice)["follow_ups"] == "never"


@pytest.mark.skipif(
    not os.environ.get("FORUM_TEST_DATABASE_URL"),
    reason="two servers share a PostgreSQL database, never an SQLite file",
)
def test_cron_on_two_servers_at_once_asks_once(app, migrated, smtp, cap, members, tmp_path):
    alice, _bob, _carole = members
    for n in range(6):
        make_parcours(cap, utcnow().date() - relativedelta(months=3, days=n + 1), f"p{n}")
    outputs = []

    def job(_start):
        result = current_app.test_cli_runner().invoke(args=["parcours", "ask-follow-ups"])
        if result.exit_code:
            outputs.append(result.output)

    with second_server(app, migrated, tmp_path) as other:
        errors = at_once([app, other], job) + outputs
    assert not errors, errors
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FollowUpReminder)) == 6
    assert len(told(alice)) == 6  # one per parcours, not one per server
    assert len([m for m in smtp.messages if m["To"] == alice.email]) == 6


def test_the_demo_holds_answers_and_asks_what_the_calendar_makes_due(app, demo_reports):
    """seed-demo records the older parcours' answers and asks, as the cron job would, the
    structures of every unanswered parcours whose stage is due today (computed here from
    the demo's dates, which are fixed while today moves)."""
    from forum.demo import network

    answered = {row[0] for row in network.FOLLOW_UPS}
    today = utcnow().date()
    expected = {
        p["slug"]
        for p in network.PARCOURS
        if p["slug"] not in answered
        and follow_ups.due_stage(date.fromisoformat(p["end_date"]), today) is not None
    }
    asked = set(
        db.session.scalars(
            sa.select(Parcours.slug).join(
                FollowUpReminder, FollowUpReminder.parcours_id == Parcours.id
            )
        )
    )
    assert asked == expected
    answers = db.session.scalars(
        sa.select(Parcours.slug).join(
            follow_ups.FollowUp, follow_ups.FollowUp.parcours_id == Parcours.id
        )
    ).all()
    assert set(answers) == answered
    if expected:  # members of those structures were told
        told_about = set(
            db.session.scalars(
                sa.select(Parcours.slug).join(Notification, Notification.parcours_id == Parcours.id)
            )
        )
        assert told_about == expected


def test_the_banner_and_the_form_count_the_real_months(client, login, cap, members):
    """Asked at 6 months and read nearly 12 months after the end: the parcours page says
    « il y a 11 mois » (the months since the end), not the reminder's stage; the form says
    when it was asked, in months after the end (here 7: a late job asked the 6-month stage)."""
    alice, _bob, _carole = members
    end = utcnow().date() - relativedelta(months=11, days=20)
    parcours = make_parcours(cap, end)
    asked_at = datetime.combine(end, datetime.min.time()) + relativedelta(months=7, hours=9)
    assert len(ask(asked_at)) == 1 and stages(parcours) == [6]
    login(alice)
    detail = client.get("/parcours/figeac").get_data(as_text=True)
    assert "Ce parcours s’est terminé il y a 11 mois" in detail
    form = client.get("/parcours/figeac/follow-up").get_data(as_text=True)
    assert "7 mois après la fin du parcours" in form


def test_the_notification_list_is_one_statement_however_many_parcours_ask(
    cap, members, count_queries
):
    """Review: the list checked each notification with visible_to, one statement per
    notification about a parcours (can_answer) or a structure (may_admit); it applies the
    same rule in SQL now, in the statement that loads them."""
    alice, _bob, _carole = members
    now = datetime(2026, 11, 30, 9)
    for n in range(5):
        make_parcours(cap, now.date() - relativedelta(months=3, days=n + 1), f"p{n}")
    ask(now)
    assert alice.role  # loaded before counting: the account is the request's, not the list's
    with count_queries() as queries:
        listed = notifications.for_user(alice)
    assert len(listed) == 5 and len(queries) == 1
    assert {n.parcours.slug for n in listed} == {f"p{n}" for n in range(5)}  # loaded with it
