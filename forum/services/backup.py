"""Backups: a tar.gz holding manifest.json, a consistent database dump (see
forum.services.dumps) and every stored file (`files/<key>`, read through the storage
interface: the local folder or the S3 bucket alike). The search index is derived data: it
is not archived but rebuilt after a restore; the manifest records what that rebuild depends
on. Secrets never go in.

The files are read after the dump: a file uploaded meanwhile is archived without its row
(an orphan, which `flask attachments check --fix` removes); one deleted meanwhile is
missing from the archive although its row is in the dump (`check` names it)."""

import gzip
import hashlib
import io
import json
import os
import re
import tarfile
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from flask import current_app
from flask_migrate import upgrade

from forum import cache
from forum.extensions import db
from forum.search import engine
from forum.services import dumps
from forum.services.dumps import BackupError, Snapshot
from forum.storage import StoredFileMissing, storage, validate_key

FORMAT = 2  # bump when the archive layout changes; older code then refuses newer archives
# 2: the stored files, under files/<key>, counted in manifest["files"]. A format 1 archive
# (no files) is still restored: the stored files are then left as they are.
READABLE_FORMATS = (1, 2)
FILES = "files/"
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")

__all__ = ["BackupError", "create_backup", "read_manifest", "restore_backup"]


@dataclass
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    documents: int  # indexed by the rebuild
    upgraded_from: str | None  # the archive's revision, when migrations ran after it
    schema_changed: bool  # the index schema differs from the one at backup time
    files: int | None = None  # stored files put back; None: the archive holds none (format 1)


def default_archive_path(output: Path | None = None) -> Path:
    """The given file, or a timestamped name in the given directory (default: here)."""
    name = time.strftime("maillage-%Y%m%d-%H%M%S.tar.gz")
    if output is None:
        return Path.cwd() / name
    return output / name if output.is_dir() else output


def create_backup(output: Path) -> dict:
    """Dump the database and write the archive atomically; returns its manifest."""
    dumper = dumps.for_engine(db.engine)
    output = output.resolve()
    if not output.parent.is_dir():
        raise BackupError(f"Dossier introuvable : {output.parent}")
    try:
        return _create_backup(dumper, output)
    except OSError as error:  # unwritable folder, full disk…
        raise BackupError(f"Écriture de l'archive impossible : {error}") from error


def _create_backup(dumper, output: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix=".maillage-backup-", dir=output.parent) as work:
        dump = Path(work) / dumper.filename
        snapshot = dumper.dump(dump)
        files = _copy_stored_files(Path(work) / "files")
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "app": {"name": "maillage", "version": app_version()},
            "database": {
                "kind": dumper.kind,
                "revision": snapshot.revision,
                "tables": snapshot.counts,
            },
            "dump": {
                "name": dumper.filename,
                "size": dump.stat().st_size,
                "sha256": _sha256_file(dump),
            },
            "search": search_settings(),
            "files": {
                "backend": current_app.config.get("STORAGE_BACKEND") or "local",
                "count": len(files),
                "bytes": sum(path.stat().st_size for _, path in files),
            },
        }
        _write_archive(output, manifest, dump, files)
    return manifest


def _copy_stored_files(folder: Path) -> list[tuple[str, Path]]:
    """Every stored key copied into `folder` (under a number, never under a name taken
    from the key): [(key, copy)], in key order."""
    folder.mkdir()
    store = storage()
    copies = []
    for number, key in enumerate(store.keys("")):
        copy = folder / f"{number:08d}"
        try:
            with store.open(key) as source, copy.open("wb") as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
        except StoredFileMissing:  # deleted since it was listed: it is not in the archive
            copy.unlink(missing_ok=True)
            continue
        copies.append((key, copy))
    return copies


def read_manifest(path: Path) -> dict:
    """The archive's manifest, checked against this installation (kind, revision, format);
    reads only the start of the archive."""
    manifest, _, _ = _read_archive(path, None)
    _check_compatible(manifest)
    return manifest


