"""Notification and digest e-mails as a real SMTP server receives them: the one-click
unsubscribe header must be readable by mail clients (RFC 2369 §2, RFC 8058 §3.1)."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from forum.extensions import db
from forum.models import Discussion, User
from forum.models.base import utcnow
from forum.services import notification_settings, notifications
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)  # established accounts (no new-account rate limit)
# A realistic production address: the header line is well over 78 characters.
BASE_URL = "https://maillage.accompagnement-ess-rural.example.fr"
RAW_LINE = re.compile(
    rb"List-Unsubscribe: <(https://maillage\.accompagnement-ess-rural\.example\.fr"
    rb"/notifications/unsubscribe/[A-Za-z0-9_.-]+)>"
)


def header_lines(raw: bytes) -> list[bytes]:
    """The header section of a raw message, one element per physical line."""
    return re.split(rb"\r?\n", raw.split(b"\r\n\r\n", 1)[0])


def unsubscribe_url(raw: bytes) -> str:
    """The List-Unsubscribe URL, checked to be on one line, unencoded, not continued."""
    lines = header_lines(raw)
    found = [i for i, line in enumerate(lines) if line.lower().startswith(b"list-unsubscribe:")]
    assert len(found) == 1, lines
    line = lines[found[0]]
    match = RAW_LINE.fullmatch(line)
    assert match, line
    following = lines[found[0] + 1] if found[0] + 1 < len(lines) else b""
    assert not following[:1].isspace(), "the header must not be folded onto a second line"
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in lines
    assert all(len(line) <= 998 for line in lines)  # RFC 5322 §2.1.1
    return match.group(1).decode()


@pytest.fixture
def alice(make_user):
    user = make_user(email="alice@example.org", display_name="Alice Martin", created_at=OLD)
    notification_settings.set_all(user, "immediate")
    return user


@pytest.fixture
def bob(make_user):
    user = make_user(email="bob@example.org", display_name="Bob Durand", created_at=OLD)
    notification_settings.set_all(user, "daily")
    return user


def switch_to(client, login, user):
    post_form(client, "/auth/logout", {})
    login(user)


def exchange(client, login, alice, bob):
    """Alice opens a discussion, Bob replies (Alice is e-mailed at once), Alice answers
    (Bob gets it in his digest)."""
    login(alice)
    data = [
        ("title", "Comment mobiliser les élus ?"),
        ("body", "Qui a réussi à faire venir des élus ?"),
        ("category", "questions-de-pratique"),
        ("tags", "relation-aux-elus"),
    ]
    assert post_form(client, "/discussions/new", data).status_code == 303
    discussion = db.session.scalar(db.select(Discussion))
    switch_to(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Une réponse pour Alice"})
    notifications.process_events()
    switch_to(client, login, alice)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Merci Bob"})
    notifications.process_events()
    post_form(client, "/auth/logout", {})


def test_unsubscribe_header_is_one_raw_line_in_immediate_mails_and_digests(
    app, client, login, alice, bob, smtp
):
    app.config["BASE_URL"] = BASE_URL
    exchange(client, login, alice, bob)
    assert len(smtp.raw) == 1  # Alice's immediate e-mail
    result = app.test_cli_runner().invoke(args=["notifications", "send-digests"])
    assert "1 résumé(s)" in result.output
    assert len(smtp.raw) == 2
    immediate, digest = smtp.raw
    assert b"\r\nTo: alice@example.org\r\n" in immediate
    assert b"\r\nTo: bob@example.org\r\n" in digest
    for raw, user in ((immediate, alice), (digest, bob)):
        url = unsubscribe_url(raw)
        assert b"=?utf-8?q?=3C" not in raw
        # The URL in the header is the one-click link: a POST with no session and no token.
        one_click = client.post(urlsplit(url).path, data={"List-Unsubscribe": "One-Click"})
        assert one_click.status_code == 200
        db.session.expire_all()
        modes = notification_settings.modes_of(db.session.get(User, user.id))
        assert set(modes.values()) == {"never"}


def test_other_headers_still_fold_and_encode_as_usual(app, client, login, alice, bob, smtp):
    app.config["BASE_URL"] = BASE_URL
    exchange(client, login, alice, bob)
    message, raw = smtp.messages[0], smtp.raw[0]
    # The accented subject is still an RFC 2047 encoded word, and reads back intact.
    assert re.search(rb"\r\nSubject: [^\r\n]*=\?utf-8\?", raw)
    assert message["Subject"].startswith("[Maillage] Bob Durand a répondu à votre discussion")
    # RFC 5322 §3.6: the origination date is required (found missing by a fresh tester).
    from email.utils import parsedate_to_datetime

    assert parsedate_to_datetime(message["Date"]).tzinfo is not None


def test_an_unsubscribe_url_longer_than_a_line_still_gives_a_valid_message(
    app, client, login, alice, bob, smtp
):
    """No real instance has a 1,000-character address, but the message must stay valid
    RFC 5322 (no line over 998 characters) even then: the header is folded as before."""
    app.config["BASE_URL"] = "https://maillage.example.fr/" + "x" * 1000
    exchange(client, login, alice, bob)
    raw, message = smtp.raw[0], smtp.messages[0]
    assert all(len(line) <= 998 for line in header_lines(raw))
    assert message["List-Unsubscribe"].startswith("<https://maillage.example.fr/xxx")
    assert message["List-Unsubscribe"].endswith(">")


@pytest.mark.parametrize(
    "subject",
    [
        # Cut by the standard folder between « à » and « Figeac », whose space was lost.
        "[Maillage] dans la discussion «\u00a0Covoiturage à Figeac\u00a0» pour les porteurs"
        " éloignés",
        "[Maillage] Élodie Roux a répondu à votre message dans la discussion «\u00a0Covoiturage"
        " à Figeac\u00a0»",
        "[Maillage] Votre résumé : 12 nouveautés",
        "[Maillage] " + "Été à Saint-Céré, " * 12,
    ],
)
def test_accented_subjects_arrive_whole_with_every_space(app, smtp, subject):
    from forum.mail import send_mail

    send_mail("alice@example.org", subject, "Texte.")
    (message,), (raw,) = smtp.messages, smtp.raw
    assert message["Subject"] == subject
    assert all(len(line) <= 78 for line in header_lines(raw))
