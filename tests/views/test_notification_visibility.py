"""Notifications are checked again when shown and when e-mailed (immediate or digest), for
every kind and every way their object stops being readable; a real SMTP server."""

from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import ChallengeTag, Notification, Post
from forum.models.base import utcnow
from forum.services import (
    discussions,
    moderation,
    notification_settings,
    notifications,
    privacy,
    reports,
    watches,
)
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def people(make_user):
    return dict(
        alice=make_user(display_name="Alice Martin", handle="alice", created_at=OLD),
        bob=make_user(display_name="Bob Durand", handle="bob", created_at=OLD),
        carol=make_user(display_name="Carol Petit", handle="carol", created_at=OLD),
        mod=make_user(display_name="Modé Ratrice", role="moderator", created_at=OLD),
    )


def tag(slug):
    return db.session.scalar(db.select(ChallengeTag).where(ChallengeTag.slug == slug))


def category():
    return discussions.categories()[0]


# Each scenario gives Carol one notification of a kind, then takes its object away in one
# of the ways that happens. Returns (kind, words that must not reach her).


def new_report_then_deleted(p, make_report):
    watches.watch(p["carol"], "tag", tag("mobilite").id)
    report = make_report(p["alice"], "Covoiturage rural retiré", tags=["mobilite"])
    notifications.process_events()
    reports.delete_report(report, p["alice"])
    return "new_report", "Covoiturage rural retiré"


def new_report_then_author_erased(p, make_report):
    watches.watch(p["carol"], "tag", tag("mobilite").id)
    make_report(p["alice"], "Navette solidaire effacée", tags=["mobilite"])
    notifications.process_events()
    privacy.delete_account(p["alice"], "erase")
    return "new_report", "Navette solidaire effacée"


def new_discussion_then_opener_erased(p, make_report):
    watches.watch(p["carol"], "category", category().id)
    discussions.create_discussion(p["alice"], "Discussion effacée", "Texte", category())
    notifications.process_events()
    privacy.delete_account(p["alice"], "erase")
    return "new_discussion", "Discussion effacée"


def new_post_then_hidden(p, make_report):
    thread = discussions.create_discussion(p["alice"], "Fil du masquage", "Texte", category())
    watches.watch(p["carol"], "discussion", thread.id)
    db.session.commit()
    post = discussions.reply(thread, p["bob"], "Propos déplacés")
    notifications.process_events()
    moderation.set_hidden(post, p["mod"], True, "Propos déplacés")
    return "new_post", "Fil du masquage"


def reply_to_discussion_then_deleted(p, make_report):
    thread = discussions.create_discussion(p["carol"], "Fil de Carol", "Texte", category())
    post = discussions.reply(thread, p["bob"], "Réponse regrettée")
    notifications.process_events()
    discussions.delete_post(post)
    return "reply_to_discussion", "Fil de Carol"


def reply_to_post_then_author_erased(p, make_report):
    thread = discussions.create_discussion(p["alice"], "Fil de la réponse", "Texte", category())
    mine = discussions.reply(thread, p["carol"], "Mon message")
    discussions.reply(thread, p["bob"], "Réponse effacée", parent_id=mine.id)
    notifications.process_events()
    privacy.delete_account(p["bob"], "erase")
    return "reply_to_post", "Fil de la réponse"


def mention_under_a_report_then_report_deleted(p, make_report):
    report = make_report(p["alice"], "Retour commenté puis retiré")
    discussions.reply(discussions.report_thread(report), p["bob"], "Voyez @carol")
    notifications.process_events()
    reports.delete_report(report, p["mod"])
    return "mention", "Retour commenté puis retiré"


def accepted_answer_then_discussion_deleted(p, make_report):
    thread = discussions.create_discussion(p["alice"], "Question résolue", "Texte", category())
    answer = discussions.reply(thread, p["carol"], "Ma réponse")
    notifications.process_events()
    discussions.accept_answer(thread, answer)
    notifications.process_events()
    thread.deleted_at = utcnow()  # as an erasure does when nobody else is left in it
    db.session.commit()
    return "answer_accepted", "Question résolue"


SCENARIOS = [
    new_report_then_deleted,
    new_report_then_author_erased,
    new_discussion_then_opener_erased,
    new_post_then_hidden,
    reply_to_discussion_then_deleted,
    reply_to_post_then_author_erased,
    mention_under_a_report_then_report_deleted,
    accepted_answer_then_discussion_deleted,
]


