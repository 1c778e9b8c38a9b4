"""A per-process background thread that runs a job when woken (and every so often)."""

import os
import threading

from flask import Flask

from forum.extensions import release_session


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
        if not self.enabled:
            return
        if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
            self._pid, self._stopping = os.getpid(), False
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._wake.set()

    def shutdown(self) -> None:
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
