"""axe-core (WCAG 2.1 A/AA) on every main page, a keyboard-only report, announced errors."""

import re

import pytest

from tests.e2e.conftest import AXE
from tests.e2e.test_journey import register

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


@pytest.fixture(scope="module")
def content(live_server):
    """A member, a report, a discussion with a reply, a structure: every page has content."""
    from datetime import date

    from forum.extensions import db
    from forum.models import Category, Structure, User
    from forum.services import discussions
    from forum.services.reports import ReportInput, create_report

    _base, app = live_server
    with app.app_context():
        structure = Structure(
            slug="fabrique", name="La Fabrique", kind="tiers-lieu", department_code="46"
        )
        user = User(
            email="axe@example.org",
            display_name="Axe Tester",
            handle="axe-tester",
            structure=structure,
        )
        user.set_password("un-mot-de-passe-solide")
        db.session.add_all([structure, user])
        db.session.commit()
        report = create_report(
            user,
            ReportInput(
                title="Covoiturage et mobilité",
                session_date=date(2025, 1, 7),
                department="46",
                format="presentiel",
                participants=8,
                modules=["emergence-interconnaissance"],
                tags=["mobilite"],
                structure_id=structure.id,
                sections={"context": "Le **covoiturage** a aidé.", "worked": "- un\n- deux"},
                publish=True,
            ),
        )
        category = db.session.scalar(db.select(Category))
        discussion = discussions.create_discussion(user, "Une question", "Qui a essayé ?", category)
        discussions.reply(discussion, user, "Moi !")
        db.session.commit()  # as the requests that wrote them would
        return {"report": report.id, "discussion": discussion.id}


PAGES = [
    "/",
    "/reports/",
    "/reports/{report}",
    "/search?q=covoiturage",
    "/search?q=zzzz",
    "/discussions/",
    "/discussions/{discussion}",
    "/auth/login",
    "/auth/register",
    "/structures/",
    "/structures/fabrique",
    "/modules/",
    "/modules/emergence-interconnaissance",
    "/tags/",
    "/tags/mobilite",
    "/territories/",
    "/parcours/",
    "/accessibilite",
    "/confidentialite",
    "/page-inexistante",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violation_anonymous(live_server, content, new_page, path):
    base, _app = live_server
    page = new_page()
    page.goto(base + path.format(**content))
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/reports/new",
        "/notifications",
        "/account",
        "/account/delete",
        "/discussions/new",
        "/reports/{report}",
    ],
)
def test_no_wcag_violation_member(live_server, content, new_page, path):
    base, _app = live_server
    page = new_page()
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill("axe@example.org")
    page.get_by_label("Mot de passe").fill("un-mot-de-passe-solide")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")
    page.goto(base + path.format(**content))
    assert axe_violations(page) == []


def test_report_form_errors_are_announced_and_accessible(live_server, new_page):
    base, _app = live_server
    page = new_page()
    register(page, base, "Erreurs Annoncées", "erreurs@example.org")
    page.goto(f"{base}/reports/new")
    page.get_by_role("button", name="Publier").click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"  # focus moved there
    title = page.locator("#title")
    assert title.get_attribute("aria-invalid") == "true"
    assert "title-error" in title.get_attribute("aria-describedby")
    assert axe_violations(page) == []


def test_account_deletion_errors_are_announced_and_accessible(live_server, new_page):
    base, _app = live_server
    page = new_page()
    register(page, base, "Départ Annoncé", "depart@example.org")
    page.goto(f"{base}/account/delete")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#confirm-error").is_visible()
    assert axe_violations(page) == []
    assert page.url.endswith("/account/delete")  # nothing deleted: still on the form


def test_keyboard_only_report(live_server, new_page):
    """Fill and publish the report form with the keyboard alone."""
    base, _app = live_server
    page = new_page()
    register(page, base, "Clavier Seul", "clavier@example.org")
    page.goto(f"{base}/reports/new")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent").strip() == "Aller au contenu"

    def focus(selector):
        for _ in range(200):  # Tab until the field has focus, as a keyboard user would
            if page.evaluate(
                "(s) => document.activeElement === document.querySelector(s)", selector
            ):
                return
            page.keyboard.press("Tab")
        raise AssertionError(f"{selector} never got the focus")

    focus("#title")
    page.keyboard.type("Séance au clavier")
    focus("#session_date")
    page.keyboard.type("03182025")  # a date input takes its segments from the keyboard
    if page.input_value("#session_date") != "2025-03-18":
        page.keyboard.press("Control+A")
        page.keyboard.type("2025-03-18")
    focus("#department")
    page.keyboard.type("46")  # options read "46 — Lot": typing selects by their start
    focus("#participants")
    page.keyboard.type("7")
    focus("#modules-0")
    page.keyboard.press("Space")
    focus("#context")
    page.keyboard.type("Écrit sans souris.")
    focus("button[value=publish]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert not page.locator("#error-summary").count(), page.locator("#error-summary").inner_text()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    assert "Séance au clavier" in page.content()
