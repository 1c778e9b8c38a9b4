"""The registry of event kinds and the wording of every notification reason: each reason
worded in French and English in the in-app list and in both parts of its e-mail; events of
an unknown kind dropped; a kind added by one function; e-mails of the background job (no
request at all) linking to FORUM_BASE_URL, script root included. A real SMTP server."""

import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from flask import has_request_context, url_for
from flask_babel import force_locale
from markupsafe import escape

from forum import ROOT
from forum.extensions import db
from forum.models import EventOutbox, Notification
from forum.models.base import utcnow
from forum.services import discussions, events, notification_settings, notifications
from forum.services import notification_kinds as kinds
from forum.services.notification_wording import REASONS_FOLDER, describe, template_of
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)
BASE = "https://maillage.example/app"
# The reasons there were before the registry (PRIORITY, then MODERATION_KINDS).
FORMER_REASONS = [
    "mention",
    "reply_to_post",
    "reply_to_discussion",
    "answer_accepted",
    "new_post",
    "new_discussion",
    "new_report",
    "post_hidden",
]


@pytest.fixture
def people(make_user):
    return dict(
        alice=make_user(display_name="Alice Martin", handle="alice", created_at=OLD),
        elodie=make_user(display_name="Élodie Roux", handle="elodie", created_at=OLD),
        karim=make_user(display_name="Karim Benali", handle="karim", created_at=OLD),
    )


def category():
    return discussions.categories()[0]


def test_every_reason_has_one_template_and_a_settings_row():
    reasons = kinds.reasons()
    assert set(FORMER_REASONS) <= set(reasons)
    assert set(kinds.MODERATION_KINDS) <= set(reasons)
    folder = ROOT / "templates" / REASONS_FOLDER
    worded = {p.stem for p in folder.glob("*.txt") if not p.stem.startswith("_")}
    assert worded == set(reasons)  # a wording for each reason, none left over
    for reason in reasons:
        assert (ROOT / "templates" / template_of(reason)).is_file()
        assert reason in notification_settings.SETTING_OF, reason  # chosen by its own row


def test_every_reason_is_worded_in_french_and_english_in_app_and_in_both_mail_parts(
    app, client, login, people, make_report, smtp
):
    """Each reason on each kind of target (a message of a discussion, a message of a
    report's thread, a report), for a French- and an English-speaking member: the sentence
    of its template (not the bare title), in the member's language, is the line of the
    in-app list, the subject, and the heading of the text and HTML parts."""
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    karim.locale = "en"
    db.session.commit()
    for member in (alice, karim):
        notification_settings.set_all(member, "immediate")
    thread = discussions.create_discussion(elodie, "Fil du réseau", "Bonjour", category())
    post = discussions.reply(thread, elodie, "Un message")
    report = make_report(elodie, "Covoiturage à Figeac")
    report_post = discussions.reply(discussions.report_thread(report), elodie, "Bravo")
    notifications.process_events()  # nobody watches: nothing yet
    targets = [
        dict(discussion_id=thread.id, post_id=post.id),
        dict(discussion_id=report_post.discussion_id, post_id=report_post.id),
        dict(report_id=report.id),
    ]
    rows = {}
    for member in (alice, karim):
        for reason in kinds.reasons():
            for target in targets:
                n = Notification(
                    user_id=member.id, kind=reason, actor_id=elodie.id, reason="Hors sujet"
                )
                for key, value in target.items():
                    setattr(n, key, value)
                db.session.add(n)
                rows[n] = member
    db.session.commit()
    notifications.send_immediate([n.id for n in rows])
    # A moderation decision is about a message: on a report alone it is shown nowhere.
    rows = {n: m for n, m in rows.items() if notifications.visible_to(n, m)}
    for member in (alice, karim):
        shown = {n.kind for n, m in rows.items() if m is member}
        assert shown == set(kinds.reasons())

    sentences = {}
    for n, member in rows.items():
        with force_locale(member.locale or "fr"):
            sentence = describe(n)
        assert sentence and sentence not in (thread.title, report.title), n.kind
        if member is karim:
            assert "«" not in sentence and "vous" not in sentence, sentence
            assert sentence != sentences[(n.kind, n.discussion_id, n.report_id, "fr")]
        else:
            assert "\u00a0»" in sentence, sentence
        sentences[(n.kind, n.discussion_id, n.report_id, member.locale or "fr")] = sentence

    mails = {m["Subject"]: m for m in smtp.messages}
    assert len(smtp.messages) == len(rows)
    for n, member in rows.items():
        sentence = sentences[(n.kind, n.discussion_id, n.report_id, member.locale or "fr")]
        message = mails[f"[Maillage] {sentence}"]
        assert message["To"] == member.email
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert sentence in text and str(escape(sentence)) in html

    for member in (alice, karim):
        post_form(client, "/auth/logout", {})
        login(member)
        # The list shows the latest 50 (more reasons than that by three targets): the
        # lines found are deleted, and the page read again, until every one was seen.
        left = [n for n, m in rows.items() if m is member]
        while left:
            page = client.get("/notifications").get_data(as_text=True)
            seen = [
                n
                for n in left
                if str(
                    escape(sentences[(n.kind, n.discussion_id, n.report_id, member.locale or "fr")])
                )
                in page
            ]
            assert seen, [
                sentences[(n.kind, n.discussion_id, n.report_id, member.locale or "fr")]
                for n in left
            ]
            for n in seen:
                db.session.delete(n)
            db.session.commit()
            left = [n for n in left if n not in seen]


