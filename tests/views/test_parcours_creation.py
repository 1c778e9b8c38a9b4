"""Declaring a parcours on /parcours/new: who may carry it, when its sessions fall, the
cohort size (a fresh tester's findings)."""

import html
import re
from datetime import date

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import CalendarEvent, Parcours
from forum.services.affiliation import TRUSTED_CALLER
from forum.services.errors import Invalid
from forum.services.parcours import create_parcours
from tests.conftest import post_form


def field_error(page: str, name: str) -> str:
    """The text under field `name` (templates/_macros/forms.html), '' if none."""
    found = re.search(rf'<p class="error" id="{name}-error">(.*?)</p>', page, re.S)
    return html.unescape(found.group(1)) if found else ""


def no_parcours() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Parcours)) == 0


@pytest.fixture
def fabrique(make_structure):
    return make_structure(name="Tiers-lieu La Fabrique du Lot", department_code="46")


@pytest.fixture
def cap(make_structure):
    return make_structure(name="Association Cap Coopératif", department_code="46")


@pytest.fixture
def claire(make_user, fabrique):
    return make_user(display_name="Claire Fabre", structure=fabrique)


def parcours_form(structures, **changes) -> dict:
    data = {
        "title": "Premiers pas Causses 2027",
        "place": "Gramat",
        "department": "46",
        "start_date": "2027-02-01",
        "end_date": "2027-05-01",
        "cohort_size": "8",
        "structures": [str(s.id) for s in structures],
    }
    data.update(changes)
    return data


def test_a_member_may_not_declare_a_parcours_for_another_structure_alone(
    client, login, claire, cap
):
    login(claire)
    response = post_form(client, "/parcours/new", parcours_form([cap]))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "structures") == (
        "Cochez votre structure parmi celles qui portent le parcours : vous ne pouvez pas "
        "en déclarer un au nom d’autres structures seules."
    )
    assert 'value="Premiers pas Causses 2027"' in page  # what was typed stays
    assert no_parcours()
    assert "Premiers pas Causses" not in client.get(f"/structures/{cap.slug}").get_data(
        as_text=True
    )


def test_partners_may_carry_it_beside_the_members_structure(client, login, claire, fabrique, cap):
    login(claire)
    response = post_form(client, "/parcours/new", parcours_form([fabrique, cap]))
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    page = client.get(response.location).get_data(as_text=True)
    assert fabrique.name in page and cap.name in page


def test_a_moderator_may_declare_one_for_any_structure(client, login, make_user, cap):
    login(make_user(role="moderator"))
    response = post_form(client, "/parcours/new", parcours_form([cap]))
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("session_1", "2026-01-01T09:00", "Cette séance précède le début du parcours (1er février 2027)."),
        ("session_2", "2028-01-01T09:00", "Cette séance suit la fin du parcours (1er mai 2027)."),
    ],
)  # fmt: skip
def test_sessions_fall_within_the_parcours(client, login, claire, fabrique, field, typed, message):
    login(claire)
    data = parcours_form([fabrique], session_3="2027-03-01T09:00", **{field: typed})
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, field) == message
    assert no_parcours()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CalendarEvent)) == 0


def test_sessions_on_the_first_and_last_days_are_kept(client, login, claire, fabrique):
    login(claire)
    data = parcours_form([fabrique], session_1="2027-02-01T09:00", session_6="2027-05-01T14:00")
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]


def test_an_empty_cohort_says_it_is_missing(client, login, claire, fabrique):
    login(claire)
    response = post_form(client, "/parcours/new", parcours_form([fabrique], cohort_size=""))
    assert response.status_code == 400
    assert field_error(response.get_data(as_text=True), "cohort_size") == (
        "Indiquez le nombre de porteurs de la cohorte (0 s’il n’est pas encore connu)."
    )
    assert no_parcours()


def test_a_cohort_of_0_means_not_known_yet(client, login, claire, fabrique):
    """0 is kept: the bilan then counts the sessions' largest attendance
    (forum.services.activity.porteurs_reached)."""
    login(claire)
    response = post_form(client, "/parcours/new", parcours_form([fabrique], cohort_size="0"))
    assert response.status_code == 303
    bad = post_form(client, "/parcours/new", parcours_form([fabrique], cohort_size="501"))
    assert field_error(bad.get_data(as_text=True), "cohort_size") == (
        "Indiquez un nombre entre 0 et 500."
    )


def test_the_creator_is_required_so_no_caller_skips_the_rule(app, claire, fabrique, cap):
    """create_parcours has no default actor: leaving it out is an error, not a parcours
    declared without the access rule; scripts say TRUSTED_CALLER in so many words."""
    args = ("Premiers pas Causses 2027", "Gramat", "46", date(2027, 2, 1), None, 8)
    with pytest.raises(TypeError):
        create_parcours(*args, [cap.id])
    with pytest.raises(Invalid) as refused:
        create_parcours(*args, [cap.id], creator=claire)
    assert refused.value.field == "structures"
    db.session.rollback()
    seeded = create_parcours(*args, [cap.id], creator=TRUSTED_CALLER)
    assert [s.id for s in seeded.structures] == [cap.id]
