"""Notifications read when opened, leading to the exact message, worded after their object
(French elision), and e-mails carrying the message; a real SMTP server, no mocks."""

from datetime import timedelta

import pytest

from forum.extensions import db
from forum.models import Notification
from forum.models.base import utcnow
from forum.services import discussions, notification_settings, notifications, watches
from tests.conftest import post_form
from tests.views.test_mail_headers import unsubscribe_url

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def people(make_user):
    return dict(
        alice=make_user(display_name="Alice Martin", handle="alice", created_at=OLD),
        elodie=make_user(display_name="Élodie Roux", handle="elodie", created_at=OLD),
        karim=make_user(display_name="Karim Benali", handle="karim", created_at=OLD),
    )


def category():
    return discussions.categories()[0]


def notes(user) -> list[Notification]:
    return list(
        db.session.scalars(
            db.select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        )
    )


def unread(user) -> int:
    return sum(1 for n in notes(user) if n.read_at is None)


def test_the_list_marks_nothing_read_opening_one_does_and_leads_to_the_message(
    client, login, people
):
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    thread = discussions.create_discussion(alice, "Mobiliser les élus", "Comment ?", category())
    first = discussions.reply(thread, elodie, "Par un café citoyen.")
    discussions.reply(thread, karim, "Par une visite du lieu.")
    notifications.process_events()
    assert unread(alice) == 2

    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    # both replies on one line, which leads to the first of them (a fresh tester)
    assert (
        "2 réponses à votre discussion «\u00a0Mobiliser les élus\u00a0» (Karim Benali et Élodie Roux)"
        in page
    )
    assert unread(alice) == 2  # showing the list is not reading it
    # the badge counts the lines: both replies are one (a third fresh tester)
    assert '<span class="count-badge">1' in client.get("/").get_data(as_text=True)

    n = next(n for n in notes(alice) if n.post_id == first.id)
    assert f'href="/notifications/{n.id}"' in page
    response = client.get(f"/notifications/{n.id}")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/discussions/{thread.id}#post-{first.id}"
    db.session.expire_all()
    # opening the line reads what it stood for, both replies (a third fresh tester)
    assert [x.post_id for x in notes(alice) if x.read_at is None] == []
    assert client.get(f"/notifications/{n.id}").status_code == 303  # opening again is fine
    third = discussions.reply(thread, karim, "Et une troisième idée.")
    notifications.process_events()
    assert [x.post_id for x in notes(alice) if x.read_at is None] == [third.id]

    # Someone else's notification, or one that does not exist: not found, nothing read.
    post_form(client, "/auth/logout", {})
    login(karim)
    other = next(x for x in notes(alice) if x.read_at is None)
    assert client.get(f"/notifications/{other.id}").status_code == 404
    assert client.get("/notifications/999999").status_code == 404
    db.session.expire_all()
    assert unread(alice) == 1


