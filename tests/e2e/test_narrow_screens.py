"""No page scrolls sideways on a 360 px phone, whatever members write: long words and URLs
break, wide Markdown tables scroll inside their own box. Checked in Chromium on every page
that shows member text, with hostile content in every field a member fills."""

from datetime import date, timedelta

import pytest

from tests.waiting import wait_for

WIDTH = 360
MARK = "Zzlong"  # every hostile text starts with it: the pages must really show them
URL = "https://www.example.org/" + MARK + "a" * 31  # 61 characters, as in the report
WORD = MARK + "anticonstitutionnellement" * 12  # ~300 characters, no break opportunity
NAME = MARK + "Marie-Élisabeth" + "x" * 59  # 80: the longest display name allowed
STRUCTURE = MARK + "Tierslieu" * 21  # 195 characters of one word
TAG_LABEL = MARK + "y" * 54  # 60: the longest tag a member may propose
TABLE = "\n".join(
    [
        "| Lieu | Lien | Remarque | Porteurs | Durée | Coût | Suite |",
        "|---|---|---|---|---|---|---|",
        f"| Figeac | {URL} | {WORD} | 8 | 3 h | 0 € | Oui |",
        "| Ussel | https://www.example.org/une/autre/adresse/assez/longue | Rien | 5 | 2 h | 10 € | Non |",
    ]
)
BODY = f"{MARK} premier paragraphe avec {URL} et {WORD}.\n\n{TABLE}\n\n`{WORD}`\n\n[{WORD}]({URL})\n\n```\n{URL} {WORD}\n```"
PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def hostile(live_server):
    """A moderator and a member with the longest names, whose every text is hostile; the
    moderator has a notification, bookmarks and a flag to handle."""
    from forum.extensions import db
    from forum.models import Category, ChallengeTag, Notification, Structure, User
    from forum.models.base import utcnow
    from forum.search import engine
    from forum.services import bookmarks, discussions, moderation, notifications, parcours
    from forum.services.affiliation import TRUSTED_CALLER
    from forum.services.reports import ReportInput, create_report, update_report

    _base, app = live_server
    with app.app_context():
        structure = Structure(
            slug="longue",
            name=STRUCTURE,
            kind="tiers-lieu",
            department_code="46",
            description=BODY,
            website=URL,
        )
        old = utcnow() - timedelta(days=30)
        viewer = User(
            email="etroit@example.org",
            display_name=NAME,
            handle="etroit",
            role="moderator",
            structure=structure,
            bio=BODY,
            created_at=old,
        )
        other = User(
            email="autre@example.org",
            display_name=NAME[::-1],
            handle="autre",
            structure=structure,
            bio=WORD,
            created_at=old,
        )
        for user in (viewer, other):
            user.set_password(PASSWORD)
        db.session.add_all([structure, viewer, other])
        db.session.commit()
        course = parcours.create_parcours(
            f"{MARK} {WORD}",
            WORD[:120],
            "46",
            date(2025, 1, 7),
            None,
            8,
            [structure.id],
            creator=TRUSTED_CALLER,
        )
        data = ReportInput(
            title=f"{URL} {WORD}"[:200],
            session_date=date(2025, 1, 7),
            department="46",
            format="presentiel",
            participants=8,
            modules=["emergence-interconnaissance"],
            tags=["mobilite"],
            new_tags=[TAG_LABEL],
            structure_id=structure.id,
            parcours_id=course.id,
            sections={"context": BODY, "worked": BODY, "advice": TABLE},
            publish=True,
        )
        report = create_report(viewer, data)
        data.sections = {**data.sections, "difficulties": WORD}
        update_report(report, viewer, data)  # a history with a diff

        category = db.session.scalar(db.select(Category))
        tag = db.session.scalar(db.select(ChallengeTag).filter_by(slug="mobilite"))
        discussion = discussions.create_discussion(viewer, URL, BODY, category, [tag])
        reply = discussions.reply(discussion, other, f"@etroit {BODY}")
        discussions.edit_post(reply, other, f"@etroit {BODY}\n\n{WORD}")
        report_reply = discussions.reply(discussions.report_thread(report), other, BODY)
        moderation.flag_post(reply, viewer, BODY)
        bookmarks.toggle(viewer, report_id=report.id)
        bookmarks.toggle(viewer, post_id=report_reply.id)
        db.session.commit()  # as the requests that wrote them would
        notifications.process_events()  # the background worker may also be doing it
        ids = {
            "report": report.id,
            "discussion": discussion.id,
            "post": reply.id,
            "viewer": viewer.id,
            "other": other.id,
            "parcours": course.slug,
            "tag": next(t.slug for t in report.tags if t.label == TAG_LABEL),
        }

        def indexed_and_notified():
            db.session.remove()
            engine().sync()
            return db.session.scalar(
                db.select(db.func.count(Notification.id)).filter_by(user_id=viewer.id)
            )

        wait_for(indexed_and_notified, "the notification and the index", seconds=60)
        db.session.remove()
        return ids


