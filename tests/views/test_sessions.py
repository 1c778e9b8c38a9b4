"""Open sessions through the real stack: a password change or reset, a logout and
« Déconnecter » on /account end sessions and remember-me cookies for good; a session lasts
30 days at most; the check costs no extra SQL statement per page."""

import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from flask_login.utils import encode_cookie

from forum.extensions import db
from forum.models import UserSession
from forum.models.base import utcnow
from tests.conftest import post_form

PASSWORD = "motdepasse-solide"
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def device(app, client):
    """device(user_agent=...) -> another browser (own cookies); `client` is the first."""

    def make(user_agent: str | None = None):
        browser = app.test_client()
        if user_agent:
            browser.environ_base["HTTP_USER_AGENT"] = user_agent
        return browser

    return make


def log_in(browser, user, remember=False, password=PASSWORD):
    data = {"email": user.email, "password": password}
    if remember:
        data["remember"] = "y"
    response = post_form(browser, "/auth/login", data)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    return response


def logged_in(browser) -> bool:
    response = browser.get("/account")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def only_the_cookie(device, browser):
    """A browser holding nothing but a copy of `browser`'s remember-me cookie."""
    thief = device()
    thief.set_cookie("remember_token", browser.get_cookie("remember_token").value)
    return thief


def change_password(browser, new="encore-plus-long"):
    return post_form(
        browser,
        "/account/password",
        {"current_password": PASSWORD, "password": new, "password_confirm": new},
    )


def test_changing_the_password_ends_every_other_session_and_cookie(client, device, make_user):
    user = make_user()
    laptop, phone = device(), device()
    log_in(laptop, user, remember=True)
    log_in(phone, user)
    copy = only_the_cookie(device, laptop)
    log_in(client, user)
    response = change_password(client)
    assert response.status_code == 303
    assert not logged_in(laptop) and not logged_in(phone)
    assert not logged_in(copy)
    page = client.get("/account").get_data(as_text=True)
    assert page.count("</strong> — cet appareil") == 1  # the one that changed it stays open
    assert "Vos 2 autres appareils connectés ont été déconnectés." in page
    log_in(laptop, user, password="encore-plus-long")
    assert logged_in(laptop)


def test_a_reset_through_the_emailed_link_ends_every_session(client, device, make_user, smtp):
    user = make_user()
    laptop = device()
    log_in(laptop, user, remember=True)
    copy = only_the_cookie(device, laptop)
    assert post_form(client, "/auth/reset", {"email": user.email}).status_code == 303
    token = re.search(r"/auth/reset/(\S+)", smtp.messages[0].get_payload(decode=True).decode())
    new = {"password": "nouveau-mot-de-passe", "password_confirm": "nouveau-mot-de-passe"}
    assert post_form(client, f"/auth/reset/{token.group(1)}", new).status_code == 303
    assert not logged_in(laptop) and not logged_in(copy)
    assert db.session.scalar(db.select(db.func.count(UserSession.id))) == 0


def test_a_reset_from_a_logged_in_browser_logs_it_out_too(client, make_user, smtp):
    user = make_user()
    log_in(client, user)
    post_form(client, "/auth/reset", {"email": user.email})
    token = re.search(r"/auth/reset/(\S+)", smtp.messages[0].get_payload(decode=True).decode())
    new = {"password": "nouveau-mot-de-passe", "password_confirm": "nouveau-mot-de-passe"}
    assert post_form(client, f"/auth/reset/{token.group(1)}", new).status_code == 303
    assert not logged_in(client)


def test_logout_ends_the_session_and_every_copy_of_its_cookies(client, device, make_user):
    user = make_user()
    log_in(client, user, remember=True)
    remember_copy = only_the_cookie(device, client)
    session_copy = device()
    session_copy.set_cookie("session", client.get_cookie("session").value)
    assert logged_in(remember_copy) and logged_in(session_copy)
    assert post_form(client, "/auth/logout", {}).status_code == 303
    assert not logged_in(client)
    assert not logged_in(remember_copy)
    assert not logged_in(session_copy)


