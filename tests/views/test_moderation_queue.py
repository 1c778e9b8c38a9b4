"""The moderation queue closes the loop: reports can be flagged, hiding resolves flags and
returns to the queue, cards show authors, proposed tags wait there, the log speaks French."""

import re
from datetime import timedelta

from forum.extensions import db
from forum.models import Category, Flag
from forum.models.base import utcnow
from forum.services import discussions
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)


def test_a_report_is_flagged_into_the_same_queue_with_its_author(
    client, login, make_user, make_report
):
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    bob = make_user(display_name="Bob Durand", created_at=OLD)
    report = make_report(alice, "Séance douteuse")
    login(bob)
    page = client.get(f"/reports/{report.id}").get_data(as_text=True)
    assert f'href="/reports/{report.id}/flag">Signaler</a>' in page
    form = client.get(f"/reports/{report.id}/flag")
    assert form.status_code == 200 and "Séance douteuse" in form.get_data(as_text=True)
    empty = post_form(client, f"/reports/{report.id}/flag", {"reason": "  "})
    assert empty.status_code == 400 and "Indiquez la raison" in empty.get_data(as_text=True)
    sent = post_form(client, f"/reports/{report.id}/flag", {"reason": "Données personnelles"})
    assert sent.status_code == 303 and sent.headers["Location"] == f"/reports/{report.id}"
    flag = db.session.scalar(db.select(Flag))
    assert flag.report_id == report.id and flag.post_id is None
    post_form(client, "/auth/logout", {})
    assert (
        post_form(client, f"/reports/{report.id}/flag", {"reason": "x"}).status_code == 401
    )  # sent signed out: the text back
    login(make_user(role="moderator", display_name="Modé Ratrice", created_at=OLD))
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Données personnelles" in queue and "Séance douteuse" in queue
    assert "de Alice Martin" in queue and "Signalé par Bob Durand" in queue
    post_form(client, f"/moderation/flags/{flag.id}/resolve", {})
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Données personnelles" not in queue.split("Journal des actions")[0]
    log = queue.split("Journal des actions")[-1]
    assert "Signalement traité" in log and "Modé Ratrice" in log
    assert (
        f'<a href="/reports/{report.id}">retour d&#39;expérience «\u00a0Séance douteuse\u00a0»</a>'
        in log
    )


def test_hiding_from_the_queue_resolves_every_flag_and_the_log_names_and_links(
    client, login, make_user
):
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    thread = discussions.create_discussion(
        alice, "Fil à surveiller", "Texte", discussions.categories()[0]
    )
    post = discussions.reply(thread, alice, "Message douteux")
    for n in range(2):
        login(make_user(created_at=OLD))
        post_form(client, f"/posts/{post.id}/flag", {"reason": f"Raison {n}"})
        post_form(client, "/auth/logout", {})
    mod = make_user(role="moderator", display_name="Modé Ratrice", created_at=OLD)
    login(mod)
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Message de Alice Martin dans «\u00a0Fil à surveiller\u00a0»" in queue
    assert 'name="next" value="/moderation/"' in queue and 'name="reason"' in queue
    response = post_form(
        client,
        f"/posts/{post.id}/hide",
        {"hidden": "1", "reason": "Propos hors charte", "next": "/moderation/"},
    )
    assert response.status_code == 303 and response.headers["Location"] == "/moderation/"
    assert (
        db.session.scalar(db.select(db.func.count(Flag.id)).where(Flag.resolved_at.is_(None))) == 0
    )
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "Aucun signalement en attente." in queue
    log = queue.split("Journal des actions")[-1]
    assert "Message masqué" in log and "motif : Propos hors charte" in log
    assert f'href="/discussions/{thread.id}#post-{post.id}"' in log
    assert "message de Alice Martin dans «\u00a0Fil à surveiller\u00a0»" in log
    assert not re.search(r">\s*(hide|post) ?#?\d*\s*<", log)  # no codes
    # From the thread, "Masquer" opens the reason form (no JavaScript needed).
    thread_page = client.get(f"/discussions/{thread.id}").get_data(as_text=True)
    assert "Rendre visible" in thread_page
    other = discussions.reply(thread, alice, "Autre message")
    page = client.get(f"/discussions/{thread.id}").get_data(as_text=True)
    assert f'<a href="/posts/{other.id}/hide">Masquer</a>' in page
    form = client.get(f"/posts/{other.id}/hide").get_data(as_text=True)
    assert "Motif" in form and "Autre message" in form


def test_proposed_challenge_tags_wait_in_the_queue(client, login, make_user, make_report):
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    make_report(alice, "Retour avec un défi neuf", new_tags=["Transport à la demande"])
    login(make_user(role="moderator", created_at=OLD))
    queue = client.get("/moderation/").get_data(as_text=True)
    section = queue.split("Défis proposés")[1].split("Journal des actions")[0]
    assert "Transport à la demande" in section and "proposé par Alice Martin" in section
    assert 'href="/tags/transport-a-la-demande/edit"' in section


def test_flags_are_braked_and_ones_own_text_is_not_flagged(app, client, login, make_user):
    """A tester sent 31 flags in a minute, some on their own replies: one's own text is
    edited or deleted, not flagged; past FLAGS_PER_HOUR in an hour the form comes back
    with the reason typed, 429 and Retry-After (the queue is the moderators' time)."""
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    bob = make_user(display_name="Bob Durand", created_at=OLD)
    category = db.session.scalar(db.select(Category))
    discussion = discussions.create_discussion(alice, "Un fil", "Bonjour à tous.", category)
    posts = [discussions.reply(discussion, alice, f"Réponse {n}") for n in range(4)]
    own = discussions.reply(discussion, bob, "Ma propre réponse")
    db.session.commit()
    app.config["FLAGS_PER_HOUR"] = 3
    login(bob)
    refused = post_form(client, f"/posts/{own.id}/flag", {"reason": "Je me signale"})
    assert refused.status_code == 400
    assert "C’est votre propre texte" in refused.get_data(as_text=True)
    for post in posts[:3]:
        sent = post_form(client, f"/posts/{post.id}/flag", {"reason": "Hors sujet"})
        assert sent.status_code == 303
    braked = post_form(client, f"/posts/{posts[3].id}/flag", {"reason": "Encore hors sujet"})
    assert braked.status_code == 429
    assert 3540 <= int(braked.headers["Retry-After"]) <= 3600
    html = braked.get_data(as_text=True)
    assert "3 signalements dans l’heure" in html and "Encore hors sujet</textarea>" in html
    assert db.session.scalar(db.select(db.func.count(Flag.id))) == 3


def test_a_second_reason_is_kept_and_ones_own_text_offers_no_flag_link(
    client, login, make_user, make_report
):
    alice = make_user(display_name="Alice Martin", created_at=OLD)
    bob = make_user(display_name="Bob Durand", created_at=OLD)
    report = make_report(alice, "Séance à Figeac")
    login(alice)
    assert "/flag" not in client.get(f"/reports/{report.id}").get_data(as_text=True)
    login(bob)
    assert f"/reports/{report.id}/flag" in client.get(f"/reports/{report.id}").get_data(
        as_text=True
    )
    for reason in ("Un nom de porteur", "Et une adresse"):
        sent = post_form(client, f"/reports/{report.id}/flag", {"reason": reason})
        assert sent.status_code == 303
    [flag] = db.session.scalars(db.select(Flag)).all()  # one card, both reasons
    assert "Un nom de porteur" in flag.reason and "Et une adresse" in flag.reason
