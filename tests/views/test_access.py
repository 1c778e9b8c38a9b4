"""Only those allowed read: every route taking a post, discussion or report id applies the
rule of the page that lists the object (404 to everyone else), and the privacy page says
who reads drafts from the rule the code applies."""

from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import Bookmark, Discussion, Flag, Post, PostRevision, Watch
from forum.models.base import utcnow
from forum.services import discussions, reports
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)
SECRET = "Texte confidentiel"

# Every route that takes an object id, with how to call it. {p}: post, {d}: discussion,
# {r}: report. The last field says who may use the route at all: "mod" routes answer 403
# to members whatever the id (nothing about the object is revealed).
POST_ROUTES = [
    ("discussions.flag_post", "GET", "/posts/{p}/flag", None, None),
    ("discussions.flag_post", "POST", "/posts/{p}/flag", {"reason": "Je signale"}, None),
    ("discussions.edit_post", "GET", "/posts/{p}/edit", None, None),
    ("discussions.edit_post", "POST", "/posts/{p}/edit", {"body": "Réécrit"}, None),
    ("discussions.post_history", "GET", "/posts/{p}/history", None, None),
    ("discussions.delete_post", "POST", "/posts/{p}/delete", {}, None),
    ("discussions.bookmark_post", "POST", "/posts/{p}/bookmark", {}, None),
    ("discussions.hide_post", "GET", "/posts/{p}/hide", None, "mod"),
    ("discussions.hide_post", "POST", "/posts/{p}/hide", {"hidden": "0"}, "mod"),
    ("discussions.accept", "POST", "/discussions/{d}/accept/{p}", {}, None),
    ("attachments.post_files", "GET", "/posts/{p}/attachments", None, None),
    ("attachments.post_files", "POST", "/posts/{p}/attachments", {"alt": "Une image"}, None),
]
DISCUSSION_ROUTES = [
    ("discussions.detail", "GET", "/discussions/{d}", None, None),
    ("discussions.reply", "POST", "/discussions/{d}/reply", {"body": "Réponse"}, None),
    ("discussions.moderate", "POST", "/discussions/{d}/moderate", {"action": "lock"}, "mod"),
    ("discussions.watch", "POST", "/watch/discussion/{d}", {"state": "watch"}, None),
]
REPORT_ROUTES = [
    ("reports.detail", "GET", "/reports/{r}", None, None),
    ("reports.edit", "GET", "/reports/{r}/edit", None, None),
    ("reports.edit", "POST", "/reports/{r}/edit", {"title": "Réécrit"}, None),
    ("reports.publish", "POST", "/reports/{r}/publish", {}, None),
    ("reports.delete", "POST", "/reports/{r}/delete", {}, None),
    ("reports.restore", "POST", "/reports/{r}/restore", {}, "mod"),
    ("reports.history", "GET", "/reports/{r}/history", None, None),
    ("reports.markdown_export", "GET", "/reports/{r}.md", None, None),
    ("reports.flag", "GET", "/reports/{r}/flag", None, None),
    ("reports.flag", "POST", "/reports/{r}/flag", {"reason": "Je signale"}, None),
    ("notifications.bookmark_report", "POST", "/reports/{r}/bookmark", {}, None),
    ("discussions.reply_to_report", "POST", "/reports/{r}/reply", {"body": "Réponse"}, None),
    ("attachments.report_files", "GET", "/reports/{r}/attachments", None, None),
    ("attachments.report_files", "POST", "/reports/{r}/attachments", {"alt": "Une image"}, None),
]


def test_every_route_taking_an_object_id_is_covered_here(app):
    """A new per-object route must join the tables above (and so be tested)."""
    tested = {e for table in (POST_ROUTES, DISCUSSION_ROUTES, REPORT_ROUTES) for e, *_ in table}
    object_routes = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.arguments & {"post_id", "discussion_id", "report_id"}
        or rule.endpoint == "discussions.watch"
    }
    assert object_routes <= tested, object_routes - tested