def test_alike_notifications_about_one_discussion_make_one_line(client, login, people, make_user):
    """A fresh tester read seven lines « Bob Testeur a répondu à votre discussion… » in a
    row. The replies to one discussion make one line saying how many and from whom (each
    name once, newest first, « et N autres » past two), unread ones apart from read ones;
    other discussions and other kinds keep lines of their own; the line leads to the
    oldest of its messages, and the badge still counts each notification."""
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    thread = discussions.create_discussion(alice, "Mobiliser les élus", "Comment ?", category())
    other = discussions.create_discussion(alice, "Autre fil", "Texte", category())
    first = discussions.reply(thread, elodie, "Par un café citoyen.")
    discussions.reply(thread, elodie, "Et un marché.")
    discussions.reply(other, karim, "Ailleurs.")
    discussions.reply(thread, karim, "Par une visite du lieu.")
    zoe = make_user(display_name="Zoé Noël", handle="zoe", created_at=OLD)
    discussions.reply(thread, zoe, "Par la radio locale.")
    discussions.reply(thread, karim, "Merci @alice pour le fil.")
    notifications.process_events()
    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    assert (
        "4 réponses à votre discussion «\u00a0Mobiliser les élus\u00a0» "
        "(Zoé Noël, Karim Benali et 1 autre)" in page
    )
    assert "Karim Benali a répondu à votre discussion «\u00a0Autre fil\u00a0»" in page
    assert "vous a mentionné" in page or "mentionn" in page  # a mention keeps its own line
    assert page.count('<span class="badge">nouveau</span>') == 3
    line = next(
        n for n in notes(alice) if n.post_id == first.id and n.kind == "reply_to_discussion"
    )
    assert f'href="/notifications/{line.id}"' in page
    # the badge counts lines, not notifications (a third fresh tester: « 12 » beside 8)
    assert '<span class="count-badge">3' in client.get("/").get_data(as_text=True)
    # opening the line reads the four replies it stands for, nothing else
    assert client.get(f"/notifications/{line.id}").status_code == 303
    db.session.expire_all()
    assert not [n for n in notes(alice) if n.discussion_id == thread.id and n.read_at is None
                and n.kind == "reply_to_discussion"]  # fmt: skip
    assert client.get("/notifications").get_data(as_text=True).count("nouveau</span>") == 2
    assert '<span class="count-badge">2' in client.get("/").get_data(as_text=True)

    # Read, the line is apart from a reply come since
    client.get(f"/discussions/{thread.id}")
    discussions.reply(thread, elodie, "Encore une idée.")
    notifications.process_events()
    page = client.get("/notifications").get_data(as_text=True)
    assert "Élodie Roux a répondu à votre discussion «\u00a0Mobiliser les élus\u00a0»" in page
    assert "4 réponses à votre discussion" in page
    post_form(client, "/language", {"locale": "en", "next": "/"})
    page = client.get("/notifications").get_data(as_text=True)
    assert (
        "4 replies to your discussion “Mobiliser les élus” (Zoé Noël, Karim Benali and 1 other)"
        in page
    )


def test_showing_the_thread_reads_the_notifications_about_what_it_shows(client, login, people):
    """Tester's finding: a discussion's notifications stayed « nouveau » after one had read
    the discussion. Showing its page reads those about what it showed (its messages, the
    discussion itself), as opening each would; not a moderator's decision (its reason is
    in the notification only), nor another discussion's, nor a message written since."""
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    thread = discussions.create_discussion(alice, "Mobiliser les élus", "Comment ?", category())
    other = discussions.create_discussion(alice, "Autre fil", "Texte", category())
    first = discussions.reply(thread, elodie, "Par un café citoyen.")
    discussions.reply(thread, karim, "Par une visite du lieu.", parent_id=first.id)
    discussions.reply(other, karim, "Ailleurs.")
    notifications.process_events()
    hidden = Notification(
        user_id=alice.id, kind="post_hidden", discussion_id=thread.id, reason="Hors sujet"
    )
    db.session.add(hidden)
    db.session.commit()
    assert unread(alice) == 4

    login(alice)
    lines = client.get("/notifications").get_data(as_text=True).count("nouveau</span>")
    assert f'<span class="count-badge">{lines}' in client.get("/").get_data(as_text=True)
    assert client.get(f"/discussions/{thread.id}").status_code == 200  # not through them
    db.session.expire_all()
    left = [n for n in notes(alice) if n.read_at is None]
    assert sorted(n.id for n in left) == sorted(
        [hidden.id, next(n.id for n in notes(alice) if n.discussion_id == other.id)]
    )
    page = client.get("/notifications").get_data(as_text=True)
    assert page.count('<span class="badge">nouveau</span>') == 2

    # A message written after the page was shown stays new until a page shows it.
    later = discussions.reply(thread, elodie, "Et une fête de quartier.")
    notifications.process_events()
    db.session.expire_all()
    assert next(n for n in notes(alice) if n.post_id == later.id).read_at is None
    client.get(f"/discussions/{thread.id}")
    db.session.expire_all()
    assert next(n for n in notes(alice) if n.post_id == later.id).read_at is not None


def test_a_thread_page_writes_nothing_more_when_nothing_is_unread(
    client, login, people, count_queries
):
    """The notifications are marked read only when the header counted some unread: a
    member's thread view with none writes nothing (no UPDATE, no commit of its own)."""
    alice = people["alice"]
    thread = discussions.create_discussion(alice, "Sans nouvelles", "Texte", category())
    db.session.commit()
    login(alice)
    client.get(f"/discussions/{thread.id}")  # the read marker, once
    with count_queries() as statements:
        assert client.get(f"/discussions/{thread.id}").status_code == 200
    assert not [s for s in statements if s.lstrip().upper().startswith("UPDATE")]


