"""What the tester of issue 15 found next in the calendar, fixed: a co-organiser's dead
link to someone else's draft, a draft's false 0 porteurs, a change notice that did not
say what changed, the private feed's POST without redirect, feeds all named alike, and
« Mes inscriptions »."""

from datetime import date

import icalendar
import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import EventRegistration, Notification, Report
from forum.services import calendar, notifications
from forum.services.affiliation import TRUSTED_CALLER
from forum.services.parcours import create_parcours
from tests.calendar.conftest import post_event, soon
from tests.conftest import post_form
from tests.views.test_reports import report_data


@pytest.fixture
def ended_session(app, alice, lot, make_event):
    """A session of a parcours of the Lot, announced by Alice, that ended yesterday."""
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
    return make_event(
        kind="seance",
        parcours_id=parcours.id,
        session_number=2,
        title="Séance à Figeac",
        modules=["besoin-social-utilite-sociale"],
        start=soon(days=-1, hour=9),
    )


def draft_of(app, event) -> Report:
    result = app.test_cli_runner().invoke(args=["calendar", "draft-reports"])
    assert result.exit_code == 0, result.output
    db.session.commit()
    db.session.refresh(event)
    return db.session.get(Report, event.report_id)


def logout(client):
    client.post("/auth/logout", data={"csrf_token": ""})


# --- 1. a co-organiser's link to the draft --------------------------------------------------


def test_a_co_organiser_is_told_who_holds_the_draft_instead_of_a_dead_link(
    app, client, login, alice, lot, make_user, ended_session
):
    """Tester's finding: a member of the organising structure saw « Le retour de cette
    séance » on the event page, leading to a 404 (a draft is its author's, by the reports'
    rule, `reports.can_view`). They now read who holds it; the author keeps the link."""
    report = draft_of(app, ended_session)
    colleague = make_user(display_name="Dominique Roux", structure=lot)
    login(colleague)
    assert calendar.may_organise(colleague, ended_session)
    page = client.get(f"/events/{ended_session.id}").get_data(as_text=True)
    assert f"/reports/{report.id}" not in page
    assert "Alice Martin" in page and "Mes retours" in page
    assert client.get(f"/reports/{report.id}").status_code == 404  # the rule is unchanged
    logout(client)
    login(alice)
    page = client.get(f"/events/{ended_session.id}").get_data(as_text=True)
    assert f'href="/reports/{report.id}"' in page
    assert client.get(f"/reports/{report.id}").status_code == 200
    assert client.get(f"/reports/{report.id}/edit").status_code == 200


# --- 2. no false 0 porteurs in the draft ------------------------------------------------


def test_a_draft_with_nobody_registered_leaves_participants_empty_until_published(
    app, client, login, alice, lot, bob, ended_session
):
    """Tester's finding: with nobody registered as participant, the draft said 0 porteurs,
    a number that would count in the indicators once published. It is left empty; a draft
    saves without it, publishing asks for it in French."""
    db.session.add(
        EventRegistration(
            event_id=ended_session.id, user_id=bob.id, role="observation", status="confirmed"
        )
    )
    db.session.commit()
    report = draft_of(app, ended_session)
    assert report.participants is None
    login(alice)
    form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    field = form.split('name="participants"')[1].split(">")[0]
    assert "value" not in field or 'value=""' in field
    assert "à compléter" in client.get(f"/reports/{report.id}").get_data(as_text=True)

    fields = dict(
        title=report.title,
        session_date=report.session_date.isoformat(),
        structure=str(lot.id),
        parcours=str(report.parcours_id),
        modules=["besoin-social-utilite-sociale"],
        participants="",
    )
    path = f"/reports/{report.id}/edit"
    saved = post_form(client, path, report_data(**fields, action="draft"))
    assert saved.status_code == 303
    db.session.refresh(report)
    assert report.participants is None and report.status == "draft"
    refused = post_form(client, path, report_data(**fields, action="publish"))
    assert refused.status_code == 400
    assert "nombre de porteurs présents avant de publier" in refused.get_data(as_text=True)
    # « Publier » from « Mes retours » asks for it too
    version = db.session.get(Report, report.id).updated_at.isoformat()
    post_form(client, f"/reports/{report.id}/publish", {"version": version})
    db.session.refresh(report)
    assert report.status == "draft"
    published = post_form(client, path, report_data(**{**fields, "participants": "6"}))
    assert published.status_code == 303
    db.session.refresh(report)
    assert report.status == "published" and report.participants == 6


# --- 3. a change notice says what changed ------------------------------------------------


