"""/admin/members: admins list and search members, change roles, suspend and reinstate;
a suspended member cannot log in and their sessions end, their content stays; the last
administrator stays; every change is in the moderation log, in French."""

from datetime import timedelta

import pytest
from flask.testing import FlaskClient

from forum.extensions import db
from forum.models import ModerationLog, UserSession
from forum.models.base import utcnow
from tests.conftest import post_form

OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def admin(make_user):
    return make_user(
        email="admin@example.org", display_name="Adèle Admin", role="admin", created_at=OLD
    )


def test_only_admins_see_the_members_page(client, login, make_user, admin):
    assert client.get("/admin/members").status_code == 302  # to the login page
    login(make_user(role="moderator", created_at=OLD))
    assert client.get("/admin/members").status_code == 403
    user = make_user(display_name="Zoé Membre")
    for action in ("role", "suspend", "reinstate"):
        response = post_form(client, f"/admin/members/{user.id}/{action}", {"role": "admin"})
        assert response.status_code == 403
    assert db.session.get(type(user), user.id).role == "member"


def test_list_search_and_filters(client, login, make_user, admin):
    make_user(display_name="Solène Riaublanc", email="solene@exemple.fr")
    make_user(display_name="Bastien Moreau", role="moderator")
    make_user(display_name="Claire 50%_Dupont")
    login(admin)
    page = client.get("/admin/members").get_data(as_text=True)
    assert "Solène Riaublanc" in page and "Bastien Moreau" in page and "4 membres" in page
    found = client.get("/admin/members?q=exemple.fr").get_data(as_text=True)
    assert "Solène Riaublanc" in found and "Bastien" not in found and "1 membre" in found
    moderators = client.get("/admin/members?role=moderator").get_data(as_text=True)
    assert "Bastien Moreau" in moderators and "Solène" not in moderators
    # LIKE wildcards in a search are plain characters
    assert "1 membre" in client.get("/admin/members?q=50%25_").get_data(as_text=True)
    assert "0 membre" in client.get("/admin/members?q=_%25z").get_data(as_text=True)
    # nonsense parameters are ignored, never a 500; past the last page is the 404 page
    odd = client.get("/admin/members?role=pape&status=%C3%A9&page=abc&q=" + "x" * 5000)
    assert odd.status_code == 200
    assert client.get("/admin/members?page=99").status_code == 404


def test_change_role_is_logged_in_french(client, login, make_user, admin):
    user = make_user(display_name="Zoé Membre")
    login(admin)
    response = post_form(
        client,
        f"/admin/members/{user.id}/role",
        {"role": "moderator", "list_q": "Zoé", "list_role": "member"},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/admin/members?q=Zo%C3%A9&role=member"
    assert db.session.get(type(user), user.id).role == "moderator"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Zoé Membre est maintenant : Modérateur·rice." in page
    bad = post_form(
        client, f"/admin/members/{user.id}/role", {"role": "roi"}, follow_redirects=True
    )
    assert bad.status_code == 200 and "Rôle inconnu" in bad.get_data(as_text=True)
    assert post_form(client, "/admin/members/999999/role", {"role": "admin"}).status_code == 404
    log = client.get("/moderation/").get_data(as_text=True).split("Journal des actions")[-1]
    assert "Rôle modifié (Membre → Modérateur·rice)" in log
    assert f'<a href="/users/{user.id}">compte de Zoé Membre</a>' in log


def test_the_last_admin_can_be_neither_demoted_nor_suspended(client, login, make_user, admin):
    login(admin)
    refused = post_form(
        client, f"/admin/members/{admin.id}/role", {"role": "member"}, follow_redirects=True
    )
    assert "dernier administrateur" in refused.get_data(as_text=True)
    assert db.session.get(type(admin), admin.id).role == "admin"
    other = make_user(display_name="Odile Admin", role="admin", created_at=OLD)
    suspended = post_form(client, f"/admin/members/{other.id}/suspend", {"reason": "test"})
    assert suspended.status_code == 303
    # Odile is suspended: Adèle is the last active admin again
    again = post_form(
        client, f"/admin/members/{admin.id}/role", {"role": "member"}, follow_redirects=True
    )
    assert "dernier administrateur" in again.get_data(as_text=True)
    post_form(client, f"/admin/members/{other.id}/reinstate", {})
    done = post_form(client, f"/admin/members/{admin.id}/role", {"role": "moderator"})
    assert done.status_code == 303
    assert db.session.get(type(admin), admin.id).role == "moderator"


def test_suspension_ends_sessions_blocks_login_and_keeps_content(
    app, client, login, make_user, make_report, admin
):
    member = make_user(display_name="Marc Suspendu", email="marc@example.org", created_at=OLD)
    report = make_report(member, "Séance à Figeac avec les élus")
    theirs = app.test_client()
    post_form(theirs, "/auth/login", {"email": member.email, "password": "motdepasse-solide"})
    assert "Marc Suspendu" in theirs.get("/account").get_data(as_text=True)
    login(admin)
    response = post_form(
        client, f"/admin/members/{member.id}/suspend", {"reason": "Messages injurieux"}
    )
    assert response.status_code == 303
    assert "Le compte de Marc Suspendu est suspendu." in client.get("/admin/members").get_data(
        as_text=True
    )
    assert (
        db.session.scalar(db.select(db.func.count(UserSession.id)).filter_by(user_id=member.id))
        == 0
    )
    assert theirs.get("/account").status_code == 302  # logged out at the next request
    refused = _login(app, member.email)
    assert refused.status_code == 400
    assert "Ce compte est suspendu" in refused.get_data(as_text=True)
    # a wrong password does not reveal the suspension
    assert "suspendu" not in _login(app, member.email, "mauvais").get_data(as_text=True)
    assert client.get(f"/reports/{report.id}").status_code == 200  # their content stays
    twice = post_form(client, f"/admin/members/{member.id}/suspend", {})
    assert twice.status_code == 303
    post_form(client, f"/admin/members/{member.id}/reinstate", {})
    assert _login(app, member.email).status_code == 303
    actions = [e.action for e in db.session.scalars(db.select(ModerationLog))]
    assert actions == ["suspend", "reinstate"]  # the second suspension changed nothing
    log = client.get("/moderation/").get_data(as_text=True).split("Journal des actions")[-1]
    assert "Compte suspendu (Messages injurieux)" in log and "Compte rétabli" in log


def test_an_admin_cannot_suspend_themselves(client, login, make_user, admin):
    make_user(role="admin", created_at=OLD)
    login(admin)
    page = post_form(client, f"/admin/members/{admin.id}/suspend", {}, follow_redirects=True)
    assert "votre propre compte" in page.get_data(as_text=True)
    assert db.session.get(type(admin), admin.id).suspended_at is None


def test_forms_need_the_csrf_token(client, login, make_user, admin):
    user = make_user()
    login(admin)
    assert client.post(f"/admin/members/{user.id}/suspend").status_code == 400


def _login(app, email: str, password: str = "motdepasse-solide"):
    browser: FlaskClient = app.test_client()
    return post_form(browser, "/auth/login", {"email": email, "password": password})
