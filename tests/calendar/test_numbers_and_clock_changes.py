"""A fresh tester's findings on the event form: a number of places too large got « au
moins une place », « 2.5 » got two messages for one field, and an event at a time the
clocks skip (02:30 on 28 March 2027, Europe/Paris) was shown « 03:30 – 03:30 »."""

import re
from datetime import datetime

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import CalendarEvent, Parcours
from forum.services.errors import Invalid
from tests.calendar.conftest import event_input, last_event, post_event
from tests.conftest import post_form

TOO_MANY = "Indiquez au plus 10\u00a0000 places, ou laissez vide (sans limite)."
SKIPPED = "Cette heure n’existe pas ce jour-là (passage à l’heure d’été) : choisissez-en une autre."


def field_error(page: str, name: str) -> str:
    """The text under field `name` (templates/_macros/forms.html), '' if none."""
    found = re.search(rf'<p class="error" id="{name}-error">(.*?)</p>', page, re.S)
    return found.group(1) if found else ""


def no_event() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(CalendarEvent)) == 0


@pytest.mark.parametrize(
    "typed, message",
    [
        ("99999999999999999999", TOO_MANY),  # the tester's number
        ("10001", TOO_MANY),
        ("9" * 5000, TOO_MANY),  # more digits than int() reads: still « too large »
        ("0", "Indiquez au moins une place, ou laissez vide."),
        ("-3", "Indiquez au moins une place, ou laissez vide."),
        ("2.5", "Indiquez un nombre entier."),
        ("douze", "Indiquez un nombre entier."),
    ],
)
def test_places_get_the_one_message_that_fits(client, login, alice, typed, message):
    login(alice)
    response = post_event(client, capacity=typed, title="Échange aux places comptées")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "capacity") == message
    assert f'value="{typed}"' in page and 'value="Échange aux places comptées"' in page
    assert no_event()


def test_places_may_be_written_as_french_writes_them(client, login, alice):
    login(alice)
    assert post_event(client, capacity="10\u00a0000").status_code == 303
    assert last_event().capacity == 10_000
    assert post_event(client, capacity="1 200").status_code == 303
    assert last_event().capacity == 1200


def test_the_service_refuses_too_many_places_too(app, alice):
    """For every other caller than the form (a script, an import)."""
    from forum.services.calendar import create_event

    with pytest.raises(Invalid) as error:
        create_event(alice, event_input(capacity=10_001))
    assert (error.value.field, error.value.message) == ("capacity", TOO_MANY)


@pytest.mark.parametrize("typed", ["2.5", "0", "7", "six"])
def test_a_bad_session_number_gets_one_message(client, login, alice, typed):
    login(alice)
    response = post_event(client, session_number=typed)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "session_number") == "Indiquez un numéro de 1 à 6."
    assert no_event()


@pytest.mark.parametrize("typed", ["2.5", "huit"])
def test_a_bad_cohort_size_gets_one_message(client, login, alice, lot, typed):
    login(alice)
    data = {
        "title": "Premiers pas Causses", "place": "Gramat", "department": "46",
        "start_date": "2031-03-04", "cohort_size": typed, "structures": [str(lot.id)],
    }  # fmt: skip
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "cohort_size") == "Indiquez un nombre entier de porteurs."
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Parcours)) == 0


def test_paris_skips_an_hour_in_march_and_repeats_one_in_october():
    from forum.services.calendar import exists_in_paris

    assert not exists_in_paris(datetime(2027, 3, 28, 2, 30))
    assert not exists_in_paris(datetime(2027, 3, 28, 2, 0))
    assert exists_in_paris(datetime(2027, 3, 28, 1, 59))
    assert exists_in_paris(datetime(2027, 3, 28, 3, 0))
    assert exists_in_paris(datetime(2027, 10, 31, 2, 30))  # twice, but it exists


@pytest.mark.parametrize(
    "start, end, field",
    [
        ("2027-03-28T02:30", "2027-03-28T03:30", "starts_at"),  # the tester's event
        ("2027-03-28T01:30", "2027-03-28T02:15", "ends_at"),
    ],
)
def test_a_time_the_clocks_skip_is_refused_and_kept_as_typed(
    client, login, alice, start, end, field
):
    login(alice)
    response = post_event(client, starts_at=start, ends_at=end, title="Veillée de printemps")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, field) == SKIPPED
    assert f'value="{start}"' in page and f'value="{end}"' in page
    assert 'value="Veillée de printemps"' in page
    assert no_event()


def test_a_repeated_time_is_its_first_occurrence_summer_time(client, login, alice):
    """The rule of forum.services.calendar.to_utc: 02:30 on 31 October 2027 happens twice;
    it is the first, still summer time (UTC+2). 02:30–03:30 then lasts two hours (03:30
    is after the change, UTC+1), and the page shows back the times as typed."""
    login(alice)
    response = post_event(client, starts_at="2027-10-31T02:30", ends_at="2027-10-31T03:30")
    assert response.status_code == 303
    event = last_event()
    assert (event.starts_at, event.ends_at) == (
        datetime(2027, 10, 31, 0, 30),
        datetime(2027, 10, 31, 2, 30),
    )
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "31 octobre 2027, 02:30</time> – <time" in page
    assert '">03:30</time>' in page
    edit = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="2027-10-31T02:30"' in edit and 'value="2027-10-31T03:30"' in edit