def test_mark_all_read_is_a_post_with_csrf(client, login, people):
    alice = people["alice"]
    thread = discussions.create_discussion(alice, "Tiers-lieux et mairies", "Texte", category())
    discussions.reply(thread, people["elodie"], "Une réponse")
    discussions.reply(thread, people["karim"], "Une autre")
    notifications.process_events()
    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Tout marquer comme lu" in page and 'action="/notifications/read"' in page
    assert client.get("/notifications/read").status_code == 405  # never on GET
    assert client.post("/notifications/read").status_code == 400  # no CSRF token
    assert unread(alice) == 2
    response = post_form(client, "/notifications/read", {}, follow_redirects=True)
    assert "Toutes vos notifications sont marquées comme lues." in response.get_data(as_text=True)
    db.session.expire_all()
    assert unread(alice) == 0
    assert "Tout marquer comme lu" not in client.get("/notifications").get_data(as_text=True)


def test_a_notification_about_content_removed_since_says_so_and_is_read(client, login, people):
    alice = people["alice"]
    thread = discussions.create_discussion(alice, "Fil effacé", "Texte", category())
    post = discussions.reply(thread, people["karim"], "Bientôt supprimé")
    notifications.process_events()
    (n,) = notes(alice)
    discussions.delete_post(post, people["karim"])
    login(alice)
    response = client.get(f"/notifications/{n.id}", follow_redirects=True)
    assert "Ce contenu n&#39;est plus disponible." in response.get_data(as_text=True)


def test_report_thread_wording_elision_and_anchor(client, login, people, make_report):
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    report = make_report(alice, "Covoiturage à Figeac")
    thread = discussions.report_thread(report)
    watches.watch(karim, "discussion", thread.id)
    post = discussions.reply(thread, elodie, "Bravo pour ce retour.")
    notifications.process_events()

    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    assert (
        "Élodie Roux a répondu à votre retour d&#39;expérience «\u00a0Covoiturage à Figeac\u00a0»"
        in page
    )
    (n,) = notes(alice)
    location = client.get(f"/notifications/{n.id}").headers["Location"]
    assert location == f"/reports/{report.id}#post-{post.id}"  # the thread lives on the report

    post_form(client, "/auth/logout", {})
    login(karim)
    page = client.get("/notifications").get_data(as_text=True)
    assert (
        "Nouveau message d&#39;Élodie Roux sur le retour d&#39;expérience «\u00a0Covoiturage à Figeac\u00a0»"
        in page
    )
    # In English: no French elision, the object named all the same.
    karim.locale = "en"
    db.session.commit()
    page = client.get("/notifications").get_data(as_text=True)
    assert "New message from Élodie Roux on the experience report “Covoiturage à Figeac”" in page


def test_wording_of_mentions_and_new_messages_in_a_discussion(client, login, people):
    alice, elodie, karim = people["alice"], people["elodie"], people["karim"]
    thread = discussions.create_discussion(karim, "Garde d'enfants", "Des idées ?", category())
    watches.watch(alice, "discussion", thread.id)
    discussions.reply(thread, elodie, "Voyez avec @alice.")
    discussions.reply(thread, karim, "Merci !")
    notifications.process_events()
    login(alice)
    page = client.get("/notifications").get_data(as_text=True)
    assert (
        "Élodie Roux vous a mentionné dans la discussion «\u00a0Garde d&#39;enfants\u00a0»" in page
    )
    assert (
        "Nouveau message de Karim Benali dans la discussion «\u00a0Garde d&#39;enfants\u00a0»"
        in page
    )


def test_the_notification_page_makes_as_many_queries_with_more_notifications(
    client, login, people, count_queries
):
    alice = people["alice"]
    thread = discussions.create_discussion(alice, "Compter les requêtes", "Texte", category())
    discussions.reply(thread, people["elodie"], "Une")
    notifications.process_events()
    login(alice)
    client.get("/notifications")
    with count_queries() as few:
        client.get("/notifications")
    for i in range(6):
        discussions.reply(thread, people["karim" if i % 2 else "elodie"], f"Réponse {i}")
    notifications.process_events()
    with count_queries() as many:
        assert client.get("/notifications").status_code == 200
    assert len(many) == len(few)


