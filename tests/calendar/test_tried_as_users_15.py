"""What a fresh tester found in the calendar (issue 15), fixed: a deleted account frees
its seat, announcing in another structure's name or on its parcours is refused, a session
number is taken once per parcours, and exported cells never run as formulas."""

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import EventRegistration
from forum.services import calendar, privacy
from forum.services.calendar import EventInput, create_event
from forum.services.errors import Invalid
from forum.services.parcours import create_parcours
from tests.calendar.conftest import event_input, soon


def test_a_deleted_account_frees_its_seat_and_the_list_still_exports(
    app, client, login, make_event, alice, bob, carla
):
    event = make_event(capacity=1)
    calendar.register(bob, event, "participant")
    calendar.register(carla, event, "participant")  # waiting
    db.session.commit()
    privacy.delete_account(bob, "keep")
    db.session.commit()  # as the request does
    rows = db.session.execute(
        sa.select(EventRegistration.user_id, EventRegistration.status).where(
            EventRegistration.event_id == event.id
        )
    ).all()
    assert rows == [(carla.id, "confirmed")], "Carla moves up to the freed seat"
    login(alice)
    response = client.get(f"/events/{event.id}/registrations.csv")
    assert response.status_code == 200
    assert "Carla Roux" in response.get_data(as_text=True)
    result = app.test_cli_runner().invoke(args=["calendar", "send-reminders"])
    assert result.exit_code == 0, result.output


def _input(**changes) -> EventInput:
    return event_input(title="Rencontre", **changes)


def test_nobody_announces_in_another_structures_name_or_on_its_parcours(
    app, alice, bob, lot, gironde, make_user
):
    with pytest.raises(Invalid) as refused:
        create_event(alice, _input(structure_id=gironde.id))
    assert refused.value.field == "structure"
    theirs = create_parcours(
        "Premiers pas en Gironde", "Bègles", "33", soon().date(), None, 8, [gironde.id], creator=bob
    )
    db.session.commit()
    with pytest.raises(Invalid) as refused:
        create_event(alice, _input(kind="seance", parcours_id=theirs.id, session_number=2))
    assert refused.value.field == "parcours"
    moderator = make_user(role="moderator")
    create_event(moderator, _input(structure_id=gironde.id))  # moderators may
    mine = create_event(bob, _input(kind="seance", parcours_id=theirs.id, session_number=2))
    assert mine.structure_id == gironde.id
    with pytest.raises(Invalid) as refused:
        create_event(bob, _input(kind="seance", parcours_id=theirs.id, session_number=2))
    assert refused.value.field == "session_number", "session 2 is already in the calendar"
    calendar.cancel_event(mine, bob)
    create_event(bob, _input(kind="seance", parcours_id=theirs.id, session_number=2))


def test_a_new_account_cannot_flood_the_calendar(client, login, make_user, lot):
    """Tester's finding (issue 15): a brand-new account could announce events without
    limit. The new accounts' brake (10 an hour during the first day, messages, reports
    and events together: forum.services.discussions.check_rate) holds for events too;
    the form comes back as typed, with the reason, in a 429."""
    from tests.calendar.conftest import post_event

    login(make_user(structure=lot))
    for n in range(10):
        assert post_event(client, title=f"Rendez-vous {n}").status_code == 303, n
    refused = post_event(client, title="Le onzième rendez-vous")
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "publie au plus 10 messages" in page and "Le onzième rendez-vous" in page
    assert "Retry-After" in refused.headers
