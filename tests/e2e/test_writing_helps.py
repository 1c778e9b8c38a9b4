"""In Chromium, at 1280 and 360 px: « Aperçu » with JavaScript (in place, under the real
CSP) and without (a round trip that keeps the text and saves nothing), the @mention
picker, and axe (WCAG 2.1 AA) on the new pages and states."""

import re

import pytest

from tests.e2e.test_accessibility import axe_violations
from tests.e2e.test_write_once import fill_report, report_status

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def writer(live_server):
    """A member with a structure, a published report and a draft; a second member to mention."""
    from datetime import date

    from forum.extensions import db
    from forum.models import Structure, User
    from forum.services import discussions
    from forum.services.reports import ReportInput, create_report

    _base, app = live_server
    with app.app_context():
        structure = Structure(
            slug="atelier", name="L’Atelier", kind="tiers-lieu", department_code="46"
        )
        user = User(
            email="plume@example.org",
            display_name="Plume Écrit",
            handle="plume-ecrit",
            structure=structure,
        )
        other = User(
            email="sol@example.org", display_name="Solène Riaublanc", handle="solene-riaublanc"
        )
        for member in (user, other):
            member.set_password(PASSWORD)
        db.session.add_all([structure, user, other])
        db.session.commit()
        fields = dict(
            session_date=date(2025, 1, 7),
            department="46",
            format="presentiel",
            participants=8,
            modules=["emergence-interconnaissance"],
            structure_id=structure.id,
        )
        report = create_report(
            user,
            ReportInput(
                title="Premier retour publié",
                publish=True,
                sections={"context": "Huit porteurs."},
                **fields,
            ),
        )
        create_report(user, ReportInput(title="Un brouillon en cours", sections={}, **fields))
        from forum.services.reports import ReportInput as Input
        from forum.services.reports import update_report

        update_report(
            report,
            user,
            Input(
                title="Premier retour publié",
                publish=True,
                sections={"context": "Neuf porteurs, une salle."},
                **fields,
            ),
        )
        category = discussions.categories()[0] if discussions.categories() else None
        thread = discussions.create_discussion(
            user, "Qui a essayé ?", "Le photolangage ?", category
        )
        db.session.commit()  # as the requests that wrote them would
        return {"report": report.id, "discussion": thread.id}


def log_in(page, base, email="plume@example.org"):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", [1280, 360])
def test_preview_in_place_with_javascript_under_the_real_csp(live_server, browser, writer, width):
    base, app = live_server
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    try:
        log_in(page, base)
        title = f"Aperçu en place {width}"
        fill_report(page, base, title)
        page.get_by_label("Contexte", exact=True).fill("Le **covoiturage** a aidé.\n\n- un\n- deux")
        page.get_by_role("button", name="Aperçu").click()
        page.wait_for_selector("#apercu:not([hidden]) strong")
        assert page.url.endswith("/reports/new")  # no round trip: the script did it
        preview = page.locator("#apercu")
        assert preview.locator("strong").inner_text() == "covoiturage"
        assert preview.locator("li").count() == 2
        assert page.evaluate("document.activeElement.id") == "apercu"
        assert report_status(app, title) is None  # nothing saved
        assert no_horizontal_scroll(page)
        assert errors == []  # no CSP violation, no script error
        page.get_by_role("button", name="Enregistrer le brouillon").click()
        page.wait_for_url(re.compile(r"/reports/\d+$"))
        assert report_status(app, title).status == "draft"
        assert page.content().count("seuls vous et l’équipe de modération") == 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_preview_round_trip_without_javascript(live_server, browser, writer, width):
    base, app = live_server
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="fr-FR", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        log_in(page, base)
        title = f"Aperçu sans script {width}"
        fill_report(page, base, title)
        page.get_by_label("Conseils", exact=True).fill("Prévoir **du café**.")
        page.get_by_role("button", name="Aperçu").click()
        page.wait_for_url(re.compile(r"/reports/new#apercu$"))
        assert page.locator("#apercu strong").inner_text() == "du café"
        assert page.get_by_label("Conseils", exact=True).input_value() == "Prévoir **du café**."
        assert page.get_by_label("Titre").input_value() == title
        assert report_status(app, title) is None
        assert no_horizontal_scroll(page)
        page.get_by_role("button", name="Publier").click()
        page.wait_for_url(re.compile(r"/reports/\d+(#apercu)?$"))  # the fragment follows
        assert report_status(app, title).status == "published"
    finally:
        context.close()


def test_mention_picker_suggests_and_inserts(live_server, new_page, writer):
    base, _app = live_server
    page = new_page()
    log_in(page, base)
    page.goto(f"{base}/discussions/new")
    picker = page.get_by_label("Mentionner un membre")
    picker.fill("sol")
    page.wait_for_function("document.querySelectorAll('#body-mention-list option').length > 0")
    assert (
        page.locator("#body-mention-list option").first.get_attribute("value") == "solene-riaublanc"
    )
    page.get_by_label("Message").fill("Merci")
    picker.press("Enter")  # inserts, never submits
    assert page.get_by_label("Message").input_value() == "Merci @solene-riaublanc "
    assert page.url.endswith("/discussions/new")


def member_pages(writer):
    return [
        "/members/",
        "/members/?department=46",
        "/my/reports",
        f"/reports/new?from={writer['report']}",
        f"/reports/{writer['report']}/history",
        "/discussions/new",
    ]


@pytest.mark.parametrize("width", [1280, 360])
def test_no_wcag_violation_on_the_new_pages(live_server, new_page, writer, width):
    base, _app = live_server
    page = new_page(width=width)
    log_in(page, base)
    for path in member_pages(writer):
        page.goto(base + path)
        assert axe_violations(page) == [], path
        assert no_horizontal_scroll(page), path


def test_no_wcag_violation_with_previews_shown(live_server, new_page, writer):
    base, _app = live_server
    page = new_page()
    log_in(page, base)
    # The report form with its preview (shown by the script).
    page.goto(f"{base}/reports/new")
    page.get_by_label("Contexte", exact=True).fill("**gras** et [un lien](https://example.org)")
    page.get_by_role("button", name="Aperçu").click()
    page.wait_for_selector("#apercu:not([hidden]) strong")
    assert axe_violations(page) == []
    # The reply preview page (what the button shows without JavaScript), and a form error.
    page.goto(f"{base}/discussions/{writer['discussion']}")
    page.evaluate(
        "document.querySelector('[data-preview-button]').replaceWith(document.querySelector('[data-preview-button]').cloneNode(true))"
    )
    page.get_by_label("Votre réponse").fill("- un\n- deux")
    page.get_by_role("button", name="Aperçu").click()
    page.wait_for_selector("h1:has-text('Aperçu de votre réponse')")
    assert page.locator("#apercu li").count() == 2
    assert axe_violations(page) == []
    page.goto(f"{base}/reports/new")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.wait_for_selector("#error-summary")
    assert axe_violations(page) == []
