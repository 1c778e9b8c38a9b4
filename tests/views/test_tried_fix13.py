"""A fresh user tester's findings (fix13): dates typed the French way, the parcours'
département chosen, a report's history of real changes, « Publier » from the list on an
incomplete draft, a parcours' sessions following its title and place, a report's date
within its parcours, a NUL byte and decomposed accents in what is typed."""

import html
import re
from datetime import date

import pytest

from forum.extensions import db
from forum.models import Parcours, Report
from tests.conftest import post_form
from tests.views.test_parcours_creation import field_error, parcours_form
from tests.views.test_reports import report_data


@pytest.fixture
def fabrique(make_structure):
    return make_structure(name="Tiers-lieu La Fabrique du Lot", department_code="46")


@pytest.fixture
def claire(make_user, fabrique):
    return make_user(display_name="Claire Fabre", structure=fabrique)


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def only_report() -> Report:
    db.session.expire_all()
    return db.session.scalar(db.select(Report))


def only_parcours() -> Parcours:
    db.session.expire_all()
    return db.session.scalar(db.select(Parcours))


# --- 1. dates typed the French way -----------------------------------------------------


@pytest.mark.parametrize(
    "typed, day",
    [
        ("10/04/2025", date(2025, 4, 10)),
        ("1/4/2025", date(2025, 4, 1)),
        ("10-04-2025", date(2025, 4, 10)),
        ("10.04.2025", date(2025, 4, 10)),
        (" 10/04/2025 ", date(2025, 4, 10)),
        ("2025-04-10", date(2025, 4, 10)),
    ],
)
def test_a_report_date_typed_the_french_way_is_read(client, claire, login, typed, day):
    login(claire)
    response = post_form(client, "/reports/new", report_data(session_date=typed))
    assert response.status_code == 303, field_error(text(response), "session_date")
    assert only_report().session_date == day


@pytest.mark.parametrize(
    "typed, message",
    [
        ("10 avril", "Indiquez une date, par exemple 10/04/2025."),
        ("31/02/2025", "Le 31/02/2025 n’existe pas : vérifiez le jour et le mois."),
        ("2025-13-01", "Le 01/13/2025 n’existe pas : vérifiez le jour et le mois."),
    ],
)
def test_a_bad_report_date_gets_a_french_message_and_stays_typed(
    client, claire, login, typed, message
):
    login(claire)
    response = post_form(client, "/reports/new", report_data(session_date=typed))
    assert response.status_code == 400
    page = text(response)
    assert field_error(page, "session_date") == message
    assert "valid date" not in page and "date valide" not in page
    assert f'value="{typed}"' in page
    assert only_report() is None


def test_a_parcours_dates_typed_the_french_way_are_read(client, claire, fabrique, login):
    login(claire)
    data = parcours_form([fabrique], start_date="02/03/2027", end_date="30.6.2027")
    response = post_form(client, "/parcours/new", data)
    assert response.status_code == 303, text(response)[:2000]
    parcours = only_parcours()
    assert (parcours.start_date, parcours.end_date) == (date(2027, 3, 2), date(2027, 6, 30))
    edit = f"/parcours/{parcours.slug}/edit"
    version = re.search(r'name="version"[^>]*value="([^"]+)"', client.get(edit).get_data(True))
    data = parcours_form([fabrique], start_date="31/02/2027", version=version.group(1))
    response = post_form(client, edit, data)
    assert response.status_code == 400
    assert field_error(text(response), "start_date") == (
        "Le 31/02/2027 n’existe pas : vérifiez le jour et le mois."
    )
    assert 'value="31/02/2027"' in text(response)


# --- 2. the parcours' département is chosen ----------------------------------------------


def test_the_parcours_form_starts_on_choose_and_requires_a_department(
    client, make_user, fabrique, login
):
    login(make_user(display_name="Sans structure"))  # no structure: nothing to preselect
    page = text(client.get("/parcours/new"))
    options = re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', page)
    assert options[0] == ("", "— Choisir —")
    login(make_user(display_name="Claire", structure=fabrique))
    response = post_form(client, "/parcours/new", parcours_form([fabrique], department=""))
    assert response.status_code == 400
    assert field_error(text(response), "department") == "Choisissez le département du parcours."
    assert 'value="Premiers pas Causses 2027"' in text(response)
    assert only_parcours() is None


# --- 4. « Publier » from « Mes retours » on an incomplete draft -------------------------