def test_an_event_of_unknown_kind_is_logged_and_dropped(app, people, caplog):
    thread = discussions.create_discussion(people["alice"], "Fil", "Texte", category())
    events.record("kind_from_the_future", thread.id, people["alice"].id)
    discussions.reply(thread, people["elodie"], "Une réponse")
    db.session.commit()
    with caplog.at_level(logging.WARNING):
        result = app.test_cli_runner().invoke(args=["notifications", "process"])
    assert result.exit_code == 0, result.output
    assert "4 événement(s) traité(s)" in result.output  # the job went on
    assert "kind_from_the_future" in caplog.text
    assert db.session.scalar(db.select(db.func.count(EventOutbox.id))) == 0
    (n,) = db.session.scalars(db.select(Notification))  # the reply still notified Alice
    assert (n.user_id, n.kind) == (people["alice"].id, "reply_to_discussion")


@pytest.fixture
def extra_kind():
    """An event kind registered for one test, then removed from the registry."""
    yield
    kinds.HANDLERS.pop("discussion_pinned", None)


def test_a_kind_is_one_registered_function(app, people, extra_kind):
    """A new event kind needs its handler only (here it reuses a worded reason); the most
    specific of its declared reasons wins, the actor is never told."""
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    thread = discussions.create_discussion(alice, "Fil épinglé", "Texte", category())

    @kinds.fans_out("discussion_pinned", ("mention", "new_discussion"))
    def pinned(discussion_id):
        told = {"new_discussion": [alice.id, karim.id, elodie.id, None], "mention": [alice.id]}
        return kinds.Fan(kinds.Target(discussion_id=discussion_id), told)

    notifications.process_events()
    events.record("discussion_pinned", thread.id, elodie.id)
    db.session.commit()
    notifications.process_events()
    got = {
        (n.user_id, n.kind)
        for n in db.session.scalars(
            db.select(Notification).where(Notification.actor_id == elodie.id)
        )
    }
    assert got == {(alice.id, "mention"), (karim.id, "new_discussion")}
    with pytest.raises(ValueError):
        kinds.fans_out("discussion_pinned", ("mention",))


def test_a_handler_giving_an_undeclared_reason_is_refused(app, people, extra_kind):
    @kinds.fans_out("discussion_pinned", ("new_discussion",))
    def pinned(discussion_id):
        return kinds.Fan(kinds.Target(discussion_id=discussion_id), {"mention": [1]})

    handler = kinds.HANDLERS["discussion_pinned"]
    with pytest.raises(ValueError, match="undeclared"):
        kinds.recipients(handler, pinned(1), None)


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"<>)]+", text)


def test_mails_of_the_background_job_link_to_the_base_url(app, client, people, smtp, monkeypatch):
    """No request at all: the CLI commands that run the job, in a plain app context, with
    request contexts forbidden; every link (message, mention, settings, unsubscribe, the
    RFC 8058 headers) is on FORUM_BASE_URL with its script root."""
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    notification_settings.set_all(alice, "immediate")
    notification_settings.set_all(karim, "daily")
    with app.test_request_context():
        settings_path = url_for("users.account", _anchor="email")
    app.config["BASE_URL"] = BASE

    def forbidden(*args, **kwargs):
        raise AssertionError("no request context in the background job")

    monkeypatch.setattr(app, "test_request_context", forbidden)
    monkeypatch.setattr(app, "request_context", forbidden)
    assert not has_request_context()

    thread = discussions.create_discussion(alice, "Des élus au café", "Qui ?", category())
    discussions.reply(thread, karim, "Je suis le fil.")  # Karim watches the discussion
    post = discussions.reply(thread, elodie, "Voyez avec @karim, @alice.")
    assert f'href="/app/users/{karim.id}"' in post.body_html  # stored with its script root
    runner = app.test_cli_runner()
    result = runner.invoke(args=["notifications", "process"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["notifications", "send-digests"])
    assert "2 résumé(s)" in result.output, result.output  # Karim's, and Élodie's new_post

    (immediate,) = [m for m in smtp.messages if "Élodie Roux vous a mentionné" in m["Subject"]]
    (digest,) = [m for m in smtp.messages if m["To"] == karim.email]
    assert immediate["To"] == alice.email
    assert digest["Subject"] == "[Maillage] Votre résumé : 1 nouveauté"
    for message, member in ((immediate, alice), (digest, karim)):
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        n = db.session.scalar(
            db.select(Notification).where(
                Notification.user_id == member.id, Notification.kind == "mention"
            )
        )
        token = notifications.unsubscribe_token(member)
        unsubscribe = f"{BASE}/notifications/unsubscribe/{token}"
        assert message["List-Unsubscribe"] == f"<{unsubscribe}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        for part in (text, html):
            found = links(part)
            assert f"{BASE}/notifications/{n.id}" in found
            assert unsubscribe in found
            assert f"{BASE}{settings_path}" in found
            assert all(url.startswith(f"{BASE}/") for url in found), found
        assert f'href="{BASE}/users/{member.id}">@{member.handle}</a>' in html
    # The unsubscribe link works (the test client has no script root: the path after it).
    monkeypatch.undo()
    path = urlsplit(unsubscribe).path.removeprefix("/app")
    assert client.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 200
