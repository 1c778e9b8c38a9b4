"""Personal data (RGPD): export, account deletion (keep or erase), privacy page, and e-mail
addresses never shown to other members — through the real stack and the real index."""

import json
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import (
    Bookmark,
    Discussion,
    LoginFailure,
    Notification,
    Post,
    PostRevision,
    Report,
    ReportBody,
    ReportRevision,
    User,
    Watch,
)
from forum.models.base import utcnow
from forum.search import engine
from forum.services import notifications
from forum.services.reports import ReportInput, update_report
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def alice(make_user, make_structure):
    structure = make_structure(name="Tiers-lieu du Ségala")
    return make_user(
        email="alice.secret@example.org",
        display_name="Alice Martin",
        created_at=OLD,
        structure=structure,
        bio="Animatrice depuis 2019.",
    )


@pytest.fixture
def bob(make_user):
    return make_user(email="bob.discret@example.org", display_name="Bob Durand", created_at=OLD)


@pytest.fixture
def network(client, login, alice, bob, make_report):
    """Alice writes a report (edited once), a draft, a discussion; Bob replies to both;
    Alice replies to Bob, follows and bookmarks things, gets notified."""
    report = make_report(
        alice, "Séance pépinière à Figeac", sections={"context": "Une pépinière solidaire."}
    )
    draft = make_report(alice, "Brouillon confidentiel", publish=False)
    login(alice)
    update_report(
        report,
        alice,
        ReportInput(
            title="Séance pépinière à Figeac",
            session_date=date(2025, 2, 1),
            department="46",
            format="presentiel",
            participants=6,
            modules=["besoin-social-utilite-sociale"],
            sections={"context": "Une pépinière solidaire, version revue."},
            publish=True,
        ),
    )
    post_form(
        client,
        "/discussions/new",
        [
            ("title", "Covoiturage des porteurs"),
            ("body", "Comment organisez-vous le covoiturage ?"),
            ("category", "questions-de-pratique"),
        ],
    )
    discussion = db.session.scalar(sa.select(Discussion).where(Discussion.report_id.is_(None)))
    post_form(client, "/auth/logout", {})
    login(bob)
    post_form(client, f"/discussions/{discussion.id}/reply", {"body": "Avec la mairie, @alice."})
    post_form(client, f"/reports/{report.id}/reply", {"body": "Bravo pour la pépinière."})
    post_form(client, "/auth/logout", {})
    login(alice)
    # his reply in this discussion (he has one under the report too: without the
    # discussion, PostgreSQL may return either, and a parent from another thread is refused)
    bob_post = db.session.scalar(
        sa.select(Post).where(Post.author_id == bob.id, Post.discussion_id == discussion.id)
    )
    post_form(
        client,
        f"/discussions/{discussion.id}/reply",
        {"body": "Merci Bob, réponse mycorhize.", "parent_id": str(bob_post.id)},
    )
    db.session.add(Bookmark(user_id=alice.id, report_id=report.id))
    db.session.commit()
    notifications.process_events()
    engine().store.ensure()
    engine().sync()
    return {"report": report, "draft": draft, "discussion": discussion}


