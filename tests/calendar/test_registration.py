"""Issue 15, point 2 and « Bad input »: « Je viens », capacity, the waiting list and its
promotion, the CSV of registrations, and two requests racing for the last seat."""

import csv
import io
import threading

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import EventRegistration, Notification
from forum.services import notifications
from tests.calendar.conftest import soon
from tests.conftest import IsolatedClient, post_form


def statuses(event) -> list[tuple[str, str]]:
    db.session.commit()
    rows = db.session.execute(
        sa.select(EventRegistration.user_id, EventRegistration.status)
        .where(EventRegistration.event_id == event.id)
        .order_by(EventRegistration.id)
    )
    return [(u, s) for u, s in rows]


def test_register_then_waiting_list_then_promotion(client, login, make_event, bob, carla, alice):
    event = make_event(capacity=1)
    login(bob)
    assert (
        post_form(client, f"/events/{event.id}/register", {"role": "observation"}).status_code
        == 303
    )
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Vous êtes inscrit·e (Observateur·rice)." in page
    assert "1 sur 1 prise" in page
    client.post("/auth/logout", data={"csrf_token": ""})
    second = IsolatedClient(client.application, use_cookies=True)
    post_form(second, "/auth/login", {"email": carla.email, "password": "motdepasse-solide"})
    response = post_form(second, f"/events/{event.id}/register", {"role": "participant"})
    assert response.status_code == 303
    assert "liste d’attente" in second.get(f"/events/{event.id}").get_data(as_text=True)
    assert statuses(event) == [(bob.id, "confirmed"), (carla.id, "waiting")]

    # Bob cancels: asked first (his seat goes to Carla for good), then Carla gets the seat,
    # and is told.
    asked = post_form(client, f"/events/{event.id}/unregister", {})
    assert asked.status_code == 200 and "Libérer votre place ?" in asked.get_data(as_text=True)
    assert "1 personne attend une place" in asked.get_data(as_text=True)
    assert statuses(event) == [(bob.id, "confirmed"), (carla.id, "waiting")]  # nothing yet
    confirmed = post_form(client, f"/events/{event.id}/unregister", {"confirm": "yes"})
    assert confirmed.status_code == 303
    assert statuses(event) == [(carla.id, "confirmed")]
    notifications.process_events()
    db.session.commit()
    told = db.session.scalars(sa.select(Notification).where(Notification.user_id == carla.id)).all()
    assert [n.kind for n in told] == ["event_seat_freed"]
    assert told[0].calendar_event_id == event.id
    assert "Une place s’est libérée" in second.get("/notifications").get_data(as_text=True)


def test_registering_twice_is_refused(client, login, make_event, bob):
    event = make_event()
    login(bob)
    post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    again = post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    assert again.status_code == 303  # a double click: back to the event, told so
    assert "Vous êtes déjà inscrit·e." in client.get(again.headers["Location"]).get_data(
        as_text=True
    )
    assert len(statuses(event)) == 1


def test_refused_registrations(client, login, make_event, bob, alice):
    past = make_event(start=soon(days=-2))
    closed = make_event(registration_open=False)
    cancelled = make_event()
    from forum.services.calendar import cancel_event

    cancel_event(cancelled, alice)
    db.session.commit()
    login(bob)
    for event, words in (
        (past, "déjà commencé"),
        (closed, "inscriptions à ce rendez-vous sont fermées"),
        (cancelled, "annulé"),
    ):
        response = post_form(client, f"/events/{event.id}/register", {"role": "participant"})
        assert response.status_code == 409
        assert words in response.get_data(as_text=True)
    bad_role = post_form(client, f"/events/{closed.id}/register", {"role": "chef"})
    assert bad_role.status_code == 400
    assert statuses(past) == statuses(closed) == []