def test_an_ended_remember_cookie_is_deleted_from_the_browser(client, device, make_user):
    user = make_user()
    log_in(client, user, remember=True)
    copy = only_the_cookie(device, client)
    post_form(client, "/auth/logout", {})
    response = copy.get("/account")
    assert response.status_code == 302
    deleted = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token=")]
    assert deleted and "Expires=Thu, 01 Jan 1970" in deleted[0]
    assert copy.get_cookie("remember_token") is None


def test_remember_me_lasts_30_days_and_no_session_longer(client, device, make_user):
    user = make_user()
    response = log_in(client, user, remember=True)
    [cookie] = [h for h in response.headers.getlist("Set-Cookie") if "remember_token=" in h]
    assert "Max-Age=2592000" in cookie  # 30 days, not Flask-Login's 365
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", cookie).group(1))
    assert abs(expires - (datetime.now(UTC) + timedelta(days=30))) < timedelta(minutes=1)
    copy = only_the_cookie(device, client)
    assert logged_in(copy)
    # 30 days later the session is over, whatever the browser does with its cookies.
    db.session.execute(db.update(UserSession).values(created_at=utcnow() - timedelta(days=30)))
    db.session.commit()
    assert not logged_in(copy)
    assert not logged_in(client)


def test_account_lists_open_sessions_and_ends_one(client, device, make_user):
    user = make_user()
    laptop = device(FIREFOX_WINDOWS)
    log_in(laptop, user, remember=True)
    client.environ_base["HTTP_USER_AGENT"] = CHROME_ANDROID
    log_in(client, user)
    page = client.get("/account").get_data(as_text=True)
    assert "Appareils connectés" in page
    assert "Firefox, Windows" in page and "Chrome, Android" in page
    here = re.search(r"Chrome, Android</strong> — cet appareil", page)
    assert here, page
    assert "reste connecté" in page  # the laptop ticked « Rester connecté »
    assert "Déconnecter les autres appareils" in page
    laptop_session = db.session.scalar(
        db.select(UserSession.id).where(UserSession.device == "Firefox, Windows")
    )
    # A POST without the CSRF token changes nothing.
    assert client.post(f"/account/sessions/{laptop_session}/end").status_code == 400
    assert logged_in(laptop)
    response = post_form(client, f"/account/sessions/{laptop_session}/end", {})
    assert response.status_code == 303
    assert response.headers["Location"] == "/account#sessions"
    page = client.get("/account").get_data(as_text=True)
    assert "L&#39;appareil a été déconnecté." in page
    assert "Firefox, Windows" not in page
    assert not logged_in(laptop) and logged_in(client)
    # Ending it again, or someone else's session, says so and ends nothing.
    again = post_form(client, f"/account/sessions/{laptop_session}/end", {}, follow_redirects=True)
    assert "Cette session était déjà terminée." in again.get_data(as_text=True)
    other = device()
    log_in(other, make_user())
    theirs = db.session.scalar(db.select(db.func.max(UserSession.id)))
    post_form(client, f"/account/sessions/{theirs}/end", {})
    assert logged_in(other)


def test_ending_this_very_session_logs_out_here(client, make_user):
    log_in(client, make_user())
    mine = re.search(r"/account/sessions/(\d+)/end", client.get("/account").get_data(as_text=True))
    response = post_form(client, f"/account/sessions/{mine.group(1)}/end", {})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert not logged_in(client)


def test_end_every_other_device_at_once(client, device, make_user):
    user = make_user()
    others = [device(), device()]
    for other in others:
        log_in(other, user, remember=True)
    log_in(client, user)
    response = post_form(client, "/account/sessions/end-others", {}, follow_redirects=True)
    assert "2 autres appareils ont été déconnectés." in response.get_data(as_text=True)
    assert [logged_in(other) for other in others] == [False, False]
    assert logged_in(client)


def test_logging_in_again_replaces_this_browsers_session(client, make_user):
    first, second = make_user(), make_user()
    log_in(client, first)
    log_in(client, second)  # without logging out in between
    owners = list(db.session.scalars(db.select(UserSession.user_id)))
    assert owners == [second.id]


