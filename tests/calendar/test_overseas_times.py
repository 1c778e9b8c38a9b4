"""A tester's finding: an event at La Réunion (974), 14:00–17:00, was read, shown and
exported in Paris time, so that a facilitator there saw it at 17:00 or 18:00. An event
in an overseas département is typed, shown and exported in its own time zone (IANA
names, forum.services.calendar_zones); metropolitan and online events stay in
Europe/Paris. Times are stored in UTC either way."""

import re
from datetime import UTC, datetime

import icalendar

from forum.extensions import db
from tests.calendar.conftest import last_event, post_event

REUNION = {"department": "974", "commune": "Saint-Pierre"}


def when_of(page: str) -> str:
    """The « Quand » line of an event page, its tags left out."""
    found = re.search(r"<dt>Quand</dt><dd>(.*?)</dd>", page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def test_an_event_at_la_reunion_is_in_reunion_time(client, login, alice):
    login(alice)
    response = post_event(
        client, starts_at="2027-03-18T14:00", ends_at="2027-03-18T17:00", **REUNION
    )
    assert response.status_code == 303
    event = last_event()
    # Réunion is UTC+4 all year: 14:00 there is 10:00 UTC (11:00 in Paris, winter time).
    assert (event.starts_at, event.ends_at) == (
        datetime(2027, 3, 18, 10, 0),
        datetime(2027, 3, 18, 13, 0),
    )
    when = when_of(client.get(f"/events/{event.id}").get_data(as_text=True))
    assert "jeudi 18 mars 2027, 14:00 – 17:00 (heure de La Réunion)" in when
    assert "Soit à Paris : jeudi 18 mars 2027, 11:00 – 14:00" in when
    edit = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="2027-03-18T14:00"' in edit and 'value="2027-03-18T17:00"' in edit
    assert "14:00</time> (heure de La Réunion)" in client.get("/events/").get_data(as_text=True)


def test_its_ics_says_tzid_indian_reunion_with_its_vtimezone(client, login, alice):
    login(alice)
    post_event(client, starts_at="2027-03-18T14:00", ends_at="2027-03-18T17:00", **REUNION)
    event = last_event()
    for path in (f"/events/{event.id}.ics", "/events.ics?from=2027-03-01"):
        body = client.get(path).data
        assert b"DTSTART;TZID=Indian/Reunion:20270318T140000" in body
        cal = icalendar.Calendar.from_ical(body)
        zones = {str(t["tzid"]): t for t in cal.walk("VTIMEZONE")}
        assert set(zones) == {"Europe/Paris", "Indian/Reunion"}  # RFC 5545 §3.2.19
        vevent = cal.walk("VEVENT")[0]
        start = vevent.decoded("dtstart")
        # read with the VTIMEZONE as written, not the system's database
        written = datetime(2027, 3, 18, 14, 0, tzinfo=zones["Indian/Reunion"].to_tz())
        assert start.astimezone(UTC) == written.astimezone(UTC)
        assert start.astimezone(UTC).replace(tzinfo=None) == datetime(2027, 3, 18, 10, 0)


def test_the_paris_spring_gap_is_no_gap_at_la_reunion(client, login, alice):
    """02:30 on 28 March 2027 does not exist in Paris; at La Réunion it does."""
    login(alice)
    response = post_event(
        client, starts_at="2027-03-28T02:30", ends_at="2027-03-28T05:00", **REUNION
    )
    assert response.status_code == 303
    assert last_event().starts_at == datetime(2027, 3, 27, 22, 30)


def test_each_overseas_departement_has_its_clock(client, login, alice):
    login(alice)
    for code, utc_hour, label in (
        ("971", 18, "heure de la Guadeloupe"),  # UTC-4
        ("972", 18, "heure de la Martinique"),  # UTC-4
        ("973", 17, "heure de la Guyane"),  # UTC-3
        ("976", 11, "heure de Mayotte"),  # UTC+3
    ):
        title = f"Rencontre en {code}"
        response = post_event(
            client,
            starts_at="2027-06-10T14:00",
            ends_at="2027-06-10T16:00",
            department=code,
            title=title,
        )
        assert response.status_code == 303, code
        event = last_event()
        assert event.starts_at == datetime(2027, 6, 10, utc_hour, 0), code
        page = client.get(f"/events/{event.id}").get_data(as_text=True)
        assert f"14:00 – 16:00 ({label})" in when_of(page), code


def test_online_and_metropolitan_events_stay_in_paris_time(client, login, alice):
    login(alice)
    online = post_event(
        client,
        starts_at="2027-06-10T14:00",
        ends_at="2027-06-10T16:00",
        online="y",
        online_url="https://visio.example.org/974",
        **REUNION,
    )
    assert online.status_code == 303
    event = last_event()
    assert event.starts_at == datetime(2027, 6, 10, 12, 0)  # Paris, summer time
    assert "(heure de Paris)" in when_of(client.get(f"/events/{event.id}").get_data(as_text=True))
    assert (
        b"DTSTART;TZID=Europe/Paris:20270610T140000" in client.get(f"/events/{event.id}.ics").data
    )
    post_event(client, starts_at="2027-06-10T14:00", ends_at="2027-06-10T16:00")  # the Lot
    lot = last_event()
    assert lot.starts_at == datetime(2027, 6, 10, 12, 0)
    when = when_of(client.get(f"/events/{lot.id}").get_data(as_text=True))
    assert "14:00 – 16:00 (heure de Paris)" in when and "Soit à Paris" not in when


def test_moving_an_event_overseas_keeps_the_time_as_typed(client, login, alice):
    """An organiser who changes the département and keeps « 14:00 » means 14:00 there."""
    login(alice)
    post_event(client, starts_at="2027-06-10T14:00", ends_at="2027-06-10T16:00")
    event = last_event()
    assert event.starts_at == datetime(2027, 6, 10, 12, 0)
    response = post_event(
        client,
        f"/events/{event.id}/edit",
        starts_at="2027-06-10T14:00",
        ends_at="2027-06-10T16:00",
        **REUNION,
    )
    assert response.status_code == 303
    db.session.refresh(event)
    assert event.starts_at == datetime(2027, 6, 10, 10, 0)
    edit = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="2027-06-10T14:00"' in edit


def test_a_change_is_told_in_the_time_of_the_place(client, login, alice, bob):
    """The notice to the registered says the new time as the place's clock shows it."""
    from forum.services.calendar import register
    from forum.services.notifications import process_events

    login(alice)
    post_event(client, starts_at="2027-06-10T14:00", ends_at="2027-06-10T16:00", **REUNION)
    event = last_event()
    register(bob, event, "participant")
    db.session.commit()
    post_event(
        client,
        f"/events/{event.id}/edit",
        starts_at="2027-06-11T09:00",
        ends_at="2027-06-11T12:00",
        **REUNION,
    )
    process_events()
    db.session.commit()
    client.post("/auth/logout", data={"csrf_token": ""})
    login(bob)
    page = client.get("/notifications").get_data(as_text=True)
    assert "de 09:00 à 12:00 (heure de La Réunion) au lieu du jeudi 10 juin 2027 de 14:00" in page


def test_the_reminder_says_the_time_of_the_place(app, smtp, make_event, bob):
    """The reminder two days before, and its .ics, in La Réunion's time."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from forum.services.calendar import register

    reunion = ZoneInfo("Indian/Reunion")
    start = (datetime.now(reunion) + timedelta(days=1)).replace(
        hour=14, minute=0, second=0, microsecond=0, tzinfo=None
    )
    event = make_event(title="Rencontre à Saint-Pierre", start=start, **REUNION)
    assert event.starts_at == start - timedelta(hours=4)
    register(bob, event, "participant")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["calendar", "send-reminders"])
    assert "1 rappel(s) envoyé(s)" in result.output, result.output
    (message,) = smtp.messages
    parts = {part.get_content_type(): part for part in message.walk()}
    text = " ".join(parts["text/plain"].get_content().split())
    assert "à 14:00 (heure de La Réunion)." in text
    assert "DTSTART;TZID=Indian/Reunion:" in parts["text/calendar"].get_content()