def test_export_contains_everything_about_me_and_no_other_email(
    client, login, network, alice, make_user
):
    # A moderator rewords one of her messages: her original wording is still hers.
    from forum.services.discussions import edit_post

    post = db.session.scalar(sa.select(Post).where(Post.body_md == "Merci Bob, réponse mycorhize."))
    edit_post(post, make_user(role="moderator"), "Merci Bob.")
    client.get(f"/discussions/{network['discussion'].id}")
    response = client.get("/account/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "alice.secret@example.org"
    assert data["account"]["structure"] == "Tiers-lieu du Ségala"
    assert data["account"]["bio"] == "Animatrice depuis 2019."
    titles = {r["title"]: r for r in data["reports"]}
    assert set(titles) == {"Séance pépinière à Figeac", "Brouillon confidentiel"}
    report = titles["Séance pépinière à Figeac"]
    assert report["sections_markdown"]["context"] == "Une pépinière solidaire, version revue."
    assert len(data["report_revisions"]) >= 2  # creation and the edit
    assert [d["title"] for d in data["discussions"] if not d["report_id"]] == [
        "Covoiturage des porteurs"
    ]
    bodies = [p["body_markdown"] for p in data["posts"]]
    assert "Comment organisez-vous le covoiturage ?" in bodies and "Merci Bob." in bodies
    earlier = [r for r in data["post_revisions"] if r["post_id"] == post.id]
    assert [(r["body_markdown"], r["by_me"]) for r in earlier] == [
        ("Merci Bob, réponse mycorhize.", False)
    ]
    assert data["read_up_to"], "reading a discussion leaves a marker"
    assert any(b["report_id"] == network["report"].id for b in data["bookmarks"])
    assert data["follows"], "starting a discussion follows it"
    # Bob's mention and reply notified Alice: he appears by name, never by address.
    assert {n["from"] for n in data["notifications"]} == {"Bob Durand"}
    # What each notification is about, whatever its kind (calendar, parcours, structure too)
    assert all(
        {"calendar_event_id", "parcours_id", "structure_id"} <= set(n)
        for n in data["notifications"]
    )
    assert "bob.discret@example.org" not in response.get_data(as_text=True)


def test_export_needs_login(client):
    response = client.get("/account/export")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def _delete(client, mode, password="motdepasse-solide", confirm=True):
    data = {"mode": mode, "password": password}
    if confirm:
        data["confirm"] = "y"
    return post_form(client, "/account/delete", data)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"password": "motdepasse-solide", "confirm": "y"}, "Choisissez ce que deviennent"),
        ({"mode": "keep", "confirm": "y"}, "Indiquez votre mot de passe"),
        ({"mode": "keep", "password": "mauvais-mot-de-passe", "confirm": "y"}, "Ce n&#39;est pas"),
        ({"mode": "keep", "password": "motdepasse-solide"}, "Cochez la case"),
        ({"mode": "tout", "password": "motdepasse-solide", "confirm": "y"}, "Not a valid choice"),
    ],
)
def test_bad_deletion_requests_change_nothing(client, login, alice, data, message):
    login(alice)
    response = post_form(client, "/account/delete", data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'class="error-summary"' in page
    if message != "Not a valid choice":  # WTForms' own message, translated by the catalog
        assert message in page
    if "confirm" not in data:  # the checkbox shows its own error, which aria-describedby names
        assert 'id="confirm-error"' in page and 'aria-describedby="confirm-error"' in page
    assert db.session.get(User, alice.id) is not None
    assert client.get("/account").status_code == 200  # still logged in


def test_delete_keeping_contributions_signs_them_ancien_membre(client, login, network, alice, bob):
    alice_id, report_id = alice.id, network["report"].id
    discussion_id, draft_id = network["discussion"].id, network["draft"].id
    db.session.add(LoginFailure(email="alice.secret@example.org", ip="10.0.0.1"))
    db.session.commit()
    response = _delete(client, "keep")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert "ancien membre" in client.get("/").get_data(as_text=True)  # the flash
    db.session.expire_all()
    assert db.session.get(User, alice_id) is None
    assert client.get("/account").status_code == 302  # logged out
    assert client.get(f"/users/{alice_id}").status_code == 404
    # Her published words stay, anonymous.
    page = client.get(f"/reports/{report_id}").get_data(as_text=True)
    assert "Une pépinière solidaire, version revue." in page
    assert "par un ancien membre" in page and "Alice Martin" not in page
    thread = client.get(f"/discussions/{discussion_id}").get_data(as_text=True)
    assert "Comment organisez-vous le covoiturage ?" in thread and "ancien membre" in thread
    assert "Merci Bob, réponse mycorhize." in thread and "Alice Martin" not in thread
    # Her draft was never public: erased. What concerned only her is gone.
    draft = db.session.get(Report, draft_id)
    assert draft.deleted_at is not None and draft.title != "Brouillon confidentiel"
    for model in (Watch, Notification, Bookmark):
        assert db.session.scalar(sa.select(sa.func.count()).where(model.user_id == alice_id)) == 0
    assert db.session.scalar(sa.select(sa.func.count(LoginFailure.id))) == 0
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Report).where(Report.author_id == alice_id)
        )
        == 0
    )
    # She can no longer log in; her address can register again.
    assert post_form(
        client,
        "/auth/login",
        {"email": "alice.secret@example.org", "password": "motdepasse-solide"},
    ).status_code in (200, 400, 401)
    engine().sync()
    assert f'/reports/{report_id}"' in client.get("/search?q=pépinière").get_data(as_text=True)


