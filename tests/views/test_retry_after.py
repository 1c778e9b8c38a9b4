"""Every 429 that knows when its limit lifts says so: in words on the page (the form given
back as typed) and in Retry-After (RFC 9110 §10.2.3): the window count shared by every limit
(services.brakes.seconds_until_under) and the login throttle here; the contact limits in
test_structure_contact.py, flags in test_moderation_queue.py, the new-account brake in
test_discussions.py and test_tried_as_users_12.py."""

from datetime import timedelta

from forum.extensions import db
from forum.models import LoginFailure
from forum.models.base import utcnow
from forum.services import brakes
from tests.conftest import post_form


def test_the_limit_th_most_recent_moment_says_when_a_window_frees(app, make_user):
    """Five failures at 1, 5, 10, 20, 50 minutes ago in a one-hour window: with a limit of
    five, the window frees when the 50-minute-old one leaves (10 minutes); with a limit of
    three, when the 10-minute-old one does (50 minutes); with six, it is not reached."""
    now = utcnow()
    db.session.add_all(
        LoginFailure(email="x@example.org", ip="10.0.0.1", created_at=now - timedelta(minutes=m))
        for m in (1, 5, 10, 20, 50)
    )
    db.session.flush()
    moments = db.select(LoginFailure.created_at).where(LoginFailure.email == "x@example.org")
    hour = timedelta(hours=1)
    assert brakes.seconds_until_under(moments, 5, hour, now) == 600
    assert brakes.seconds_until_under(moments, 3, hour, now) == 3000
    assert brakes.seconds_until_under(moments, 6, hour, now) == 0


def test_a_throttled_login_keeps_the_address_and_says_when_to_retry(app, client, make_user):
    make_user(email="solene@example.org")
    wrong = {"email": "solene@example.org", "password": "pas-le-bon-mot"}
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert post_form(client, "/auth/login", wrong).status_code == 400
    response = post_form(
        client, "/auth/login", {"email": "solene@example.org", "password": "motdepasse-solide"}
    )
    assert response.status_code == 429
    window = app.config["LOGIN_WINDOW_SECONDS"]
    assert window - 5 <= int(response.headers["Retry-After"]) <= window
    html = response.get_data(as_text=True)
    assert f"Réessayez dans {window // 60} minutes" in html
    assert 'value="solene@example.org"' in html  # the form again, as typed
    assert 'name="password"' in html
