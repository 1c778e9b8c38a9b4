"""Discussions, threaded replies, notifications, e-mail, moderation, through the real stack."""

import re
from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import Discussion, Flag, ModerationLog, Notification, Post
from forum.models.base import utcnow
from forum.services import notification_settings, notifications
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)  # an established account (no new-account rate limit)


@pytest.fixture
def alice(make_user):
    return make_user(email="alice@example.org", display_name="Alice Martin", created_at=OLD)


@pytest.fixture
def bob(make_user):
    return make_user(email="bob@example.org", display_name="Bob Durand", created_at=OLD)


def start(
    client,
    title="Comment mobiliser les élus ?",
    body="Qui a réussi à faire venir des élus ?",
    category="questions-de-pratique",
    tags=("relation-aux-elus",),
):
    data = [("title", title), ("body", body), ("category", category)] + [("tags", t) for t in tags]
    return post_form(client, "/discussions/new", data)


def as_user(client, login, user):
    post_form(client, "/auth/logout", {})
    login(user)


def test_start_a_discussion_and_list_it(client, alice, login):
    login(alice)
    response = start(client)
    assert response.status_code == 303
    discussion = db.session.scalar(db.select(Discussion))
    assert response.headers["Location"] == f"/discussions/{discussion.id}"
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert (
        "Comment mobiliser les élus ?" in page and "Qui a réussi à faire venir des élus ?" in page
    )
    assert 'id="post-' in page
    listing = client.get("/discussions/").get_data(as_text=True)
    assert "Comment mobiliser les élus ?" in listing
    assert "Comment mobiliser" in client.get(
        "/discussions/?category=questions-de-pratique"
    ).get_data(as_text=True)
    assert "Comment mobiliser" not in client.get("/discussions/?category=vie-du-reseau").get_data(
        as_text=True
    )
    assert "Comment mobiliser" in client.get("/discussions/?tag=relation-aux-elus").get_data(
        as_text=True
    )
    assert client.get("/discussions/?page=-4&category=%27").status_code == 200


def test_a_title_cannot_reorder_the_page_after_it(client, alice, bob, login):
    """A fresh tester titled a discussion « Zalgo\u202e test »: the right-to-left override
    showed what followed it in lists and notifications backwards (« 92:31 à 6202
    erbmecéd »). One-line fields lose the directional formatting characters (overrides,
    embeddings, isolates); the text typed stays, and the marks that only orient stay."""
    login(alice)
    assert start(client, title="Pour\u202e les élus\u2066 ?\u2069 \u200fok").status_code == 303
    discussion = db.session.scalars(db.select(Discussion).order_by(Discussion.id.desc())).first()
    assert discussion.title == "Pour les élus ? \u200fok"
    html = client.get("/discussions/").get_data(as_text=True)
    assert "\u202e" not in html and "Pour les élus" in html
    # a message's text keeps them: they end with its paragraph, and may be quoted as typed
    body = "Le nom s'écrit \u202eeliuqÉ à l'envers."
    reply = post_form(client, f"/discussions/{discussion.id}/reply", {"body": body})
    assert reply.status_code == 303
    assert db.session.scalars(db.select(Post).order_by(Post.id.desc())).first().body_md == body


def test_bad_discussion_input(client, alice, login):
    login(alice)
    for overrides, message in [
        ({"title": ""}, "Donnez un titre"),
        ({"body": "   "}, "Le message est vide."),
        ({"category": "inconnue"}, "choix valide"),
    ]:
        data = {
            "title": "Titre correct",
            "body": "Un message",
            "category": "questions-de-pratique",
            **overrides,
        }
        response = post_form(client, "/discussions/new", data)
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Discussion.id))) == 0