def control(p, make_report):
    """A notification that stays readable: it must still be shown and sent."""
    watches.watch(p["carol"], "tag", tag("garde-d-enfants").id)
    make_report(p["mod"], "Crèche itinérante toujours là", tags=["garde-d-enfants"])
    notifications.process_events()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_digest_and_notification_page_leave_out_what_was_removed(
    app, client, login, people, make_report, smtp, scenario
):
    carol = people["carol"]
    notification_settings.set_all(carol, "daily")
    kind, words = scenario(people, make_report)
    control(people, make_report)
    assert db.session.scalar(
        db.select(Notification).where(Notification.user_id == carol.id, Notification.kind == kind)
    ), "the scenario must have notified Carol"

    login(carol)
    home = client.get("/").get_data(as_text=True)
    assert '<span class="count-badge">1<' in home  # the control only
    page = client.get("/notifications").get_data(as_text=True)
    assert "Crèche itinérante toujours là" in page
    assert words not in page

    sent_before = len(smtp.messages)
    db.session.execute(db.update(Notification).values(read_at=None))  # still unread by mail
    db.session.commit()
    assert notifications.send_digests() >= 1  # the author of a hidden message gets one too
    digests = [m for m in smtp.messages[sent_before:] if m["To"] == carol.email]
    assert len(digests) == 1
    body = digests[0].get_body(("plain",)).get_content()
    assert "Crèche itinérante toujours là" in body and "1 nouveauté" in digests[0]["Subject"]
    assert words not in body


def test_no_digest_at_all_when_everything_was_removed(app, people, make_report, smtp):
    notification_settings.set_all(people["carol"], "daily")
    new_report_then_deleted(people, make_report)
    assert notifications.send_digests() == 0
    assert not [m for m in smtp.messages if m["To"] == people["carol"].email]
    assert notifications.send_digests() == 0  # and it is not retried forever


def test_immediate_mail_is_not_sent_for_what_was_removed_before_sending(
    app, people, make_report, smtp
):
    """The answer is hidden between the 'accepted' event and its delivery."""
    alice, carol = people["alice"], people["carol"]
    notification_settings.set_all(carol, "immediate")
    thread = discussions.create_discussion(alice, "Question vite résolue", "Texte", category())
    answer = discussions.reply(thread, carol, "Ma réponse")
    notifications.process_events()
    discussions.accept_answer(thread, answer)  # the event waits in the outbox
    answer.hidden_at = utcnow()
    db.session.commit()
    sent_before = len(smtp.messages)
    notifications.process_events()
    assert [m for m in smtp.messages[sent_before:] if m["To"] == carol.email] == []
    discussions.accept_answer(thread, discussions.reply(thread, carol, "Une autre réponse"))
    notifications.process_events()
    mails = [m for m in smtp.messages[sent_before:] if m["To"] == carol.email]
    assert len(mails) == 1 and "acceptée" in mails[0]["Subject"]  # the control is sent


def test_a_hidden_messages_author_is_told_why_by_mail_and_in_the_app(
    app, client, login, people, smtp
):
    bob = people["bob"]
    notification_settings.set_all(bob, "immediate")
    thread = discussions.create_discussion(people["alice"], "Fil surveillé", "Texte", category())
    post = discussions.reply(thread, bob, "Achetez mes formations")
    login(people["mod"])
    response = post_form(client, f"/posts/{post.id}/hide", {"hidden": "1", "reason": "Publicité"})
    assert response.status_code == 303
    mails = [m for m in smtp.messages if m["To"] == bob.email]
    assert len(mails) == 1
    body = mails[0].get_body(("plain",)).get_content()
    assert "masqué" in body and "Motif : Publicité" in body and "Fil surveillé" in body
    post_form(client, "/auth/logout", {})
    login(bob)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Motif : Publicité" in page
    assert db.session.get(Post, post.id).hidden_at is not None


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
def test_the_unread_badge_counts_in_sql_what_the_python_rule_shows(
    app, people, make_report, scenario
):
    """notifications.visible_clause (the badge's count in the database) and visible_to (the
    list, the e-mails) are one rule: for every recipient and every way an object goes, the
    same notifications count."""
    scenario(people, make_report)
    # Something still readable too, for everyone: the counts must not be all zero.
    for name in ("mod", "carol"):
        watches.watch(people[name], "tag", tag("isolement-des-porteurs").id)
    make_report(people["mod"], "Toujours lisible", tags=["isolement-des-porteurs"])
    notifications.process_events()
    db.session.expire_all()
    for name, user in people.items():
        user = db.session.get(type(user), user.id)
        if user is None:  # an erased account
            continue
        unread = db.session.scalars(
            db.select(Notification).where(
                Notification.user_id == user.id, Notification.read_at.is_(None)
            )
        ).all()
        expected = sum(1 for n in unread if notifications.visible_to(n, user))
        assert notifications.unread_count(user) == expected, name
