"""Transactions at the edges (forum/transactions.py): a request commits once at its end or
rolls back; services never commit; a GET writes only its read markers."""

import ast
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import abort

from forum.extensions import db
from forum.models import Category, Notification, Post, ReadMarker, User
from forum.services import discussions
from forum.services.errors import Invalid
from forum.transactions import WriteDuringRead, record_read
from tests.conftest import post_form

ROOT = Path(__file__).resolve().parent.parent


def stored(slug: str) -> bool:
    """Whether a category with this slug is committed (read on a connection of its own)."""
    with db.engine.connect() as conn:
        return conn.execute(sa.select(Category.id).where(Category.slug == slug)).first() is not None


def add_category(slug: str) -> None:
    db.session.add(Category(slug=slug, name=slug, position=99))
    db.session.flush()


@pytest.fixture
def edge_app(app):
    """Routes that write like a view calling a service, then end in each possible way."""

    @app.post("/_t/ok")
    def ok():
        add_category("t-ok")
        return "créé", 201

    @app.post("/_t/refused-form")
    def refused_form():
        add_category("t-refused")  # e.g. a once-token claimed, then the service refuses
        try:
            raise Invalid("name", "Nom déjà pris.")
        except Invalid as error:
            return error.message, 200  # the view shows it in its form, no rollback of its own

    @app.post("/_t/abort")
    def aborted():
        add_category("t-abort")
        abort(403)

    @app.post("/_t/answered-400")
    def answered_400():
        add_category("t-400")  # as a refused login records the failed attempt
        return "refusé", 400

    @app.post("/_t/commit-fails")
    def commit_fails():
        db.session.add(
            Category(slug="questions-de-pratique", name="Doublon", position=98)
        )  # not flushed
        return "PAGE-DE-SUCCES", 200

    @app.get("/_t/get-writes")
    def get_writes():
        add_category("t-get")
        return "page"

    @app.get("/_t/get-marker")
    def get_marker():
        record_read(lambda: add_category("t-marker"))
        return "page"

    return app


def test_a_request_commits_once_at_its_end(edge_app, client):
    assert post_form(client, "/_t/ok", {}).status_code == 201
    assert stored("t-ok")


def test_a_domain_error_caught_by_the_view_rolls_back_what_was_written(edge_app, client):
    response = post_form(client, "/_t/refused-form", {})
    assert response.status_code == 200 and "Nom déjà pris" in response.get_data(as_text=True)
    assert not stored("t-refused")


def test_an_http_error_rolls_back(edge_app, client):
    assert post_form(client, "/_t/abort", {}).status_code == 403
    assert not stored("t-abort")


def test_a_page_the_view_answers_with_4xx_still_commits(edge_app, client):
    assert post_form(client, "/_t/answered-400", {}).status_code == 400
    assert stored("t-400")


def test_a_failed_commit_is_the_error_page_never_the_success_page(edge_app, client):
    response = post_form(client, "/_t/commit-fails", {})
    assert response.status_code == 500
    assert "PAGE-DE-SUCCES" not in response.get_data(as_text=True)
    with db.engine.connect() as conn:
        names = conn.execute(
            sa.select(Category.name).where(Category.slug == "questions-de-pratique")
        ).all()
    assert [n for (n,) in names] != ["Doublon"]


def test_a_get_that_writes_is_refused_in_tests(edge_app, client):
    with pytest.raises(WriteDuringRead):
        client.get("/_t/get-writes")
    assert not stored("t-get")


def test_a_get_that_writes_is_rolled_back_and_logged_in_production(edge_app, client, caplog):
    edge_app.testing = False
    response = client.get("/_t/get-writes")
    assert response.status_code == 200
    assert not stored("t-get")
    assert "GET /_t/get-writes wrote to the database" in caplog.text


def test_read_markers_are_written_after_the_page(edge_app, client):
    assert client.get("/_t/get-marker").status_code == 200
    assert stored("t-marker")


def test_reading_a_thread_moves_the_read_marker_and_rereading_writes_nothing(
    client, make_user, login, count_queries
):
    alice, bob = make_user(), make_user()
    thread = discussions.create_discussion(
        alice, "Accueil des porteurs", "Comment accueillez-vous ?", discussions.categories()[0]
    )
    discussions.reply(thread, alice, "Avec un café.")
    db.session.commit()
    login(bob)
    assert client.get(f"/discussions/{thread.id}").status_code == 200
    last = db.session.scalar(sa.select(sa.func.max(Post.id)))
    marker = db.session.get(ReadMarker, (bob.id, thread.id))
    assert marker is not None and marker.last_post_id == last
    with count_queries() as statements:
        assert client.get(f"/discussions/{thread.id}").status_code == 200
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert [s for s in writes if "read_marker" in s] == []


def test_opening_a_notification_marks_it_read(client, make_user, login):
    alice = make_user()
    thread = discussions.create_discussion(
        alice, "Le module 3", "Qui l'a animé ?", discussions.categories()[0]
    )
    db.session.add(Notification(user_id=alice.id, kind="new_post", discussion_id=thread.id))
    db.session.commit()
    n_id = db.session.scalar(sa.select(Notification.id))
    login(alice)
    response = client.get(f"/notifications/{n_id}")
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Notification, n_id).read_at is not None


def test_cli_commands_commit_their_work(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "--email", "admin@example.org", "--password",
              "motdepasse-solide", "--name", "Admin"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with db.engine.connect() as conn:
        role = conn.scalar(sa.select(User.role).where(User.email == "admin@example.org"))
    assert role == "admin"


# Jobs own their transaction (forum/background.py runs them; the CLI too): the search
# outbox drain and index rebuild, the notification fan-out and e-mails, the media worker's
# processing of uploads, the demo seed and the restore. Nothing else in services or search commits.
JOBS = {
    ("forum/services/notifications.py", "process_events"),
    ("forum/services/notifications.py", "send_immediate"),
    ("forum/services/notifications.py", "send_digests"),
    ("forum/services/backup.py", "restore_backup"),
    ("forum/services/attachments.py", "process_pending"),
    ("forum/search/writer.py", "*"),
    # The PostgreSQL backend's rebuild, check --fix and sync (CLI jobs); its documents are
    # otherwise written inside the caller's transaction, which the caller commits.
    ("forum/search/pg.py", "rebuild"),
    ("forum/search/pg.py", "check"),
    ("forum/search/pg.py", "sync"),
    ("forum/services/demo.py", "*"),
}


def test_only_jobs_commit_in_services_and_search():
    offenders = []
    for path in sorted([*ROOT.glob("forum/services/*.py"), *ROOT.glob("forum/search/*.py")]):
        name = str(path.relative_to(ROOT))
        if (name, "*") in JOBS:
            continue
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "commit"
                    and (name, function.name) not in JOBS
                ):
                    offenders.append(f"{name}:{node.lineno} in {function.name}")
    assert offenders == []
