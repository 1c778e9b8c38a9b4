"""`flask attachments process` and `flask attachments check [--fix]` through the real CLI,
on a real local storage folder."""

from datetime import timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import Attachment
from forum.models.base import utcnow
from forum.services import attachments
from forum.storage import storage
from tests.files import BROKEN_HEIC, jpeg_with_gps, pdf_with_text


@pytest.fixture
def report(make_user, make_report):
    author = make_user(created_at=utcnow() - timedelta(days=30))
    return make_report(author, title="Séance 3 à Marvejols")


def attach(report, name="grille.pdf", data=None, **fields) -> int:
    """A pending upload, committed as the request that receives it does."""
    row = attachments.attach(
        report.author, BytesIO(data or pdf_with_text()), name, report=report, **fields
    )
    db.session.commit()
    return row.id


def statuses() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Attachment.status).order_by(Attachment.id)))


def run(app, *args):
    return app.test_cli_runner().invoke(args=["attachments", *args])


def test_process_drains_every_pending_upload(app, report):
    app.config["ATTACHMENTS_PER_REPORT"] = 20
    attach(report)
    attach(report, "groupe.jpg", jpeg_with_gps(400, 300), alt="Le groupe", consent=True)
    for n in range(11):  # more than one batch of process_pending
        attach(report, f"notes-{n}.csv", f"jour;heure\nlundi;{n}h\n".encode())
    result = run(app, "process")
    assert result.exit_code == 0, result.output
    assert "13 fichier(s) traité(s)" in result.output
    assert statuses() == ["ready"] * 13
    assert run(app, "process").output.strip() == "0 fichier(s) traité(s)"


def test_a_lost_upload_fails_without_stopping_the_ones_after_it(app, report):
    lost = attach(report, "perdu.pdf")
    attach(report, "suivant.pdf")
    storage().delete(db.session.get(Attachment, lost).raw_key)
    result = run(app, "process")
    assert result.exit_code == 0, result.output
    assert statuses() == ["failed", "ready"]
    row = db.session.get(Attachment, lost)
    assert "perdu" in row.error and row.raw_key is None


def test_check_reports_orphans_and_missing_files_and_fixes_old_orphans(app, report):
    attach(report)
    run(app, "process")
    row = db.session.scalar(sa.select(Attachment))
    missing_key = row.file_key
    storage().delete(missing_key)
    storage().put("raw/1000000000-ancien", b"un envoi interrompu en 2001", "application/pdf")
    young = f"raw/{int(utcnow().timestamp())}-recent"
    storage().put(young, b"un envoi en cours", "application/pdf")

    result = run(app, "check")
    assert result.exit_code == 1
    assert "orphans: 2 (raw/1000000000-ancien, " in result.output
    assert f"missing: 1 ({missing_key})" in result.output
    assert storage().exists("raw/1000000000-ancien")  # without --fix, nothing changes

    fixed = run(app, "check", "--fix")
    assert "deleted: 1" in fixed.output  # the young one may be an upload under way
    assert not storage().exists("raw/1000000000-ancien") and storage().exists(young)
    assert fixed.exit_code == 1  # the missing file stays for a person to decide

    run(app, "check", "--fix", "--older-than", "0")
    assert not storage().exists(young)


def test_check_is_quiet_when_storage_and_rows_agree(app, report):
    attach(report, "groupe.jpg", jpeg_with_gps(400, 300), alt="Le groupe", consent=True)
    run(app, "process")
    result = run(app, "check", "--fix", "--older-than", "0")
    assert result.exit_code == 0, result.output
    assert "orphans: 0" in result.output and "missing: 0" in result.output
    row = db.session.scalar(sa.select(Attachment))
    assert sorted(storage().keys()) == sorted(attachments.stored_keys(row))


def test_a_damaged_photo_fails_in_a_job_outside_any_request(app, report):
    """The media worker and the command run in an app context of their own, with no
    request: the French reason of the refusal is written all the same (it used to raise
    « Working outside of request context » and leave the file pending for ever, in front
    of every upload queued after it)."""
    damaged = attach(report, "coupee.heic", BROKEN_HEIC, alt="Coupée", consent=True)
    attach(report, "suivant.pdf")
    with app.app_context():  # a fresh context, as forum/background.py gives its worker
        assert attachments.process_pending() == 2
    assert statuses() == ["failed", "ready"]
    error = db.session.get(Attachment, damaged).error
    assert "endommagée" in error or "HEIC" in error  # without libheif: « HEIC ne peuvent… »
