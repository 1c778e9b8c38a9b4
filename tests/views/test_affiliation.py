"""Under which structure and parcours a member may file a retour d'expérience or announce
an event (forum/services/affiliation.py): their own structure and the parcours it runs,
any for moderators, and what an edited object already carries. Through the real forms,
and through the services their other callers use."""

import re
from datetime import date

import pytest

from forum.extensions import db
from forum.models import Report
from forum.services.affiliation import TRUSTED_CALLER
from forum.services.errors import Invalid
from forum.services.parcours import create_parcours
from tests.calendar.conftest import last_event, post_event
from tests.conftest import post_form
from tests.views.test_reports import report_data


@pytest.fixture
def network(make_structure, make_user):
    """Two structures with a parcours each, a member of each, a moderator."""
    lot = make_structure(name="Tiers-lieu du Lot", slug="lot", department_code="46")
    gironde = make_structure(name="Incubateur Gironde", slug="gironde", department_code="33")
    figeac = create_parcours(
        "Figeac", "Figeac", "46", date(2025, 1, 6), None, 8, [lot.id], creator=TRUSTED_CALLER
    )
    begles = create_parcours(
        "Bègles", "Bègles", "33", date(2025, 1, 6), None, 8, [gironde.id], creator=TRUSTED_CALLER
    )
    db.session.commit()
    return {
        "lot": lot,
        "gironde": gironde,
        "figeac": figeac,
        "begles": begles,
        "alice": make_user(display_name="Alice M.", structure=lot),
        "bob": make_user(display_name="Bob D.", structure=gironde),
        "moderator": make_user(role="moderator"),
    }


def _options(html: str, name: str) -> set[str]:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
    return set(re.findall(r'<option[^>]*value="([^"]+)"', select))


def test_the_report_form_offers_and_accepts_only_what_the_member_acts_for(client, login, network):
    lot, gironde = network["lot"], network["gironde"]
    figeac, begles = network["figeac"], network["begles"]
    login(network["alice"])
    form = client.get("/reports/new").get_data(as_text=True)
    assert _options(form, "structure") == {str(lot.id)}
    assert _options(form, "parcours") == {str(figeac.id)}
    for field, value in (("structure", gironde.id), ("parcours", begles.id)):
        response = post_form(client, "/reports/new", report_data(**{field: str(value)}))
        assert response.status_code == 400, field
        html = response.get_data(as_text=True)
        assert "choix valide" in html and "Prévoir du covoiturage." in html  # text kept
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0
    response = post_form(
        client, "/reports/new", report_data(structure=str(lot.id), parcours=str(figeac.id))
    )
    assert response.status_code == 303
    report = db.session.scalar(db.select(Report))
    assert (report.structure_id, report.parcours_id) == (lot.id, figeac.id)


def test_moderators_file_for_any_structure(client, login, network):
    login(network["moderator"])
    form = client.get("/reports/new").get_data(as_text=True)
    assert {str(network["lot"].id), str(network["gironde"].id)} <= _options(form, "structure")
    response = post_form(
        client,
        "/reports/new",
        report_data(structure=str(network["gironde"].id), parcours=str(network["begles"].id)),
    )
    assert response.status_code == 303


def test_an_edit_keeps_a_structure_its_author_has_left(client, login, network, make_report):
    alice, lot = network["alice"], network["lot"]
    report = make_report(alice, structure_id=lot.id, parcours_id=network["figeac"].id)
    alice.structure_id = network["gironde"].id  # she moved to Gironde since
    db.session.commit()
    login(alice)
    form = client.get(f"/reports/{report.id}/edit").get_data(as_text=True)
    assert str(lot.id) in _options(form, "structure")  # still offered: the report has it
    version = re.search(r'name="version"[^>]*value="([^"]*)"', form).group(1)
    response = post_form(
        client,
        f"/reports/{report.id}/edit",
        report_data(
            structure=str(lot.id),
            parcours=str(network["figeac"].id),
            title="Séance 2 à Figeac, corrigée",
            version=version,
        ),
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    db.session.expire_all()
    assert db.session.get(Report, report.id).structure_id == lot.id


def test_the_services_refuse_another_structure_or_its_parcours(network, make_report):
    alice = network["alice"]  # make_report calls forum.services.reports.create_report
    with pytest.raises(Invalid) as refused:
        make_report(alice, structure_id=network["gironde"].id)
    assert refused.value.field == "structure"
    with pytest.raises(Invalid) as refused:
        make_report(alice, parcours_id=network["begles"].id)
    assert refused.value.field == "parcours"
    assert make_report(alice, structure_id=network["lot"].id, parcours_id=network["figeac"].id)


def test_the_event_form_offers_only_the_members_structure(client, login, network):
    login(network["alice"])
    form = client.get("/events/new").get_data(as_text=True)
    assert _options(form, "structure") == {str(network["lot"].id)}
    response = post_event(client, structure=str(network["gironde"].id))
    assert response.status_code == 400
    assert "choix valide" in response.get_data(as_text=True)
    response = post_event(client, structure=str(network["lot"].id))
    assert response.status_code == 303
    assert last_event().structure_id == network["lot"].id