def test_nobody_cancels_someone_elses_registration(client, login, make_event, bob, carla):
    event = make_event()
    login(bob)
    post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    client.post("/auth/logout", data={"csrf_token": ""})
    other = IsolatedClient(client.application, use_cookies=True)
    post_form(other, "/auth/login", {"email": carla.email, "password": "motdepasse-solide"})
    response = post_form(other, f"/events/{event.id}/unregister", {"user_id": str(bob.id)})
    assert response.status_code == 409
    assert "Vous n’êtes pas inscrit·e" in response.get_data(as_text=True)
    assert statuses(event) == [(bob.id, "confirmed")]


def test_visitors_must_sign_in(client, make_event):
    event = make_event()
    response = post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    assert response.status_code in (302, 303, 401)
    assert statuses(event) == []


def test_organisers_export_the_list_as_csv(client, login, make_event, bob, alice, make_user):
    event = make_event(capacity=1)
    login(bob)
    post_form(client, f"/events/{event.id}/register", {"role": "coanimation"})
    sneaky = make_user(display_name='=HYPERLINK("http://x")')
    from forum.services.calendar import register

    register(sneaky, event, "participant")
    db.session.commit()
    client.post("/auth/logout", data={"csrf_token": ""})
    organiser = IsolatedClient(client.application, use_cookies=True)
    post_form(organiser, "/auth/login", {"email": alice.email, "password": "motdepasse-solide"})
    response = organiser.get(f"/events/{event.id}/registrations.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
    )
    assert rows[0] == ["Nom", "Structure", "Rôle", "Statut", "Inscrit·e le"]
    assert rows[1][:4] == ["Bob Durand", "Incubateur Gironde", "Co-animateur·rice", "confirmé·e"]
    assert rows[2][0].startswith("'=") and rows[2][3] == "liste d’attente"


@pytest.mark.parametrize("attempt", range(3))
def test_two_members_racing_for_the_last_seat(app, make_event, make_user, attempt):
    """Two requests at once (two threads, two connections) for one seat: one gets it, the
    other the waiting list; never two confirmed. On SQLite and on PostgreSQL."""
    event = make_event(capacity=1, title=f"Dernière place {attempt}")
    users = [make_user() for _ in range(2)]
    app.test_client_class = IsolatedClient
    clients = [app.test_client(), app.test_client()]
    tokens = []
    for c, u in zip(clients, users):
        post_form(c, "/auth/login", {"email": u.email, "password": "motdepasse-solide"})
        html = c.get(f"/events/{event.id}").get_data(as_text=True)
        tokens.append(html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0])
    event_id = event.id  # not read from the test's session inside the threads
    barrier = threading.Barrier(2)
    codes = [None, None]

    def send(i):
        try:
            with app.app_context():
                barrier.wait()
                codes[i] = (
                    clients[i]
                    .post(
                        f"/events/{event_id}/register",
                        data={"role": "participant", "csrf_token": tokens[i]},
                    )
                    .status_code
                )
        except Exception as error:  # shown in the assertion below
            codes[i] = repr(error)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert codes == [303, 303]
    assert sorted(s for _u, s in statuses(event)) == ["confirmed", "waiting"]


def test_more_seats_promote_the_waiting_list_in_order(
    client, login, make_event, alice, bob, carla, make_user
):
    from forum.services.calendar import register
    from tests.calendar.conftest import event_form
    from tests.views.test_write_once import form_fields

    event = make_event(capacity=1)
    dan = make_user(display_name="Dan")
    for member in (bob, carla, dan):
        register(member, event, "participant")
    db.session.commit()
    assert [s for _u, s in statuses(event)] == ["confirmed", "waiting", "waiting"]
    login(alice)
    fields = form_fields(client, f"/events/{event.id}/edit")
    start = calendar_start(event)
    response = client.post(
        f"/events/{event.id}/edit",
        data={**event_form(title="Rencontre du réseau", capacity="2", start=start), **fields},
    )
    assert response.status_code == 303
    assert statuses(event) == [(bob.id, "confirmed"), (carla.id, "confirmed"), (dan.id, "waiting")]


def calendar_start(event):
    from forum.services.calendar import to_paris

    return to_paris(event.starts_at).replace(tzinfo=None)
