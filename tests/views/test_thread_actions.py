"""A member's own marks and actions under each message of a thread (forum/pages.py:
member_rows): who gets which link or form, and that each one works when used."""

import re

import sqlalchemy as sa

from forum.extensions import db
from forum.models import Category, Discussion, Post
from forum.services import discussions, moderation


def _thread(make_user):
    author, other, moderator = make_user(), make_user(), make_user(role="moderator")
    category = db.session.scalar(sa.select(Category).limit(1))
    discussion = discussions.create_discussion(
        author, "Salle pour la séance 3", "Qui connaît une salle à Bagnac ?", category
    )
    reply = discussions.reply(discussion, other, "La salle des fêtes est libre le mardi.")
    db.session.commit()  # as the request does
    return author, other, moderator, discussion, reply


def _actions(html: str, post_id: int) -> str:
    """The markup of one message's action bar."""
    item = re.search(rf'<li id="post-{post_id}".*?</li>', html, re.S).group(0)
    return item.split('class="post-actions no-print"', 1)[1] if "post-actions" in item else ""


def test_each_reader_gets_their_own_actions(app, client, make_user, login):
    author, other, moderator, discussion, reply = _thread(make_user)
    first = discussions.first_post_id(discussion)
    url = f"/discussions/{discussion.id}"

    login(author)
    page = client.get(url).get_data(as_text=True)
    mine, theirs = _actions(page, first), _actions(page, reply.id)
    assert f"/posts/{first}/edit" in mine and f"/posts/{reply.id}/edit" not in theirs
    assert "Accepter comme réponse" in theirs and "Accepter comme réponse" not in mine
    assert f"?quote={reply.id}#reply" in theirs
    assert "Masquer" not in page, "not a moderator"
    client.post("/auth/logout", data={"csrf_token": _csrf(page)})

    login(moderator)
    page = client.get(url).get_data(as_text=True)
    assert f"/posts/{reply.id}/hide" in _actions(page, reply.id)
    assert f"/posts/{reply.id}/edit" in _actions(page, reply.id)


def test_the_accept_and_bookmark_forms_work(app, client, make_user, login):
    author, other, moderator, discussion, reply = _thread(make_user)
    login(author)
    url = f"/discussions/{discussion.id}"
    page = client.get(url).get_data(as_text=True)
    actions = _actions(page, reply.id)
    accept = re.search(
        r'<form method="post" action="([^"]+)" class="inline">'
        r'<input type="hidden" name="csrf_token" value="([^"]+)">'
        r'<button type="submit" class="link-button">Accepter',
        actions,
    )
    response = client.post(accept.group(1), data={"csrf_token": accept.group(2)})
    assert response.status_code in (302, 303)
    db.session.expire_all()
    assert db.session.get(Discussion, discussion.id).accepted_post_id == reply.id
    page = client.get(url).get_data(as_text=True)
    assert "Accepter comme réponse" not in _actions(page, reply.id)

    mark = re.search(
        rf'action="(/posts/{reply.id}/bookmark)"[^>]*>'
        r'<input type="hidden" name="csrf_token" value="([^"]+)">',
        page,
    )
    client.post(mark.group(1), data={"csrf_token": mark.group(2)})
    assert "Retirer des favoris" in _actions(client.get(url).get_data(as_text=True), reply.id)


def test_unread_mark_and_hidden_messages(app, client, make_user, login):
    author, other, moderator, discussion, reply = _thread(make_user)
    login(author)
    url = f"/discussions/{discussion.id}"
    client.get(url)  # read up to the reply
    later = discussions.reply(discussion, other, "Et la salle du Foirail le jeudi.")
    db.session.commit()  # as the request does
    page = client.get(url).get_data(as_text=True)
    assert page.count('id="unread"') == 1
    assert re.search(rf'<li id="post-{later.id}" class="post depth-\d is-unread">', page)
    assert not re.search(rf'<li id="post-{reply.id}" class="[^"]*is-unread', page)

    moderation.set_hidden(db.session.get(Post, later.id), moderator, True, "doublon")
    db.session.commit()  # as the request does
    client.post("/auth/logout", data={"csrf_token": _csrf(page)})
    login(moderator)
    page = client.get(url).get_data(as_text=True)
    assert "Rendre visible" in _actions(page, later.id)
    unhide = re.search(
        rf'action="(/posts/{later.id}/hide)"[^>]*>'
        r'<input type="hidden" name="csrf_token" value="([^"]+)">'
        r'<input type="hidden" name="hidden" value="0">',
        page,
    )
    response = client.post(unhide.group(1), data={"csrf_token": unhide.group(2), "hidden": "0"})
    assert response.status_code in (302, 303)
    db.session.expire_all()
    assert db.session.get(Post, later.id).hidden_at is None


def _csrf(html: str) -> str:
    return (
        re.search(
            r'name="csrf_token" type="hidden" value="([^"]+)"|'
            r'name="csrf_token" value="([^"]+)"',
            html,
        )
        .group(0)
        .rsplit('"', 2)[1]
    )
