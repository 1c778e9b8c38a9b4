"""Database dumps for `flask backup` / `flask restore`: SQLite through its online backup
API, PostgreSQL through pg_dump and psql. Each dump counts its rows in the very snapshot
it copies, so the counts in the manifest describe exactly what the archive holds."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from forum.services.errors import ServiceError

TOOL_OUTPUT_LIMIT = 1500  # characters of a failing tool's stderr worth showing


class BackupError(ServiceError):
    """A backup or a restore was refused or failed; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    counts: dict[str, int]  # rows per table, every table of the database
    revision: str  # the Alembic revision the schema is at


def count_rows(conn: sa.Connection) -> dict[str, int]:
    """Rows per table, for every table of the database (not only the models' ones)."""
    names = sorted(sa.inspect(conn).get_table_names())
    return {
        name: conn.scalar(sa.select(sa.func.count()).select_from(sa.table(name))) for name in names
    }


def read_snapshot(conn: sa.Connection) -> Snapshot:
    counts = count_rows(conn)
    revisions = []
    if "alembic_version" in counts:
        revisions = conn.scalars(sa.text("SELECT version_num FROM alembic_version")).all()
    if len(revisions) != 1:
        raise BackupError(
            "La base n'a pas de révision Alembic unique : lancez « flask db upgrade » d'abord."
        )
    return Snapshot(counts, revisions[0])


def for_engine(engine: sa.Engine) -> "SqliteDump | PostgresDump":
    """The dumper for the app's database."""
    kind = engine.dialect.name
    if kind == "sqlite":
        return SqliteDump(engine.url)
    if kind == "postgresql":
        return PostgresDump(engine, engine.url)
    raise BackupError(f"Sauvegarde impossible : base « {kind} » non prise en charge.")


class SqliteDump:
    """A page-by-page copy through sqlite3's backup API: consistent while the app writes."""

    kind = "sqlite"
    filename = "database.sqlite"

    def __init__(self, url: sa.URL):
        if not url.database or url.database == ":memory:" or url.query.get("mode") == "memory":
            raise BackupError("Base SQLite en mémoire : il n'y a rien à sauvegarder.")
        self.path = Path(url.database)

    def dump(self, target: Path) -> Snapshot:
        if not self.path.is_file():
            raise BackupError(f"Base SQLite introuvable : {self.path}")
        try:
            with (
                closing(sqlite3.connect(self.path, timeout=30)) as live,
                closing(sqlite3.connect(target)) as copy,
            ):
                live.backup(copy)  # one step: the copy is one consistent state
        except sqlite3.Error as error:
            raise BackupError(f"Copie de la base SQLite impossible : {error}") from error
        return self.inspect(target)

    def inspect(self, path: Path) -> Snapshot:
        """Check a copy's integrity and read its counts and revision."""
        engine = sa.create_engine(sa.URL.create("sqlite", database=str(path)), poolclass=NullPool)
        try:
            with engine.connect() as conn:
                if conn.scalar(sa.text("PRAGMA integrity_check")) != "ok":
                    raise BackupError("La copie SQLite de l'archive est endommagée.")
                return read_snapshot(conn)
        except sa.exc.DBAPIError as error:
            raise BackupError(
                f"La copie SQLite de l'archive est illisible : {error.orig}"
            ) from error
        finally:
            engine.dispose()

    def restore(self, source: Path, expected: Snapshot, workdir: Path) -> None:
        """Copy the archived database over the live one, in one transaction of SQLite's:
        other processes keep valid connections and see either the old or the new data."""
        if self.inspect(source) != expected:
            raise BackupError("La base de l'archive ne correspond pas à son manifeste.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with (
                closing(sqlite3.connect(source)) as archived,
                closing(sqlite3.connect(self.path, timeout=30)) as live,
            ):
                archived.backup(live)
        except sqlite3.Error as error:
            raise BackupError(f"Restauration SQLite impossible : {error}") from error


# Runs in the same transaction as the restore script: the database ends up exactly as
# archived, even if it has gained tables since (pg_restore --clean only drops what the dump
# holds, and a newer table referencing an old one would block even that).
POSTGRES_PRELUDE = """
SET LOCAL lock_timeout = '30s';
SET LOCAL client_min_messages = warning;
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
        EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', item.tablename);
    END LOOP;
    FOR item IN SELECT viewname FROM pg_views WHERE schemaname = 'public' LOOP
        EXECUTE format('DROP VIEW IF EXISTS public.%I CASCADE', item.viewname);
    END LOOP;
    FOR item IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
        EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', item.sequencename);
    END LOOP;
    FOR item IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') LOOP
        EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', item.typname);
    END LOOP;
    -- The search's text configuration (migration 0016): the dump creates it again.
    FOR item IN SELECT c.cfgname FROM pg_ts_config c
                JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'public' LOOP
        EXECUTE format('DROP TEXT SEARCH CONFIGURATION IF EXISTS public.%I CASCADE', item.cfgname);
    END LOOP;
END $$;
"""


class PostgresDump:
    """pg_dump's custom format, taken in a snapshot the row counts are read from too."""

    kind = "postgresql"
    filename = "database.pgdump"

    def __init__(self, engine: sa.Engine, url: sa.URL):
        self.engine = engine
        self.conninfo, self.env = libpq_connection(url)

    def dump(self, target: Path) -> Snapshot:
        conn = self.engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with conn:
            # The snapshot stays valid while this transaction is open: pg_dump reads the
            # same state as the counts below, whatever the app writes meanwhile.
            snapshot_id = conn.scalar(sa.text("SELECT pg_export_snapshot()"))
            found = read_snapshot(conn)
            self._run("pg_dump", "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}")
            conn.rollback()
        return found

    def restore(self, source: Path, expected: Snapshot, workdir: Path) -> None:
        """Replay the dump in a single transaction: on any error nothing has changed."""
        script, prelude = workdir / "restore.sql", workdir / "prelude.sql"
        self._run("pg_restore", "--no-owner", f"--file={script}", str(source), connect=False)
        prelude.write_text(POSTGRES_PRELUDE)
        self._run(
            "psql",
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
            f"--file={prelude}",
            f"--file={script}",
        )

    def _run(self, tool: str, *args: str, connect: bool = True) -> None:
        executable = shutil.which(tool)
        if executable is None:
            raise BackupError(
                f"{tool} introuvable : installez le client PostgreSQL (paquet postgresql-client)."
            )
        command = [executable, *args]
        if connect:
            command += ["--no-password", f"--dbname={self.conninfo}"]
        result = subprocess.run(
            command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        if result.returncode != 0:
            detail = result.stderr.strip()[-TOOL_OUTPUT_LIMIT:]
            if "lock timeout" in detail:
                detail += "\nLa base est occupée : arrêtez l'application pendant la restauration."
            raise BackupError(f"{tool} a échoué (code {result.returncode}) : {detail}")


def libpq_connection(url: sa.URL) -> tuple[str, dict[str, str]]:
    """A libpq conninfo string for the SQLAlchemy URL (driver part dropped), and an
    environment carrying the password, which never appears on a command line."""
    params: dict[str, object] = {
        "host": url.host,
        "port": url.port,
        "user": url.username,
        "dbname": url.database,
    }
    for key, value in url.query.items():  # sslmode, options…: libpq keywords already
        params[key] = value[-1] if isinstance(value, tuple) else value
    conninfo = " ".join(
        f"{key}={_conninfo_quote(str(value))}"
        for key, value in params.items()
        if value not in (None, "")
    )
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = url.password
    return conninfo, env


def _conninfo_quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
