"""Photos and documents in Chromium, at 1280 and 360 px (issue 14): upload through the
real file inputs of « Photos et documents » and of the report form with JavaScript off,
the report page once the files are processed, axe (WCAG 2.1 AA) with and without errors,
and frugality: a report with 6 photos, its first-load bytes and the image widths fetched."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest

from forum.demo import supports
from tests.e2e.test_accessibility import axe_violations
from tests.e2e.test_write_once import fill_report
from tests.e2e.weight import weigh
from tests.files import jpeg_with_gps, pdf_with_text

PASSWORD = "un-mot-de-passe-solide"
WIDTHS = [1280, 360]
BUDGET = 60 * 1024  # issue 14 point 7: HTML + CSS + JS of the first load


@pytest.fixture(scope="module")
def member(live_server):
    """A member of a structure, registered long enough ago to publish."""
    from forum.extensions import db
    from forum.models import Structure, User
    from forum.models.base import utcnow

    _base, app = live_server
    with app.app_context():
        structure = Structure(
            slug="grange", name="La Grange", kind="tiers-lieu", department_code="48"
        )
        user = User(
            email="photos@example.org",
            display_name="Maëlle Photos",
            handle="maelle-photos",
            structure=structure,
            created_at=utcnow() - timedelta(days=30),
        )
        user.set_password(PASSWORD)
        db.session.add_all([structure, user])
        db.session.commit()
        return {"id": user.id, "structure": structure.id}


def new_report(app, member, title: str) -> int:
    from forum.extensions import db
    from forum.models import User
    from forum.services.reports import ReportInput, create_report

    with app.app_context():
        report = create_report(
            db.session.get(User, member["id"]),
            ReportInput(
                title=title,
                session_date=date(2025, 3, 18),
                department="48",
                format="presentiel",
                participants=7,
                modules=["emergence-interconnaissance"],
                structure_id=member["structure"],
                sections={"context": "Sept porteurs.", "worked": "Le photolangage."},
                publish=True,
            ),
        )
        db.session.commit()
        return report.id


def process(app) -> None:
    """What the media worker does after the response (MEDIA_BACKGROUND is off in tests)."""
    from forum.services import attachments

    with app.app_context():
        while attachments.process_pending():
            pass


def browse(browser, width: int, javascript: bool = True):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        locale="fr-FR",
        java_script_enabled=javascript,
        bypass_csp=True,  # only so that axe can be injected
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def log_in(page, base):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill("photos@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


PHOTO = {"name": "IMG_2041.JPG", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}
HANDOUT = {
    "name": "fiche-photolangage.pdf",
    "mimeType": "application/pdf",
    "buffer": pdf_with_text("Fiche photolangage"),
}


def shows_the_files(page, handout: str) -> None:
    """The report page: the photo in <picture> with srcset and lazy loading, the PDF link."""
    image = page.locator("figure.attachment-image img")
    assert image.count() == 1
    assert image.get_attribute("loading") == "lazy"
    assert "480w" in image.get_attribute("srcset") and "1200w" in image.get_attribute("srcset")
    assert "480w" in page.locator("figure.attachment-image source").get_attribute("srcset")
    assert image.get_attribute("alt") == "Le paperboard des idées"
    link = page.get_by_role("link", name=handout)
    assert re.search(r"/attachments/\d+$", link.get_attribute("href"))


@pytest.mark.parametrize("width", WIDTHS)
def test_upload_page_without_javascript(live_server, browser, member, width):
    base, app = live_server
    report_id = new_report(app, member, f"Séance photolangage {width}")
    context, page = browse(browser, width, javascript=False)
    try:
        log_in(page, base)
        page.goto(f"{base}/reports/{report_id}")
        page.get_by_role("link", name="Photos et documents").click()
        page.wait_for_url(f"{base}/reports/{report_id}/attachments")
        assert no_horizontal_scroll(page)
        page.locator("#file").set_input_files(PHOTO)
        page.get_by_label("Description de l'image").fill("Le paperboard des idées")
        page.get_by_label("Partie du retour").select_option("worked")
        page.get_by_label("Les personnes reconnaissables sur la photo").check()
        page.get_by_role("button", name="Ajouter").click()
        page.wait_for_url(f"{base}/reports/{report_id}/attachments")
        assert "Fichier ajouté" in page.locator(".flashes").inner_text()
        assert "en préparation" in page.content()
        page.locator("#file").set_input_files(HANDOUT)
        page.get_by_role("button", name="Ajouter").click()
        assert "Fichier ajouté" in page.locator(".flashes").inner_text()
        assert page.locator(".attachments-manage li").count() == 2
        assert no_horizontal_scroll(page)
        process(app)
        page.goto(f"{base}/reports/{report_id}")
        shows_the_files(page, "fiche-photolangage.pdf")
        worked = page.locator("#s-worked ~ figure.attachment-image")
        assert worked.count() == 1  # in the section it was placed in
        assert no_horizontal_scroll(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_report_form_takes_files_without_javascript(live_server, browser, member, width):
    base, app = live_server
    context, page = browse(browser, width, javascript=False)
    try:
        log_in(page, base)
        title = f"Séance avec fichiers {width}"
        fill_report(page, base, title)
        page.get_by_text("Joindre des photos ou des documents").click()  # the <details>
        page.locator("#attachments").set_input_files([PHOTO, HANDOUT])
        page.get_by_label("Description des images").fill("Le paperboard des idées")
        page.get_by_label("Les personnes reconnaissables sur les photos").check()
        assert no_horizontal_scroll(page)
        page.get_by_role("button", name="Publier").click()
        page.wait_for_url(re.compile(r"/reports/\d+$"))
        flashes = page.locator(".flashes").inner_text()
        assert "2 fichiers joints" in flashes and "publié" in flashes
        process(app)
        page.reload()
        shows_the_files(page, "fiche-photolangage.pdf")
        assert no_horizontal_scroll(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_on_the_upload_page_with_errors_and_the_report_with_files(
    live_server, browser, member, width
):
    base, app = live_server
    report_id = new_report(app, member, f"Séance accessible {width}")
    context, page = browse(browser, width)
    try:
        log_in(page, base)
        page.goto(f"{base}/reports/{report_id}/attachments")
        assert axe_violations(page) == []
        page.locator("#file").set_input_files(PHOTO)  # no description, no consent
        page.get_by_role("button", name="Ajouter").click()
        summary = page.locator(".error-summary")
        assert "Décrivez l’image" in summary.inner_text() or "Décrivez l'image" in (
            summary.inner_text()
        )
        assert page.get_by_label("Description de l'image").get_attribute("aria-invalid") == "true"
        assert axe_violations(page) == []
        assert no_horizontal_scroll(page)
        page.get_by_label("Description de l'image").fill("Le paperboard des idées")
        page.get_by_label("Les personnes reconnaissables sur la photo").check()
        page.locator("#file").set_input_files(PHOTO)  # a browser forgets the file on error
        page.get_by_role("button", name="Ajouter").click()
        page.locator("#file").set_input_files(HANDOUT)
        page.get_by_role("button", name="Ajouter").click()
        process(app)
        page.goto(f"{base}/reports/{report_id}")
        shows_the_files(page, "fiche-photolangage.pdf")
        assert axe_violations(page) == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def six_photos(live_server, member):
    """A published report with 6 processed photos (1600×1200, drawn), one per section and
    one for the report as a whole."""
    from forum.extensions import db
    from forum.models import SECTIONS, Report, User
    from forum.services import attachments

    _base, app = live_server
    report_id = new_report(app, member, "Six photos du paperboard")
    with app.app_context():
        user = db.session.get(User, member["id"])
        report = db.session.get(Report, report_id)
        for index, section in enumerate([None, *SECTIONS]):
            photo = supports.paperboard_photo(
                f"Paperboard {index + 1}",
                [(f"Idée {n}", colour) for n, colour in enumerate(supports.NOTE_COLOURS)],
                seed=index,
            )
            attachments.attach(
                user,
                BytesIO(photo),
                f"paperboard-{index + 1}.jpg",
                report=report,
                alt=f"Le paperboard numéro {index + 1}, couvert de post-it",
                section=section,
                consent=True,
            )
        db.session.commit()
    process(app)
    return report_id


@pytest.mark.parametrize("width", WIDTHS)
def test_a_report_with_six_photos_stays_light(live_server, browser, six_photos, width):
    base, _app = live_server
    context, page = browse(browser, width)  # a visitor, an empty cache
    try:
        weight = weigh(page, f"{base}/reports/{six_photos}")
        assert weight["first_load"] < BUDGET, weight["first_load_files"]
        assert len(weight["variants"]) == 6  # each photo once, after scrolling
        expected = 480 if width == 360 else 1200
        assert set(weight["variants"]) == {expected}, weight["variants"]
        print(f"\n{width} px: first load {weight['first_load']} B, images {weight['images']} B")
    finally:
        context.close()


def test_lazy_photos_wait_below_the_fold(live_server, browser, six_photos):
    """On a phone, before scrolling, not every photo has been fetched."""
    base, _app = live_server
    context, page = browse(browser, 360)
    try:
        fetched = []
        page.on("request", lambda r: "/attachments/" in r.url and fetched.append(r.url))
        page.goto(f"{base}/reports/{six_photos}", wait_until="networkidle")
        assert len(fetched) < 6
    finally:
        context.close()