@pytest.fixture
def world(make_user, make_report):
    """Alice's thread with a visible, a deleted and a hidden reply; a deleted discussion;
    a deleted report with a reply under it."""
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    bob = make_user(display_name="Bob Durand", created_at=OLD)
    mod = make_user(display_name="Modération", role="moderator", created_at=OLD)
    category = discussions.categories()[0]
    thread = discussions.create_discussion(alice, "Fil public", "Ouverture", category)
    visible = discussions.reply(thread, bob, "Réponse visible")
    deleted = discussions.reply(thread, alice, f"{SECRET} supprimé")
    discussions.edit_post(deleted, alice, f"{SECRET} supprimé, version 2")
    discussions.delete_post(deleted)
    hidden = discussions.reply(thread, alice, f"{SECRET} masqué")
    discussions.edit_post(hidden, alice, f"{SECRET} masqué, version 2")
    hidden.hidden_at = utcnow()  # as a moderator's hiding does
    gone = discussions.create_discussion(alice, "Fil supprimé", f"{SECRET} fil", category)
    gone.deleted_at = utcnow()
    report = make_report(alice, "Retour supprimé")
    under_report = discussions.reply(discussions.report_thread(report), alice, f"{SECRET} retour")
    reports.delete_report(report, alice)
    db.session.commit()
    return dict(
        alice=alice,
        bob=bob,
        mod=mod,
        thread=thread,
        visible=visible,
        deleted=deleted,
        hidden=hidden,
        gone=gone,
        gone_post=db.session.scalar(db.select(Post).where(Post.discussion_id == gone.id)),
        report=report,
        under_report=under_report,
    )


def as_user(client, login, user):
    post_form(client, "/auth/logout", {})
    login(user)


def call(client, method, template, data, **ids):
    url = template.format(**ids)
    if method == "GET":
        return client.get(url)
    return post_form(client, url, data)


def written():
    """What a refused request must not have changed."""
    return (
        db.session.scalar(db.select(db.func.count(Flag.id))),
        db.session.scalar(db.select(db.func.count(Bookmark.id))),
        db.session.scalar(db.select(db.func.count(Post.id))),
        db.session.scalar(db.select(db.func.count(PostRevision.id))),
        db.session.scalar(db.select(Discussion.accepted_post_id).order_by(Discussion.id)),
    )


def assert_refused(response, who, allowed_to, viewer, where):
    body = response.get_data(as_text=True)
    assert SECRET not in body, where
    expected = 403 if allowed_to == "mod" and not viewer.is_moderator else 404
    assert response.status_code == expected, (where, who, response.status_code)


# What the author of a hidden message is told she may no longer do (a 403 that explains).
OWN_HIDDEN_EXPLAINED = {"discussions.edit_post", "discussions.delete_post"}
# Deleted: nobody reads it. Hidden: moderators only, and its author, who may not change it. In a deleted
# discussion: nobody. Under a deleted report: its author and moderators only (their cases
# are in the positive test below).
REFUSED = [
    *[("deleted", who) for who in ("bob", "alice", "mod")],
    *[("hidden", who) for who in ("bob", "alice")],
    *[("gone_post", who) for who in ("bob", "alice", "mod")],
    ("under_report", "bob"),
]


@pytest.mark.parametrize("target,who", REFUSED)
def test_post_routes_answer_404_to_whoever_the_thread_does_not_show_it(
    client, login, world, target, who
):
    post = world[target]
    viewer = world[who]
    login(viewer)
    before = written()
    for endpoint, method, template, data, allowed_to in POST_ROUTES:
        response = call(client, method, template, data, p=post.id, d=post.discussion_id)
        where = f"{method} {endpoint} on {target}"
        if (target, who) == ("hidden", "alice") and endpoint in OWN_HIDDEN_EXPLAINED:
            # its author reads her hidden message (fix11): changing it is refused, and
            # said so (a 403 page that explains), rather than a page « introuvable »
            assert response.status_code == 403, where
            assert SECRET not in response.get_data(as_text=True), where
            continue
        assert_refused(response, who, allowed_to, viewer, where)
    assert written() == before
    if target != "gone_post":  # quoting through the thread page never copies it either
        url = f"/discussions/{post.discussion_id}?quote={post.id}"
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "&gt; **Alice Martin**" not in page and f'value="{post.id}"' not in page