def test_the_registered_are_told_the_new_and_old_time_and_place_in_french(
    client, login, smtp, alice, bob, make_event
):
    """Tester's finding: « Changement d’heure ou de lieu » without saying which. The notice
    (in the app and by e-mail) gives the new date and times in Paris, in French, and the
    new place, each « au lieu de » the old one."""
    from babel.dates import format_date

    from forum.i18n import first_of_month
    from forum.services import notification_settings

    before, after = soon(days=10, hour=9), soon(days=12, hour=14)
    event = make_event(title="Échange à Figeac", start=before)
    calendar.register(bob, event, "participant")
    notification_settings.set_all(bob, "immediate")
    db.session.commit()
    login(alice)
    response = post_event(
        client, f"/events/{event.id}/edit", title="Échange à Figeac", start=after, commune="Cahors"
    )
    assert response.status_code == 303
    notifications.process_events()

    def day(moment) -> str:
        return first_of_month(format_date(moment.date(), "EEEE d MMMM y", locale="fr"), "fr")

    when = f"le {day(after)} de 14:30 à 17:30 (heure de Paris) au lieu du {day(before)} de 09:30 à 12:30"
    where = "nouveau lieu : Cahors, Lot (46) au lieu de Figeac, Lot (46)"
    (n,) = db.session.scalars(sa.select(Notification).where(Notification.user_id == bob.id))
    assert n.kind == "event_changed"
    (mail,) = [m for m in smtp.messages if m["To"] == bob.email]
    text = mail.get_body(("plain",)).get_content()
    # The subject starts the sentence and is cut at a word (the second tester: 250+
    # characters); the body says it whole.
    assert mail["Subject"].startswith("[Maillage] Changement d’heure ou de lieu pour")
    assert len(mail["Subject"]) <= 131 and mail["Subject"].endswith("…")
    assert when in text and where in text
    logout(client)
    login(bob)
    page = client.get("/notifications").get_data(as_text=True)
    assert when in page and "Cahors, Lot (46) au lieu de Figeac" in page

    # only the visio link changes: they are told to look at the page, not given the link
    online = make_event(
        title="Visio du réseau", online=True, online_url="https://visio.example.org/a"
    )
    calendar.register(bob, online, "participant")
    db.session.commit()
    logout(client)
    login(alice)
    start = calendar.to_paris(online.starts_at).replace(tzinfo=None)
    fields = dict(title="Visio du réseau", start=start, online="y")
    post_event(
        client, f"/events/{online.id}/edit", online_url="https://visio.example.org/b", **fields
    )
    notifications.process_events()
    subjects = [m["Subject"] for m in smtp.messages if "Visio du réseau" in m["Subject"]]
    assert len(subjects) == 1 and "nouveau lien de visio" in subjects[0]
    assert "visio.example.org" not in subjects[0]


# --- 4. the private feed's address: Post/Redirect/Get -----------------------------------


def test_a_new_private_feed_address_is_posted_then_shown_once_by_a_get(
    client, login, alice, make_event
):
    """Tester's finding: the POST answered with the page itself, so a refresh posted again
    (and made yet another address). Now a 303 to the page, which shows the new address
    once, with Cache-Control: no-store; a refresh shows it no more and keeps it working."""
    make_event(title="Chez nous")
    login(alice)
    made = post_form(client, "/events/my-feed", {"action": "new"})
    assert made.status_code == 303 and made.headers["Location"].endswith("/events/my-feed")
    assert made.headers["Cache-Control"] == "no-store"
    assert "/events/feed/" not in made.get_data(as_text=True)
    shown = client.get("/events/my-feed")
    assert shown.headers["Cache-Control"] == "no-store"
    page = shown.get_data(as_text=True)
    address = page.split('id="feed-address"')[0].rsplit('value="', 1)[1].split('"')[0]
    path = address.split("localhost", 1)[-1]
    again = client.get("/events/my-feed")
    assert again.headers["Cache-Control"] == "no-store"
    assert path not in again.get_data(as_text=True) and "Une adresse est active" in (
        again.get_data(as_text=True)
    )
    assert client.get(path).status_code == 200  # the refresh made no other address

    # an address replaced before it was shown (another tab) is not shown as if it worked
    post_form(client, "/events/my-feed", {"action": "new"})
    with client.session_transaction() as session:
        stale = session["calendar_feed_token"]
    post_form(client, "/events/my-feed", {"action": "revoke"})
    with client.session_transaction() as session:
        session["calendar_feed_token"] = stale
    assert stale not in client.get("/events/my-feed").get_data(as_text=True)


# --- 5. each feed its own name ----------------------------------------------------------