def test_publishing_an_incomplete_draft_from_the_list_leads_to_its_form_with_the_error(
    client, claire, login
):
    login(claire)
    data = report_data(action="draft", participants="", title="Séance 2 à Gramat")
    assert post_form(client, "/reports/new", data).status_code == 303
    report = only_report()
    mine = client.get("/my/reports").get_data(as_text=True)
    version = re.search(r'name="version" value="([^"]+)"', mine).group(1)
    response = post_form(client, f"/reports/{report.id}/publish", {"version": version})
    assert response.status_code == 303
    assert response.location.startswith(f"/reports/{report.id}/edit"), text(
        client.get(response.location)
    )[-3000:]
    page = text(client.get(response.location))
    assert "Le brouillon «\u00a0Séance 2 à Gramat\u00a0» n’est pas encore publié" in page
    assert field_error(page, "participants").startswith(
        "Indiquez le nombre de porteurs présents avant de publier"
    )
    assert 'value="Séance 2 à Gramat"' in page
    assert only_report().status == "draft"


# --- 6. a report's date within its parcours' period ---------------------------------------


def test_a_report_date_outside_its_parcours_period_is_refused_naming_its_dates(
    client, claire, fabrique, login
):
    from forum.services.affiliation import TRUSTED_CALLER
    from forum.services.parcours import create_parcours

    parcours = create_parcours(
        "Premiers pas Figeacois — automne 2025",
        "Figeac",
        "46",
        date(2025, 9, 15),
        date(2025, 12, 15),
        8,
        [fabrique.id],
        creator=TRUSTED_CALLER,
    )
    db.session.commit()
    login(claire)
    data = report_data(action="draft", parcours=str(parcours.id), session_date="03/06/2025")
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 400
    assert field_error(text(response), "session_date") == (
        "Le parcours «\u00a0Premiers pas Figeacois — automne 2025\u00a0» se déroule du "
        "15 septembre 2025 au 15 décembre 2025 : indiquez une date de séance dans cette "
        "période, ou un autre parcours."
    )
    assert 'value="03/06/2025"' in text(response) and only_report() is None
    data = report_data(action="draft", parcours=str(parcours.id), session_date="14/10/2025")
    assert post_form(client, "/reports/new", data).status_code == 303
    assert only_report().parcours_id == parcours.id


# --- 5. a parcours' sessions follow its title and place -----------------------------------


def test_renaming_and_moving_a_parcours_reaches_its_sessions(
    client, claire, fabrique, make_user, login
):
    import sqlalchemy as sa

    from forum.models import CalendarEvent, Notification
    from forum.services import calendar, notifications

    login(claire)
    data = parcours_form(
        [fabrique],
        session_1="2027-02-01T09:00",
        session_2="2027-03-01T09:00",
        session_6="2027-05-01T14:00",
    )
    assert post_form(client, "/parcours/new", data).status_code == 303
    parcours = only_parcours()
    sessions = {e.session_number: e for e in db.session.scalars(sa.select(CalendarEvent))}
    assert sessions[1].title == "Premiers pas Causses 2027 — séance 1"
    # Session 2 renamed and moved by hand: it keeps its own title and commune.
    sessions[2].title, sessions[2].commune = "Séance spéciale au fablab", "Figeac"
    bruno = make_user(display_name="Bruno Cassagne")
    calendar.register(bruno, sessions[6], "participant")
    db.session.commit()
    edit = f"/parcours/{parcours.slug}/edit"
    version = re.search(r'name="version"[^>]*value="([^"]+)"', client.get(edit).get_data(True))
    data = parcours_form(
        [fabrique], title="Premiers pas Causses et Ségala", place="Lacapelle-Marival"
    )
    response = post_form(client, edit, {**data, "version": version.group(1)})
    assert response.status_code == 303, text(response)[:2000]
    db.session.expire_all()
    shown = {
        e.session_number: (e.title, e.commune) for e in db.session.scalars(sa.select(CalendarEvent))
    }
    assert shown == {
        1: ("Premiers pas Causses et Ségala — séance 1", "Lacapelle-Marival"),
        2: ("Séance spéciale au fablab", "Figeac"),
        6: ("Premiers pas Causses et Ségala — séance 6", "Lacapelle-Marival"),
    }
    page = text(client.get(f"/parcours/{parcours.slug}"))
    assert "Premiers pas Causses 2027 — séance" not in page
    notifications.process_events()
    db.session.commit()
    told = db.session.scalars(
        sa.select(Notification.kind).where(Notification.user_id == bruno.id)
    ).all()
    assert told == ["event_changed"]
