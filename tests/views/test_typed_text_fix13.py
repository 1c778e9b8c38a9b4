"""What is typed reaches the form whatever it carries (a fresh tester, fix13): a NUL byte
is removed rather than the whole form refused, an error page never shows a field's name,
accents are stored composed (NFC), a report's title loses a right-to-left override."""

import html
import re
import unicodedata
from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from forum.extensions import db
from forum.models import Report
from tests.conftest import post_form
from tests.views.test_reports import report_data


@pytest.fixture
def claire(make_user, make_structure):
    fabrique = make_structure(name="Tiers-lieu La Fabrique du Lot", department_code="46")
    return make_user(display_name="Claire Fabre", structure=fabrique)


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def only_report() -> Report:
    db.session.expire_all()
    return db.session.scalar(db.select(Report))


def test_a_nul_byte_in_a_section_is_removed_and_nothing_typed_is_lost(client, claire, login):
    login(claire)
    data = report_data(context="Huit porteurs\x00 présents.", session_date="10/04/2025")
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 303, text(response)[:2000]
    report = only_report()
    assert report.body.context_md == "Huit porteurs présents."
    assert (report.session_date, report.department_code) == (date(2025, 4, 10), "46")


def test_a_nul_byte_in_a_refused_form_comes_back_with_the_form(client, claire, login):
    login(claire)
    data = report_data(context="Huit\x00 porteurs.", session_date="10/04/2025", title="ab")
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 400
    page = text(response)
    assert 'name="session_date"' in page and 'value="10/04/2025"' in page
    assert re.search(r'<option selected value="46">|<option value="46" selected', page)
    assert "Huit porteurs." in page and "modules" not in re.sub(r"<[^>]+>", "", page).split()
    assert "octet nul" not in page


def test_the_error_page_never_shows_a_field_name_or_a_choice_code(client, claire, login):
    login(claire)
    # A form sent after its CSRF token was lost: the error page gives the text back.
    data = report_data(session_date="10/04/2025")
    data.append(("csrf_token", "perdu"))
    response = client.post("/reports/new", data=MultiDict(data))
    assert response.status_code == 400
    page = text(response)
    assert "Le <em>photolangage</em>" not in page and "Le *photolangage* a libéré" in page
    shown = re.findall(r'<label for="typed-\d+">([^<]*)</label>', page)
    assert shown and "modules" not in shown and "tags" not in shown, shown
    assert "confronter-idee-terrain" not in page


def test_typed_text_is_stored_composed_and_without_direction_overrides(client, claire, login):
    login(claire)
    decomposed = unicodedata.normalize("NFD", "Séance à Figeac : l’émergence")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    data = report_data(title="\u202e" + decomposed, worked=decomposed)
    response = post_form(client, "/reports/new", data)
    assert response.status_code == 303
    report = only_report()
    assert report.title == "Séance à Figeac : l’émergence"
    assert report.body.worked_md == "Séance à Figeac : l’émergence"
