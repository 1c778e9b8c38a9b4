"""Issue 15, points 5 and 6: a change of time or place and a cancellation reach the
registered (in the app, by e-mail on a real SMTP server); a parcours session that ended
leaves its organiser a pre-filled draft retour, once."""

import os
from datetime import date

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Notification, Report
from forum.services import calendar, notifications
from forum.services.affiliation import TRUSTED_CALLER
from forum.services.parcours import create_parcours
from tests.calendar.conftest import post_event, soon
from tests.conftest import post_form


def kinds_of(user) -> list[str]:
    db.session.commit()
    return list(
        db.session.scalars(
            sa.select(Notification.kind)
            .where(Notification.user_id == user.id)
            .order_by(Notification.id)
        )
    )


def test_a_new_time_and_a_cancellation_reach_the_registered(
    client, login, smtp, alice, bob, carla, make_event
):
    event = make_event(title="Échange à Figeac")
    calendar.register(bob, event, "participant")
    calendar.register(carla, event, "observation")
    db.session.commit()
    login(alice)
    # a change of title only tells nobody
    response = post_event(
        client,
        f"/events/{event.id}/edit",
        title="Échange à Figeac (salle B)",
        start=calendar.to_paris(event.starts_at).replace(tzinfo=None),
    )
    assert response.status_code == 303
    notifications.process_events()
    assert kinds_of(bob) == []
    # a new time does
    response = post_event(
        client, f"/events/{event.id}/edit", title="Échange à Figeac (salle B)", start=soon(days=12)
    )
    assert response.status_code == 303
    notifications.process_events()
    assert kinds_of(bob) == kinds_of(carla) == ["event_changed"]
    assert kinds_of(alice) == []  # the organiser who changed it
    subjects = [m["Subject"] for m in smtp.messages]
    assert any(
        "Changement d’heure ou de lieu" in s and "Échange à Figeac (salle B)" in s for s in subjects
    )
    assert post_form(client, f"/events/{event.id}/cancel", {"confirm": "yes"}).status_code == 303
    notifications.process_events()
    assert kinds_of(bob) == ["event_changed", "event_cancelled"]
    assert any("Rendez-vous annulé" in m["Subject"] for m in smtp.messages)
    recipients = {m["To"] for m in smtp.messages}
    assert {bob.email, carla.email} <= recipients and alice.email not in recipients


def test_a_members_only_event_is_not_told_in_notifications_to_outsiders(app, make_event, bob):
    event = make_event(visibility="members")
    calendar.register(bob, event, "participant")
    db.session.commit()
    n = Notification(user_id=bob.id, kind="event_changed", calendar_event_id=event.id)
    db.session.add(n)
    db.session.commit()

    class Visitor:
        is_authenticated = False
        is_moderator = False

    assert notifications.visible_to(n, bob)
    assert not notifications.visible_to(n, Visitor())


def test_an_ended_session_leaves_a_prefilled_draft_once(
    app, client, login, alice, lot, bob, carla, make_event
):
    parcours = create_parcours(
        "Premiers pas Vallée du Lot",
        "Figeac",
        "46",
        date(2026, 1, 1),
        None,
        8,
        [lot.id],
        creator=TRUSTED_CALLER,
    )
    db.session.commit()
    event = make_event(
        kind="seance",
        parcours_id=parcours.id,
        session_number=3,
        title="Séance à Figeac",
        modules=["besoin-social-utilite-sociale"],
        start=soon(days=-1, hour=9),
    )
    # registered before it started, as members do:
    from forum.models import EventRegistration

    db.session.add_all(
        [
            EventRegistration(
                event_id=event.id, user_id=bob.id, role="participant", status="confirmed"
            ),
            EventRegistration(
                event_id=event.id, user_id=carla.id, role="observation", status="confirmed"
            ),
        ]
    )
    future = make_event(
        kind="seance", parcours_id=parcours.id, session_number=4, title="Séance à venir"
    )
    db.session.commit()

    runner = app.test_cli_runner()
    result = runner.invoke(args=["calendar", "draft-reports"])
    assert result.exit_code == 0, result.output
    assert "1 brouillon(s)" in result.output
    again = runner.invoke(args=["calendar", "draft-reports"])
    assert "0 brouillon(s)" in again.output  # idempotent

    db.session.commit()
    reports = db.session.scalars(sa.select(Report)).all()
    assert len(reports) == 1
    report = reports[0]
    assert report.status == "draft" and report.author_id == alice.id
    assert report.session_date == calendar.to_paris(event.starts_at).date()
    assert report.department_code == "46" and report.structure_id == lot.id
    assert report.parcours_id == parcours.id and report.format == "presentiel"
    assert report.participants == 1  # participants only, not the observer
    assert [m.slug for m in report.modules] == ["besoin-social-utilite-sociale"]
    assert "séance 3/6" in report.title
    db.session.refresh(event)
    db.session.refresh(future)
    assert event.report_id == report.id and future.report_id is None
    assert kinds_of(alice) == ["report_draft_waiting"]

    login(alice)
    assert "Séance à Figeac" in client.get("/my/reports").get_data(as_text=True)
    assert "son retour vous attend" in client.get("/notifications").get_data(as_text=True)


