"""What a fresh tester of the calendar found: file names of the .ics feeds, « Mes
inscriptions » after a cancellation, a double « Je viens », an upcoming event moved into
the past, an ended event cancelled, « 1 sur 1 prise », roles in the CSV, the place on
the waiting list on the event page."""

import csv
import io

import sqlalchemy as sa

from forum.extensions import db
from forum.models import EventRegistration, Notification
from forum.services import calendar
from forum.services import notifications as notification_service
from tests.calendar.conftest import event_form, post_event, soon
from tests.conftest import post_form
from tests.views.test_write_once import form_fields


def disposition(response) -> str:
    return response.headers["Content-Disposition"]


def test_each_ics_feed_is_named_by_its_filters(client, login, make_event, lot, alice):
    event = make_event(title="Rencontre à Figeac", structure_id=lot.id)
    plain = client.get("/events.ics")
    assert disposition(plain) == 'inline; filename="maillage-rendez-vous.ics"'
    filtered = client.get("/events.ics?structure=tiers-lieu-du-lot&kind=echange")
    assert disposition(filtered) == (
        'inline; filename="maillage-rendez-vous-tiers-lieu-du-lot-echanges-de-pratiques.ics"'
    )
    assert disposition(client.get(f"/events/{event.id}.ics")) == (
        f'inline; filename="maillage-{event.id}-rencontre-a-figeac.ics"'
    )
    login(alice)
    token = calendar.new_feed_token(alice)
    db.session.commit()
    private = client.get(f"/events/feed/{token}.ics")
    assert disposition(private) == (
        'inline; filename="maillage-mon-agenda-alice-martin-mes-inscriptions-tiers-lieu-du-lot.ics"'
    )


def test_cancelling_from_my_registrations_goes_back_there_only(client, login, make_event, bob):
    event = make_event(title="Atelier du jeudi")
    calendar.register(bob, event, "participant")
    other = make_event(title="Atelier du vendredi")
    calendar.register(bob, other, "participant")
    db.session.commit()
    login(bob)
    page = client.get("/events/mine").get_data(as_text=True)
    assert 'name="back" value="mine"' in page
    done = post_form(client, f"/events/{event.id}/unregister", {"back": "mine"})
    assert done.status_code == 303 and done.headers["Location"].endswith("/events/mine")
    # Any other value goes back to the event: no open redirect.
    elsewhere = post_form(
        client, f"/events/{other.id}/unregister", {"back": "https://example.com/"}
    )
    assert elsewhere.status_code == 303
    assert elsewhere.headers["Location"].endswith(f"/events/{other.id}")


def test_a_double_click_on_je_viens_says_so_and_registers_once(client, login, make_event, bob):
    event = make_event()
    login(bob)
    first = post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    again = post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    assert first.status_code == again.status_code == 303
    assert again.headers["Location"].endswith(f"/events/{event.id}")
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Vous êtes déjà inscrit·e." in page
    db.session.commit()
    count = db.session.scalar(
        sa.select(sa.func.count()).where(EventRegistration.event_id == event.id)
    )
    assert count == 1


def test_an_upcoming_event_cannot_be_moved_into_the_past(client, login, make_event, alice, bob):
    event = make_event()
    calendar.register(bob, event, "participant")
    db.session.commit()
    before = event.starts_at
    login(alice)
    path = f"/events/{event.id}/edit"
    data = {**event_form(), **form_fields(client, path)}
    data.update(starts_at="2020-01-01T10:00", ends_at="2020-01-01T13:00")
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert "indiquez un début à venir" in response.get_data(as_text=True)
    db.session.commit()
    db.session.refresh(event)
    assert event.starts_at == before and event.sequence == 0
    notification_service.process_events()
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_a_past_event_still_takes_a_fix_and_may_be_created(client, login, make_event, alice):
    start = soon(days=-3)
    event = make_event(start=start)
    login(alice)
    path = f"/events/{event.id}/edit"
    data = {**event_form(start=start, description="Faute corrigée."), **form_fields(client, path)}
    assert client.post(path, data=data).status_code == 303
    db.session.refresh(event)
    assert event.description_md == "Faute corrigée."
    # Creating a past event (a session recorded afterwards) stays allowed.
    data = {**event_form(start=soon(days=-5)), **form_fields(client, "/events/new")}
    assert client.post("/events/new", data=data).status_code == 303


def test_an_ended_event_cannot_be_cancelled(client, login, make_event, alice):
    event = make_event(start=soon(days=-3))
    login(alice)
    assert "/cancel" not in client.get(f"/events/{event.id}").get_data(as_text=True)
    asked = client.get(f"/events/{event.id}/cancel")
    assert asked.status_code == 409
    assert "terminé : il ne peut plus être annulé" in asked.get_data(as_text=True)
    posted = post_form(client, f"/events/{event.id}/cancel", {"confirm": "yes"})
    assert posted.status_code == 409
    db.session.refresh(event)
    assert not event.cancelled