# Every page that shows member text: titles, bodies, names, structures, tags, flags.
PAGES = [
    "/",
    "/reports/",
    "/reports/{report}",
    "/reports/{report}/history",
    "/search?q=Figeac",
    f"/search?q={MARK}",
    "/discussions/",
    "/discussions/?tag=mobilite",
    "/discussions/{discussion}",
    "/posts/{post}/history",
    "/posts/{post}/flag",
    "/users/{viewer}",
    "/users/{other}",
    "/notifications",
    "/bookmarks",
    "/moderation/",
    "/tags/",
    "/tags/mobilite",
    "/tags/{tag}",
    "/modules/emergence-interconnaissance",
    "/structures/",
    "/structures/longue",
    "/parcours/",
    "/parcours/{parcours}",
    "/account",
]

OVERFLOW = """(width) => {
  const root = document.documentElement;
  const hidden = [root, document.body].map(e => getComputedStyle(e).overflowX);
  // What crosses the right edge while its parent does not: the culprits, for the message.
  const culprits = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5
                 && e.parentElement.getBoundingClientRect().right <= width + 0.5)
    .slice(0, 5)
    .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
  return {scrollWidth: root.scrollWidth, hidden, culprits, text: document.body.innerText};
}"""


@pytest.fixture(scope="module")
def phone(browser, live_server, hostile):
    """The moderator, logged in on a 360 × 640 phone."""
    base, _app = live_server
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 640}, locale="fr-FR", bypass_csp=True
    )  # only so that axe can be injected
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill("etroit@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_at_360_px(live_server, hostile, phone, path):
    base, _app = live_server
    response = phone.goto(base + path.format(**hostile))
    assert response.status == 200
    found = phone.evaluate(OVERFLOW, WIDTH)
    assert MARK in found["text"], "the page must show the hostile member text"
    # Hiding the overflow of the whole page would cut text off rather than break it.
    assert found["hidden"] == ["visible", "visible"]
    assert found["scrollWidth"] <= WIDTH, found["culprits"]


@pytest.mark.parametrize("path", ["/reports/{report}", "/discussions/{discussion}"])
def test_wide_tables_scroll_inside_their_own_box(live_server, hostile, phone, path):
    base, _app = live_server
    phone.goto(base + path.format(**hostile))
    tables = phone.evaluate(
        """() => [...document.querySelectorAll('.prose table')].map(t => ({
             right: t.getBoundingClientRect().right,
             scrollable: t.scrollWidth > t.clientWidth,
             overflowX: getComputedStyle(t).overflowX}))"""
    )
    assert tables
    for table in tables:
        assert table["right"] <= WIDTH and table["overflowX"] == "auto"
        assert table["scrollable"], "the table keeps its columns readable and scrolls"


@pytest.mark.parametrize("path", ["/reports/{report}", "/discussions/{discussion}"])
def test_scrolling_tables_stay_accessible_axe(live_server, hostile, phone, path):
    """A table that scrolls must be reachable with the keyboard (axe: scrollable-region)."""
    from tests.e2e.test_accessibility import axe_violations

    base, _app = live_server
    phone.goto(base + path.format(**hostile))
    assert axe_violations(phone) == []


def test_the_moderation_queue_stays_in_the_window_on_a_laptop_too(live_server, hostile, browser):
    """Flagged messages with wide tables and long code lines: the queue's cards keep them
    inside (found at 3,124 px wide on a 1,280 px window)."""
    base, _app = live_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{base}/auth/login")
        page.get_by_label("Adresse e-mail").fill("etroit@example.org")
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/moderation/")
        found = page.evaluate(OVERFLOW, 1280)
        assert MARK in found["text"]
        assert found["scrollWidth"] <= 1280, found["culprits"]
    finally:
        context.close()


def test_a_stale_save_shows_the_stored_version_within_the_screen(live_server, hostile, phone):
    """The 409 page shows the stored text (URLs, tables, long words) beside the form."""
    base, _app = live_server
    edit = f"{base}/reports/{hostile['report']}/edit"
    other_tab = phone.context.new_page()
    try:
        other_tab.goto(edit)
        phone.goto(edit)
        phone.get_by_label("Contexte", exact=True).fill(f"{BODY}\n\nAjout de l'onglet 1 {WORD}")
        phone.get_by_role("button", name="Enregistrer les modifications").click()
        phone.wait_for_url(f"{base}/reports/{hostile['report']}")
        other_tab.get_by_label("Conseils", exact=True).fill(f"Conseil de l'onglet 2 {URL}")
        other_tab.get_by_role("button", name="Enregistrer les modifications").click()
        other_tab.wait_for_load_state()
        assert "Modifié entre-temps" in other_tab.content()
        found = other_tab.evaluate(OVERFLOW, WIDTH)
        assert "Ajout de l'onglet 1" in found["text"]
        assert found["scrollWidth"] <= WIDTH, found["culprits"]
    finally:
        other_tab.close()
