"""Faults found by a tester trying Maillage as its users would, each kept as a test: a first
reply under a report sent twice at once, a second hide or lock, replies to a message hidden
meanwhile, text typed into a form refused meanwhile, moderators' deletions in the log, a
reset e-mail that cannot be sent, full-width addresses, a report flagged twice, report
addresses in « Retours liés »."""

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Discussion, Flag, ModerationLog, Notification, Post, User
from forum.models.base import utcnow
from forum.services import ServiceError, discussions
from tests.conftest import CSRF_RE, IsolatedClient, post_form

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def alice(make_user):
    return make_user(email="alice@example.org", display_name="Alice Martin", created_at=OLD)


@pytest.fixture
def bob(make_user):
    return make_user(email="bob@example.org", display_name="Bob Durand", created_at=OLD)


@pytest.fixture
def moderator(make_user):
    return make_user(email="mod@example.org", display_name="Modé", role="moderator", created_at=OLD)


def _csrf(client, path):
    match = CSRF_RE.search(client.get(path).get_data(as_text=True))
    return match.group(1) or match.group(2)


def test_two_first_replies_under_a_report_at_once_are_both_kept(app, alice, bob, make_report):
    """The report's thread is created by its first reply: two at the same moment used to
    give one of them a 500 (unique key) and lose its text."""
    report = make_report(alice)
    app.test_client_class = IsolatedClient
    clients, tokens = [], []
    for user in (alice, bob):
        client = app.test_client()
        post_form(client, "/auth/login", {"email": user.email, "password": "motdepasse-solide"})
        clients.append(client)
        tokens.append(_csrf(client, f"/reports/{report.id}"))
    barrier, results = threading.Barrier(2), [None, None]
    path = f"/reports/{report.id}/reply"  # read here: the threads must not touch this session

    def send(i):
        try:
            with app.app_context():
                barrier.wait()
                response = clients[i].post(
                    path,
                    data={"csrf_token": tokens[i], "body": f"Réponse numéro {i}"},
                )
            results[i] = response.status_code
        except Exception as error:  # shown in the assertion below
            results[i] = repr(error)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert results == [303, 303]
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(Discussion.id))) == 1
    bodies = sorted(db.session.scalars(sa.select(Post.body_md)))
    assert bodies == ["Réponse numéro 0", "Réponse numéro 1"]


def _thread_with_reply(alice):
    thread = discussions.create_discussion(alice, "Fil", "Ouverture", discussions.categories()[0])
    return thread, discussions.reply(thread, alice, "Un message à masquer")


def test_hiding_or_locking_twice_logs_and_tells_once(client, login, alice, moderator):
    thread, post = _thread_with_reply(alice)
    login(moderator)
    for _ in range(2):
        post_form(client, f"/posts/{post.id}/hide", {"hidden": "1", "reason": "Hors sujet"})
        post_form(client, f"/discussions/{thread.id}/moderate", {"action": "lock"})
    actions = list(db.session.scalars(sa.select(ModerationLog.action)))
    assert sorted(actions) == ["hide", "lock"]
    told = db.session.scalar(
        sa.select(sa.func.count(Notification.id)).where(Notification.user_id == alice.id)
    )
    assert told == 1


