"""A report's history lists real changes only (a fresh tester, fix13): défis chosen in
another order than shown are not a change, a save that changes nothing keeps no revision."""

import html
import re

import pytest

from forum.extensions import db
from forum.models import Report, ReportRevision
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


def revisions_of(report_id: int) -> int:

    query = db.select(db.func.count(ReportRevision.id)).where(ReportRevision.report_id == report_id)
    return db.session.scalar(query)


def test_the_history_shows_only_what_changed_and_a_save_without_change_records_nothing(
    client, claire, login
):
    login(claire)
    # Two défis of the list and one proposed: chosen in an order the report does not show.
    data = report_data(tags=["mobilite", "financement"], new_tags="Accès aux droits")
    assert post_form(client, "/reports/new", data).status_code == 303
    report = only_report()
    edit = f"/reports/{report.id}/edit"
    tags = re.findall(
        r'name="tags"[^>]*value="([^"]+)"[^>]*checked|checked[^>]*name="tags"'
        r'[^>]*value="([^"]+)"',
        client.get(edit).get_data(as_text=True),
    )
    chosen = sorted(a or b for a, b in tags)
    assert len(chosen) == 3, chosen
    worked = "Le *photolangage* a libéré la parole. Le world café aussi."
    response = post_form(client, edit, report_data(tags=chosen, worked=worked))
    assert response.status_code == 303
    assert revisions_of(report.id) == 2
    page = text(client.get(f"/reports/{report.id}/history"))
    assert "<dt>Ce qui a marché</dt>" in page
    assert "Défis rencontrés" not in page, page[page.find("<dl") :][:1500]
    # Saved again without a change: no revision, no entry, and the flash says so.
    updated_at = only_report().updated_at
    response = post_form(client, edit, report_data(tags=chosen, worked=worked))
    assert response.status_code == 303
    assert revisions_of(report.id) == 2
    assert only_report().updated_at == updated_at
    page = text(client.get(response.location))
    assert "Aucune modification : rien n’a été enregistré." in page
    page = text(client.get(f"/reports/{report.id}/history"))
    assert "Aucun changement de contenu." not in page
    assert len(re.findall(r"<li>\s*<h2", page)) == 2
