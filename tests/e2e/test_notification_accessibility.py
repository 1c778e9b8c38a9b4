"""axe-core (WCAG 2.1 A/AA) on the notification list and the e-mail settings, with unread
notifications, and with the settings form showing an error; the settings work by keyboard."""

import pytest

from tests.e2e.test_accessibility import axe_violations

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(scope="module")
def member(live_server):
    """Hélène, whose discussion got replies from Élodie and Karim (unread notifications)."""
    from datetime import timedelta

    from forum.extensions import db
    from forum.models import Category, User
    from forum.models.base import utcnow
    from forum.services import discussions, notifications

    _base, app = live_server
    with app.app_context():
        old = utcnow() - timedelta(days=30)
        people = []
        for email, name in [
            ("helene@example.org", "Hélène Vidal"),
            ("elodie@example.org", "Élodie Roux"),
            ("karim@example.org", "Karim Benali"),
        ]:
            user = User(
                email=email, display_name=name, handle=name.split()[0].lower(), created_at=old
            )
            user.set_password(PASSWORD)
            people.append(user)
        db.session.add_all(people)
        db.session.commit()
        helene, elodie, karim = people
        category = db.session.scalar(db.select(Category))
        thread = discussions.create_discussion(
            helene, "Ateliers numériques", "Des idées ?", category
        )
        discussions.reply(thread, elodie, "Un atelier **smartphone** marche bien.")
        discussions.reply(thread, karim, "Voyez avec @helene la semaine prochaine.")
        db.session.commit()  # as the requests that wrote them would
        notifications.process_events()
        return "helene@example.org"


def log_in(page, base, email):
    page.goto(f"{base}/auth/login")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{base}/")


def test_notification_list_with_unread_items(live_server, member, new_page):
    base, _app = live_server
    page = new_page()
    log_in(page, base, member)
    page.goto(f"{base}/notifications")
    # both replies on one line (notification_wording.lines)
    assert page.get_by_text("2 réponses à votre discussion").count() == 1
    assert page.get_by_role("button", name="Tout marquer comme lu").count() == 1
    assert axe_violations(page) == []


def test_settings_by_keyboard_then_an_error_shown_accessibly(live_server, member, new_page):
    base, _app = live_server
    page = new_page()
    log_in(page, base, member)
    page.goto(f"{base}/account#email")
    assert axe_violations(page) == []
    # Keyboard: the radio « Résumé hebdomadaire » of the mentions, then submit.
    page.get_by_role("group", name="Mentions de votre nom (@)").get_by_label(
        "Résumé hebdomadaire"
    ).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Enregistrer mes choix d’e-mails").press("Enter")
    page.wait_for_selector("text=Vos choix d'e-mails sont enregistrés.")
    mentions = page.get_by_role("group", name="Mentions de votre nom (@)")
    assert mentions.get_by_label("Résumé hebdomadaire").is_checked()
    # A value no browser sends (a tampered form): refused, announced, nothing lost.
    page.evaluate("document.querySelector('#mode_reply-0').value = 'hourly'")
    page.locator("#mode_reply-0").check()
    page.get_by_role("button", name="Enregistrer mes choix d’e-mails").click()
    page.wait_for_selector("#error-summary")
    assert page.locator("#mode_reply-error").inner_text().startswith("Choisissez")
    assert (
        page.get_by_role("group", name="Mentions de votre nom (@)")
        .get_by_label("Résumé hebdomadaire")
        .is_checked()
    )
    assert axe_violations(page) == []
