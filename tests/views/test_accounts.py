"""Profiles, account settings, approval workflow and language choice."""

import unicodedata

import pytest

from forum.extensions import db
from forum.models import User
from tests.conftest import post_form


def test_anonymous_account_page_redirects_to_login(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_profile_shows_name_and_structure_but_never_email(client, make_user, make_structure):
    structure = make_structure(name="Incubateur du Périgord")
    user = make_user(
        email="secret@example.org",
        display_name="Céline",
        bio="J'anime à Périgueux.",
        structure=structure,
    )
    html = client.get(f"/users/{user.id}").get_data(as_text=True)
    assert (
        "Céline" in html and "Incubateur du Périgord" in html and "J&#39;anime à Périgueux." in html
    )
    assert "secret@example.org" not in html
    assert client.get("/users/999999").status_code == 404


def test_edit_profile_and_language(client, make_user, login, make_structure):
    structure = make_structure(name="Pôle Sud Gironde")
    user = make_user()
    login(user)
    response = post_form(
        client,
        "/account",
        {
            "display_name": "Emilie M.",
            "bio": "Animatrice",
            "structure": str(structure.id),
            "locale": "en",
        },
    )
    assert response.status_code in (302, 303)
    db.session.refresh(user)
    assert (user.display_name, user.bio, user.structure_id, user.locale) == (
        "Emilie M.",
        "Animatrice",
        structure.id,
        "en",
    )
    html = client.get("/account").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "My account" in html


def test_edit_profile_errors_keep_input(client, make_user, login):
    login(make_user())
    response = post_form(
        client,
        "/account",
        {"display_name": "", "bio": "Ma bio gardée", "structure": "42424", "locale": "fr"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Indiquez votre nom." in html and "Ma bio gardée" in html


def test_change_password(client, make_user, login):
    user = make_user()
    login(user)
    wrong = post_form(
        client,
        "/account/password",
        {
            "current_password": "faux-mot-de-passe",
            "password": "encore-plus-long",
            "password_confirm": "encore-plus-long",
        },
    )
    assert wrong.status_code == 400
    assert "Ce n&#39;est pas votre mot de passe actuel." in wrong.get_data(as_text=True)
    ok = post_form(
        client,
        "/account/password",
        {
            "current_password": "motdepasse-solide",
            "password": "encore-plus-long",
            "password_confirm": "encore-plus-long",
        },
    )
    assert ok.status_code in (302, 303)
    db.session.refresh(user)
    assert user.check_password("encore-plus-long")


def test_visitor_language_from_accept_language_and_switch(client):
    assert '<html lang="en">' in client.get(
        "/", headers={"Accept-Language": "en-GB,en;q=0.8"}
    ).get_data(as_text=True)
    assert '<html lang="fr">' in client.get("/", headers={"Accept-Language": "de"}).get_data(
        as_text=True
    )
    response = post_form(client, "/language", {"locale": "en", "next": "/structures/"})
    assert response.headers["Location"] == "/structures/"
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "fr"}).get_data(
        as_text=True
    )
    evil = post_form(client, "/language", {"locale": "fr", "next": "https://evil.example.com"})
    assert evil.headers["Location"] == "/"


def test_dates_are_formatted_in_french(client, make_user):
    from datetime import datetime

    user = make_user(created_at=datetime(2025, 3, 18, 10, 0))
    assert "18 mars 2025" in client.get(f"/users/{user.id}").get_data(as_text=True)


def test_registration_by_approval(app, client, make_user, login):
    app.config["REGISTRATION"] = "approval"
    response = post_form(
        client,
        "/auth/register",
        {
            "display_name": "Nouveau",
            "email": "nouveau@example.org",
            "password": "mot-de-passe-ok",
            "password_confirm": "mot-de-passe-ok",
            "structure": "",
        },
        follow_redirects=True,
    )
    assert "Un administrateur doit le valider" in response.get_data(as_text=True)
    pending = db.session.scalar(db.select(User).where(User.email == "nouveau@example.org"))
    assert pending.approved is False
    # reading works and the page says why posting does not
    assert "attend la validation" in client.get("/structures/").get_data(as_text=True)
    post_form(client, "/auth/logout", {})

    member = make_user()
    login(member)
    assert client.get("/admin/accounts").status_code == 403
    post_form(client, "/auth/logout", {})

    admin = make_user(role="admin")
    login(admin)
    html = client.get("/admin/accounts").get_data(as_text=True)
    assert "nouveau@example.org" in html
    response = post_form(client, f"/admin/accounts/{pending.id}/approve", {})
    assert response.status_code in (302, 303)
    db.session.refresh(pending)
    assert pending.approved is True
    assert "nouveau@example.org" not in client.get("/admin/accounts").get_data(as_text=True)


def test_proposal_fields_are_not_announced_required_at_registration(client, login, make_user):
    """A tester (issue 17's round): on /auth/register the new structure's name and
    département were marked « (obligatoire) » and `required` while an existing structure
    was chosen, and a screen reader announced them so. There they are said to be needed
    only for a proposal; /structures/propose keeps them required."""
    import re

    html = client.get("/auth/register").get_data(as_text=True)
    proposal = html.split('class="proposal"', 1)[1].split("</fieldset>", 1)[0]
    assert "(obligatoire)" not in proposal and "Obligatoire si vous présentez" in proposal
    assert not re.search(r"<(input|select)[^>]*\brequired\b", proposal), proposal
    before = html.split('class="proposal"', 1)[0]
    assert "(obligatoire)" in before  # the account's own fields still are
    login(make_user())
    proposing = client.get("/structures/propose").get_data(as_text=True)
    assert re.search(r'<input[^>]*id="name"[^>]*\brequired\b', proposing)
    assert "(obligatoire)" in proposing


def test_a_member_cannot_take_the_teams_name(client, make_user, login):
    """A fresh tester of issue 17 renamed a member « Équipe Maillage », the team's name:
    her posts then read as the team's. A second one got round the first rule with look-alike
    letters (a Cyrillic « а »), digits (« Mai11age ») or a moderator's name followed by more,
    and found real names refused (« Association Maillage Rural »). Refused to members, their
    typed bio kept: names made of the team's words only, a moderator's name, letters of two
    alphabets that look alike; the team signs as it likes."""
    make_user(display_name="Mathieu Lacoste", role="moderator")
    member = make_user(display_name="Claire Fabre")
    login(member)
    for name, said in [
        ("Équipe Maillage", "celui de l'équipe de Maillage"),
        ("  équipe-MAILLAGE ", "celui de l'équipe de Maillage"),
        ("Équipe Mai11age", "celui de l'équipe de Maillage"),
        ("La M0dération", "celui de l'équipe de Maillage"),
        ("Équipe Mai\u200dllage", "celui de l'équipe de Maillage"),
        ("mathieu  LACOSTE", "celui d'un membre de l'équipe de modération"),
        ("Mathieu Lac0ste (Sud Gironde)", "celui d'un membre de l'équipe de modération"),
        ("M\u0430thieu Lacoste", "alphabets"),  # a Cyrillic « а »
        ("Équipe \u039caillage", "alphabets"),  # a Greek « Μ »
        # A third fresh tester: run together, an invisible character between the words,
        # a capital I for an l, the name written backwards behind a right-to-left override.
        ("ÉquipeMaillage", "celui de l'équipe de Maillage"),
        ("Équipe\u200bMaillage", "celui de l'équipe de Maillage"),
        ("Équipe\u00adMaillage", "celui de l'équipe de Maillage"),
        ("Equipe MailIage", "celui de l'équipe de Maillage"),
        ("MATHIEU LACOSTE", "celui d'un membre de l'équipe de modération"),
        ("\u202eegalliaM epiuqÉ", "changent l'ordre de l'affichage"),
        ("\u200b\u200b", "Indiquez votre nom."),
    ]:
        response = post_form(
            client, "/account", {"display_name": name, "bio": "Ma bio gardée", "locale": "fr"}
        )
        html = response.get_data(as_text=True).replace("&#39;", "'")
        assert response.status_code == 400 and said in html and "Ma bio gardée" in html, name
        assert db.session.get(User, member.id).display_name == "Claire Fabre"
    for name in [
        "Zoé Noël",
        unicodedata.normalize("NFD", "Anaïs Hélène Françoise"),  # typed on a Mac
        "Claire F.",
        "Isabelle Imbert",  # capital I's read as l do not make a team name
        "Maillagerie du Lot",
        "Association Maillage Rural",
        "Administration communale de Cajarc",
        "Anne Modérateur-Ribes",
        "Léa Maillagès",
        "Mathieu Lacostes",
        "Amandine",
    ]:
        ok = post_form(client, "/account", {"display_name": name, "bio": "", "locale": "fr"})
        assert ok.status_code == 303, name
        assert db.session.get(User, member.id).display_name == unicodedata.normalize(
            "NFC", name
        )  # stored composed (fix13)
    admin = make_user(display_name="Admin", role="admin")
    login(admin)
    ok = post_form(client, "/account", {"display_name": "Équipe Maillage", "locale": "fr"})
    assert (
        ok.status_code == 303 and db.session.get(User, admin.id).display_name == "Équipe Maillage"
    )


ERASED = (
    "Ce nom est celui que le forum affiche pour un compte supprimé («\u00a0ancien membre\u00a0»)"
)


@pytest.mark.parametrize(
    "name",
    [
        "Ancien membre",
        "  ANCIEN   MEMBRE ",
        "ancien-membre",
        "AncienMembre",
        "Ancienne membre",
        "Ancien·ne membre",
        "Âncien mëmbre",
        "Anc1en membre",
        "AncIen membre",
        "Ancien\u200bmembre",
        "Un ancien membre",
        "Ancien membre (Lot)",
        "Former member",
        "former-MEMBER",
    ],
)
def test_a_name_may_not_pass_for_a_deleted_account(client, make_user, login, name):
    """A member named « Ancien membre » passed for a deleted account's signature (user
    testers): refused at registration and in « Mon compte », whatever its case, accents or
    spacing, in French and in English, what was typed kept."""
    response = post_form(
        client,
        "/auth/register",
        {
            "display_name": name,
            "email": "nouveau@example.org",
            "password": "mot-de-passe-ok",
            "password_confirm": "mot-de-passe-ok",
            "structure": "",
        },
    )
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and ERASED in page, name
    assert 'value="nouveau@example.org"' in page
    assert db.session.scalar(db.select(User).where(User.email == "nouveau@example.org")) is None
    member = make_user(display_name="Claire Fabre")
    login(member)
    response = post_form(
        client, "/account", {"display_name": name, "bio": "Ma bio gardée", "locale": "fr"}
    )
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert response.status_code == 400 and ERASED in page and "Ma bio gardée" in page, name
    assert db.session.get(User, member.id).display_name == "Claire Fabre"


def test_names_near_the_deleted_accounts_label_stay_allowed(client, make_user, login):
    member = make_user(display_name="Claire Fabre")
    login(member)
    for name in ["Anne Ancien", "Membre du Lot", "Ancien élève de l'ESS", "Lucien Membré"]:
        ok = post_form(client, "/account", {"display_name": name, "bio": "", "locale": "fr"})
        assert ok.status_code == 303, name
        assert db.session.get(User, member.id).display_name == name


def test_the_error_summary_is_punctuated_as_each_language_writes(client):
    """A fresh tester in English: « Title : Field must… », a French space before the colon;
    WTForms' own French messages had a straight apostrophe (« N'est pas un choix valide »)."""
    data = {"display_name": "x", "email": "pas-une-adresse", "password": "court"}
    french = post_form(client, "/auth/register", data).get_data(as_text=True)
    assert "Nom affiché : " in french
    post_form(client, "/language", {"locale": "en", "next": "/"})
    english = post_form(client, "/auth/register", data).get_data(as_text=True)
    summary = english[english.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert " : " not in summary and ": " in summary


def test_a_member_cannot_take_another_members_name(client, make_user, login):
    """A fresh tester renamed herself « Claire Fabre », another member's name: her posts
    read as Claire's but for the @handle. Refused (case, accents and spaces aside), at
    sign-up and on the profile, with how to stand apart; her own name stays hers."""
    make_user(email="claire@example.org", display_name="Claire Fabre")
    zoe = make_user(email="zoe@example.org", display_name="Zoé Martin")
    login(zoe)
    for name in ("Claire Fabre", "claire  FABRE", "Clairé Fabre"):
        response = post_form(
            client, "/account", {"display_name": name, "bio": "ma bio", "locale": "fr"}
        )
        html = response.get_data(as_text=True).replace("&#39;", "'")
        assert response.status_code == 400, name
        assert "Un membre porte déjà ce nom" in html and "ma bio" in html
        assert db.session.get(User, zoe.id).display_name == "Zoé Martin"
    # a third fresh tester: the form the message suggested, a capital I for an l, the
    # words swapped, a moderator's name swapped
    make_user(email="mod@example.org", display_name="Mathieu Lacoste", role="moderator")
    for name in ("Claire Fabre (Lot)", "CIaire Fabre", "Fabre Claire", "Lacoste Mathieu"):
        response = post_form(client, "/account", {"display_name": name, "bio": "", "locale": "fr"})
        assert response.status_code == 400, name
    said = response.get_data(as_text=True).replace("&#39;", "'")
    assert "celui d'un membre de l'équipe de modération" in said  # « Lacoste Mathieu »
    html = post_form(
        client, "/account", {"display_name": "Claire Fabre", "bio": "", "locale": "fr"}
    ).get_data(as_text=True)
    assert "ajoutez-y une initiale" in html.replace("&#39;", "'") and "Claire B. Fabre" in html
    for name in ("Claire B. Fabre", "Claire F.", "Zoé Martin", "ZOÉ MARTIN"):
        ok = post_form(client, "/account", {"display_name": name, "bio": "", "locale": "fr"})
        assert ok.status_code == 303, name
    post_form(client, "/auth/logout", {})
    data = {
        "display_name": "Claire Fabre",
        "email": "autre.claire@example.org",
        "password": "motdepasse-solide",
        "password_confirm": "motdepasse-solide",
    }
    html = post_form(client, "/auth/register", data).get_data(as_text=True)
    assert "Un membre porte déjà ce nom" in html.replace("&#39;", "'")
