"""A tester's findings on a 360 px phone, in Chromium: wide tables (an event's
registrations, the moderation log and relayed contact messages) scroll inside a
focusable, labelled box that shows a shadow on the side with more to see, and every column
is reached by scrolling it; the « Supprimer » of a file is a real button (at least 24 px,
WCAG 2.2 SC 2.5.8) leading to a confirmation; sending the upload form with no file says to
choose one."""

from datetime import date
from io import BytesIO

import pytest

from tests.calendar.conftest import event_input, soon
from tests.files import pdf_with_text

WIDTH = 360
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def world(live_server):
    """A moderator who organises an event two members registered to, has locked a
    discussion (the log), and wrote a report with a file."""
    from forum.extensions import db
    from forum.models import Structure, User
    from forum.services import attachments, calendar, discussions, moderation
    from forum.services.reports import ReportInput, create_report

    _base, app = live_server
    with app.app_context():
        lot = Structure(slug="tables-lot", name="La Fabrique coopérative du Lot",
                        kind="tiers-lieu", department_code="46", commune="Figeac")  # fmt: skip
        people = [
            User(email=f"t{n}@example.org", display_name=name, handle=f"tables-{n}",
                 structure=lot, role="moderator" if n == 0 else "member")
            for n, name in enumerate(["Claire Fabre-Delmas", "Karim Benali", "Léa Roux"])
        ]  # fmt: skip
        for user in people:
            user.set_password(PASSWORD)
        db.session.add_all([lot, *people])
        db.session.commit()
        event = calendar.create_event(
            people[0], event_input(title="Échange de pratiques", start=soon(days=10, hour=14))
        )
        for user in people[1:]:
            calendar.register(user, event, "coanimation")
        thread = discussions.create_discussion(
            people[0],
            "Salle pour la séance 3",
            "Qui connaît une salle ?",
            discussions.categories()[0],
        )
        moderation.set_locked(thread, people[0], True)
        report = create_report(
            people[0],
            ReportInput(title="Séance 2 à Florac", session_date=date(2025, 2, 1),
                        department="46", format="presentiel", participants=6,
                        modules=["besoin-social-utilite-sociale"], structure_id=lot.id,
                        sections={"context": "Texte."}, publish=True),
        )  # fmt: skip
        attachments.attach(people[0], BytesIO(pdf_with_text()), "grille.pdf", report=report)
        db.session.commit()
        return {"event": event.id, "report": report.id}


@pytest.fixture(scope="module")
def phone(browser, live_server, world):
    base, _app = live_server
    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill("t0@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")
    yield page
    context.close()


BOXES = """() => [...document.querySelectorAll('.table-scroll')].map(box => {
  const table = box.querySelector('table');
  box.scrollLeft = box.scrollWidth;  // to the far end: the last column comes into view
  const last = [...table.querySelectorAll('thead th')].pop().getBoundingClientRect();
  const shown = {right: last.right, left: last.left};
  box.scrollLeft = 0;
  return {
    name: box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'),
    focusable: box.tabIndex === 0, role: box.getAttribute('role'),
    right: box.getBoundingClientRect().right, scrolls: box.scrollWidth > box.clientWidth,
    sign: getComputedStyle(box).backgroundImage,
    lastColumn: shown,
  };
})"""


@pytest.mark.parametrize(("path", "count"), [("/events/{event}", 1), ("/moderation/", 2)])
def test_wide_tables_show_they_scroll_and_reach_their_last_column(
    live_server, world, phone, path, count
):
    base, _app = live_server
    phone.goto(base + path.format(**world))
    boxes = phone.evaluate(BOXES)
    assert len(boxes) >= count
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    for box in boxes:
        assert box["focusable"] and box["role"] == "region" and box["name"], box
        assert box["right"] <= WIDTH, box
        assert box["lastColumn"]["right"] <= WIDTH + 1, box  # reached, not cut off
        if box["scrolls"]:
            assert box["sign"].count("gradient") >= 4, box  # the shadows that say « more »
    phone.screenshot(path=f"/tmp/phone-{path.strip('/').split('/')[0]}.png", full_page=True)


def test_deleting_a_file_is_a_real_button_that_asks_first(live_server, world, phone):
    base, _app = live_server
    path = f"/reports/{world['report']}/attachments"
    phone.goto(base + path)
    button = phone.locator(".attachments-manage .button", has_text="Supprimer").first
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, box
    phone.screenshot(path="/tmp/phone-attachments.png", full_page=True)
    button.click()
    assert phone.get_by_role("heading", name="Supprimer ce fichier ?").is_visible()
    phone.get_by_role("link", name="Non, revenir en arrière").click()
    assert phone.url.endswith(path)
    assert phone.locator(".attachments-manage").get_by_text("grille.pdf").is_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_sending_no_file_says_to_choose_one(live_server, world, browser, javascript):
    base, _app = live_server
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 640}, locale="fr-FR", java_script_enabled=javascript
    )
    page = context.new_page()
    try:
        page.goto(f"{base}/auth/login")
        page.get_by_label("Adresse e-mail").fill("t0@example.org")
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/reports/{world['report']}/attachments")
        page.get_by_role("button", name="Ajouter").click()
        summary = page.locator("#error-summary")
        summary.wait_for()
        assert "Choisissez un fichier." in summary.inner_text()
        assert "Le fichier est vide." not in page.content()
    finally:
        context.close()
