"""A second app server in the same process: another app instance (its own search folder
and file store) on the test's database, as a second machine behind the proxy would be."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Barrier, Thread

from flask import Flask

from forum import create_app
from forum.extensions import db


@contextmanager
def second_server(app: Flask, database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """`with second_server(app, migrated, tmp_path) as other: …` — an app on `database_url`
    that mails where `app` does; its search threads stopped and its connections closed on
    the way out."""
    other = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SEARCH_DIR": str(tmp_path / "other-search"),
            "STORAGE_DIR": str(tmp_path / "other-files"),
            "MAIL_SERVER": app.config.get("MAIL_SERVER"),
            "MAIL_PORT": app.config.get("MAIL_PORT"),
        },
        env="testing",
    )
    try:
        yield other
    finally:
        other.extensions["search"].shutdown()
        with other.app_context():
            db.engine.dispose()


def at_once(apps: list[Flask], job: Callable[[Barrier], None], timeout: float = 120) -> list:
    """Run `job(start)` in each app's context, one thread per app (server), released
    together by the barrier `start` (the job may wait on it again between steps); returns
    the errors raised, each thread's session removed. Daemon threads: a stuck one cannot
    keep pytest from exiting."""
    start = Barrier(len(apps))
    errors: list = []

    def server(instance: Flask) -> None:
        try:
            with instance.app_context():
                start.wait()
                job(start)
                db.session.remove()
        except BaseException as error:  # reported by the caller
            errors.append(error)
            start.abort()

    runs = [Thread(target=server, args=(app,), daemon=True) for app in apps]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=timeout)
    return errors
