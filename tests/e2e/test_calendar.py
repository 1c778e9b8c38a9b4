"""Issue 15 in Chromium: the registration flow (the calendar, an event, « Je viens », the
waiting list, cancelling) at 1280 and 360 px, axe-core (WCAG 2.1 A/AA) clean at each step,
nothing wider than the screen, without JavaScript for the forms."""

import pytest

from tests.calendar.conftest import event_input, soon
from tests.e2e.test_accessibility import axe_violations

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def calendar_world(live_server):
    """Two members of two structures and an upcoming event with one seat."""
    from forum.extensions import db
    from forum.models import Structure, User
    from forum.services.calendar import create_event

    _base, app = live_server
    with app.app_context():
        lot = Structure(slug="fabrique-cal", name="La Fabrique du Lot", kind="tiers-lieu",
                        department_code="46", commune="Figeac")  # fmt: skip
        gironde = Structure(slug="cap-cal", name="Cap Coopératif", kind="association",
                            department_code="33", commune="Langon")  # fmt: skip
        people = {
            "organiser": User(email="orga@example.org", display_name="Claire Fabre",
                              handle="claire-cal", structure=lot),
            "first": User(email="karim@example.org", display_name="Karim Benali",
                          handle="karim-cal", structure=gironde),
            "second": User(email="lea@example.org", display_name="Léa Roux",
                           handle="lea-cal", structure=gironde),
        }  # fmt: skip
        for user in people.values():
            user.set_password(PASSWORD)
        db.session.add_all([lot, gironde, *people.values()])
        db.session.commit()
        event = create_event(
            people["organiser"],
            event_input(
                title="Échange de pratiques : la séance besoin social",
                start=soon(days=10, hour=14).replace(minute=0),
                capacity=1,
                modules=["besoin-social-utilite-sociale"],
                description="Chacun apporte **une séance** qui a marché.",
            ),
        )
        db.session.commit()
        return event.id


def log_in(page, base, email):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


def fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 360])
def test_registration_flow(live_server, calendar_world, new_page, width):
    base, _app = live_server
    event_id = calendar_world
    first = new_page(width=width)
    first.goto(f"{base}/events/")
    assert axe_violations(first) == []
    fits(first, width)
    log_in(first, base, "karim@example.org")
    assert "Échange de pratiques : la séance besoin social" in first.content()  # home page
    first.goto(f"{base}/events/")
    first.get_by_role("link", name="Échange de pratiques : la séance besoin social").click()
    first.wait_for_url(f"{base}/events/{event_id}")
    assert axe_violations(first) == []
    fits(first, width)
    first.get_by_label("Je viens en tant que").select_option("coanimation")
    first.get_by_role("button", name="Je viens", exact=True).click()
    first.wait_for_url(f"{base}/events/{event_id}")
    assert "Vous êtes inscrit·e (Co-animateur·rice)." in first.content()
    assert axe_violations(first) == []
    fits(first, width)

    second = new_page(width=width)
    log_in(second, base, "lea@example.org")
    second.goto(f"{base}/events/{event_id}")
    assert "Complet" in second.content()
    second.get_by_role("button", name="Je viens (liste d’attente)").click()
    second.wait_for_url(f"{base}/events/{event_id}")
    assert "liste d’attente" in second.content()
    assert axe_violations(second) == []
    fits(second, width)

    # Karim cancels: asked first (Léa waits for his seat), then Léa gets the seat.
    first.get_by_role("button", name="Annuler mon inscription").click()
    first.wait_for_url(f"{base}/events/{event_id}/unregister")
    assert "Libérer votre place ?" in first.content()
    assert axe_violations(first) == []
    fits(first, width)
    first.get_by_role("button", name="Oui, libérer ma place").click()
    first.wait_for_url(f"{base}/events/{event_id}")
    assert "Votre inscription est annulée." in first.content()
    assert axe_violations(first) == []
    second.reload()
    assert "Vous êtes inscrit·e (Participant·e)." in second.content()
    second.get_by_role("button", name="Annuler mon inscription").click()  # for the next width
    second.wait_for_url(f"{base}/events/{event_id}")


@pytest.mark.parametrize("width", [1280, 360])
def test_organiser_pages(live_server, calendar_world, new_page, width):
    base, _app = live_server
    page = new_page(width=width)
    log_in(page, base, "orga@example.org")
    for path in (f"/events/{calendar_world}", "/events/new", f"/events/{calendar_world}/edit",
                 "/events/my-feed", "/events/mine", "/events/past", "/territories/"):  # fmt: skip
        page.goto(base + path)
        assert axe_violations(page) == [], path
        fits(page, width)
    page.goto(f"{base}/events/new")
    page.get_by_role("button", name="Publier le rendez-vous").click()  # everything empty
    assert page.locator("#error-summary").is_visible()
    assert axe_violations(page) == []
