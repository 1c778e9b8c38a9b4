"""Declaring a parcours on /parcours/new — who may carry it, when its sessions fall, the
cohort size — and changing it on /parcours/<slug>/edit under the same rules (fresh
testers' findings). One file: both use the same structures, members and form."""

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


# --- changing a parcours on /parcours/<slug>/edit: who may (the rule of its creation),
# what is checked (as at its creation, and its sessions and reports within its dates),
# what stays typed ------------------------------------------------------------------


@pytest.fixture
def bruno(make_user, cap):
    return make_user(display_name="Bruno Cassagne", structure=cap)


@pytest.fixture
def causses(client, login, claire, fabrique) -> str:
    """Claire's parcours, declared on /parcours/new with its first and last sessions on
    its first and last days; its slug. Claire stays signed in."""
    login(claire)
    data = parcours_form([fabrique], session_1="2027-02-01T09:00", session_6="2027-05-01T14:00")
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return response.location.rsplit("/", 1)[1]


def stored(slug: str) -> Parcours:
    db.session.expire_all()
    return db.session.scalar(db.select(Parcours).where(Parcours.slug == slug))


def edit_link(page: str, slug: str) -> bool:
    return f'href="/parcours/{slug}/edit"' in page


def test_the_form_is_filled_with_what_is_stored(client, causses, fabrique):
    detail = client.get(f"/parcours/{causses}").get_data(as_text=True)
    assert edit_link(detail, causses) and ">Modifier</a>" in detail
    response = client.get(f"/parcours/{causses}/edit")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'value="Premiers pas Causses 2027"' in page
    assert 'value="Gramat"' in page and "<h1>Modifier le parcours</h1>" in page
    assert 'value="2027-02-01"' in page and 'value="2027-05-01"' in page
    assert re.search(r'name="cohort_size"[^>]*value="8"', page)
    assert re.search(rf'checked[^>]*value="{fabrique.id}"|value="{fabrique.id}"[^>]*checked', page)
    assert 'name="version"' in page and 'name="csrf_token"' in page
    assert 'name="session_1"' not in page  # sessions are changed in the calendar