def test_threaded_replies_quotes_and_anchors(client, alice, bob, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    opening = db.session.scalar(db.select(Post))
    as_user(client, login, bob)
    response = post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "Nous invitons le maire à la séance 6."},
    )
    assert response.status_code == 303
    first = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert response.headers["Location"].endswith(f"#post-{first.id}")
    quoted = client.get(f"/discussions/{discussion.id}?quote={first.id}").get_data(as_text=True)
    assert "&gt; **Bob Durand** :" in quoted and f'value="{first.id}"' in quoted
    as_user(client, login, alice)
    post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "Et ça marche ?", "parent_id": str(first.id)},
    )
    child = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert child.parent_id == first.id
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert (
        page.index(f'id="post-{opening.id}"')
        < page.index(f'id="post-{first.id}"')
        < page.index(f'id="post-{child.id}"')
    )
    assert re.search(rf'id="post-{child.id}" class="post depth-1', page)


def test_reply_under_a_report(client, alice, bob, login, make_report):
    report = make_report(alice, "Séance 2 à Figeac")
    login(bob)
    response = post_form(
        client,
        f"/reports/{report.id}/reply",
        {"body": "Merci, nous testons la même chose à Ussel."},
    )
    assert (
        response.status_code == 303
        and f"/reports/{report.id}#post-" in response.headers["Location"]
    )
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert "Merci, nous testons la même chose à Ussel." in page and 'id="discussion"' in page
    assert (
        client.get(f"/discussions/{db.session.scalar(db.select(Discussion.id))}").status_code == 302
    )  # the thread lives under the report


@pytest.mark.parametrize("case", ["empty", "spaces", "huge", "foreign_parent", "bad_parent"])
def test_bad_replies_are_refused_and_nothing_is_written(client, alice, bob, login, case):
    login(alice)
    start(client)
    start(client, title="Autre discussion")
    first, other = db.session.scalars(db.select(Discussion).order_by(Discussion.id)).all()
    other_post = db.session.scalar(db.select(Post).where(Post.discussion_id == other.id))
    before = db.session.scalar(db.select(db.func.count(Post.id)))
    data = {
        "empty": {"body": ""},
        "spaces": {"body": "  \n "},
        "huge": {"body": "é" * 60_000},
        "foreign_parent": {"body": "ok", "parent_id": str(other_post.id)},
        "bad_parent": {"body": "ok", "parent_id": "abc"},
    }[case]
    response = post_form(client, f"/discussions/{first.id}/reply", data)
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(Post.id))) == before
    assert "<h1>" in response.get_data(as_text=True)


def test_locked_and_anonymous_replies(client, alice, login, make_user):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, make_user(role="moderator", created_at=OLD))
    post_form(client, f"/discussions/{discussion.id}/moderate", {"action": "lock"})
    as_user(client, login, alice)
    response = post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Encore un mot"})
    assert response.status_code == 403 and "verrouillée" in response.get_data(as_text=True)
    post_form(client, "/auth/logout", {})
    response = post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Anonyme"})
    # sent signed out: a 401 that gives the text back and a way to sign in (a tester)
    html = response.get_data(as_text=True)
    assert response.status_code == 401 and "/auth/login" in html and "Anonyme" in html
    assert db.session.scalar(db.select(db.func.count(Post.id))) == 1


def test_edit_keeps_history_and_delete_keeps_the_tree(client, alice, bob, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Première version"})
    parent = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    as_user(client, login, alice)
    post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "Réponse à Bob", "parent_id": str(parent.id)},
    )
    assert post_form(client, f"/posts/{parent.id}/edit", {"body": "Piraté"}).status_code == 403
    as_user(client, login, bob)
    assert (
        post_form(client, f"/posts/{parent.id}/edit", {"body": "Deuxième version"}).status_code
        == 303
    )
    assert "Première version" in client.get(f"/posts/{parent.id}/history").get_data(as_text=True)
    assert post_form(client, f"/posts/{parent.id}/delete", {"confirm": "yes"}).status_code == 303
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert (
        "Message supprimé." in page and "Deuxième version" not in page and "Réponse à Bob" in page
    )


