"""Issue 16 in Chromium: « Activité du réseau », the map on /territories/ and a
structure's bilan, axe-clean (WCAG 2.1 A/AA) and without sideways scrolling at 1280 and
360 px; the map's départements are links a keyboard reaches."""

import pytest

from tests.e2e.test_accessibility import axe_violations
from tests.e2e.test_structures_a11y import log_in

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def activity_data(live_server):
    """A structure with a member, a parcours and two published sessions (one quotable)."""
    from datetime import date

    from forum.extensions import db
    from forum.models import Parcours, Structure, User
    from forum.services.reports import ReportInput, create_report

    _base, app = live_server
    with app.app_context():
        cap = Structure(slug="cap-lot", name="Cap Lot", kind="tiers-lieu", department_code="46")
        member = User(
            email="bilan@example.org", display_name="Bilan", handle="bilan", structure=cap
        )
        member.set_password(PASSWORD)
        parcours = Parcours(slug="figeac-2025", title="Figeac 2025", department_code="46",
                            start_date=date(2025, 1, 1), end_date=date(2025, 3, 1),
                            cohort_size=9, structures=[cap])  # fmt: skip
        db.session.add_all([cap, member, parcours])
        db.session.commit()
        for day, modules in ((date(2025, 1, 7), ["emergence-interconnaissance"]),
                             (date(2025, 2, 4), ["besoin-social-utilite-sociale"])):  # fmt: skip
            create_report(
                member,
                ReportInput(
                    title=f"Séance du {day.isoformat()}",
                    session_date=day,
                    department="46",
                    format="presentiel",
                    participants=8,
                    modules=modules,
                    tags=["mobilite"],
                    structure_id=cap.id,
                    parcours_id=parcours.id,
                    sections={"worked": "Le covoiturage entre porteurs."},
                    quotable=["worked"],
                    publish=True,
                ),
            )
        db.session.commit()  # as the requests that published them would


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("path", ["/activity", "/activity?carte=white_zones", "/territories/"])
def test_activity_pages_axe_clean_and_fit(live_server, activity_data, new_page, path, width):
    base, _app = live_server
    page = new_page(width=width)
    page.goto(f"{base}{path}")
    assert page.locator("svg.map-svg a").count() == 96
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_structure_bilan_in_chromium(live_server, activity_data, new_page):
    base, _app = live_server
    for width in (1280, 360):
        page = new_page(width=width)
        log_in(page, base, "bilan@example.org")
        page.goto(f"{base}/activity/bilan?structure=cap-lot")
        assert page.locator('[data-indicator="sessions"] td').inner_text() == "2"
        assert page.locator('[data-indicator="porteurs"] td').inner_text() == "9"
        assert "Le covoiturage entre porteurs." in page.locator(".bilan-excerpt").first.inner_text()
        # Each heading and date of the sessions' table on one line (at 360 px they broke
        # letter by letter: « Po rt eu rs »; the table scrolls in its own box instead).
        one_line = page.evaluate(
            """[...document.querySelectorAll('.bilan-sessions th, .bilan-sessions time')]
               .map(cell => { const r = document.createRange(); r.selectNodeContents(cell);
                              return r.getClientRects().length; })"""
        )
        assert one_line and all(n == 1 for n in one_line), one_line
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_map_is_reached_by_keyboard(live_server, activity_data, new_page):
    base, _app = live_server
    page = new_page()
    page.goto(f"{base}/activity")
    lot = page.locator('svg.map-svg a[aria-label^="Lot (46)"]')
    lot.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Lot (46) : 2"
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports/?**department=46**")
    assert "2 retours d’expérience" in page.locator(".count").inner_text()


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_readable_on_a_phone(live_server, activity_data, new_page, width):
    """The charts' labels and values rendered at about 7 px on a phone (tester): the SVG
    was drawn 600 units wide and shrunk to the column. Each text is now at least 12 px
    as drawn on the screen (its font size times the SVG's scale), and no chart is wider
    than the page."""
    base, _app = live_server
    page = new_page(width=width, height=800)
    page.goto(f"{base}/activity")
    sizes = page.evaluate(
        """[...document.querySelectorAll('svg.chart-svg text')].map(text => {
             const scale = text.getScreenCTM().a;
             return parseFloat(getComputedStyle(text).fontSize) * scale; })"""
    )
    assert sizes and min(sizes) >= 12, sorted(sizes)[:5]
    assert max(sizes) <= 20, max(sizes)  # nor blown up on a wide screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width
