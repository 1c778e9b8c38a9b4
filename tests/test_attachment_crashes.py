"""Nothing half-written (issue 14, « Bad input »): a worker killed between storing a file
and committing its row, or between committing a deletion and deleting the stored file,
leaves only an orphan file, which `flask attachments check --fix` removes; a request
that fails after storing a file deletes it after its rollback."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Attachment
from forum.models.base import utcnow
from forum.services import attachments
from forum.storage import storage
from tests.files import HTML_AS_PDF, pdf_with_text

ROOT = Path(__file__).resolve().parent.parent
OLD = utcnow() - timedelta(days=30)


@pytest.fixture
def report(make_user, make_report):
    author = make_user(email="solene@example.org", created_at=OLD)
    return make_report(author, title="Séance 4 à Florac")


def run_until_stopped(app, tmp_path, mode: str, target: int) -> list[str]:
    """Start tests/crash_worker.py, wait until it stands at its stopping point, SIGKILL it;
    returns the storage keys it had reached."""
    barrier = tmp_path / f"barrier-{mode}"
    barrier.mkdir()
    command = [
        sys.executable, "-m", "tests.crash_worker", mode,
        app.config["SQLALCHEMY_DATABASE_URI"], app.config["STORAGE_DIR"],
        str(tmp_path / f"search-{mode}"), "solene@example.org", str(target),
    ]  # fmt: skip
    env = {**os.environ, "MAILLAGE_CRASH_BARRIER": str(barrier)}
    db.session.commit()  # hold no lock the worker would wait for (SQLite)
    worker = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while not (barrier / "reached").exists():
            if worker.poll() is not None:
                pytest.fail(f"worker ended ({worker.returncode}): {worker.stdout.read()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail("worker did not reach its stopping point in 60 s")
            time.sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)
        assert worker.wait(10) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        worker.stdout.close()
    db.engine.dispose()  # a fresh connection: SQLite rolls back what the dead one left
    return (barrier / "reached").read_text().split()


def check(app, *args):
    return app.test_cli_runner().invoke(args=["attachments", "check", *args])


def attachment_count() -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count(Attachment.id)))


def test_killed_after_storing_before_committing_leaves_an_orphan_that_check_removes(
    app, report, tmp_path
):
    [key] = run_until_stopped(app, tmp_path, "upload", report.id)
    assert key.startswith("raw/")
    assert attachment_count() == 0  # the row never committed
    assert list(storage().keys()) == [key]  # the stored upload, with no row: an orphan
    found = check(app)
    assert found.exit_code == 1 and f"orphans: 1 ({key})" in found.output
    # An hour is the default margin (an upload may still be under way): here, none.
    assert check(app, "--fix").output.count("deleted: 0") == 1
    fixed = check(app, "--fix", "--older-than", "0")
    assert "deleted: 1" in fixed.output and fixed.exit_code == 0, fixed.output
    assert list(storage().keys()) == []


def test_killed_after_committing_a_deletion_leaves_orphans_that_check_removes(
    app, report, tmp_path
):
    row = attachments.attach(report.author, BytesIO(pdf_with_text()), "grille.pdf", report=report)
    db.session.commit()
    attachments.process_pending()
    row_id, keys = row.id, attachments.stored_keys(db.session.get(Attachment, row.id))
    assert keys and check(app).exit_code == 0

    reached = run_until_stopped(app, tmp_path, "delete", row_id)
    assert reached[0] in keys
    assert attachment_count() == 0  # the deletion committed
    assert sorted(storage().keys()) == sorted(keys)  # its files were not deleted yet
    fixed = check(app, "--fix", "--older-than", "0")
    assert f"orphans: {len(keys)}" in fixed.output and fixed.exit_code == 0, fixed.output
    assert list(storage().keys()) == []


def test_a_request_that_fails_after_storing_deletes_the_file_after_its_rollback(
    client, login, report, monkeypatch
):
    """Two files in one upload, the second refused: the first one, already stored, goes
    with the rolled-back transaction."""
    from tests.conftest import csrf_token

    login(report.author)
    path = f"/reports/{report.id}/attachments"
    stored = []
    real_put = type(storage()).put

    def spy(self, key, data, content_type):
        stored.append(key)
        return real_put(self, key, data, content_type)

    monkeypatch.setattr(type(storage()), "put", spy)
    response = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            "file": [
                (BytesIO(pdf_with_text()), "grille.pdf"),
                (BytesIO(HTML_AS_PDF), "programme.pdf"),
            ],
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "accepté" in response.get_data(as_text=True)
    assert len(stored) == 1  # the first file was stored before the second was refused
    assert attachment_count() == 0
    assert list(storage().keys()) == []
