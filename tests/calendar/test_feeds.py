"""Issue 15, point 4: iCalendar feeds, read back with the icalendar library: VTIMEZONE of
Europe/Paris, times around the daylight-saving changes (last Sundays of March and
October), stable UID, SEQUENCE raised at each change, STATUS:CANCELLED, filters, and the
private feed behind a secret, revocable address."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from forum.extensions import db
from forum.services.calendar import register
from tests.calendar.conftest import event_form, post_event
from tests.conftest import post_form

PARIS_UTC = {
    # (local Paris time) -> UTC, across the 2031 changes: Sunday 30 March, Sunday 26 October
    datetime(2031, 3, 29, 10, 0): datetime(2031, 3, 29, 9, 0),  # still winter, UTC+1
    datetime(2031, 3, 30, 10, 0): datetime(2031, 3, 30, 8, 0),  # summer from 02:00, UTC+2
    datetime(2031, 10, 25, 10, 0): datetime(2031, 10, 25, 8, 0),  # still summer
    datetime(2031, 10, 26, 10, 0): datetime(2031, 10, 26, 9, 0),  # winter from 03:00
}


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.data  # RFC 5545 §3.1: CRLF lines
    return icalendar.Calendar.from_ical(response.data)


def vevents(cal) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_times_around_the_daylight_saving_changes(client, make_event):
    for local in PARIS_UTC:
        make_event(title=f"Le {local:%d/%m %H:%M}", start=local)
    cal = parse(client.get("/events.ics?from=2031-03-01"))
    assert cal["version"] == "2.0" and "PRODID" in cal
    timezones = cal.walk("VTIMEZONE")
    assert [str(t["tzid"]) for t in timezones] == ["Europe/Paris"]
    tz = timezones[0].to_tz()  # the VTIMEZONE as written, not the system's database
    found = vevents(cal)
    for local, utc in PARIS_UTC.items():
        event = found[f"Le {local:%d/%m %H:%M}"]
        start = event.decoded("dtstart")
        assert event["dtstart"].params["TZID"] == "Europe/Paris"
        assert start.replace(tzinfo=None) == local
        assert start.astimezone(UTC).replace(tzinfo=None) == utc
        assert local.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None) == utc
        assert event.decoded("dtend") - start == timedelta(hours=3)


def test_a_time_typed_in_the_skipped_hour_is_refused(client, login, alice):
    """02:30 on 30 March 2031 does not exist in Paris. It was read with the winter offset
    (03:30 summer time), and 02:30–03:30 became an event of no length: now refused."""
    login(alice)
    response = post_event(client, start=datetime(2031, 3, 30, 2, 30))
    assert response.status_code == 400
    assert "Cette heure n’existe pas ce jour-là" in response.get_data(as_text=True)


def test_a_time_typed_in_the_repeated_hour_is_the_first_in_the_feed(client, login, alice):
    """02:30 on 26 October 2031 happens twice in Paris: the first (summer time, 00:30 UTC),
    which is also how RFC 5545 (§3.3.5) reads the feed's local DTSTART."""
    login(alice)
    response = post_event(client, start=datetime(2031, 10, 26, 2, 30))
    assert response.status_code == 303
    cal = parse(client.get(response.location + ".ics"))
    event = next(iter(vevents(cal).values()))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.replace(tzinfo=None) == datetime(2031, 10, 26, 2, 30)
    assert start.astimezone(UTC).replace(tzinfo=None) == datetime(2031, 10, 26, 0, 30)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=4)  # to 05:30


def test_uid_stays_sequence_rises_and_cancellation_is_said(client, login, alice, make_event):
    event = make_event(title="Rencontre à suivre")
    first = next(iter(vevents(parse(client.get(f"/events/{event.id}.ics"))).values()))
    assert int(first["sequence"]) == 0 and str(first["status"]) == "CONFIRMED"
    login(alice)
    start = datetime(2031, 5, 5, 14, 0)
    assert (
        post_event(
            client, f"/events/{event.id}/edit", title="Rencontre à suivre", start=start
        ).status_code
        == 303
    )
    second = next(iter(vevents(parse(client.get(f"/events/{event.id}.ics"))).values()))
    assert second["uid"] == first["uid"]
    assert int(second["sequence"]) == 1
    assert post_form(client, f"/events/{event.id}/cancel", {"confirm": "yes"}).status_code == 303
    third = next(iter(vevents(parse(client.get(f"/events/{event.id}.ics"))).values()))
    assert third["uid"] == first["uid"]
    assert int(third["sequence"]) == 2 and str(third["status"]) == "CANCELLED"
    # the filtered feed says so too, with the same UID
    listed = vevents(parse(client.get("/events.ics?from=2031-05-01")))
    assert str(listed["Rencontre à suivre"]["status"]) == "CANCELLED"
    assert listed["Rencontre à suivre"]["uid"] == first["uid"]


