"""Every 429 that knows when its limit lifts says so: in words on the page (the form given
back as typed) and in Retry-After (RFC 9110 §10.2.3), for the login throttle, the contact
limits and the new-account brake, all counted by services.brakes.seconds_until_under."""

from datetime import timedelta

from forum.extensions import db
from forum.models import ContactMessage, LoginFailure
from forum.models.base import utcnow
from forum.services import brakes
from tests.conftest import post_form
from tests.views.test_structure_contact import MESSAGE, network  # noqa: F401 (fixture)


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


def test_the_contact_limits_say_when_they_lift(client, login, network):  # noqa: F811
    sender = network["sender"]
    login(sender)
    now = utcnow()
    db.session.add_all(
        ContactMessage(sender_id=sender.id, recipients=1, created_at=now - timedelta(minutes=m))
        for m in (1, 5, 10, 20, 50)
    )
    db.session.commit()
    slug = network["structure"].slug
    response = post_form(client, f"/structures/{slug}/contact", MESSAGE)
    assert response.status_code == 429
    assert 595 <= int(response.headers["Retry-After"]) <= 600  # the 50-minute-old one leaves

    db.session.execute(db.update(ContactMessage).values(created_at=now - timedelta(hours=2)))
    db.session.add_all(
        ContactMessage(sender_id=sender.id, recipients=1, created_at=now - timedelta(hours=h))
        for h in range(3, 18)
    )
    db.session.commit()
    response = post_form(client, f"/structures/{slug}/contact", MESSAGE)
    assert response.status_code == 429
    seven_hours = 7 * 3600  # the oldest of twenty, 17 hours old, leaves the day
    assert seven_hours - 5 <= int(response.headers["Retry-After"]) <= seven_hours