def test_delete_erasing_contributions_wipes_her_words_keeps_others(
    client, login, network, alice, bob, make_user
):
    alice_id, report_id = alice.id, network["report"].id
    discussion_id = network["discussion"].id
    response = _delete(client, "erase")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(User, alice_id) is None
    # Its thread carried a copy of the title (shown in notifications and bookmarks).
    thread = db.session.scalar(sa.select(Discussion).where(Discussion.report_id == report_id))
    assert thread.title == "—"
    # The report: gone for readers, its text and history wiped in the database.
    assert client.get(f"/reports/{report_id}").status_code in (404, 410)
    body = db.session.get(ReportBody, report_id)
    assert body.context_md == "" and body.context_html == ""
    assert (
        db.session.scalar(sa.select(sa.func.count()).where(ReportRevision.report_id == report_id))
        == 0
    )
    # Her messages: wiped; Bob's reply in her discussion stays, the thread keeps its shape.
    for text in ("Comment organisez-vous le covoiturage ?", "Merci Bob, réponse mycorhize."):
        assert db.session.scalar(sa.select(sa.func.count()).where(Post.body_md == text)) == 0
    assert (
        db.session.scalar(
            sa.select(sa.func.count(PostRevision.id)).join(Post).where(Post.author_id.is_(None))
        )
        == 0
    )
    thread = client.get(f"/discussions/{discussion_id}")
    assert thread.status_code == 200
    html = thread.get_data(as_text=True)
    assert "Avec la mairie" in html and "Bob Durand" in html
    assert "Covoiturage des porteurs" not in html and "Alice Martin" not in html
    # The index forgets her words once the outbox drains.
    engine().sync()
    for word in ("pépinière", "mycorhize", "covoiturage"):
        assert engine().search(word).total == 0, word
    assert engine().search("mairie").total == 1  # Bob's reply
    # A moderator cannot bring an erased report back.
    report = db.session.get(Report, report_id)
    assert report.status == "erased" and report.title == "—"
    moderator = make_user(role="moderator")
    login(moderator)
    response = post_form(client, f"/reports/{report_id}/restore", {})
    assert response.status_code == 303
    assert "effacé avec le compte" in client.get(f"/reports/{report_id}").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Report, report_id).deleted_at is not None


def test_a_discussion_nobody_answered_disappears_when_erased(client, login, alice):
    login(alice)
    post_form(
        client,
        "/discussions/new",
        [("title", "Seule ici"), ("body", "Personne ?"), ("category", "questions-de-pratique")],
    )
    discussion_id = db.session.scalar(sa.select(Discussion.id))
    assert _delete(client, "erase").status_code == 303
    assert client.get(f"/discussions/{discussion_id}").status_code in (404, 410)
    assert "Seule ici" not in client.get("/discussions/").get_data(as_text=True)


def test_the_last_administrator_cannot_leave(client, login, make_user):
    admin = make_user(role="admin")
    admin_id = admin.id
    login(admin)
    response = _delete(client, "keep")
    assert response.status_code == 303 and response.headers["Location"] == "/account/delete"
    assert "seul administrateur" in client.get("/account/delete").get_data(as_text=True)
    assert db.session.get(User, admin_id) is not None
    make_user(role="admin")
    assert _delete(client, "keep").headers["Location"] == "/"
    db.session.expire_all()
    assert db.session.get(User, admin_id) is None