def test_the_feed_takes_the_filters_of_the_list(client, make_event, bob):
    make_event(title="Dans le Lot")
    make_event(bob, title="En Gironde", department="33", kind="transfert")
    assert set(vevents(parse(client.get("/events.ics")))) == {"Dans le Lot", "En Gironde"}
    assert set(vevents(parse(client.get("/events.ics?department=33")))) == {"En Gironde"}
    assert set(vevents(parse(client.get("/events.ics?kind=echange&region=76")))) == {"Dans le Lot"}
    assert set(vevents(parse(client.get("/events.ics?department=01")))) == set()
    page = client.get("/events/?department=33").get_data(as_text=True)
    assert 'href="/events.ics?department=33"' in page


def test_the_visio_link_only_for_the_registered(client, login, make_event, bob):
    event = make_event(online=True, online_url="https://visio.example.org/secret", department="")
    assert b"visio.example.org/secret" not in client.get(f"/events/{event.id}.ics").data
    assert "visio.example.org/secret" not in client.get(f"/events/{event.id}").get_data(
        as_text=True
    )
    login(bob)
    post_form(client, f"/events/{event.id}/register", {"role": "participant"})
    assert b"visio.example.org/secret" in client.get(f"/events/{event.id}.ics").data.replace(
        b"\r\n ", b""
    )
    assert "visio.example.org/secret" in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_the_private_feed(client, login, make_event, alice, bob, carla):
    make_event(bob, title="Chez nous en Gironde", department="33", visibility="members")
    registered = make_event(
        title="Où je suis inscrite",
        online=True,
        online_url="https://visio.example.org/r",
        department="",
    )
    make_event(title="Sans rapport")
    register(carla, registered, "participant")
    db.session.commit()
    login(carla)
    assert client.get("/events/my-feed").status_code == 200
    page = post_form(client, "/events/my-feed", {"action": "new"}, follow_redirects=True).get_data(
        as_text=True
    )
    address = page.split('id="feed-address"')[0].rsplit('value="', 1)[1].split('"')[0]
    path = address.split("localhost", 1)[-1]
    assert path.startswith("/events/feed/") and path.endswith(".ics")
    client.post("/auth/logout", data={"csrf_token": ""})
    from tests.conftest import IsolatedClient

    calendar_app = IsolatedClient(client.application, use_cookies=False)  # a calendar: no session
    feed = parse(calendar_app.get(path))
    found = vevents(feed)
    assert set(found) == {"Chez nous en Gironde", "Où je suis inscrite"}
    assert "visio.example.org/r" in str(found["Où je suis inscrite"]["location"])
    assert calendar_app.get(path.replace("/feed/", "/feed/x")).status_code == 404
    assert calendar_app.get("/events/feed/.ics").status_code == 404

    # a new address replaces the old one; revoking stops it
    client2 = IsolatedClient(client.application, use_cookies=True)
    post_form(client2, "/auth/login", {"email": carla.email, "password": "motdepasse-solide"})
    newer = post_form(
        client2, "/events/my-feed", {"action": "new"}, follow_redirects=True
    ).get_data(as_text=True)
    assert calendar_app.get(path).status_code == 404
    new_path = (
        newer.split('id="feed-address"')[0]
        .rsplit('value="', 1)[1]
        .split('"')[0]
        .split("localhost", 1)[-1]
    )
    assert calendar_app.get(new_path).status_code == 200
    post_form(client2, "/events/my-feed", {"action": "revoke"})
    assert calendar_app.get(new_path).status_code == 404


@pytest.mark.parametrize(
    "query", ["?from=zz", "?to=3000-01-01", "?structure=%C3%A9t%C3%A9", "?module=" + "x" * 500]
)
def test_feed_with_odd_filters_is_still_a_calendar(client, query):
    parse(client.get("/events.ics" + query))