def test_notifications_for_replies_mentions_watches_and_accepted_answers(
    client, alice, bob, login, make_user
):
    carol = make_user(display_name="Carol Petit", created_at=OLD)
    login(carol)
    post_form(
        client,
        f"/watch/tag/{db.session.scalar(db.select(db.text('id')).select_from(db.text('challenge_tag')).where(db.text(chr(39).join(['slug = ', 'relation-aux-elus', '']))))}",
        {"state": "watch"},
    )
    as_user(client, login, alice)
    start(client)
    notifications.process_events()
    assert (
        db.session.scalar(db.select(Notification.kind).where(Notification.user_id == carol.id))
        == "new_discussion"
    )
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, bob)
    post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "Voyez avec @carol-petit qui l'a fait."},
    )
    answer = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    notifications.process_events()
    kinds = dict(
        db.session.execute(
            db.select(Notification.user_id, Notification.kind).where(
                Notification.post_id == answer.id
            )
        ).all()
    )
    assert kinds == {alice.id: "reply_to_discussion", carol.id: "mention"}
    as_user(client, login, alice)
    assert '<span class="count-badge">1' in client.get("/").get_data(as_text=True)
    html = client.get("/notifications").get_data(as_text=True)
    assert "Bob Durand a répondu à votre discussion" in html
    assert '<span class="count-badge">1' in client.get("/").get_data(as_text=True)  # not read
    opened = client.get(f"/notifications/{notifications.for_user(alice)[0].id}")
    assert opened.headers["Location"].endswith(f"/discussions/{discussion.id}#post-{answer.id}")
    assert 'class="count-badge"' not in client.get("/").get_data(as_text=True)  # read now
    assert (
        post_form(client, f"/discussions/{discussion.id}/accept/{answer.id}", {}).status_code == 303
    )
    notifications.process_events()
    assert (
        db.session.scalar(db.select(Notification.kind).where(Notification.user_id == bob.id))
        == "answer_accepted"
    )
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert page.index("Réponse acceptée") < page.index(f'id="post-{answer.id}"')


