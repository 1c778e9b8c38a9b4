"""In Chromium: Enter in a report field never publishes, deletions ask first (without
JavaScript too), and a double click on « Publier la réponse » posts one reply."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_journey import register


def fill_report(page, base, title):
    page.goto(f"{base}/reports/new")
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Date de la séance").fill("2025-03-18")
    page.get_by_label("Département").select_option("46")
    page.get_by_label("3. Confronter son idée au terrain").check()
    page.get_by_label("Contexte", exact=True).fill("Huit porteurs, une salle trop petite.")
    page.get_by_label("Nombre de porteurs présents").fill("8")


def report_status(app, title):
    from sqlalchemy import select

    from forum.extensions import db
    from forum.models import Report

    with app.app_context():
        return db.session.execute(
            select(Report.status, Report.participants).where(Report.title == title)
        ).first()


def test_enter_in_a_field_saves_a_draft_and_never_publishes(live_server, new_page):
    base, app = live_server
    page = new_page()
    register(page, base, "Inès Enter", "ines-enter@example.org")
    title = "Séance 4 : Entrée au clavier"
    fill_report(page, base, title)
    page.get_by_label("Nombre de porteurs présents").press("Enter")
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    assert "Brouillon enregistré" in page.content()
    assert tuple(report_status(app, title)) == ("draft", 8)

    # Publish it with the button, then edit: Enter in a field of a published report does
    # nothing at all (its half-written change stays in the form, unsaved).
    page.goto(page.url + "/edit")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    assert report_status(app, title).status == "published"
    edit_url = page.url + "/edit"
    page.goto(edit_url)
    page.get_by_label("Nombre de porteurs présents").fill("12")
    page.get_by_label("Nombre de porteurs présents").press("Enter")
    page.wait_for_timeout(1500)  # time for a submission to start, if Enter triggered one
    assert page.url == edit_url
    assert report_status(app, title).participants == 8
    page.get_by_role("button", name="Enregistrer les modifications").click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    assert "Modifications enregistrées" in page.content()
    assert report_status(app, title).participants == 12


@pytest.mark.parametrize("javascript", [True, False])
def test_deleting_a_report_asks_first(live_server, browser, javascript):
    base, app = live_server
    context = browser.new_context(java_script_enabled=javascript, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        register(page, base, f"Dina {javascript}", f"dina-{javascript}@example.org")
        title = f"Séance 5 : à supprimer ({javascript})"
        fill_report(page, base, title)
        page.get_by_role("button", name="Publier").click()
        page.wait_for_url(re.compile(r"/reports/\d+$"))
        report_url = page.url
        page.get_by_role("link", name="Supprimer").click()
        page.wait_for_url(report_url + "/delete")
        assert page.get_by_role("heading", name="Supprimer ce retour d'expérience ?").is_visible()
        assert report_status(app, title).status == "published"
        page.get_by_role("link", name="Non, revenir en arrière").click()
        page.wait_for_url(report_url)
        page.get_by_role("link", name="Supprimer").click()
        page.get_by_role("button", name="Oui, supprimer").click()
        page.wait_for_url(f"{base}/reports/")
        assert "Le retour d’expérience est supprimé" in page.content().replace("'", "’")
    finally:
        context.close()


def test_a_double_click_on_reply_posts_once(live_server, new_page):
    base, app = live_server
    page = new_page()
    register(page, base, "Paul Double", "paul-double@example.org")
    title = "Séance 6 : double clic"
    fill_report(page, base, title)
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    page.get_by_label("Votre réponse").fill("Une seule réponse, même en cliquant deux fois.")
    page.get_by_role("button", name="Publier la réponse").dblclick()
    # expect() polls the address: a second submission may abort the first navigation,
    # which wait_for_url reports as an error (« net::ERR_ABORTED » under load, once in a
    # full PostgreSQL run); what is asserted is what the page then shows.
    expect(page).to_have_url(re.compile(r"/reports/\d+#post-\d+$"), timeout=15_000)
    page.wait_for_load_state()
    assert page.content().count("Une seule réponse, même en cliquant deux fois.") == 1
