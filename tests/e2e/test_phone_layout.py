"""Issue 12, points 11–13 and 15 in Chromium at 1280 and 360 px: results before filters
in the page itself (filters in a disclosure that counts the active ones, the count of
active filters beside the results count, a skip link to the results), the header menu in
a disclosure whose button stays put, /territories/ at 360 px without a word broken, filter
lists with counts; static files never re-requested on a repeat visit; the print
stylesheet; axe (WCAG 2.1 AA) on every new page and state, /admin/members included."""

from datetime import date

import pytest

from tests.e2e.test_accessibility import axe_violations

SIZES = {"desktop": (1280, 900), "phone": (360, 640)}
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def content(live_server):
    """Two published reports in the Lot (46) by a structure of the Lot, an administrator,
    and a structure of the Dordogne with no report (its places must not be offered)."""
    from forum.extensions import db
    from forum.models import Structure, User
    from forum.search import engine
    from forum.services.reports import ReportInput, create_report
    from tests.waiting import wait_for

    _base, app = live_server
    with app.app_context():
        lot = Structure(slug="figeac", name="Figeacteurs", kind="tiers-lieu", department_code="46")
        empty = Structure(slug="vide", name="Sans retour", kind="association", department_code="24")
        admin = User(
            email="admin@example.org",
            display_name="Adèle Admin",
            handle="adele",
            role="admin",
            structure=lot,
        )
        admin.set_password(PASSWORD)
        db.session.add_all([lot, empty, admin])
        db.session.commit()
        ids = []
        for n, title in enumerate(["Covoiturage vers Figeac", "Covoiturage et garde d'enfants"]):
            report = create_report(
                admin,
                ReportInput(
                    title=title,
                    session_date=date(2025, 1, 7 + n),
                    department="46",
                    format="presentiel",
                    participants=8,
                    modules=["emergence-interconnaissance"],
                    tags=["mobilite"],
                    structure_id=lot.id,
                    sections={
                        "context": "Le **covoiturage** a aidé. " * 30,
                        "worked": "- un\n- deux",
                    },
                    publish=True,
                ),
            )
            ids.append(report.id)
        db.session.commit()  # as the requests that published them would

        def indexed():
            engine().sync()
            return engine().search("covoiturage", {}, None, None, "relevance", 1).total >= 2

        wait_for(indexed, "the reports in the index", seconds=60)
        db.session.remove()
        return {"report": ids[0]}


def _texts(page, selector):
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent.trim())")


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


def _scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


