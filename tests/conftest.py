"""Fixtures: a real database (SQLite file, or PostgreSQL with FORUM_TEST_DATABASE_URL),
migrated once per run and emptied after each test; the Flask test client; helpers."""

import os
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from forum import create_app
from forum.extensions import db
from forum.models.base import utcnow
from tests.storage_server import seaweedfs  # noqa: F401  (a fixture: a real S3 server)

REFERENCE_TABLES = {"region", "department", "alembic_version"}
# An account registered a month ago: past the new-account brake (forum.services.brakes),
# which stops a first day at ten publications an hour. For fixtures that publish more.
A_MONTH_AGO = utcnow() - timedelta(days=30)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    """A fresh database for the run: an SQLite file, or a new PostgreSQL database."""
    server_url = os.environ.get("FORUM_TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    name = f"maillage_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.engine.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def migrated(database_url, tmp_path_factory) -> str:
    """Run the real Alembic migrations once, then load the reference data."""
    from flask_migrate import upgrade

    from forum.services import reference

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "SEARCH_DIR": str(tmp_path_factory.mktemp("ix"))},
        env="testing",
    )
    with app.app_context():
        upgrade()
        reference.bootstrap()
        db.session.commit()  # the CLI command commits; so does a fixture
        db.engine.dispose()
    return database_url


@pytest.fixture
def app_config(tmp_path) -> dict:
    """Per-test overrides; tests may change it before `app` is built."""
    return {"SEARCH_DIR": str(tmp_path / "search"), "STORAGE_DIR": str(tmp_path / "files")}


@pytest.fixture
def app(migrated, app_config) -> Iterator[Flask]:
    from forum.services import modules, reference

    app = create_app({"SQLALCHEMY_DATABASE_URI": migrated, **app_config}, env="testing")
    with app.app_context():
        modules.load_defaults()  # modules, tags and categories are emptied after each test
        reference.load_categories()
        db.session.commit()  # the CLI command commits; so does a fixture
        yield app
        app.extensions["search"].shutdown()  # its cached searcher holds open files
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables() -> None:
    """Delete every row but the reference data, children first."""
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                conn.execute(table.delete())


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (own `g`, own DB session), as in production,
    rather than sharing the one the test holds open."""

    def open(self, *args, **kwargs):
        # End the test's own transaction first, so that its next query sees what the
        # request wrote (SQLite keeps a reader on its snapshot until the transaction ends).
        db.session.commit()
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app) -> FlaskClient:
    app.test_client_class = IsolatedClient
    return app.test_client()


CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def csrf_token(client: FlaskClient, path: str = "/auth/login") -> str:
    """The CSRF token of this client's session, read from a real form."""
    html = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1) or match.group(2)


def post_form(client: FlaskClient, path: str, data: dict | list, **kwargs):
    """POST a form the way a browser would, with the session's CSRF token."""
    token = csrf_token(client)
    if isinstance(data, dict):
        data = {**data, "csrf_token": token}
    else:
        data = MultiDict([*data, ("csrf_token", token)])
    return client.post(path, data=data, **kwargs)


@pytest.fixture
def make_user(app):
    """Factory: make_user(email=..., role=..., approved=..., structure=...)."""
    from forum.models import User

    counter = iter(range(1, 10_000))

    def factory(email=None, password="motdepasse-solide", display_name=None, **fields):
        n = next(counter)
        from forum.services.accounts import unique_handle

        user = User(
            email=email or f"membre{n}@example.org",
            display_name=display_name or f"Membre {n}",
            handle=fields.pop("handle", None) or unique_handle(display_name or f"Membre {n}"),
            **fields,
        )
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user

    return factory


@pytest.fixture
def login(client):
    """login(user) logs the test client in through the real form."""

    def do_login(user, password="motdepasse-solide"):
        response = post_form(client, "/auth/login", {"email": user.email, "password": password})
        assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
        return response

    return do_login


@pytest.fixture
def make_structure(app):
    from forum.models import Structure

    counter = iter(range(1, 10_000))

    def factory(name=None, kind="tiers-lieu", department_code="24", **fields):
        n = next(counter)
        structure = Structure(
            name=name or f"Structure {n}",
            slug=fields.pop("slug", f"structure-{n}"),
            kind=kind,
            department_code=department_code,
            **fields,
        )
        db.session.add(structure)
        db.session.commit()
        return structure

    return factory


@pytest.fixture
def smtp(app):
    """A real SMTP server on loopback; the app sends to it. Yields its inbox."""
    from tests.smtp import start_smtp

    controller, inbox = start_smtp()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield inbox
    controller.stop()


@pytest.fixture
def count_queries(app):
    """with count_queries() as queries: ...; len(queries) is the number of SQL statements."""
    from contextlib import contextmanager

    @contextmanager
    def counter():
        statements: list[str] = []

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)

    return counter


@pytest.fixture
def demo_reports(app):
    """The demo network with its 120 generated reports (bulk inserted, as seed-demo does)."""
    from forum.services import demo

    demo.seed()
    return db.session.scalar(sa.select(sa.func.count()).select_from(sa.table("report")))


@pytest.fixture
def make_report(app):
    """make_report(author, title=..., **fields): a published report through the real service."""
    from datetime import date

    from forum.services.reports import ReportInput, create_report

    def factory(author, title="Séance 2 à Figeac", **fields):
        _join_for(author, fields.get("structure_id"), fields.get("parcours_id"))
        data = dict(
            session_date=date(2025, 2, 1),
            department="46",
            format="presentiel",
            participants=6,
            modules=["besoin-social-utilite-sociale"],
            sections={"context": "Texte."},
            publish=True,
        )
        data.update(fields)
        report = create_report(author, ReportInput(title=title, **data))
        db.session.commit()  # as the request that publishes it does (forum/transactions.py)
        return report

    return factory


def _join_for(author, structure_id: int | None, parcours_id: int | None) -> None:
    """Make an author without a structure a member of the one a test files a report under
    (or of the first structure of its parcours), as a real author would be: only members
    file under their structure (forum.services.affiliation, tested on its own)."""
    from forum.models import Parcours

    if author.structure_id is not None or author.is_moderator:
        return
    if structure_id is None and parcours_id is not None:
        parcours = db.session.get(Parcours, parcours_id)
        structure_id = parcours.structures[0].id if parcours.structures else None
    if structure_id is not None:
        author.structure_id = structure_id
        db.session.commit()
