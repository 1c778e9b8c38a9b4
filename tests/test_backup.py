"""`flask backup` and `flask restore` through the real CLI, on SQLite or PostgreSQL."""

import io
import json
import os
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from forum import create_app
from forum.extensions import db
from forum.search import engine


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table in the database (all columns), ordered by primary key."""
    db.session.commit()
    metadata = sa.MetaData()
    with db.engine.connect() as conn:
        metadata.reflect(conn)
        return {
            name: [
                tuple(row)
                for row in conn.execute(
                    sa.select(table).order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for name, table in sorted(metadata.tables.items())
        }


def structure_count() -> int:
    return db.session.scalar(sa.text("SELECT count(*) FROM structure"))


@pytest.fixture
def archive(app, make_user, make_structure, make_report, tmp_path) -> Path:
    """An archive of a small forum, then a change that restoring it would undo."""
    make_report(make_user())
    path = backup(app, tmp_path / "good.tar.gz")
    make_structure(name="Arrivée après")
    return path


@pytest.fixture
def forum_data(app, make_user, make_structure, make_report):
    """Members, a structure, reports (one a draft), a discussion with nested replies, a
    report thread, a bookmark and notifications; the index in sync."""
    from forum.models import Category
    from forum.models.base import utcnow
    from forum.services import bookmarks, discussions, notifications

    structure = make_structure(name="Fabrique du Lot", department_code="46")
    old = utcnow() - timedelta(days=30)  # past the new-account posting brake
    claire = make_user(display_name="Claire F.", structure=structure, created_at=old)
    malik = make_user(display_name="Malik B.", created_at=old)
    report = make_report(
        claire,
        title="Covoiturage vers le tiers-lieu",
        structure_id=structure.id,
        tags=["mobilite"],
        sections={"context": "Un covoiturage solidaire pour les porteurs isolés."},
    )
    make_report(malik, title="Brouillon de Malik", publish=False)
    category = db.session.scalar(sa.select(Category).order_by(Category.id))
    thread = discussions.create_discussion(
        claire, "Qui a essayé le covoiturage ?", "Racontez-nous.", category, reports=[report]
    )
    first = discussions.reply(thread, malik, "Nous, à Figeac, depuis janvier.")
    discussions.reply(thread, claire, "Merci, je vous écris.", parent_id=first.id)
    discussions.reply(discussions.report_thread(report), malik, "Bravo pour ce retour.")
    bookmarks.toggle(malik, report_id=report.id)
    notifications.process_events()
    engine().store.ensure()
    engine().sync()
    return {"report": report.id, "claire": claire.id, "post": first.id}


def backup(app, path: Path) -> Path:
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(path)])
    assert result.exit_code == 0, result.output
    return path


def rewrite(source: Path, target: Path, manifest_changes=None, dump_bytes=None) -> Path:
    """A copy of an archive with its manifest edited or its dump replaced."""
    with tarfile.open(source, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        name = manifest["dump"]["name"]
        dump = tar.extractfile(name).read()
    for section, values in (manifest_changes or {}).items():
        if isinstance(values, dict):
            manifest[section].update(values)
        else:
            manifest[section] = values
    with tarfile.open(target, "w:gz") as tar:
        for member, data in (
            ("manifest.json", json.dumps(manifest).encode()),
            (name, dump if dump_bytes is None else dump_bytes),
        ):
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def test_round_trip_restores_every_row_and_the_index(app, forum_data, make_user, make_report):
    from forum.models import Post, Report
    from forum.services import discussions
    from forum.services import reports as report_service

    before = snapshot()
    archive = backup(app, Path(app.config["SEARCH_DIR"]).parent / "forum.tar.gz")

    # Everything a restore must undo: new rows and an indexed report, edits, deletions,
    # and a table added since, referencing an archived one.
    make_user(display_name="Arrivée après")
    make_report(
        db.session.get(Report, forum_data["report"]).author,
        title="Rapport fantôme",
        sections={"context": "Un ornithorynque au tiers-lieu."},
    )
    report = db.session.get(Report, forum_data["report"])
    report_service.delete_report(report, report.author)
    discussions.delete_post(db.session.get(Post, forum_data["post"]))
    db.session.execute(sa.text("UPDATE user_account SET display_name = 'Renommée'"))
    db.session.execute(sa.text("DELETE FROM bookmark"))
    db.session.execute(
        sa.text(
            "CREATE TABLE backup_extra (id INTEGER PRIMARY KEY, "
            "user_id INTEGER REFERENCES user_account (id))"
        )
    )
    db.session.execute(sa.text("INSERT INTO backup_extra SELECT 1, min(id) FROM user_account"))
    db.session.commit()
    engine().sync()
    assert engine().search("ornithorynque").total == 1
    assert snapshot() != before
    live_stamp = db.session.scalar(sa.text("SELECT version FROM content_stamp"))

    try:
        result = app.test_cli_runner().invoke(args=["restore", "--yes", str(archive)])
        assert result.exit_code == 0, result.output
    finally:
        db.session.remove()
        with db.engine.begin() as conn:  # never leave it behind for the next tests
            conn.execute(sa.text("DROP TABLE IF EXISTS backup_extra"))

    after = snapshot()
    # The restore raises the content stamp on purpose (processes may have cached pages
    # under the archived one); every other row is the archive's.
    [(_, restored_stamp)] = after.pop("content_stamp")
    [(_, archived_stamp)] = before.pop("content_stamp")
    assert restored_stamp > archived_stamp
    # ... past every version issued since the backup too (a fresh tester saw browsers' and
    # processes' entries of the archive's stamp + 1 served for the restored content).
    assert restored_stamp > live_stamp + 1000
    assert after == before
    assert f"user_account: {len(before['user_account'])}" in result.output
    assert "document(s) indexé(s)" in result.output
    hits = engine().search("covoiturage solidaire")
    assert forum_data["report"] in [hit.item.id for hit in hits.hits if hit.kind == "report"]
    assert engine().search("ornithorynque").total == 0
    assert engine().check() == {"missing": [], "stale": [], "extra": []}
    assert app.test_cli_runner().invoke(args=["search", "check"]).exit_code == 0


def test_a_damaged_archive_is_refused_and_the_database_untouched(app, archive, tmp_path):
    data = archive.read_bytes()
    before = snapshot()
    damaged = {
        "tronquée": data[: len(data) // 2],
        "n'importe quoi": b"ceci n'est pas une archive" * 40,
        "vide": b"",
    }
    runner = app.test_cli_runner()
    for name, content in damaged.items():
        path = tmp_path / f"{name}.tar.gz"
        path.write_bytes(content)
        result = runner.invoke(args=["restore", "--yes", str(path)])
        assert result.exit_code == 1, (name, result.output)
        assert "Archive illisible ou corrompue" in result.output, (name, result.output)
        assert "Traceback" not in result.output
    missing = runner.invoke(args=["restore", "--yes", str(tmp_path / "absente.tar.gz")])
    assert missing.exit_code == 1 and "Archive introuvable" in missing.output
    assert snapshot() == before


def test_a_tampered_dump_is_refused(app, archive, tmp_path):
    count = structure_count()
    tampered = rewrite(archive, tmp_path / "tampered.tar.gz", dump_bytes=b"pas une base" * 100)
    result = app.test_cli_runner().invoke(args=["restore", "--yes", str(tampered)])
    assert result.exit_code == 1
    assert "empreinte SHA-256" in result.output
    assert structure_count() == count


def test_incompatible_archives_are_refused_before_anything_changes(app, archive, tmp_path):
    other_kind = "postgresql" if db.engine.dialect.name == "sqlite" else "sqlite"
    cases = [
        ({"database": {"revision": "9999"}}, "révision 9999 inconnue"),
        ({"database": {"kind": other_kind}}, f"contient une base {other_kind}"),
        ({"format": 3}, "Archive au format 3"),
        ({"dump": {"sha256": "court"}}, "Manifeste de l'archive illisible"),
        ({"app": None}, "Manifeste de l'archive illisible"),
    ]
    count = structure_count()
    runner = app.test_cli_runner()
    for changes, expected in cases:
        path = rewrite(archive, tmp_path / "edited.tar.gz", manifest_changes=changes)
        result = runner.invoke(args=["restore", "--yes", str(path)])
        assert result.exit_code == 1 and expected in result.output, (expected, result.output)
    assert structure_count() == count


def test_restore_needs_yes_without_a_terminal(app, archive):
    count = structure_count()
    result = app.test_cli_runner().invoke(args=["restore", str(archive)], input="y\n")
    assert result.exit_code == 1
    assert "--yes" in result.output
    assert structure_count() == count


def test_the_archive_holds_no_secret_and_is_written_whole(
    app, make_user, make_report, tmp_path, monkeypatch
):
    make_report(make_user())
    secret = "cle-secrete-a-ne-jamais-archiver-7f3a"
    monkeypatch.setenv("FORUM_SECRET_KEY", secret)
    app.config["SECRET_KEY"] = secret
    folder = tmp_path / "backups"
    folder.mkdir()
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(folder)])
    assert result.exit_code == 0, result.output
    [archive] = folder.iterdir()  # a timestamped name, and no partial file left over
    assert archive.name.startswith("maillage-") and archive.name.endswith(".tar.gz")
    assert archive.stat().st_mode & 0o077 == 0  # e-mails and password hashes inside
    with tarfile.open(archive, "r:gz") as tar:
        assert tar.getnames()[0] == "manifest.json"
        contents = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    assert not any(secret.encode() in data for data in contents.values())
    manifest = json.loads(contents["manifest.json"])
    assert manifest["database"]["kind"] == db.engine.dialect.name
    assert manifest["database"]["tables"]["report"] == 1
    assert "body" in manifest["search"]["schema"] and manifest["search"]["fingerprint"]


@pytest.mark.skipif(
    bool(os.environ.get("FORUM_TEST_DATABASE_URL")),
    reason="uses its own SQLite file: the PostgreSQL run would only repeat it",
)
def test_an_older_archive_is_migrated_after_restore(tmp_path):
    """An archive from before the last migration comes back, then is brought up to date."""
    from flask_migrate import upgrade

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.sqlite'}",
            "SEARCH_DIR": str(tmp_path / "ix"),
        },
        env="testing",
    )
    runner = app.test_cli_runner()
    with app.app_context():
        upgrade(revision="0003")
        backup(app, tmp_path / "old.tar.gz")
        upgrade()
        head = db.session.scalar(sa.text("SELECT version_num FROM alembic_version"))
        db.session.remove()
        result = runner.invoke(args=["restore", "--yes", str(tmp_path / "old.tar.gz")])
        assert result.exit_code == 0, result.output
        assert "migrée de la révision 0003" in result.output
        assert db.session.scalar(sa.text("SELECT version_num FROM alembic_version")) == head
        db.session.remove()
        db.engine.dispose()


def test_a_failed_write_leaves_the_previous_archive_whole(app, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()
    target = backup(app, folder / "nightly.tar.gz")
    previous = target.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(target)])
    assert result.exit_code == 1 and "Écriture de l'archive impossible" in result.output
    assert target.read_bytes() == previous
    assert [p.name for p in folder.iterdir()] == ["nightly.tar.gz"]  # no partial file left


def test_the_stored_files_go_in_the_archive_and_come_back(app, make_user, make_report, tmp_path):
    """A real upload, processed (a photo's variants and a PDF): backed up, lost, restored
    byte for byte; a file stored after the backup is gone after the restore."""
    from forum.models import Attachment
    from forum.models.base import utcnow
    from forum.services import attachments
    from forum.storage import storage
    from tests.files import jpeg_with_gps, pdf_with_text

    author = make_user(created_at=utcnow() - timedelta(days=30))
    report = make_report(author)
    attachments.attach(author, io.BytesIO(pdf_with_text()), "grille.pdf", report=report)
    attachments.attach(
        author, io.BytesIO(jpeg_with_gps()), "groupe.jpg", report=report,
        alt="Le groupe", consent=True,
    )  # fmt: skip
    db.session.commit()
    attachments.process_pending()
    store = storage()

    def stored() -> dict[str, bytes]:
        found = {}
        for key in store.keys():
            with store.open(key) as data:
                found[key] = data.read()
        return found

    before = stored()
    assert len(before) == 1 + 1 + 4  # the PDF; the photo in full and 2 widths × 2 formats

    path = backup(app, tmp_path / "files.tar.gz")
    with tarfile.open(path, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        archived = {m.name for m in tar.getmembers() if m.name.startswith("files/")}
    assert manifest["format"] == 2
    assert manifest["files"] == {
        "backend": "local",
        "count": len(before),
        "bytes": sum(map(len, before.values())),
    }
    assert archived == {f"files/{key}" for key in before}

    for row in db.session.scalars(sa.select(Attachment)):
        attachments.delete(row)
    db.session.commit()
    store.put("raw/9999999999-apres-la-sauvegarde", b"arrive apres", "application/pdf")
    assert list(store.keys()) == ["raw/9999999999-apres-la-sauvegarde"]

    result = app.test_cli_runner().invoke(args=["restore", "--yes", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{len(before)} fichier(s) stocké(s) remis en place." in result.output
    db.session.expire_all()
    assert stored() == before
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 2
    check = app.test_cli_runner().invoke(args=["attachments", "check"])
    assert check.exit_code == 0 and "orphans: 0" in check.output, check.output


def test_an_archive_missing_a_stored_file_is_refused(app, make_user, make_report, tmp_path):
    from forum.storage import storage

    storage().put("raw/1700000000-piece", b"contenu", "application/pdf")
    path = backup(app, tmp_path / "files.tar.gz")
    cut = rewrite(path, tmp_path / "cut.tar.gz")  # copies the manifest and the dump only
    count = structure_count()
    result = app.test_cli_runner().invoke(args=["restore", "--yes", str(cut)])
    assert result.exit_code == 1 and "0 fichier(s) stocké(s)" in result.output, result.output
    assert structure_count() == count and storage().exists("raw/1700000000-piece")
