"""A per-process background thread that runs a job when woken (and every so often), and
the session hooks that wake it once the transaction that queued its work has committed."""

import os
import threading
from collections.abc import Callable

from flask import Flask, current_app, has_app_context
from sqlalchemy import event

from forum.extensions import db, release_session

# {session.info flag: app.extensions key of the worker it wakes} (see wake_after_commit).
_WAKES: dict[str, str] = {}


def listen(identifier: str, hook: Callable) -> None:
    """Hook `db.session` for this SQLAlchemy session event, once per process.

    A scoped session's events land on its session class, which every app built by the
    factory shares (tests build many): listening again would run the hook twice."""
    if not event.contains(db.session, identifier, hook):
        event.listen(db.session, identifier, hook)


def wake_after_commit(flag: str, extension: str) -> None:
    """After a commit of a transaction that set `session.info[flag]`, wake the worker held
    in `current_app.extensions[extension]` (anything with `notify()`); a rollback forgets
    the flag, as the queued rows went with it."""
    _WAKES[flag] = extension
    listen("after_commit", _wake_flagged)
    listen("after_rollback", _forget_flags)


def _wake_flagged(session) -> None:
    for flag, extension in _WAKES.items():
        if session.info.pop(flag, False) and has_app_context():
            worker = current_app.extensions.get(extension)
            if worker is not None:
                worker.notify()  # it runs after the response, never inside the request


def _forget_flags(session) -> None:
    for flag in _WAKES:
        session.info.pop(flag, None)


class Worker:
    """Runs `job()` in an app context after `notify()`, never inside the request that
    called it. One thread per process, restarted after a fork (gunicorn workers)."""

    def __init__(self, app: Flask, name: str, job, enabled: bool, interval: float = 30):
        self.app, self.name, self.job = app, name, job
        self.enabled, self.interval = enabled, interval
        self._wake = threading.Event()
        self._thread = None
        self._pid = None
        self._stopping = False

    def notify(self) -> None:
        """Run the job soon in this process's thread (started, or restarted after a fork)."""
        if not self.enabled:
            return
        if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
            self._pid, self._stopping = os.getpid(), False
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._wake.set()

    def shutdown(self) -> None:
        """Stop the thread and wait for its current run to finish (tests, clean exits)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while True:
            self._wake.wait(timeout=self.interval)
            self._wake.clear()
            if self._stopping:
                return
            with self.app.app_context():
                try:
                    self.job()
                except Exception:  # logged; the outbox keeps the work for next time
                    self.app.logger.exception("%s failed", self.name)
                finally:
                    release_session()