def calendar_names(response) -> tuple[str, str]:
    assert response.status_code == 200
    feed = icalendar.Calendar.from_ical(response.data)
    return str(feed["X-WR-CALNAME"]), str(feed["NAME"])


def test_each_feed_is_named_after_its_filters(client, login, alice, lot, make_event):
    """Tester's finding: every .ics feed was called « Maillage — rendez-vous » (and every
    private one « Maillage — mon agenda »): three subscriptions read alike in a calendar
    application. Each now says its filters, in French (X-WR-CALNAME and RFC 7986 NAME)."""
    make_event(title="Chez nous", modules=["besoin-social-utilite-sociale"])
    everything = calendar_names(client.get("/events.ics"))
    assert everything == ("Maillage — rendez-vous",) * 2
    ardeche = calendar_names(client.get("/events.ics?department=07&kind=echange"))
    assert ardeche[0] == "Maillage — rendez-vous · Ardèche · échanges de pratiques"
    assert ardeche[1] == ardeche[0]
    name, _ = calendar_names(
        client.get(
            "/events.ics?region=76&structure=tiers-lieu-du-lot&kind=seance"
            "&module=besoin-social-utilite-sociale&from=2026-01-01&to=2026-06-30"
        )
    )
    assert name.startswith("Maillage — rendez-vous · Occitanie · Tiers-lieu du Lot · ")
    assert "séances de parcours · module «\u00a0" in name
    assert name.endswith(" · à partir du 1er janvier 2026 · jusqu’au 30 juin 2026")
    # A structure that names nothing is left out (and said on /events/): the whole agenda.
    assert calendar_names(client.get("/events.ics?structure=inconnue"))[0] == (
        "Maillage — rendez-vous"
    )

    login(alice)
    post_form(client, "/events/my-feed", {"action": "new"})
    page = client.get("/events/my-feed").get_data(as_text=True)
    address = page.split('id="feed-address"')[0].rsplit('value="', 1)[1].split('"')[0]
    mine = calendar_names(client.get(address.split("localhost", 1)[-1]))
    assert mine[0] == "Maillage — mon agenda (Alice Martin) · mes inscriptions · Tiers-lieu du Lot"


# --- 7. « Mes inscriptions » -----------------------------------------------------------------


def test_my_registrations_upcoming_first_with_seat_or_place_and_a_cancel_button(
    client, login, alice, bob, carla, make_user, make_event
):
    """« Mes inscriptions »: upcoming first (soonest first), then past; role, seat or place
    on the waiting list; a button to cancel (POST with CSRF, the existing route, back
    here) while that is still possible; linked from the calendar and the account page."""
    later = make_event(title="Rencontre de printemps", start=soon(days=20))
    full = make_event(title="Atelier complet", capacity=1, start=soon(days=5))
    gone = make_event(title="Échange annulé", start=soon(days=8))
    past = make_event(title="Séance de l’an dernier", start=soon(days=-30))
    calendar.register(bob, later, "coanimation")
    calendar.register(alice, full, "participant")  # the seat
    calendar.register(carla, full, "participant")  # waiting, first
    calendar.register(bob, full, "observation")  # waiting, second
    calendar.register(bob, gone, "participant")
    calendar.cancel_event(gone, alice)
    db.session.add(
        EventRegistration(event_id=past.id, user_id=bob.id, role="participant", status="confirmed")
    )
    db.session.commit()

    assert client.get("/events/mine").status_code in (302, 303)  # members only
    login(bob)
    assert "/events/mine" in client.get("/events/").get_data(as_text=True)
    assert "/events/mine" in client.get("/account").get_data(as_text=True)
    page = client.get("/events/mine").get_data(as_text=True)
    upcoming, passed = page.split('id="passes"')
    order = [upcoming.index(t) for t in ("Atelier complet", "Échange annulé", "Rencontre de")]
    assert order == sorted(order) and "Séance de l’an dernier" in passed
    assert "liste d’attente, en position 2" in upcoming and "Observateur·rice" in upcoming
    assert "place confirmée" in upcoming and "Co-animateur·rice" in upcoming
    assert upcoming.count("Annuler mon inscription") == 2  # not the cancelled event
    assert "Annuler mon inscription" not in passed
    assert f"/events/{full.id}/unregister" in upcoming
    assert f"/events/{gone.id}/unregister" not in upcoming

    done = post_form(client, f"/events/{full.id}/unregister", {"back": "mine"})
    assert done.status_code == 303 and done.headers["Location"].endswith("/events/mine")
    after = client.get("/events/mine").get_data(as_text=True)
    assert "Votre inscription est annulée." in after and "Atelier complet" not in after
    assert client.post(f"/events/{later.id}/unregister", data={"back": "mine"}).status_code == 400