def restore_backup(path: Path) -> RestoreResult:
    """Replace the database with the archive's, check it, migrate it if it is older than
    the code, then rebuild the search index. Nothing is touched if the archive is bad."""
    read_manifest(path)  # refuse an incompatible archive before reading all of it
    dumper = dumps.for_engine(db.engine)
    with tempfile.TemporaryDirectory(prefix="maillage-restore-") as work:
        manifest, dump, files = _read_archive(path, Path(work))
        expected = Snapshot(manifest["database"]["tables"], manifest["database"]["revision"])
        # Our own connections must not hold locks (PostgreSQL) nor stale pages (SQLite).
        db.session.remove()
        db.engine.dispose()
        dumper.restore(dump, expected, Path(work))
        restored_files = None if files is None else _restore_stored_files(files)
    db.engine.dispose()
    with db.engine.connect() as conn:
        counts = dumps.count_rows(conn)
    # A mismatch means something wrote during the restore: the database is replaced all
    # the same, so bring it to the current schema and index it before saying so.
    differ = sorted(set(counts.items()) ^ set(expected.counts.items()))
    upgraded_from = None
    if expected.revision != _alembic_script().get_current_head():
        upgrade()  # the code below (and the app) expect the current schema
        upgraded_from = expected.revision
    # Processes still running, and browsers, keep pages under stamps the live database
    # issued after the backup, which the archive's stamp + 1 could meet again: a new one.
    cache.reset_stamp()
    db.session.commit()  # restore is a job (CLI only): the stamp is final before indexing
    documents = engine().rebuild()
    if differ:
        raise BackupError(
            "Base restaurée, mais différente du manifeste (quelque chose a écrit pendant la "
            f"restauration ? arrêtez l'application et recommencez) : {differ[:10]}"
        )
    search = manifest.get("search") if isinstance(manifest.get("search"), dict) else {}
    return RestoreResult(
        manifest=manifest,
        counts=counts,
        documents=documents,
        upgraded_from=upgraded_from,
        schema_changed=search.get("fingerprint") != search_settings()["fingerprint"],
        files=restored_files,
    )


def _restore_stored_files(files: list[tuple[str, Path]]) -> int:
    """Make the storage hold exactly the archived files: each one put back (replacing
    what is there), then every other stored key deleted."""
    store = storage()
    for key, copy in files:
        with copy.open("rb") as data:
            # The type is the row's business: downloads give it (forum/views/attachments.py).
            store.put(key, data, "application/octet-stream")
    kept = {key for key, _ in files}
    for key in list(store.keys("")):
        if key not in kept:
            store.delete(key)
    return len(files)


def app_version() -> str:
    try:
        return version("maillage")
    except PackageNotFoundError:
        return "inconnue"


def search_settings() -> dict:
    """What rebuilding the index depends on besides the data: its fields and analyzers."""
    return engine().settings()


def _write_archive(output: Path, manifest: dict, dump: Path, files: list[tuple[str, Path]]) -> None:
    """Manifest first (so it can be read without decompressing the dump), then the dump,
    then the stored files; written beside the target and renamed, so the target is never a
    partial archive."""
    fd, partial = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as raw:  # mkstemp: mode 0600 (e-mails, password hashes)
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname=dump.name, recursive=False)
                for key, copy in files:
                    info = tar.gettarinfo(copy, arcname=FILES + key)
                    info.mode, info.uid, info.gid, info.uname, info.gname = 0o600, 0, 0, "", ""
                    with copy.open("rb") as data:
                        tar.addfile(info, data)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    directory = os.open(output.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)


