"""A message hidden by moderation, as each reader meets it (a tester's findings): its author
reads her own text, marked hidden, with the reason she was told and what she can do, and
no dead « Modifier » / « Supprimer » links (a direct visit is a 403 saying why); the others
get no action on it (nothing to quote or flag); the author is told when it is shown again.
Moderators' actions say what they did, or that nothing changed."""

import re

import sqlalchemy as sa

from forum.extensions import db
from forum.models import Category, Notification
from forum.services import discussions, moderation, notifications
from forum.services.notification_wording import describe
from tests.conftest import post_form

REASON = "Coordonnées personnelles d'une porteuse"


def _hidden_reply(make_user):
    opener, author, moderator = make_user(), make_user(), make_user(role="moderator")
    category = db.session.scalar(sa.select(Category).limit(1))
    discussion = discussions.create_discussion(
        opener, "Salle pour la séance 3", "Qui connaît une salle à Bagnac ?", category
    )
    reply = discussions.reply(discussion, author, "Appelez Mme Dupont au 06 12 34 56 78.")
    moderation.set_hidden(reply, moderator, True, REASON)
    db.session.commit()  # as the request does
    return opener, author, moderator, discussion, reply


def _item(html: str, post_id: int) -> str:
    return re.search(rf'<li id="post-{post_id}".*?</li>', html, re.S).group(0)


def test_the_author_reads_her_hidden_text_with_the_reason_and_no_dead_link(
    app, client, make_user, login
):
    _opener, author, _moderator, discussion, reply = _hidden_reply(make_user)
    login(author)
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    item = _item(page, reply.id)
    assert "Appelez Mme Dupont" in item  # her own text
    assert "Votre message a été masqué par l’équipe de modération." in item
    assert REASON.replace("'", "&#39;") in item
    assert "Vous ne pouvez plus le modifier ni le supprimer" in item
    assert f"/posts/{reply.id}/edit" not in item and f"/posts/{reply.id}/delete" not in item
    assert f"/posts/{reply.id}/attachments" not in item
    for path in (f"/posts/{reply.id}/edit", f"/posts/{reply.id}/delete"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "masqué par l&#39;équipe de modération" in response.get_data(as_text=True)
    response = post_form(client, f"/posts/{reply.id}/delete", {"confirm": "yes"})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(type(reply), reply.id).deleted_at is None


def test_others_get_no_action_on_a_hidden_message(app, client, make_user, login):
    opener, _author, moderator, discussion, reply = _hidden_reply(make_user)
    login(opener)
    page = client.get(f"/discussions/{discussion.id}").get_data(as_text=True)
    item = _item(page, reply.id)
    assert "Message masqué par la modération." in item
    assert "Appelez" not in item
    for gone in ("Répondre en citant", "Signaler", "Accepter comme réponse", "Favori"):
        assert gone not in item, gone
    assert "Répondre en citant" in page  # the opening message still offers it
    client.post(
        "/auth/logout",
        data={"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)},
    )

    login(moderator)
    item = _item(client.get(f"/discussions/{discussion.id}").get_data(as_text=True), reply.id)
    assert "Rendre visible" in item and "Répondre en citant" not in item
    assert "Signaler" not in item


def test_the_author_is_told_when_her_message_is_shown_again(app, client, make_user, login):
    _opener, author, moderator, discussion, reply = _hidden_reply(make_user)
    login(moderator)
    response = post_form(client, f"/posts/{reply.id}/hide", {"hidden": "0"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Message de nouveau visible. Son auteur est prévenu." in page
    again = post_form(client, f"/posts/{reply.id}/hide", {"hidden": "0"}, follow_redirects=True)
    assert "Rien n&#39;a changé : ce message était déjà visible." in again.get_data(as_text=True)

    notifications.process_events()
    told = db.session.scalars(
        sa.select(Notification).where(
            Notification.user_id == author.id, Notification.kind == "post_shown"
        )
    ).all()
    assert len(told) == 1 and told[0].post_id == reply.id
    assert describe(told[0]) == (
        "L'équipe de modération a rendu de nouveau visible votre message dans la "
        "discussion «\u00a0Salle pour la séance 3\u00a0»"
    )


def test_moderation_actions_say_what_they_did_and_when_nothing_changed(
    app, client, make_user, login
):
    _opener, _author, moderator, discussion, _reply = _hidden_reply(make_user)
    login(moderator)
    url = f"/discussions/{discussion.id}/moderate"
    said = []
    for action in ("lock", "lock", "unlock", "pin", "pin", "unpin"):
        response = post_form(client, url, {"action": action}, follow_redirects=True)
        said.append(
            re.search(r'class="flash [a-z]+"[^>]*>([^<]+)<', response.get_data(as_text=True))
            .group(1)
            .strip()
        )
    assert said == [
        "Discussion verrouillée : on ne peut plus y répondre.",
        "Rien n&#39;a changé : la discussion était déjà verrouillée.",
        "Discussion déverrouillée : on peut de nouveau y répondre.",
        "Discussion épinglée en tête de liste.",
        "Rien n&#39;a changé : la discussion était déjà épinglée.",
        "Discussion désépinglée.",
    ]
    assert "C&#39;est fait." not in response.get_data(as_text=True)


def test_following_names_what_is_followed(app, client, make_user, login):
    _opener, author, _moderator, discussion, _reply = _hidden_reply(make_user)
    login(author)
    path = f"/watch/discussion/{discussion.id}"
    page = post_form(client, path, {"state": "watch"}, follow_redirects=True)
    assert "Vous suivez désormais cette discussion." in page.get_data(as_text=True)
    page = post_form(client, path, {"state": "none"}, follow_redirects=True)
    assert "Vous ne suivez plus cette discussion." in page.get_data(as_text=True)
    assert "ceci" not in page.get_data(as_text=True)


def test_linked_reports_name_the_entries_not_understood(app, client, make_user, login):
    member = make_user()
    db.session.commit()
    login(member)
    category = db.session.scalar(sa.select(Category).limit(1))
    page = client.get("/discussions/new").get_data(as_text=True)
    token = re.search(r'name="submission_token"[^>]*value="([^"]+)"', page)
    data = {
        "title": "Covoiturage à Figeac",
        "category": category.slug,
        "body": "Qui a essayé ?",
        "reports": "abc, https://example.org/about",
    }
    if token:
        data["submission_token"] = token.group(1)
    response = post_form(client, "/discussions/new", data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert (
        "Entrées non comprises : «\u00a0abc\u00a0», «\u00a0https://example.org/about\u00a0»" in html
    )
    assert 'value="abc, https://example.org/about"' in html  # the typed text is kept