def test_event_form_fields_round_trip_through_edit(client, login, alice, make_event):
    event = make_event(capacity=5, modules=["besoin-social-utilite-sociale"])
    login(alice)
    html = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="5"' in html and "besoin-social-utilite-sociale" in html
    assert event_form()  # the contract's field names are the form's
    for name in (
        "kind",
        "title",
        "starts_at",
        "ends_at",
        "department",
        "commune",
        "online",
        "online_url",
        "structure",
        "parcours",
        "session_number",
        "modules",
        "capacity",
        "visibility",
        "description",
        "csrf_token",
    ):
        assert f'name="{name}"' in html, name


def test_a_waiting_list_place_is_tentative_in_the_members_feeds(
    client, login, make_event, bob, carla
):
    """Tester's finding (issue 15): a member on the waiting list read STATUS:CONFIRMED in
    their feeds, as if they had a seat. RFC 5545 §3.8.1.11: TENTATIVE; the summary says
    why, and the visio link stays for those with a seat."""
    full = make_event(
        title="Complet",
        capacity=1,
        online=True,
        online_url="https://visio.example.org/c",
        department="",
    )
    register(bob, full, "participant")
    assert register(carla, full, "participant").status == "waiting"
    db.session.commit()
    login(carla)
    one = vevents(parse(client.get(f"/events/{full.id}.ics")))
    event = one["[Liste d’attente] Complet"]
    assert str(event["status"]) == "TENTATIVE"
    assert "visio.example.org" not in str(event.get("location", ""))
    page = post_form(client, "/events/my-feed", {"action": "new"}, follow_redirects=True).get_data(
        as_text=True
    )
    path = page.split('id="feed-address"')[0].rsplit('value="', 1)[1].split('"')[0]
    feed = vevents(parse(client.get(path.split("localhost", 1)[-1])))
    assert str(feed["[Liste d’attente] Complet"]["status"]) == "TENTATIVE"
    # the one with the seat: confirmed, with the link
    client.post("/auth/logout", data={"csrf_token": ""})
    login(bob)
    seat = vevents(parse(client.get(f"/events/{full.id}.ics")))["Complet"]
    assert str(seat["status"]) == "CONFIRMED"
    assert "visio.example.org/c" in str(seat["location"])


def _private_feed(client) -> dict[str, icalendar.Event]:
    """The signed-in member's private feed, through a new address, as a calendar reads it."""
    page = post_form(client, "/events/my-feed", {"action": "new"}, follow_redirects=True)
    html = page.get_data(as_text=True)
    path = html.split('id="feed-address"')[0].rsplit('value="', 1)[1].split('"')[0]
    return vevents(parse(client.get(path.split("localhost", 1)[-1])))


def test_the_organiser_s_private_feed_gives_her_own_visio_link(
    client, login, alice, bob, carla, make_user, make_event
):
    """A tester's finding: the organiser of an online event (not registered to it) found
    it in her private feed without its link. Organisers and the registered get it; a
    member of the organising structure is one of its organisers (calendar.may_organise);
    someone on the waiting list does not."""
    online = {"online": True, "department": ""}
    ours = make_event(title="Visio du Lot", online_url="https://visio.example.org/lot", **online)
    loner = make_user(email="solo@example.org", display_name="Solène Seule")
    alone = make_event(
        creator=loner,
        title="Visio sans structure",
        online_url="https://visio.example.org/solo",
        capacity=1,
        **online,
    )
    register(bob, alone, "participant")
    register(carla, alone, "participant")  # waiting
    db.session.commit()
    login(alice)
    feed = _private_feed(client)
    assert "visio.example.org/lot" in str(feed["Visio du Lot"]["location"])
    one = vevents(parse(client.get(f"/events/{ours.id}.ics")))["Visio du Lot"]
    assert "visio.example.org/lot" in str(one["location"])
    client.post("/auth/logout", data={"csrf_token": ""})
    login(loner)
    feed = _private_feed(client)  # she created it, with no structure: in her feed, linked
    assert "visio.example.org/solo" in str(feed["Visio sans structure"]["location"])
    client.post("/auth/logout", data={"csrf_token": ""})
    login(bob)
    feed = _private_feed(client)
    assert "visio.example.org/solo" in str(feed["Visio sans structure"]["location"])
    assert "Visio du Lot" not in feed
    client.post("/auth/logout", data={"csrf_token": ""})
    login(carla)
    feed = _private_feed(client)
    waiting = feed["[Liste d’attente] Visio sans structure"]
    assert "visio.example.org" not in str(waiting.get("location", ""))
