"""Issue 12 in Chromium: axe-core (WCAG 2.1 A/AA) on every new page and state (structure
pages, proposal and contact forms with and without errors, the moderators' review), and a
proposal made at registration, without JavaScript."""

import pytest

from tests.e2e.test_accessibility import axe_violations

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def network(live_server):
    """A validated structure with a référent·e and a report, a pending proposal, a
    moderator, a member who opted out of messages."""
    from datetime import date

    from forum.extensions import db
    from forum.models import Structure, User
    from forum.services.reports import ReportInput, create_report

    _base, app = live_server
    with app.app_context():
        fabrique = Structure(slug="fabrique", name="La Fabrique", kind="tiers-lieu",
                             department_code="46", commune="Figeac")  # fmt: skip
        grange = Structure(slug="grange", name="La Grange", kind="tiers-lieu",
                           department_code="48", commune="Florac", status="pending")  # fmt: skip
        people = {
            "referent": User(email="claire@example.org", display_name="Claire Fabre",
                             handle="claire", structure=fabrique, structure_role="referent"),
            "proposer": User(email="lea@example.org", display_name="Léa Roux", handle="lea",
                             structure=grange, structure_role="referent"),
            "moderator": User(email="modo@example.org", display_name="Modo", handle="modo",
                              role="moderator"),
            "quiet": User(email="nina@example.org", display_name="Nina", handle="nina",
                          structure=fabrique, accepts_contact=False),
        }  # fmt: skip
        for user in people.values():
            user.set_password(PASSWORD)
        db.session.add_all([fabrique, grange, *people.values()])
        db.session.commit()
        create_report(
            people["proposer"],
            ReportInput(
                title="Première séance à Florac",
                session_date=date(2025, 3, 4),
                department="48",
                format="presentiel",
                participants=5,
                modules=["emergence-interconnaissance"],
                tags=["mobilite"],
                structure_id=grange.id,
                sections={"context": "Cinq porteurs."},
                publish=True,
            ),
        )
        db.session.commit()  # as the request that published it would
        return {name: user.id for name, user in people.items()}


def log_in(page, base, email):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize(
    "path", ["/structures/fabrique", "/structures/grange", "/territories/", "/auth/register"]
)
def test_structure_pages_anonymous(live_server, network, new_page, path):
    base, _app = live_server
    page = new_page()
    page.goto(base + path)
    assert axe_violations(page) == []


def test_member_pages_and_error_states(live_server, network, new_page):
    base, _app = live_server
    page = new_page(390, 844)  # a phone
    log_in(page, base, "lea@example.org")
    for path in [
        "/structures/propose",
        "/structures/fabrique",
        "/structures/fabrique/contact",
        f"/members/{network['referent']}/contact",
        f"/members/{network['quiet']}/contact",  # opted out: a notice, no form
        "/account",
    ]:
        page.goto(base + path)
        assert axe_violations(page) == [], path
    page.goto(f"{base}/members/{network['quiet']}/contact")
    assert page.get_by_role("status").inner_text() == "Nina ne reçoit pas de messages par Maillage."
    page.get_by_role("link", name="Écrire plutôt à sa structure, La Fabrique").click()
    page.wait_for_url(f"{base}/structures/fabrique/contact")

    page.goto(f"{base}/structures/propose")
    page.get_by_label("Commune").fill("Meyrueis")
    page.get_by_role("button", name="Proposer la structure").click()
    page.wait_for_selector("#error-summary")
    assert "Indiquez le nom de la structure." in page.content()
    assert page.input_value("#commune") == "Meyrueis"  # what was typed stays
    assert axe_violations(page) == []

    page.goto(f"{base}/structures/fabrique/contact")
    page.get_by_label("Message").fill("Court")
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_selector("#error-summary")
    assert page.input_value("#body") == "Court"
    assert page.locator("#subject").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []


def test_moderator_review_pages(live_server, network, new_page):
    base, _app = live_server
    page = new_page()
    log_in(page, base, "modo@example.org")
    for path in ["/moderation/", "/structures/grange/edit"]:
        page.goto(base + path)
        assert axe_violations(page) == [], path
    page.get_by_role("button", name="Fusionner").click()  # no structure chosen
    page.wait_for_selector("#target-error")
    assert axe_violations(page) == []


@pytest.mark.parametrize("size", [(1280, 900), (360, 640)])
def test_a_proposal_like_an_existing_structure_is_flagged(live_server, network, new_page, size):
    """« doublon possible — ressemble à : La Fabrique », on the queue and the edit page,
    the merge form offering it; axe on both, on a laptop and a phone."""
    from forum.extensions import db
    from forum.models import Structure

    base, app = live_server
    with app.app_context():
        if not db.session.scalar(db.select(Structure).filter_by(slug="fabrique-bis")):
            db.session.add(Structure(slug="fabrique-bis", name="Fabrique", kind="tiers-lieu",
                                     department_code="46", status="pending"))  # fmt: skip
            db.session.commit()
        db.session.remove()
    page = new_page(*size)
    log_in(page, base, "modo@example.org")
    page.goto(f"{base}/moderation/")
    item = page.locator("li.card", has_text="doublon possible")
    assert (
        item.locator(".lookalike")
        .inner_text()
        .startswith("doublon possible ressemble à : La Fabrique — comparer et fusionner")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    assert axe_violations(page) == []
    item.get_by_role("link", name="comparer et fusionner").click()
    page.wait_for_url(f"{base}/structures/fabrique-bis/edit#fusion")
    assert page.locator("#fusion ~ .lookalike").inner_text().startswith("doublon possible")
    assert page.locator("#target option:checked").inner_text() == "La Fabrique"
    assert axe_violations(page) == []


def test_register_with_a_new_structure_without_javascript(live_server, browser):
    base, _app = live_server
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{base}/auth/register")
    page.get_by_label("Nom affiché").fill("Hugo Bastide")
    page.get_by_label("Adresse e-mail").fill("hugo@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmer le mot de passe").fill(PASSWORD)
    page.select_option("#structure", "nouvelle")
    page.get_by_label("Nom de la structure").fill("Graines de Causse")
    page.select_option("#kind", "association")
    page.select_option("#department", "12")
    page.get_by_label("Commune").fill("Millau")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/structures/graines-de-causse")
    text = page.content()
    assert "Graines de Causse" in text and "en attente de validation" in text
    assert "Hugo Bastide" in text
    context.close()