def _read_archive(
    path: Path, workdir: Path | None
) -> tuple[dict, Path | None, list[tuple[str, Path]] | None]:
    """The manifest and, with a workdir, the dump extracted there with its checksum
    verified, and the stored files [(key, copy)] checked against the manifest's count and
    bytes (None for a format 1 archive, which has none). Nothing is extracted under a name
    taken from the archive."""
    if not path.is_file():
        raise BackupError(f"Archive introuvable : {path}")
    dump = None
    files: list[tuple[str, Path]] = []
    try:
        with tarfile.open(path, mode="r|gz") as tar:
            member = tar.next()
            if member is None or member.name != MANIFEST or not member.isfile():
                raise BackupError(f"{path.name} n'est pas une archive Maillage (pas de manifeste).")
            manifest = _parse_manifest(tar.extractfile(member).read())
            if workdir is None:
                return manifest, None, None
            (workdir / "files").mkdir()
            for member in tar:  # read to the end so gzip checks its CRC over everything
                if member.name == manifest["dump"]["name"] and member.isfile() and dump is None:
                    dump = workdir / "dump"
                    digest = _copy_hashing(tar.extractfile(member), dump)
                elif member.name.startswith(FILES) and member.isfile():
                    key = member.name[len(FILES) :]
                    try:
                        validate_key(key)
                    except ValueError:
                        raise BackupError(
                            f"Archive altérée ({path.name}) : nom de fichier refusé {key!r}."
                        ) from None
                    copy = workdir / "files" / f"{len(files):08d}"
                    _copy_hashing(tar.extractfile(member), copy)
                    files.append((key, copy))
    except (tarfile.TarError, gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise BackupError(f"Archive illisible ou corrompue ({path.name}) : {error}") from None
    if dump is None:
        raise BackupError(f"Archive incomplète ({path.name}) : la sauvegarde de la base manque.")
    if digest != manifest["dump"]["sha256"]:
        raise BackupError(
            f"Archive altérée ou corrompue ({path.name}) : l'empreinte SHA-256 de la "
            "sauvegarde ne correspond pas au manifeste."
        )
    if "files" not in manifest:
        return manifest, dump, None
    expected = manifest["files"]
    found = {"count": len(files), "bytes": sum(copy.stat().st_size for _, copy in files)}
    if (found["count"], found["bytes"]) != (expected["count"], expected["bytes"]):
        raise BackupError(
            f"Archive incomplète ({path.name}) : {found['count']} fichier(s) stocké(s), "
            f"{found['bytes']} octets, au lieu de {expected['count']} et {expected['bytes']} "
            "annoncés par le manifeste."
        )
    return manifest, dump, files


def _parse_manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw)
        version = manifest["format"]
        if isinstance(version, int) and version > FORMAT:
            raise BackupError(
                f"Archive au format {version}, plus récent que celui de cette version "
                f"de Maillage ({FORMAT}) : mettez l'application à jour."
            )
        database, dump = manifest["database"], manifest["dump"]
        files = manifest["files"] if version >= 2 else {"count": 0, "bytes": 0}
        valid = (
            version in READABLE_FORMATS
            and type(files["count"]) is int
            and type(files["bytes"]) is int
            and isinstance(manifest["created_at"], str)
            and isinstance(manifest["app"]["version"], str)
            and isinstance(database["kind"], str)
            and isinstance(database["revision"], str)
            and all(isinstance(k, str) and type(v) is int for k, v in database["tables"].items())
            and isinstance(dump["name"], str)
            and _SHA256.fullmatch(dump["sha256"])
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        valid = False
    if not valid:
        raise BackupError("Manifeste de l'archive illisible ou incomplet.")
    return manifest


def _check_compatible(manifest: dict) -> None:
    """Refuse an archive of another database kind, or from code that knew newer migrations."""
    kind, revision = manifest["database"]["kind"], manifest["database"]["revision"]
    current = db.engine.dialect.name
    if kind != current:
        raise BackupError(
            f"L'archive contient une base {kind}, or l'application utilise {current} : "
            "restauration impossible."
        )
    script = _alembic_script()
    try:
        known = script.get_revision(revision) is not None
    except (RevisionError, CommandError):
        known = False
    if not known:
        raise BackupError(
            f"L'archive vient d'une version plus récente de Maillage (révision {revision} "
            f"inconnue ici, la plus récente connue est {script.get_current_head()}) : "
            "mettez l'application à jour avant de restaurer."
        )


def _alembic_script():
    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def _copy_hashing(source, target: Path) -> str:
    digest = hashlib.sha256()
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _sha256_file(path: Path) -> str:
    with path.open("rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()