# Words of `selector`'s text drawn on more than one line (a break after a hyphen is fine).
BROKEN_WORDS = r"""(selector) => {
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, words = /[^\s\u00a0\u202f-]+-?/g;
      let word;
      while ((word = words.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                .map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


def _login(page, base):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill("admin@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["/search?q=covoiturage&department=46", "/reports/?department=46"])
def test_results_before_filters_on_phones(live_server, content, new_page, size, path):
    base, _app = live_server
    width, height = SIZES[size]
    page = new_page(width, height)
    page.goto(base + path)
    summary = page.locator("details.filters-disclosure > summary")
    results = _box(page, "#resultats")
    assert page.locator("a.skip-link[href='#resultats']").get_attribute("href") == "#resultats"
    assert _scroll_width(page) <= width
    # In the page itself, not only on the screen: results, then filters.
    assert page.evaluate(
        "document.querySelector('#resultats').compareDocumentPosition("
        "document.querySelector('details.filters-disclosure')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    # Beside the results count: how many filters are active, a link to them.
    count, active = _box(page, "#resultats .count"), page.locator("#resultats .filters-link a")
    assert active.inner_text().strip() == "1 filtre actif"
    assert abs(_box(page, "#resultats .filters-link")["y"] - count["y"]) < 30
    if size == "phone":
        assert summary.inner_text().strip() == "Filtres (1 actif)"
        assert page.locator("details.filters-disclosure[open]").count() == 0
        assert results["y"] < _box(page, "details.filters-disclosure")["y"]  # results first
        assert count["y"] < height  # and they start on the first screen
        active.click()  # down to the filters, opened
        page.wait_for_selector("details.filters-disclosure[open]")
        assert page.evaluate("location.hash") == "#filtres"
        assert summary.is_visible() and summary.bounding_box()["y"] >= 0
        assert page.locator(
            "details.filters-disclosure .filters, details.filters-disclosure .facets"
        ).first.is_visible()
        assert _scroll_width(page) <= width
    else:
        assert not summary.is_visible()  # always open on a wide screen
        filters = _box(page, "details.filters-disclosure")
        assert filters["x"] < results["x"] and abs(filters["y"] - results["y"]) < 40
    assert axe_violations(page) == []
    # The skip link takes keyboard users to the results.
    page.goto(base + path)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller aux résultats"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "resultats"


@pytest.mark.parametrize("path", ["/search?q=covoiturage&department=46", "/reports/?department=46"])
def test_without_css_results_are_read_before_filters(live_server, content, new_page, path):
    """What a screen reader or a browser without the stylesheet reads: results first."""
    base, _app = live_server
    page = new_page(360, 640)
    page.route("**/*.css", lambda route: route.abort())
    page.goto(base + path)
    assert page.evaluate("document.styleSheets.length") == 0 or page.evaluate(
        "[...document.styleSheets].every(s => { try { return !s.cssRules.length } catch (e) "
        "{ return true } })"
    )
    text = page.evaluate("document.body.innerText")
    first_result = text.index("Covoiturage")
    assert first_result < text.index("Filtres (1 actif)")
    assert text.index("1 filtre actif") < first_result  # said beside the count
    assert text.index("Aller aux résultats") < first_result


@pytest.mark.parametrize("size", SIZES)
def test_without_active_filter_a_phone_gets_a_link_to_the_filters(
    live_server, content, new_page, size
):
    base, _app = live_server
    width, height = SIZES[size]
    page = new_page(width, height)
    page.goto(f"{base}/reports/")
    link = page.locator("#resultats .filters-link a")
    assert page.locator("details.filters-disclosure > summary").inner_text().strip() == "Filtres"
    if size == "phone":
        assert link.inner_text().strip() == "Filtrer"
        link.click()
        page.wait_for_selector("details.filters-disclosure[open]")
    else:
        assert not link.is_visible()  # the filters are right beside the results


def test_report_filters_offer_only_places_with_reports_with_counts(live_server, content, new_page):
    base, _app = live_server
    page = new_page(360, 640)
    page.goto(f"{base}/reports/")
    departments = _texts(page, "#f-department option")
    assert departments == ["Tous", "46 — Lot (2)"]
    assert _texts(page, "#f-region option") == ["Toutes", "Occitanie (2)"]
    assert _texts(page, "#f-structure option") == ["Toutes", "Figeacteurs (2)"]
    page.goto(f"{base}/reports/?department=24")  # chosen in a link: kept, with (0)
    assert _texts(page, "#f-department option:checked")[0] == "24 (0)"


@pytest.mark.parametrize("size", SIZES)
def test_compact_header_menu_on_phones(live_server, content, new_page, size):
    base, _app = live_server
    width, height = SIZES[size]
    page = new_page(width, height)
    _login(page, base)
    search_link = page.get_by_role("link", name="Rechercher", exact=True)
    if size == "phone":
        assert page.locator("header.site-header").bounding_box()["height"] < 80
        assert not search_link.is_visible()
        menu = page.locator("details.site-menu > summary")
        closed = menu.bounding_box()
        menu.click()
        assert page.locator("details.site-menu[open]").count() == 1
        assert menu.bounding_box() == closed  # the button stays where the finger is
        assert search_link.is_visible()
        assert page.get_by_role("link", name="Administration").is_visible()
        assert _scroll_width(page) <= width
        assert axe_violations(page) == []  # the open menu
        assert _box(page, ".main-nav")["y"] >= closed["y"] + closed["height"]  # below it
        menu.click()
        assert page.locator("details.site-menu[open]").count() == 0
        assert menu.bounding_box() == closed and not search_link.is_visible()
        menu.click()
    else:
        assert search_link.is_visible()
        assert not page.get_by_text("Menu", exact=True).is_visible()
    search_link.click()
    page.wait_for_url(f"{base}/search")


# What each header cell shows: its text, or the abbreviation drawn in its place.
SHOWN_HEADERS = r"""(selector) => [...document.querySelectorAll(selector)].map(th => {
  const drawn = getComputedStyle(th, '::before').content.match(/^"([^"]*)"/);
  const span = th.querySelector('span');
  if (drawn && span && span.getBoundingClientRect().width <= 1) return drawn[1];
  return th.textContent.trim();
})"""


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_territories_fit_without_breaking_a_word(live_server, content, new_page, width):
    base, _app = live_server
    page = new_page(width, 640)
    page.goto(f"{base}/territories/")
    assert _scroll_width(page) <= width
    assert page.evaluate(BROKEN_WORDS, ".territory table, .territory h2") == []
    # The first région's table (the map and the calendar's block come before it).
    first = ".territory:not(.territory ~ .territory)"
    shown = page.evaluate(SHOWN_HEADERS, f"{first} thead th")
    if width < 400:  # abbreviated on a phone…
        assert shown == ["Département", "Struct.", "Parc.", "Ret."]
    else:
        assert shown == ["Département", "Structures", "Parcours", "Retours"]
    # …whole words for a screen reader, whatever the width.
    assert page.locator(".territory").first.locator("thead").aria_snapshot().split("\n")[2:] == [
        f'    - columnheader "{name}"'
        for name in ("Département", "Structures", "Parcours", "Retours")
    ]
    row = page.get_by_role("row", name="Lot (46)")
    assert row.get_by_role("link", name="2").count() == 1  # its two reports
    if width != 320:
        assert axe_violations(page) == []


@pytest.mark.parametrize("size", SIZES)
def test_a_repeat_visit_requests_no_css_js_or_icon(live_server, content, new_page, size):
    base, _app = live_server
    width, height = SIZES[size]
    first = new_page(width, height)
    context = first.context
    first.goto(f"{base}/reports/{content['report']}")
    statics = first.evaluate(
        '[...document.querySelectorAll(\'link[href^="/static/"], script[src^="/static/"]\')]'
        ".map(e => e.getAttribute('href') || e.getAttribute('src'))"
    )
    assert len(statics) == 4 and any("favicon" in s for s in statics)
    for url in statics:  # each name carries its hash; each answer says "never re-check"
        assert len(url.rsplit(".", 2)[-2]) == 12, url
        headers = context.request.get(base + url).headers
        assert headers["cache-control"] == "public, max-age=31536000, immutable", url
    for path in ("/", f"/reports/{content['report']}", "/search?q=covoiturage"):
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        network, cached = [], set()
        cdp.on(
            "Network.requestServedFromCache", lambda e, cached=cached: cached.add(e["requestId"])
        )
        cdp.on(
            "Network.responseReceived",
            lambda e, network=network: network.append(
                (e["requestId"], e["response"]["url"], e["response"].get("fromDiskCache"))
            ),
        )
        page.goto(base + path)
        page.wait_for_load_state("load")
        hits = [url for rid, url, disk in network if rid not in cached and not disk]
        assert [u for u in hits if "/static/" in u] == [], (path, hits)
        page.close()


@pytest.mark.parametrize("size", SIZES)
def test_print_uses_the_whole_width_without_navigation(live_server, content, new_page, size):
    base, _app = live_server
    width, height = SIZES[size]
    page = new_page(width, height)
    page.goto(f"{base}/reports/{content['report']}")
    assert page.get_by_role("button", name="Imprimer / PDF").is_visible()
    assert page.get_by_text("Connectez-vous pour répondre.").is_visible()
    page.emulate_media(media="print")
    for hidden in (
        "header.site-header",
        "nav",
        "footer",
        "text=Connectez-vous pour répondre.",
        "text=Imprimer / PDF",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    body = page.evaluate("document.body.getBoundingClientRect().width")
    for selector in ("main", "article.report", ".report-section"):
        box = _box(page, selector)
        assert box["width"] >= body - 2, (selector, box["width"], body)
    assert page.get_by_role("heading", name="Covoiturage vers Figeac").is_visible()


@pytest.mark.parametrize("size", SIZES)
def test_admin_members_page_is_accessible(live_server, content, new_page, size):
    base, _app = live_server
    width, height = SIZES[size]
    page = new_page(width, height)
    _login(page, base)
    page.goto(f"{base}/admin/members")
    assert "Adèle Admin" in page.content()
    assert _scroll_width(page) <= width
    assert axe_violations(page) == []
    page.goto(f"{base}/admin/members?q=personne")
    assert "Aucun membre ne correspond." in page.content()
    assert axe_violations(page) == []