@pytest.mark.parametrize("who", ["bob", "alice", "mod"])
def test_discussion_routes_answer_404_for_a_deleted_discussion(client, login, world, who):
    viewer = world[who]
    login(viewer)
    before = written()
    for endpoint, method, template, data, allowed_to in DISCUSSION_ROUTES:
        response = call(client, method, template, data, d=world["gone"].id)
        assert_refused(response, who, allowed_to, viewer, endpoint)
    assert written() == before
    watch = db.select(Watch).where(
        Watch.user_id == viewer.id,
        Watch.target == "discussion",
        Watch.target_id == world["gone"].id,
    )
    assert (db.session.scalar(watch) is not None) == (who == "alice")  # she opened it


def test_report_routes_answer_404_for_a_deleted_report_to_other_members(client, login, world):
    bob = world["bob"]
    login(bob)
    before = written()
    for endpoint, method, template, data, allowed_to in REPORT_ROUTES:
        response = call(client, method, template, data, r=world["report"].id)
        body = response.get_data(as_text=True)
        assert "Retour supprimé" not in body and SECRET not in body, endpoint
        expected = 403 if allowed_to == "mod" else 404
        assert response.status_code == expected, (endpoint, method, response.status_code)
    assert written() == before


def test_moderators_still_read_hidden_posts_and_everyone_the_visible_ones(client, login, world):
    """The positive side of the same rule: the tests above are not vacuous."""
    login(world["mod"])
    hidden = world["hidden"]
    for template in ("/posts/{p}/flag", "/posts/{p}/edit", "/posts/{p}/history", "/posts/{p}/hide"):
        response = client.get(template.format(p=hidden.id))
        assert response.status_code == 200 and SECRET in response.get_data(as_text=True), template
    as_user(client, login, world["bob"])
    visible = world["visible"]
    for template in ("/posts/{p}/flag", "/posts/{p}/history", "/posts/{p}/edit"):
        assert client.get(template.format(p=visible.id)).status_code == 200, template
    assert post_form(client, f"/posts/{visible.id}/bookmark", {}).status_code == 303
    as_user(client, login, world["alice"])
    assert client.get(f"/reports/{world['report'].id}").status_code == 200  # her own, deleted
    assert client.get(f"/posts/{world['under_report'].id}/history").status_code == 200


def test_bookmarks_of_what_became_unreadable_leave_the_list(client, login, world):
    bob = world["bob"]
    visible = world["visible"]
    login(bob)
    assert post_form(client, f"/posts/{visible.id}/bookmark", {}).status_code == 303
    assert "Fil public" in client.get("/bookmarks").get_data(as_text=True)
    visible.hidden_at = utcnow()
    db.session.commit()
    assert "Fil public" not in client.get("/bookmarks").get_data(as_text=True)


def test_watching_a_missing_target_is_a_404(client, login, world):
    login(world["bob"])
    for url in ("/watch/tag/999999", "/watch/module/999999", "/watch/category/999999"):
        assert post_form(client, url, {"state": "watch"}).status_code == 404, url
    assert post_form(client, f"/watch/discussion/{world['thread'].id}", {}).status_code == 303


# --- 15. The privacy page says who reads drafts, from the rule the code applies ---------


def test_privacy_page_names_exactly_who_can_open_a_draft(client, login, make_user, make_report):
    author = make_user(display_name="Autrice", created_at=OLD)
    draft = make_report(author, "Mon brouillon", publish=False)
    readers = {}
    for role in ("member", "moderator", "admin"):
        login(make_user(role=role, created_at=OLD))
        readers[role] = client.get(f"/reports/{draft.id}").status_code == 200
        post_form(client, "/auth/logout", {})
    assert client.get(f"/reports/{draft.id}").status_code == 404  # anonymous
    page = client.get("/confidentialite").get_data(as_text=True)
    statement = page.split("Qui voit quoi")[1].split("</p>")[0]
    says_moderators = "modérateurs" in statement or "équipe de modération" in statement
    says_admins = "administrateurs" in statement.split("inscriptions.")[-1]
    assert readers == {"member": False, "moderator": says_moderators, "admin": says_admins}
    assert "Vos brouillons ne sont visibles que par vous." not in page  # the old, false line
    assert reports.draft_readers() == {r for r, can in readers.items() if can}
