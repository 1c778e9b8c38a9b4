"""The main journey in a real browser, on a desktop and on a phone (360×640)."""

import re

import pytest

from tests.waiting import wait_for

VIEWPORTS = {"desktop": (1280, 900), "phone": (360, 640)}


def register(page, base, name, email):
    page.goto(f"{base}/auth/register")
    page.get_by_label("Nom affiché").fill(name)
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-solide")
    page.get_by_label("Confirmer le mot de passe").fill("un-mot-de-passe-solide")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url(f"{base}/")


def open_disclosure(page, name):
    """On a phone the header menu and the filters are disclosures: open one if closed."""
    summary = page.locator(f"details.{name} > summary")
    if summary.is_visible() and page.locator(f"details.{name}[open]").count() == 0:
        summary.click()


def log_out(page):
    """« Se déconnecter », in the header; on a phone, inside the « Menu » disclosure."""
    open_disclosure(page, "site-menu")
    page.get_by_role("button", name="Se déconnecter").click()


def wait_until(check, what="the page to show it"):
    """True once `check()` holds (a background worker indexes and notifies in its own time);
    fails after a generous minute rather than assuming how fast the machine is."""
    return bool(wait_for(check, what))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_write_publish_find_discuss_and_be_notified(live_server, new_page, viewport):
    base, _app = live_server
    width, height = VIEWPORTS[viewport]
    author = new_page(width, height)
    word = f"kamishibai{viewport}"
    register(author, base, f"Solène {viewport}", f"solene-{viewport}@example.org")
    # Log out, then back in through the login form.
    log_out(author)
    author.wait_for_url(f"{base}/")
    author.goto(f"{base}/auth/login")
    author.get_by_label("Adresse e-mail").fill(f"solene-{viewport}@example.org")
    author.get_by_label("Mot de passe").fill("un-mot-de-passe-solide")
    author.get_by_role("button", name="Se connecter").click()
    author.wait_for_url(f"{base}/")
    assert f"Solène {viewport}" in author.content()

    # Write a report with modules and tags, save a draft.
    author.goto(f"{base}/reports/new")
    author.get_by_label("Titre").fill(f"Séance 3 : le {word} a lancé les échanges")
    author.get_by_label("Date de la séance").fill("2025-03-18")
    author.get_by_label("Département").select_option("46")
    author.get_by_label("3. Confronter son idée au terrain").check()
    author.get_by_label("Nombre de porteurs présents").fill("8")
    author.get_by_label("Contexte", exact=True).fill(
        f"Huit porteurs ; le **{word}** a servi de support."
    )
    author.get_by_label("Mobilité").check()
    author.get_by_role("button", name="Enregistrer le brouillon").click()
    author.wait_for_url(re.compile(r"/reports/\d+$"))
    assert "Brouillon" in author.content()
    report_url = author.url

    # Publish it.
    author.goto(report_url + "/edit")
    author.get_by_role("button", name="Publier").click()
    author.wait_for_url(report_url)
    assert (
        "Votre retour d’expérience est publié." in author.content() or "publié" in author.content()
    )

    # Find it with a facet.
    assert wait_until(lambda: author.goto(f"{base}/search?q={word}") and word in author.content())
    open_disclosure(author, "filters-disclosure")
    author.get_by_role("link", name=re.compile(r"^Mobilité")).first.click()
    assert "tag=mobilite" in author.url
    author.get_by_role("link", name=re.compile(word)).first.click()
    author.wait_for_url(report_url)

    # Another member replies in its thread.
    peer = new_page(width, height)
    register(peer, base, f"Mathieu {viewport}", f"mathieu-{viewport}@example.org")
    peer.goto(report_url)
    peer.get_by_label("Votre réponse").fill("Même expérience chez nous, merci !")
    peer.get_by_role("button", name="Publier la réponse").click()
    peer.wait_for_url(re.compile(r"#post-\d+$"))

    # The author sees the notification, then logs out.
    assert wait_until(
        lambda: (
            author.goto(f"{base}/notifications")
            and "a répondu à votre retour d" in author.content()  # its thread: the report named
        )
    )
    log_out(author)
    author.wait_for_url(f"{base}/")
    assert "Se connecter" in author.content()