def test_muting_a_discussion_stops_its_notifications(client, alice, bob, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    post_form(client, f"/watch/discussion/{discussion.id}", {"state": "mute"})
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Une réponse"})
    notifications.process_events()
    assert (
        db.session.scalar(
            db.select(db.func.count(Notification.id)).where(Notification.user_id == alice.id)
        )
        == 0
    )


def test_only_the_opener_or_a_moderator_accepts(client, alice, bob, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Réponse"})
    answer = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert (
        post_form(client, f"/discussions/{discussion.id}/accept/{answer.id}", {}).status_code == 403
    )


def test_immediate_email_digest_and_unsubscribe(app, client, alice, bob, login, smtp):
    notification_settings.set_all(alice, "immediate")
    notification_settings.set_all(bob, "daily")
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Une réponse pour Alice"})
    notifications.process_events()
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "alice@example.org"
    assert "Bob Durand a répondu à votre discussion" in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Bonjour Alice Martin" in body and "/notifications/" in body
    unsubscribe = re.search(r"<(https?://[^>]+)>", message["List-Unsubscribe"]).group(1)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    as_user(client, login, alice)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Merci Bob"})
    notifications.process_events()
    assert len(smtp.messages) == 1  # Bob is on the daily digest
    result = app.test_cli_runner().invoke(args=["notifications", "send-digests"])
    assert "1 résumé(s)" in result.output
    digest = smtp.messages[1]
    assert digest["To"] == "bob@example.org" and "résumé" in digest["Subject"]
    assert "Nouveau message d'Alice Martin" in digest.get_body(("plain",)).get_content()
    assert (
        "0 résumé(s)" in app.test_cli_runner().invoke(args=["notifications", "send-digests"]).output
    )
    post_form(client, "/auth/logout", {})
    from urllib.parse import urlsplit

    path = urlsplit(unsubscribe).path
    assert "Confirmer le désabonnement" in client.get(path).get_data(as_text=True)
    assert client.post(path).status_code == 200  # one-click: no session, no CSRF token
    db.session.refresh(alice)
    assert set(notification_settings.modes_of(alice).values()) == {"never"}
    assert client.get("/notifications/unsubscribe/forged-token").status_code == 400


def test_flags_queue_hide_lock_pin_move_and_log(client, alice, bob, login, make_user):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Message douteux"})
    post = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    as_user(client, login, alice)  # Bob's message, flagged by Alice (not by Bob himself)
    assert post_form(client, f"/posts/{post.id}/flag", {"reason": ""}).status_code == 400
    assert post_form(client, f"/posts/{post.id}/flag", {"reason": "Publicité"}).status_code == 303
    assert client.get("/moderation/").status_code == 403
    moderator = make_user(role="moderator", created_at=OLD)
    as_user(client, login, moderator)
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Publicité" in queue and "Message douteux" in queue
    no_reason = post_form(client, f"/posts/{post.id}/hide", {"hidden": "1"})
    assert no_reason.status_code == 400 and "Indiquez le motif" in no_reason.get_data(as_text=True)
    assert db.session.get(Post, post.id).hidden_at is None
    hidden = post_form(
        client,
        f"/posts/{post.id}/hide",
        {"hidden": "1", "reason": "Publicité", "next": "/moderation/"},
    )
    assert hidden.status_code == 303 and hidden.headers["Location"] == "/moderation/"
    for action in ("lock", "pin"):
        post_form(client, f"/discussions/{discussion.id}/moderate", {"action": action})
    post_form(
        client,
        f"/discussions/{discussion.id}/moderate",
        {"action": "move", "category": "vie-du-reseau"},
    )
    flag = db.session.scalar(db.select(Flag))
    assert flag.resolved_at is not None and flag.resolved_by_id == moderator.id  # by hiding
    again = post_form(client, f"/moderation/flags/{flag.id}/resolve", {}, follow_redirects=True)
    assert "déjà traité" in again.get_data(as_text=True)
    actions = [
        a for (a,) in db.session.execute(db.select(ModerationLog.action).order_by(ModerationLog.id))
    ]
    assert actions == ["hide", "lock", "pin", "move"]
    db.session.expire_all()
    assert discussion.locked and discussion.pinned and discussion.category.slug == "vie-du-reseau"
    as_user(client, login, alice)
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert "Message masqué par la modération." in page and "Message douteux" not in page


def test_new_accounts_are_rate_limited(app, client, make_user, login):
    newcomer = make_user()  # created just now
    login(newcomer)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    for n in range(9):
        assert (
            post_form(
                client, f"/discussions/{discussion.id}/reply", {"body": f"Message {n}"}
            ).status_code
            == 303
        )
    response = post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Un de trop"})
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and "publie au plus 10 messages" in page
    # A tester: a short reply was lost (the error page gave back only long texts); the
    # form comes back with it, says how long to wait, and so does Retry-After.
    assert "Un de trop</textarea>" in page and "Réessayez dans 60 minutes" in page
    # A reply has no draft (a tester read « vous pouvez enregistrer un brouillon » there).
    assert "brouillon" not in page and "votre texte est conservé ci-dessous" in page
    assert 3540 <= int(response.headers["Retry-After"]) <= 3600
    assert db.session.scalar(db.select(db.func.count(Post.id))) == 10
    # A new discussion refused by the brake: its form again, as typed, with the reason.
    refused = start(client, title="Une question urgente sur les élus", body="Mon texte à garder")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429 and "publie au plus 10 messages" in page
    assert 'value="Une question urgente sur les élus"' in page and "Mon texte à garder" in page
    assert db.session.scalar(db.select(db.func.count(Discussion.id))) == 1


def test_bookmarks_and_unread_markers(client, alice, bob, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    client.get(f"/discussions/{discussion.id}")  # read
    assert "non lu" not in client.get("/discussions/").get_data(as_text=True)
    as_user(client, login, bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Nouveau"})
    post = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    as_user(client, login, alice)
    assert "non lu" in client.get("/discussions/").get_data(as_text=True)
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert "Nouveaux messages depuis votre dernière visite" in page
    assert "non lu" not in client.get("/discussions/").get_data(as_text=True)
    post_form(client, f"/posts/{post.id}/bookmark", {})
    assert "message du" in client.get("/bookmarks").get_data(as_text=True)


NEW_MARK = "Nouveaux messages depuis votre dernière visite"


def _unread_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<li id="post-(\d+)" class="[^"]*is-unread', page)]


def test_ones_own_reply_is_never_new_for_oneself(client, alice, bob, login):
    """Tester's finding: after replying, the page one is sent back to marked one's own
    reply « Nouveaux messages depuis votre dernière visite ». A message by others that
    came after one's last visit stays new, one's own never is; the list is not « non lu »
    for one's own reply, even before the thread is shown again."""
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    url = f"/discussions/{discussion.id}"
    client.get(url)  # Alice reads
    post_form(client, f"{url}/reply", {"body": "Je relance ma question."})
    assert "non lu" not in client.get("/discussions/").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert NEW_MARK not in page and _unread_ids(page) == []

    as_user(client, login, bob)  # Bob answers while Alice is away
    post_form(client, f"{url}/reply", {"body": "Les élus viennent aux restitutions."})
    by_bob = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    as_user(client, login, alice)  # Alice replies from a page opened before Bob's answer
    post_form(client, f"{url}/reply", {"body": "Et pour les conseils municipaux ?"})
    by_alice = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert by_alice.author_id == alice.id and by_alice.id > by_bob.id
    # she has not seen Bob's answer: the list still says so
    assert "non lu" in client.get("/discussions/").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert _unread_ids(page) == [by_bob.id]  # Bob's answer, never her own reply
    mark = page.index('id="unread"')  # the « new messages » line opens Bob's answer
    assert page.index(f'id="post-{by_bob.id}"') < mark < page.index(f'id="post-{by_alice.id}"')
    assert "non lu" not in client.get("/discussions/").get_data(as_text=True)


def _reply_as_written(client, alice, login, body: str):
    """Alice replies `body` in a new discussion: (discussion, the saved post), the post's
    Markdown kept exactly as written."""
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    response = post_form(client, f"/discussions/{discussion.id}/reply", {"body": body})
    assert response.status_code == 303
    post = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert post.body_md == body  # the text as written; the HTML has the lists
    return discussion, post


def test_a_reply_lists_lines_under_its_first_line_as_the_hint_says(client, alice, login):
    """« une ligne qui commence par « - » devient une liste », even right under text."""
    body = "Nos idées :\n- un goûter\n- une visite\n* puis\n1. voter\n2. écrire"
    discussion, post = _reply_as_written(client, alice, login, body)
    assert "<p>Nos idées :</p>\n<ul>\n<li>un goûter</li>\n<li>une visite</li>" in post.body_html
    assert "<li>puis</li>\n</ul>\n<ol>\n<li>voter</li>\n<li>écrire</li>\n</ol>" in post.body_html
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert "<li>un goûter</li>" in page and "- un goûter" not in page


def test_a_reply_pasted_from_a_word_processor_keeps_its_bullets(client, alice, login):
    """Tester's finding: « • item », « – item » pasted at the start of lines stayed text.
    The text is kept as written; its HTML has the list; a dash inside a line is kept."""
    body = "Séance du 12 – bilan :\n• accueil\n–\tateliers\n· restitution"
    discussion, post = _reply_as_written(client, alice, login, body)
    assert (
        "<p>Séance du 12 – bilan :</p>\n<ul>\n<li>accueil</li>\n<li>ateliers</li>\n"
        "<li>restitution</li>\n</ul>"
    ) in post.body_html
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert "<li>restitution</li>" in page and "• accueil" not in page


def test_a_reply_posted_while_one_was_writing_stays_new_until_shown(client, login, make_user):
    """A fresh tester's scenario: Claire opens the discussion; Sandrine answers an earlier
    message (nested); Claire sends her reply from the form loaded before that answer. Until
    a page has shown Sandrine's answer, the list says « non lu »; the page Claire's reply
    leads to marks it new (never Claire's own reply), above the reply it lands on; once
    shown, it is read, on the page and in the list."""
    claire = make_user(display_name="Claire Fabre", created_at=OLD)
    sandrine = make_user(display_name="Sandrine Dupuy", created_at=OLD)
    login(sandrine)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    url = f"/discussions/{discussion.id}"
    post_form(client, f"{url}/reply", {"body": "Un premier avis."})
    first_answer = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    as_user(client, login, claire)
    form_page = client.get(url).get_data(as_text=True)  # her marker: the last message shown
    assert NEW_MARK not in form_page and "non lu" not in client.get("/discussions/").get_data(
        as_text=True
    )

    as_user(client, login, sandrine)  # answers the first answer, above the thread's end
    post_form(client, f"{url}/reply", {"body": "Précision.", "parent_id": str(first_answer.id)})
    by_sandrine = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert by_sandrine.parent_id == first_answer.id
    as_user(client, login, claire)  # the form of the page loaded before that answer
    response = post_form(client, f"{url}/reply", {"body": "Merci à toutes."})
    by_claire = db.session.scalar(db.select(Post).order_by(Post.id.desc()))
    assert response.status_code == 303
    assert response.headers["Location"] == f"{url}#post-{by_claire.id}"
    assert "non lu" in client.get("/discussions/").get_data(as_text=True)  # not shown yet

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _unread_ids(page) == [by_sandrine.id] and page.count(NEW_MARK) == 1
    mark = page.index('id="unread"')
    assert (
        page.index(f'id="post-{by_sandrine.id}"') < mark < page.index(f'id="post-{by_claire.id}"')
    )
    # shown: read from now on, in the list and on the page
    assert "non lu" not in client.get("/discussions/").get_data(as_text=True)
    again = client.get(url).get_data(as_text=True)
    assert NEW_MARK not in again and _unread_ids(again) == []


def test_deep_thread_renders_with_constant_queries(client, alice, login, count_queries):

    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    parent = db.session.scalar(db.select(Post))

    def deepen(count):
        nonlocal parent
        for n in range(count):
            post = Post(
                discussion_id=discussion.id,
                parent_id=parent.id,
                author_id=alice.id,
                body_md=f"niveau {n}",
                body_html=f"<p>niveau {n}</p>",
            )
            db.session.add(post)
            db.session.flush()
            parent = post
        db.session.commit()

    # Read once first: a member's very first view also reads the absent marker twice.
    assert client.get(f"/discussions/{discussion.id}").status_code == 200
    deepen(20)
    with count_queries() as small:
        assert client.get(f"/discussions/{discussion.id}").status_code == 200
    deepen(980)
    with count_queries() as big:
        html = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    from collections import Counter

    assert len(big) == len(small), Counter(q[:80] for q in big).most_common(3)
    assert "niveau 979" in html and "en réponse à" in html
    assert html.count('class="post depth-4') >= 990


def test_discussions_appear_in_their_tag_feed(client, alice, login):
    import feedparser

    login(alice)
    start(client, title="Élus et financement", tags=("financement",))
    parsed = feedparser.parse(client.get("/tags/financement/feed.atom").data)
    assert not parsed.bozo
    titles = [e.title for e in parsed.entries]
    assert "Élus et financement" in titles
    entry = next(e for e in parsed.entries if e.title == "Élus et financement")
    assert "/discussions/" in entry.link and "Qui a réussi" in entry.content[0].value


def test_admins_manage_categories(client, alice, login, make_user):
    login(alice)
    assert client.get("/admin/categories").status_code == 403
    as_user(client, login, make_user(role="admin", created_at=OLD))
    assert (
        post_form(client, "/admin/categories", {"name": "", "description": ""}).status_code == 400
    )
    assert (
        post_form(
            client, "/admin/categories", {"name": "Événements", "description": "Agenda du réseau"}
        ).status_code
        == 303
    )
    from forum.models import Category

    category = db.session.scalar(db.select(Category).where(Category.slug == "evenements"))
    assert category.position == 6
    assert (
        post_form(
            client, f"/admin/categories/{category.id}/edit", {"name": "Agenda", "description": ""}
        ).status_code
        == 303
    )
    assert "Agenda" in client.get("/discussions/").get_data(as_text=True)


def test_mentions_link_to_profiles_and_reports_can_be_linked(
    client, alice, bob, login, make_report
):
    report = make_report(alice, "Retour lié")
    login(alice)
    response = post_form(
        client,
        "/discussions/new",
        [
            ("title", "À propos du retour"),
            ("body", "Qu'en pense @bob-durand ? Écrire à a@b.org"),
            ("category", "questions-de-pratique"),
            ("reports", f"http://x/reports/{report.id}"),
        ],
    )
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'<a class="mention" href="/users/{bob.id}">@bob-durand</a>' in page
    assert "Retour lié" in page and "a@b.org" in page
    bad = post_form(
        client,
        "/discussions/new",
        [
            ("title", "Lien cassé"),
            ("body", "x"),
            ("category", "questions-de-pratique"),
            ("reports", "999999"),
        ],
    )
    assert bad.status_code == 400 and "introuvable" in bad.get_data(as_text=True)


def test_out_of_range_parent_is_a_400(client, alice, login):
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    for value in ("99999999999999999999", "-5", "0"):
        response = post_form(
            client, f"/discussions/{discussion.id}/reply", {"body": "ok", "parent_id": value}
        )
        assert response.status_code == 400, value


def test_times_of_messages_say_they_are_utc(client, alice, login):
    """A tester (issue 17): a message's machine-readable time had no zone, so a message of
    23:30 UTC read as the day before the French date shown (« 1er décembre »). The
    datetime attribute carries « Z », as the calendar's do."""
    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    html = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps and all(s.endswith("Z") for s in stamps if "T" in s), stamps


def test_discussion_dates_are_written_as_the_rest_of_the_site(client, alice, login):
    """A fresh tester's finding: a thread showed « 01/12/2026 09:48 » where every other
    page writes « 1er décembre 2026 ». Posts, the list and a post's history now say the
    day in words and the hour (Europe/Paris), the <time> keeping the UTC instant."""
    from datetime import datetime

    login(alice)
    start(client)
    discussion = db.session.scalar(db.select(Discussion))
    post = db.session.scalar(db.select(Post).where(Post.discussion_id == discussion.id))
    moment = datetime(2026, 12, 1, 8, 48)  # 09:48 in Paris (winter, UTC+1)
    post.created_at = discussion.created_at = discussion.last_post_at = moment
    db.session.commit()
    shown = "1er décembre 2026 à 09:48"

    thread = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    assert f'<time datetime="2026-12-01T08:48:00Z">{shown}</time>' in thread
    assert "01/12/2026" not in thread
    listing = client.get("/discussions/").get_data(as_text=True)
    assert f"dernier message le {shown}" in listing and "01/12/2026" not in listing

    post_form(client, "/auth/logout", {})
    english = client.get(f"/discussions/{discussion.id}", headers={"Accept-Language": "en"})
    assert '<time datetime="2026-12-01T08:48:00Z">December 1, 2026' in english.get_data(
        as_text=True
    )
