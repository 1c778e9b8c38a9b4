"""A database that does not answer gives a French 503 with Retry-After, not a 500, and the
site recovers on its own when it is back. The failures are real: the SQLite file's folder
is moved away, so that opening a connection fails."""

import pytest
from flask_migrate import upgrade
from sqlalchemy.exc import IntegrityError

from forum import create_app
from forum.extensions import db
from forum.models import User
from tests.conftest import csrf_token, post_form


@pytest.fixture
def site(tmp_path):
    """An app on its own SQLite file (the shared test database stays untouched)."""
    folder = tmp_path / "db"
    folder.mkdir()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/forum.sqlite",
            "SEARCH_DIR": str(tmp_path / "search"),
        },
        env="testing",
    )
    with app.app_context():
        upgrade()
        user = User(email="panne@example.org", display_name="Panne", handle="panne")
        user.set_password("motdepasse-solide")
        db.session.add(user)
        db.session.commit()
    yield app, folder
    with app.app_context():
        db.engine.dispose()


def take_database_away(app, folder):
    with app.app_context():
        db.engine.dispose()  # pooled connections would still reach the moved file
    folder.rename(folder.with_name("away"))


def test_database_away_is_a_french_503_with_retry_after(site):
    app, folder = site
    client = app.test_client()
    take_database_away(app, folder)
    for path in ("/", "/reports/", "/search?q=financement", "/discussions/"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.headers["Retry-After"] == "5"
        assert "Service indisponible" in response.get_data(as_text=True)


def test_member_gets_503_during_outage_and_is_still_logged_in_after(site):
    app, folder = site
    client = app.test_client()
    response = post_form(
        client, "/auth/login", {"email": "panne@example.org", "password": "motdepasse-solide"}
    )
    assert response.status_code == 303
    token = csrf_token(client, "/account")
    take_database_away(app, folder)
    assert client.get("/account").status_code == 503
    response = client.post("/reports/new", data={"csrf_token": token, "title": "En panne"})
    assert response.status_code == 503
    assert "Service indisponible" in response.get_data(as_text=True)

    folder.with_name("away").rename(folder)  # back: the next request reconnects
    response = client.get("/account")
    assert response.status_code == 200
    assert "Panne" in response.get_data(as_text=True)


def test_other_database_errors_stay_500(site):
    app, _folder = site

    @app.get("/integrity-for-test")
    def integrity():
        raise IntegrityError("INSERT …", {}, Exception("duplicate key"))

    response = app.test_client().get("/integrity-for-test")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert "Erreur interne" in response.get_data(as_text=True)


def test_a_database_never_migrated_is_a_loud_500_not_an_outage(tmp_path, caplog):
    """SQLite says "no such table" with the same exception class as "unable to open":
    a forgotten `flask db upgrade` must not pass for a passing outage."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/empty.sqlite",
            "SEARCH_DIR": str(tmp_path / "search"),
        },
        env="testing",
    )
    app.testing = False  # the real error page, not the exception
    response = app.test_client().get("/reports/")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert "no such table" in caplog.text  # logged with its traceback
    with app.app_context():
        db.engine.dispose()