def test_a_reply_to_a_message_hidden_meanwhile_is_refused_and_its_text_given_back(
    client, login, alice, bob, moderator
):
    thread, post = _thread_with_reply(alice)
    login(bob)
    token = _csrf(client, f"/discussions/{thread.id}")
    post.hidden_at = utcnow()  # a moderator hides it while Bob writes
    db.session.commit()
    text = "Une longue réponse que Bob ne veut pas perdre."
    response = client.post(
        f"/discussions/{thread.id}/reply",
        data={"csrf_token": token, "body": text, "parent_id": str(post.id)},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "supprimé ou masqué entre-temps" in html
    assert text in html  # given back, to copy
    assert db.session.scalar(sa.select(sa.func.count(Post.id)).where(Post.author_id == bob.id)) == 0
    told = db.session.scalar(
        sa.select(sa.func.count(Notification.id)).where(Notification.user_id == alice.id)
    )
    assert told == 0


def test_a_reply_to_a_discussion_locked_meanwhile_gives_its_text_back(
    client, login, alice, bob, moderator
):
    thread, _post = _thread_with_reply(alice)
    login(bob)
    token = _csrf(client, f"/discussions/{thread.id}")
    thread.locked = True
    db.session.commit()
    text = "Ma réponse écrite pendant que la discussion se verrouillait."
    response = client.post(
        f"/discussions/{thread.id}/reply",
        data={"csrf_token": token, "body": text, "password": "jamais montré en retour !"},
    )
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert text in html and "Votre texte n’a pas été enregistré" in html
    assert "jamais montré" not in html


def test_a_short_text_comes_back_too_when_the_form_has_expired(client, login, alice):
    """A fresh tester: with an expired form (a stale CSRF token), a report's title
    « Séance 3 Figeac » and a reply of 19 characters were not given back (only text of 20
    characters or more was). The fields members write in come back whatever their length;
    a choice's value (a département, a category) is still not shown as « typed »."""
    login(alice)
    response = client.post(
        "/reports/new",
        data={
            "csrf_token": "périmé",
            "title": "Séance 3 Figeac",
            "worked": "Le café d'accueil.",
            "department": "46",
            "format": "presentiel",
        },
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Votre texte n’a pas été enregistré" in html
    assert ">Séance 3 Figeac</textarea>" in html
    assert ">Le café d&#39;accueil.</textarea>" in html or ">Le café d'accueil.</textarea>" in html
    assert ">46</textarea>" not in html and ">presentiel</textarea>" not in html


def test_moderators_deletions_and_restorations_are_logged(
    client, login, alice, moderator, make_report
):
    report = make_report(alice, "Retour d'Alice")
    thread, post = _thread_with_reply(alice)
    login(moderator)
    post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    post_form(client, f"/reports/{report.id}/restore", {})
    post_form(client, f"/posts/{post.id}/delete", {"confirm": "yes"})
    actions = [a for a in db.session.scalars(sa.select(ModerationLog.action).order_by("id"))]
    assert actions == ["delete_report", "restore_report", "delete_post"]
    log = client.get("/moderation/").get_data(as_text=True).split("Journal des actions")[-1]
    assert "Retour d&#39;expérience supprimé" in log and "Retour d&#39;expérience restauré" in log


def test_an_author_deleting_their_own_report_is_not_a_moderation_action(
    client, login, alice, make_report
):
    report = make_report(alice)
    login(alice)
    post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    assert db.session.scalar(sa.select(sa.func.count(ModerationLog.id))) == 0
    again = post_form(client, f"/reports/{report.id}/delete", {"confirm": "yes"})
    assert again.status_code == 303  # deleted in another tab: said plainly, not a 403
    assert "déjà supprimé" in client.get(again.location).get_data(as_text=True)


def test_a_reset_e_mail_that_cannot_be_sent_answers_like_any_other(app, client, alice):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=1)  # nothing listens there
    known = post_form(client, "/auth/reset", {"email": alice.email})
    unknown = post_form(client, "/auth/reset", {"email": "personne@example.org"})
    assert known.status_code == unknown.status_code == 303
    assert known.location == unknown.location


def test_a_full_width_spelling_is_the_same_address(client, alice):
    response = post_form(
        client,
        "/auth/register",
        {
            "display_name": "Alice bis",
            "email": "ａｌｉｃｅ@example.org",
            "password": "un-mot-de-passe-solide",
            "password_confirm": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 400
    assert "existe déjà" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_flagging_the_same_report_twice_makes_one_card(client, login, alice, bob, make_report):
    report = make_report(alice)
    login(bob)
    for reason in ("Données personnelles", "Je le signale encore"):
        assert (
            post_form(client, f"/reports/{report.id}/flag", {"reason": reason}).status_code == 303
        )
    assert db.session.scalar(sa.select(sa.func.count(Flag.id))) == 1


def test_report_addresses_in_linked_reports_name_only_the_report(app, alice, make_report):
    report = make_report(alice)
    context = app.test_request_context()  # the refusal is worded in the reader's language
    context.push()
    found = discussions.parse_report_links(f"http://127.0.0.1:5077/reports/{report.id}")
    assert [r.id for r in found] == [report.id]
    found = discussions.parse_report_links(
        f"{report.id}, https://maillage.org/reports/{report.id}#x"
    )
    assert [r.id for r in found] == [report.id]
    with pytest.raises(ServiceError) as refused:
        discussions.parse_report_links("https://maillage.org/reports/999999")
    context.pop()
    assert "999999" in refused.value.message and "127" not in refused.value.message


def test_a_text_sent_after_the_session_ended_is_given_back(client, login, alice, bob):
    """A fresh tester wrote a report, was signed out meanwhile (another tab, or the session
    ended), and « Publier » led to an empty login page; a reply led, after signing in, to
    a 405. Anything sent signed out gets a 401 page with the text to copy and a sign-in
    link back to the page it came from; a page to read still leads to the login page."""
    thread, _post = _thread_with_reply(alice)
    login(bob)
    token = _csrf(client, "/reports/new")
    # the session ends on the server (expired, or « end my other sessions » elsewhere);
    # the browser still holds its cookie and the form its token
    from forum.models import UserSession

    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == bob.id))
    db.session.commit()
    sent = client.post(
        "/reports/new",
        data={"csrf_token": token, "title": "Séance 3 Figeac", "context": "Le café d'accueil."},
        headers={"Referer": "http://localhost/reports/new"},
    )
    assert sent.status_code == 401
    html = sent.get_data(as_text=True).replace("&#39;", "'")
    assert "Vous n'êtes plus connecté·e" in html and "Votre texte n’a pas été enregistré" in html
    assert ">Séance 3 Figeac</textarea>" in html and ">Le café d'accueil.</textarea>" in html
    assert 'href="/auth/login?next=%2Freports%2Fnew"' in html
    reply = client.post(
        f"/discussions/{thread.id}/reply",
        data={"csrf_token": token, "body": "Ma réponse écrite avant la fin de ma session."},
        headers={"Referer": f"http://localhost/discussions/{thread.id}"},
    )
    assert reply.status_code == 401
    assert "Ma réponse écrite avant la fin de ma session." in reply.get_data(as_text=True)
    assert f"next=%2Fdiscussions%2F{thread.id}" in reply.get_data(as_text=True)
    # a third fresh tester: the header's « Se connecter » led to the POST-only address (405)
    assert "%2Freply" not in reply.get_data(as_text=True)
    # without a Referer, a form's own page when it has one (else the home page)
    bare = client.post("/reports/new", data={"csrf_token": token, "title": "Sans référent"})
    assert bare.status_code == 401 and "next=%2Freports%2Fnew" in bare.get_data(as_text=True)
    # another site's Referer is never a way back; a page to read still asks to sign in
    elsewhere = client.post(
        "/reports/new",
        data={"csrf_token": token, "title": "x"},
        headers={"Referer": "https://evil.example/x"},
    )
    assert "evil.example" not in elsewhere.get_data(as_text=True)
    page = client.get("/reports/new")
    assert page.status_code == 302 and "/auth/login?next=%2Freports%2Fnew" in page.location


def test_an_expired_form_leads_back_to_itself(client):
    """A third fresh tester: a stale login form gave a 400 page with « Retour à
    l'accueil » only; it offers the way back to the form."""
    response = client.post("/auth/login", data={"csrf_token": "périmé", "email": "a@b.fr"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert '<a href="/auth/login">Revenir au formulaire</a>' in html
