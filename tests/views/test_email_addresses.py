"""One address, one account: e-mail addresses are compared and stored in one spelling
(Unicode NFC, lower case) at registration, login, reset and account creation by the CLI."""

import re
import unicodedata

import pytest

from forum.extensions import db
from forum.models import User
from tests.conftest import post_form

NFC = "solène@example.org"  # è precomposed (U+00E8), as typed on Windows or Linux
NFD = unicodedata.normalize("NFD", NFC)  # e + U+0300, as a Mac may send it
assert NFD != NFC and len(NFD) == len(NFC) + 1


def register(client, email, name="Solène Martin"):
    return post_form(
        client,
        "/auth/register",
        {
            "display_name": name,
            "email": email,
            "password": "un-mot-de-passe-long",
            "password_confirm": "un-mot-de-passe-long",
            "structure": "",
        },
    )


def accounts() -> list[str]:
    return list(db.session.scalars(db.select(User.email).order_by(User.id)))


@pytest.mark.parametrize(
    "first, second",
    [(NFC, NFD), (NFD, NFC), (NFC, NFD.upper()), ("Solène@Example.org", " SOLÈNE@example.ORG ")],
)
def test_one_address_in_two_spellings_is_one_account(app, client, first, second):
    second_device = app.test_client()  # an IsolatedClient too, once `client` exists
    assert register(client, first).status_code == 303
    response = register(second_device, second, name="Usurpatrice")
    assert response.status_code == 400
    assert "Un compte existe déjà avec cette adresse e-mail." in response.get_data(as_text=True)
    assert accounts() == [NFC]


def test_a_decomposed_address_is_stored_composed_and_lower_case(client):
    assert register(client, "  " + NFD.upper() + " ").status_code == 303
    [email] = accounts()
    assert email == NFC and unicodedata.is_normalized("NFC", email)


@pytest.mark.parametrize("typed", [NFD, NFD.upper(), " Solène@EXAMPLE.org"])
def test_login_accepts_any_spelling_of_the_address(client, make_user, typed):
    make_user(email=NFC, display_name="Solène Martin")
    response = post_form(client, "/auth/login", {"email": typed, "password": "motdepasse-solide"})
    assert response.status_code == 303
    assert "Solène Martin" in client.get("/").get_data(as_text=True)


def test_failed_logins_count_against_the_address_whatever_its_spelling(app, client, make_user):
    """Alternating spellings must not give an attacker ten more guesses per spelling."""
    make_user(email=NFC)
    spellings = [NFC, NFD, NFD.upper(), NFC.upper()]
    for n in range(app.config["LOGIN_MAX_FAILURES"]):
        wrong = {"email": spellings[n % 4], "password": "pas-le-bon-mot"}
        assert post_form(client, "/auth/login", wrong).status_code == 400
    right = {"email": NFC, "password": "motdepasse-solide"}
    assert post_form(client, "/auth/login", right).status_code == 429


def test_password_reset_finds_the_account_from_any_spelling(client, make_user, smtp):
    make_user(email=NFC, display_name="Solène")
    response = post_form(client, "/auth/reset", {"email": NFD.upper()})
    assert response.status_code == 303
    [message] = smtp.messages
    assert message["To"] == NFC
    token = re.search(r"/auth/reset/(\S+)", message.get_payload(decode=True).decode()).group(1)
    new = {"password": "nouveau-mot-de-passe", "password_confirm": "nouveau-mot-de-passe"}
    assert post_form(client, f"/auth/reset/{token}", new).status_code == 303
    login = post_form(client, "/auth/login", {"email": NFD, "password": "nouveau-mot-de-passe"})
    assert login.status_code == 303


def test_the_cli_promotes_the_existing_account_whatever_the_spelling(app, make_user):
    member = make_user(email=NFC)
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            NFD.upper(),
            "--password",
            "un-long-secret",
            "--name",
            "Solène",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "promu administrateur" in result.output
    assert accounts() == [NFC]
    db.session.refresh(member)
    assert member.role == "admin"


def test_a_new_account_from_the_cli_is_stored_normalised(app):
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create-admin",
            "--email",
            NFD.upper(),
            "--password",
            "un-long-secret",
            "--name",
            "Solène",
        ]
    )
    assert result.exit_code == 0, result.output
    assert accounts() == [NFC]
