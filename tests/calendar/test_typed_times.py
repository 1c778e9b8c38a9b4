"""A tester's findings on the times of the event form: a browser without datetime-local
shows a text box, where « 18/03/2027 14:00 », « 14h00 », « 14h » and ISO with seconds
were refused with a machine format and an example in the past; the time repeated the
night the clocks go back was taken silently; an event in the past was created without
a word; the « modifié entre-temps » notice showed the stored times raw."""

from datetime import datetime

import pytest

from forum.extensions import db
from tests.calendar.conftest import event_form, last_event, post_event
from tests.calendar.test_numbers_and_clock_changes import field_error, no_event
from tests.views.test_write_once import form_fields


@pytest.mark.parametrize(
    "typed",
    [
        "18/03/2027 14:00",
        "18/03/2027 14h00",
        "18/03/2027 14h",
        "18/03/2027 14 h",
        "18/03/2027 à 14h00",
        "18/03/2027\u00a014:00",
        "2027-03-18T14:00:00",
        "2027-03-18T14:00",
        "2027-03-18 14:00",
        "18-03-2027 14h00",  # a third fresh tester: the date fields took it, this one not
        "18.03.2027 14:00",
    ],
)
def test_dates_as_french_writes_them_are_read(client, login, alice, typed):
    login(alice)
    response = post_event(client, starts_at=typed, ends_at="18/03/2027 17h30")
    assert response.status_code == 303, field_error(response.get_data(as_text=True), "starts_at")
    event = last_event()
    # 14:00 and 17:30 in Paris, winter time (UTC+1)
    assert (event.starts_at, event.ends_at) == (
        datetime(2027, 3, 18, 13, 0),
        datetime(2027, 3, 18, 16, 30),
    )


@pytest.mark.parametrize("typed", ["mercredi 14h", "18/03 14:00", "2027-03-18", "14:00"])
def test_what_does_not_read_gets_a_french_example_to_come(client, login, alice, typed):
    login(alice)
    response = post_event(client, starts_at=typed, title="Rencontre de mars")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    year = datetime.now().year + 1
    message = f"Indiquez la date et l’heure, par exemple 18/03/{year} 14:00."
    assert field_error(page, "starts_at") == message
    assert f'value="{typed}"' in page and 'value="Rencontre de mars"' in page
    assert no_event()


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("31/02/2027 14:00", "31/02/2027"),
        ("2027-02-30T09:00", "30/02/2027"),
        ("12/13/2027 9h", "12/13/2027"),
    ],
)
def test_a_date_that_does_not_exist_is_said_so(client, login, alice, typed, shown):
    login(alice)
    response = post_event(client, starts_at=typed)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "starts_at") == (
        f"Le {shown} n’existe pas : vérifiez le jour et le mois."
    )
    assert no_event()


def test_the_repeated_hour_of_october_is_taken_and_said(client, login, alice):
    """02:30 on 31 October 2027 happens twice in Paris. Taken as the first (summer time),
    as RFC 5545 §3.3.5 has calendars read it, and the organiser is told so."""
    login(alice)
    response = post_event(client, starts_at="2027-10-31T02:30", ends_at="2027-10-31T04:00")
    assert response.status_code == 303
    assert last_event().starts_at == datetime(2027, 10, 31, 0, 30)
    page = client.get(response.location).get_data(as_text=True)
    assert (
        "02:30 le 31 octobre 2027 arrive deux fois (retour à l’heure d’hiver) : le "
        "rendez-vous retient la première, à l’heure d’été (UTC+02)"
    ) in page
    other = post_event(client, starts_at="2027-10-30T02:30", ends_at="2027-10-30T04:00")
    assert "arrive deux fois" not in client.get(other.location).get_data(as_text=True)


def test_an_event_in_the_past_is_kept_and_said_so(client, login, alice):
    login(alice)
    response = post_event(client, starts_at="12/05/2020 14h", ends_at="12/05/2020 17h")
    assert response.status_code == 303
    assert last_event().starts_at == datetime(2020, 5, 12, 12, 0)
    page = client.get(response.location).get_data(as_text=True)
    assert "Ce rendez-vous est dans le passé : il est gardé pour mémoire" in page
    coming = post_event(client, starts_at="12/05/2027 14h", ends_at="12/05/2027 17h")
    assert "dans le passé" not in client.get(coming.location).get_data(as_text=True)


def test_the_stale_edit_notice_says_the_stored_times_in_words(client, login, alice):
    login(alice)
    post_event(client, starts_at="2027-03-10T14:00", ends_at="2027-03-10T17:00")
    event = last_event()
    path = f"/events/{event.id}/edit"
    tab1 = form_fields(client, path)
    moved = post_event(client, path, starts_at="2027-03-10T15:00", ends_at="2027-03-10T18:00")
    assert moved.status_code == 303
    stale = client.post(
        path,
        data={
            **event_form(starts_at="2027-03-10T16:00", ends_at="2027-03-10T19:00"),
            **tab1,
        },
    )
    assert stale.status_code == 409
    page = stale.get_data(as_text=True)
    notice = page.split('id="conflict"')[1].split("</div>")[0]
    assert "10 mars 2027 à 15:00" in notice and "10 mars 2027 à 18:00" in notice
    assert "2027-03-10T15" not in notice
    db.session.refresh(event)
    assert event.starts_at == datetime(2027, 3, 10, 14, 0)