def test_one_seat_taken_is_singular(client, login, make_event, bob):
    event = make_event(capacity=1)
    calendar.register(bob, event, "participant")
    db.session.commit()
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "1 sur 1 prise" in page and "1 sur 1 prises" not in page


def test_the_csv_says_roles_as_the_page_does_in_english(client, login, make_event, make_user, bob):
    organiser = make_user(locale="en", structure_id=None)
    event = make_event(creator=organiser, capacity=5)
    calendar.register(bob, event, "coanimation")
    db.session.commit()
    login(organiser)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/events/{event.id}/registrations.csv")
                .get_data(as_text=True)
                .lstrip("\ufeff")
            ),
            delimiter=";",
        )
    )
    assert rows[1][2] == "Co-facilitator"


def test_the_event_page_says_the_place_on_the_waiting_list(
    client, login, make_event, alice, bob, carla
):
    event = make_event(capacity=1)
    calendar.register(alice, event, "participant")
    calendar.register(carla, event, "participant")
    calendar.register(bob, event, "observation")
    db.session.commit()
    login(bob)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Vous êtes sur la liste d’attente, en position 2 (Observateur·rice)" in page


def test_filters_that_name_nothing_are_said_and_left_out(client, make_event, lot):
    """A tester of issue 15: ?kind=zzz was said, but a structure, département or module
    that names nothing gave an empty list without a word (and a feed named « · 999 »), and
    a period ending before it starts gave 0 results silently."""
    event = make_event(title="Échange au tiers-lieu")
    query = "structure=inconnue&department=999&module=zz&region=00&from=2027-01-01&to=2026-01-01"
    html = client.get(f"/events/?{query}").get_data(as_text=True)
    for said in (
        "Filtre inconnu : structure «\u00a0inconnue\u00a0»",
        "Filtre inconnu : département «\u00a0999\u00a0»",
        "Filtre inconnu : module «\u00a0zz\u00a0»",
        "Filtre inconnu : région «\u00a000\u00a0»",
        "la période se terminait le 2026-01-01, avant de commencer",
    ):
        assert said in html, said
    feed = client.get("/events.ics?department=999&structure=inconnue").get_data(as_text=True)
    assert "999" not in feed and "inconnue" not in feed
    # A real structure still filters.
    html = client.get(f"/events/?structure={lot.slug}").get_data(as_text=True)
    assert "Filtre inconnu" not in html and event.title in html


def test_a_change_notice_in_english_uses_english_punctuation(app, make_event):
    """The second tester: English kept the French « ; » between the changes."""
    from flask_babel import force_locale

    from forum.services.calendar_changes import describe_change
    from forum.services.notification_wording import describe

    event = make_event(title="Échange à Figeac")
    before = {"when": ["2026-12-10T08:30:00", "2026-12-10T11:30:00"], "online": False,
              "place": "Figeac, Lot (46)", "link": ""}  # fmt: skip
    after = {"when": ["2026-12-12T13:30:00", "2026-12-12T16:30:00"], "online": False,
             "place": "Cahors, Lot (46)", "link": ""}  # fmt: skip
    n = Notification(
        kind="event_changed", calendar_event=event, reason=describe_change(before, after)
    )
    with force_locale("en"):
        english = describe(n)
    with force_locale("fr"):
        french = describe(n)
    assert "; new" in english and " ; " not in english
    assert " ; nouveau lieu" in french


def test_an_ended_event_keeps_its_times_but_its_text_may_change(client, login, make_event, alice):
    """The third tester: an ended séance moved into the future became « à venir » again,
    and could then be cancelled — the refusal to cancel an ended event, bypassed in two
    steps. Its times are fixed once it has ended; its description still takes a fix."""
    start = soon(days=-20)  # a Paris wall-clock time, as the form takes it
    event = make_event(title="Séance passée", start=start)
    stored = event.starts_at
    login(alice)
    moved = post_event(
        client, f"/events/{event.id}/edit", title="Séance passée", start=soon(days=5)
    )
    assert moved.status_code == 400
    assert "Ce rendez-vous a eu lieu : son horaire ne change plus" in moved.get_data(as_text=True)
    db.session.refresh(event)
    assert event.starts_at == stored
    fixed = post_event(
        client, f"/events/{event.id}/edit", title="Séance passée (corrigée)", start=start
    )
    assert fixed.status_code == 303
    db.session.refresh(event)
    assert event.title == "Séance passée (corrigée)" and event.starts_at == stored