def test_deletion_form_is_protected_by_csrf(client, login, alice):
    login(alice)
    response = client.post(
        "/account/delete", data={"mode": "erase", "password": "motdepasse-solide", "confirm": "y"}
    )
    assert response.status_code == 400
    assert db.session.get(User, alice.id) is not None


def test_privacy_page_in_french_and_english(client, login, alice):
    page = client.get("/confidentialite").get_data(as_text=True)
    assert "Confidentialité et données personnelles" in page
    assert "jamais montrée aux autres membres" in page
    assert 'href="/confidentialite"' in client.get("/").get_data(as_text=True)  # footer
    login(alice)
    page = client.get("/confidentialite").get_data(as_text=True)
    assert 'href="/account/export"' in page and 'href="/account/delete"' in page
    client.post("/language", data={"locale": "en", "csrf_token": _token(client)})
    assert "Privacy" in client.get("/confidentialite").get_data(as_text=True)


def _token(client):
    from tests.conftest import csrf_token

    return csrf_token(client, "/confidentialite")


def test_email_addresses_never_shown_to_other_members(client, login, network, alice, bob):
    """Bob browses every page where Alice appears: her address is nowhere."""
    post_form(client, "/auth/logout", {})
    login(bob)
    report_id, discussion_id = network["report"].id, network["discussion"].id
    pages = [
        "/",
        f"/users/{alice.id}",
        f"/structures/{alice.structure.slug}",
        f"/reports/{report_id}",
        f"/reports/{report_id}/history",
        f"/reports/{report_id}.md",
        f"/discussions/{discussion_id}",
        "/discussions/",
        "/reports/",
        "/structures/",
        "/search?q=pépinière",
        "/notifications",
        "/reports/feed.atom",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        if path in (f"/users/{alice.id}", f"/reports/{report_id}", f"/discussions/{discussion_id}"):
            assert "Alice Martin" in html, path  # she is on the page, her address is not
        assert "alice.secret@example.org" not in html, path


def test_a_deleted_members_other_sessions_never_open_a_new_account(app, client, login, alice):
    """Alice is logged in on two devices and deletes her account from one; whoever
    registers next (SQLite used to hand them her id) is not reachable from the other."""
    other_device = app.test_client()
    login(alice)
    post_form(other_device, "/auth/login", {"email": alice.email, "password": "motdepasse-solide"})
    assert other_device.get("/account").status_code == 200
    alice_id = alice.id
    assert _delete(client, "keep").status_code == 303
    response = post_form(
        client,
        "/auth/register",
        {
            "display_name": "Nouvelle Venue",
            "email": "nouvelle@example.org",
            "password": "motdepasse-solide",
            "password_confirm": "motdepasse-solide",
            "structure": "",
        },
    )
    assert response.status_code in (302, 303)
    newcomer = db.session.scalar(sa.select(User).where(User.email == "nouvelle@example.org"))
    assert newcomer.id != alice_id  # ids are never reused
    # Even an account holding her very id (a database restored, ids reset) stays closed:
    # the session names the account row, not only its number.
    squatter = User(
        id=alice_id, email="squatter@example.org", display_name="Squatter", handle="squatter"
    )
    squatter.set_password("motdepasse-solide")
    db.session.add(squatter)
    db.session.commit()
    response = other_device.get("/account")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert "squatter@example.org" not in other_device.get("/account/export").get_data(as_text=True)


def test_guessing_the_password_on_the_deletion_form_is_throttled_like_logins(
    app, client, login, alice
):
    login(alice)
    limit = app.config["LOGIN_MAX_FAILURES"]
    for _ in range(limit):
        assert _delete(client, "erase", password="pas-le-bon-mot").status_code == 400
    assert _delete(client, "erase").status_code == 429  # even the right one, for a while
    assert db.session.get(User, alice.id) is not None