def test_a_member_of_a_carrying_structure_changes_it(client, causses, fabrique, cap):
    data = parcours_form(
        [fabrique, cap],
        title="Premiers pas Causses et Ségala 2027",
        place="Gramat et Lacapelle-Marival",
        start_date="2027-01-15",
        end_date="2027-05-15",
        cohort_size="12",
    )
    response = post_form(client, f"/parcours/{causses}/edit", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    assert response.location.endswith(f"/parcours/{causses}")  # its address stays
    parcours = stored(causses)
    assert parcours.title == "Premiers pas Causses et Ségala 2027"
    assert parcours.place == "Gramat et Lacapelle-Marival"
    assert (parcours.start_date.isoformat(), parcours.end_date.isoformat()) == (
        "2027-01-15",
        "2027-05-15",
    )
    assert parcours.cohort_size == 12
    assert {s.id for s in parcours.structures} == {fabrique.id, cap.id}
    page = client.get(response.location).get_data(as_text=True)
    assert "Le parcours est modifié." in page and cap.name in page


def test_a_member_of_another_structure_may_not(client, login, causses, bruno, claire):
    login(bruno)
    assert not edit_link(client.get(f"/parcours/{causses}").get_data(as_text=True), causses)
    assert client.get(f"/parcours/{causses}/edit").status_code == 403
    response = post_form(client, f"/parcours/{causses}/edit", parcours_form([], title="Volé"))
    assert response.status_code == 403
    assert stored(causses).title == "Premiers pas Causses 2027"
    visitor = client.application.test_client()
    assert not edit_link(visitor.get(f"/parcours/{causses}").get_data(as_text=True), causses)
    assert visitor.get(f"/parcours/{causses}/edit").status_code == 302  # to the login page


def test_an_unknown_parcours_is_not_found(client, causses):
    assert client.get("/parcours/nope/edit").status_code == 404


def test_a_moderator_may_change_any(client, login, causses, make_user, cap):
    login(make_user(role="moderator"))
    assert edit_link(client.get(f"/parcours/{causses}").get_data(as_text=True), causses)
    response = post_form(client, f"/parcours/{causses}/edit", parcours_form([cap]))
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    assert [s.id for s in stored(causses).structures] == [cap.id]


def test_a_member_may_not_hand_it_to_another_structure_alone(client, causses, cap):
    data = parcours_form([cap], title="Premiers pas Causses (repris)")
    response = post_form(client, f"/parcours/{causses}/edit", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, "structures") == (
        "Cochez votre structure parmi celles qui portent le parcours : vous ne pouvez pas "
        "en déclarer un au nom d’autres structures seules."
    )
    assert 'value="Premiers pas Causses (repris)"' in page  # what was typed stays
    assert stored(causses).title == "Premiers pas Causses 2027"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"start_date": "2027-02-02"}, "start_date", "Une séance du parcours est au calendrier le 1er février 2027, avant ce début : choisissez un début au plus tard ce jour-là, ou déplacez d’abord la séance."),
        ({"end_date": "2027-04-30"}, "end_date", "Une séance du parcours est au calendrier le 1er mai 2027, après cette fin : choisissez une fin au plus tôt ce jour-là, ou déplacez d’abord la séance."),
        ({"end_date": "2027-01-01"}, "end_date", "La fin ne peut pas précéder le début."),
        ({"title": "   "}, "title", "Indiquez l'intitulé."),
        ({"start_date": ""}, "start_date", "Indiquez la date de début."),
        ({"cohort_size": "douze"}, "cohort_size", "Indiquez un nombre entier de porteurs."),
        ({"cohort_size": "501"}, "cohort_size", "Indiquez un nombre entre 0 et 500."),
        ({"structures": []}, "structures", "Choisissez au moins une structure de l'annuaire."),
    ],
)  # fmt: skip
def test_bad_input_is_said_and_what_was_typed_stays(
    client, causses, fabrique, changes, field, message
):
    data = {**parcours_form([fabrique], place="Rocamadour"), **changes}
    response = post_form(client, f"/parcours/{causses}/edit", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert field_error(page, field) == message
    assert 'value="Rocamadour"' in page
    for name, typed in changes.items():
        if name not in ("structures", "title") and typed:
            assert f'value="{typed}"' in page
    parcours = stored(causses)
    assert (parcours.place, parcours.start_date.isoformat()) == ("Gramat", "2027-02-01")


def test_dates_that_keep_the_sessions_inside_are_accepted(client, causses, fabrique):
    data = parcours_form([fabrique], start_date="2027-02-01", end_date="")
    response = post_form(client, f"/parcours/{causses}/edit", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:3000]
    assert stored(causses).end_date is None


def test_a_save_based_on_an_older_version_shows_what_changed(client, causses, fabrique):
    page = client.get(f"/parcours/{causses}/edit").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="([^"]+)"', page).group(1)
    first = parcours_form([fabrique], version=version, cohort_size="10")
    assert post_form(client, f"/parcours/{causses}/edit", first).status_code == 303
    second = parcours_form([fabrique], version=version, place="Rocamadour")
    response = post_form(client, f"/parcours/{causses}/edit", second)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Modifié entre-temps par quelqu’un d’autre" in page
    assert 'value="Rocamadour"' in page
    assert stored(causses).place == "Gramat"


def test_dates_that_would_leave_a_report_outside_are_refused(
    client, login, claire, fabrique, make_report
):
    """A report's session date must lie within its parcours (checked when the report is
    saved): dates that would leave one outside are refused, naming its day, or the report
    could no longer be saved as it is (a helper's open point)."""
    login(claire)
    data = parcours_form([fabrique], start_date="2025-01-06", end_date="2025-06-30")
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    slug = response.location.rsplit("/", 1)[1]
    from datetime import date

    make_report(claire, session_date=date(2025, 3, 10), parcours_id=stored(slug).id)
    later_start = parcours_form([fabrique], start_date="2025-04-01", end_date="2025-06-30")
    refused = post_form(client, f"/parcours/{slug}/edit", later_start)
    assert refused.status_code == 400
    assert "raconte une séance du 10 mars 2025" in field_error(
        refused.get_data(as_text=True), "start_date"
    )
    earlier_end = parcours_form([fabrique], start_date="2025-01-06", end_date="2025-02-28")
    assert "raconte une séance du 10 mars 2025" in field_error(
        post_form(client, f"/parcours/{slug}/edit", earlier_end).get_data(as_text=True), "end_date"
    )
    assert stored(slug).start_date == date(2025, 1, 6)
    fine = parcours_form([fabrique], start_date="2025-03-10", end_date="2025-03-31")
    assert post_form(client, f"/parcours/{slug}/edit", fine).status_code == 303