# E-mails


def parts(message) -> tuple[str, str]:
    """(plain text, HTML) of a multipart/alternative notification e-mail."""
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_immediate_mail_carries_the_message_as_text_and_sanitised_html(app, people, smtp):
    app.config["BASE_URL"] = "https://maillage.accompagnement-ess-rural.example.fr"
    alice = people["alice"]
    notification_settings.set_all(alice, "immediate")
    thread = discussions.create_discussion(alice, "Des élus au café", "Qui ?", category())
    body = (
        "Nous avons fait **un café des élus** : voir [le compte rendu](https://exemple.fr/cr).\n\n"
        '<script>alert("x")</script> <img src=x onerror=alert(1)>\n\n- un\n- deux'
    )
    post = discussions.reply(thread, people["elodie"], body)
    notifications.process_events()
    (message,) = smtp.messages
    assert message["Subject"] == (
        "[Maillage] Élodie Roux a répondu à votre discussion «\u00a0Des élus au café\u00a0»"
    )
    text, html = parts(message)
    assert "Élodie Roux a écrit :" in text
    assert (
        "> Nous avons fait un café des élus : voir le compte rendu (https://exemple.fr/cr)" in text
    )
    assert "> - un" in text and "**" not in text
    assert "<strong>un café des élus</strong>" in html  # the stored, sanitised HTML
    assert '<a href="https://exemple.fr/cr" rel="nofollow ugc noopener">' in html
    # Raw HTML the member typed shows as text, never as markup.
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert post.body_html in html.replace("\r\n", "\n")  # exactly what is stored
    # The link opens the notification (read, then the message); the unsubscribe header is
    # still one raw line.
    (n,) = notes(alice)
    assert f"/notifications/{n.id}" in text and (
        f'href="https://maillage.accompagnement-ess-rural.example.fr/notifications/{n.id}"' in html
    )
    unsubscribe_url(smtp.raw[0])
    assert 'lang="fr"' in html


def test_a_long_message_is_cut_in_both_parts(app, people, smtp):
    alice = people["alice"]
    notification_settings.set_all(alice, "immediate")
    thread = discussions.create_discussion(alice, "Un long message", "Texte", category())
    discussions.reply(thread, people["karim"], "mot " * 1500 + "**FIN-DU-TEXTE**")
    notifications.process_events()
    text, html = parts(smtp.messages[0])
    assert "[…]" in text and "FIN-DU-TEXTE" not in text
    assert "[…]" in html and "FIN-DU-TEXTE" not in html


def test_moderation_mail_does_not_quote_the_hidden_message(
    app, client, login, people, smtp, make_user
):
    karim = people["karim"]
    notification_settings.set_all(karim, "immediate")
    thread = discussions.create_discussion(people["alice"], "Fil modéré", "Texte", category())
    post = discussions.reply(thread, karim, "Achetez ma formation miracle")
    notifications.process_events()
    login(make_user(role="moderator", created_at=OLD))
    post_form(client, f"/posts/{post.id}/hide", {"hidden": "1", "reason": "Publicité"})
    mails = [m for m in smtp.messages if m["To"] == karim.email]
    text, html = parts(mails[-1])
    assert "Motif : Publicité" in text and "miracle" not in text and "miracle" not in html


def test_an_english_speaking_member_gets_the_mail_in_english(app, people, smtp):
    karim = people["karim"]
    karim.locale = "en"
    db.session.commit()
    notification_settings.set_all(karim, "immediate")
    thread = discussions.create_discussion(karim, "Mobilité", "Des idées ?", category())
    discussions.reply(thread, people["elodie"], "Le covoiturage.")
    notifications.process_events()
    (message,) = smtp.messages
    assert message["Subject"] == '[Maillage] Élodie Roux replied to your discussion "Mobilité"'
    text, html = parts(message)
    assert "Élodie Roux wrote:" in text and "> Le covoiturage." in text
    assert "Read on Maillage" in html and 'lang="en"' in html
