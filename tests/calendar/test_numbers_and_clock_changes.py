"""A fresh tester's findings on the event form: a number of places too large got « au
moins une place », « 2.5 » got two messages for one field."""

import re

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import CalendarEvent, Parcours
from forum.services.errors import Invalid
from tests.calendar.conftest import event_input, last_event, post_event
from tests.conftest import post_form

TOO_MANY = "Indiquez au plus 10\u00a0000 places, ou laissez vide (sans limite)."


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