def test_registration_opens_a_session_listed_on_the_account_page(client):
    client.environ_base["HTTP_USER_AGENT"] = FIREFOX_WINDOWS
    response = post_form(
        client,
        "/auth/register",
        {
            "display_name": "Solène Martin",
            "email": "solene@example.org",
            "password": "un-mot-de-passe-long",
            "password_confirm": "un-mot-de-passe-long",
            "structure": "",
        },
    )
    assert response.status_code == 303
    assert "Firefox, Windows</strong> — cet appareil" in client.get("/account").get_data(
        as_text=True
    )


def test_the_export_lists_open_sessions(client, make_user):
    client.environ_base["HTTP_USER_AGENT"] = FIREFOX_WINDOWS
    log_in(client, make_user(), remember=True)
    data = json.loads(client.get("/account/export").get_data(as_text=True))
    assert [(s["device"], s["remember"]) for s in data["sessions"]] == [("Firefox, Windows", True)]


@pytest.mark.parametrize(
    "session_id",
    [
        "²³.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  # Unicode digits
        "99999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  # beyond an INTEGER
        "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  # a well-formed guess
        "1.0123456789abcdef",  # the form used before migration 0006
        "1",
        "",
    ],
)
def test_forged_or_outdated_cookies_open_nothing(app, client, make_user, session_id):
    """Even correctly signed (as with a leaked secret key, or a cookie from before this
    version), an id that names no open session is anonymous: no 500, no account."""
    make_user()
    with app.test_request_context():
        client.set_cookie("remember_token", encode_cookie(session_id))
    response = client.get("/account")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_a_page_costs_the_same_statements_and_last_seen_is_written_rarely(
    client, make_user, make_report, count_queries
):
    """The member and the session come in one query (as the member alone did before):
    a page costs no extra statement; "last seen" is written at most every 5 minutes."""
    report = make_report(make_user())
    viewer = make_user()
    url = f"/reports/{report.id}"
    client.get(url)  # « retours similaires » is computed once, then kept (tests/test_cache.py)
    with count_queries() as anonymous:
        assert client.get(url).status_code == 200
    log_in(client, viewer)
    with count_queries() as member:
        assert client.get(url).status_code == 200
    # Measured before this change: 5 anonymous, 8 for a member (+ the member, the unread
    # count and their bookmarks). Since the report's article and thread are kept rendered
    # per content stamp (views/reports.py:_article): 3 and 6.
    assert (len(anonymous), len(member)) == (3, 6)
    loads = [s for s in member if "user_session" in s]
    assert len(loads) == 1 and "user_account" in loads[0] and loads[0].startswith("SELECT")
    before = utcnow() - timedelta(minutes=10)
    db.session.execute(db.update(UserSession).values(last_seen_at=before))
    db.session.commit()
    with count_queries() as stale:
        assert client.get(url).status_code == 200
    assert [s.split()[0] for s in stale if "user_session" in s] == ["SELECT", "UPDATE"]
    assert len(stale) == 7
    assert db.session.scalar(db.select(UserSession.last_seen_at)) > before
    with count_queries() as again:
        assert client.get(url).status_code == 200
    assert len(again) == 6


def test_expired_sessions_are_erased_at_the_next_login(client, device, make_user):
    """Privacy page: kept no longer than needed, whoever logs in next."""
    gone, member = make_user(), make_user()
    log_in(device(), gone, remember=True)
    db.session.execute(db.update(UserSession).values(created_at=utcnow() - timedelta(days=31)))
    db.session.commit()
    log_in(client, member)
    assert list(db.session.scalars(db.select(UserSession.user_id))) == [member.id]


def test_session_list_in_english_and_with_no_other_device(client, make_user):
    log_in(client, make_user(locale="en"))
    post_form(client, "/language", {"locale": "en", "next": "/account"})
    page = client.get("/account").get_data(as_text=True)
    assert "Logged-in devices" in page and "this device" in page
    assert "Log out the other devices" in page
    response = post_form(client, "/account/sessions/end-others", {}, follow_redirects=True)
    assert "No other device was logged in." in response.get_data(as_text=True)
    assert logged_in(client)