def test_a_report_written_without_the_event_is_linked_afterwards(
    client, login, alice, make_event, make_report
):
    event = make_event(start=soon(days=-3))
    report = make_report(alice, title="Retour écrit à part")
    login(alice)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Retour écrit à part" in page
    response = post_form(client, f"/events/{event.id}/report", {"report": str(report.id)})
    assert response.status_code == 303
    db.session.refresh(event)
    assert event.report_id == report.id
    assert "Le retour de cette séance" in client.get(f"/events/{event.id}").get_data(as_text=True)
    again = post_form(client, f"/events/{event.id}/report", {"report": str(report.id)})
    assert again.status_code == 409


def test_nobody_links_someone_elses_report(client, login, bob, alice, make_event, make_report):
    event = make_event(start=soon(days=-3))
    report = make_report(alice)
    login(bob)
    assert (
        post_form(client, f"/events/{event.id}/report", {"report": str(report.id)}).status_code
        == 403
    )
    assert post_form(client, f"/events/{event.id}/report", {"report": "abc"}).status_code in (
        400,
        403,
    )
    db.session.refresh(event)
    assert event.report_id is None


def test_reminders_two_days_before_with_the_ics_on_a_real_smtp_server(
    app, smtp, make_event, bob, carla, make_user
):
    from datetime import UTC

    import icalendar

    from forum.services import notification_settings

    soon_event = make_event(title="Échange dans deux jours", start=soon(days=1, hour=14))
    make_event(title="Dans dix jours")
    calendar.register(bob, soon_event, "participant")
    calendar.register(carla, soon_event, "participant")  # but she wants no reminders
    notification_settings.save_modes(carla, {"reminders": "never"})
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["calendar", "send-reminders"])
    assert result.exit_code == 0, result.output
    assert "1 rappel(s) envoyé(s)" in result.output
    assert "0 rappel(s)" in runner.invoke(args=["calendar", "send-reminders"]).output
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == bob.email
    assert "Rappel" in message["Subject"] and "Échange dans deux jours" in message["Subject"]
    parts = {part.get_content_type(): part for part in message.walk()}
    assert "Échange dans deux jours" in parts["text/plain"].get_content()
    ics = parts["text/calendar"]
    assert ics.get_filename() == f"maillage-{soon_event.id}.ics"
    cal = icalendar.Calendar.from_ical(ics.get_content())
    vevent = cal.walk("VEVENT")[0]
    assert vevent.decoded("dtstart").astimezone(UTC).replace(tzinfo=None) == soon_event.starts_at


@pytest.mark.skipif(
    not os.environ.get("FORUM_TEST_DATABASE_URL"),
    reason="servers share a PostgreSQL database; one SQLite file is the one-server setup",
)
def test_reminders_run_on_two_servers_at_once_are_sent_once(
    app, migrated, smtp, make_event, bob, carla
):
    """Another server's job holding a registration (its transaction open, mid-send): this
    server's job skips it instead of sending it again; once that server has committed,
    nothing is left to send (issue 17, point 3)."""
    from forum.models import EventRegistration

    event = make_event(title="Échange à Figeac", start=soon(days=1, hour=10))
    calendar.register(bob, event, "participant")
    calendar.register(carla, event, "observation")
    db.session.commit()
    held = db.session.scalar(
        sa.select(EventRegistration.id).where(EventRegistration.user_id == bob.id)
    )
    other_server = sa.create_engine(migrated)
    with other_server.connect() as conn:
        # Were this server's job to wait for the row instead of skipping it, PostgreSQL
        # ends the holder after 20 s: the test then fails (Bob mailed twice), not hangs.
        conn.execute(sa.text("SET idle_in_transaction_session_timeout = '20s'"))
        conn.execute(
            sa.text("SELECT id FROM event_registration WHERE id = :id FOR UPDATE"), {"id": held}
        )
        result = app.test_cli_runner().invoke(args=["calendar", "send-reminders"])
        assert "1 rappel(s) envoyé(s)" in result.output, result.output
        assert [m["To"] for m in smtp.messages] == [carla.email]
        conn.execute(
            sa.text("UPDATE event_registration SET reminded_at = now() WHERE id = :id"),
            {"id": held},
        )
        conn.commit()  # the other server sent Bob's and committed
    other_server.dispose()
    result = app.test_cli_runner().invoke(args=["calendar", "send-reminders"])
    assert "0 rappel(s)" in result.output
    assert len(smtp.messages) == 1
