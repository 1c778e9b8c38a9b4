"""Two app servers on one PostgreSQL database (issue 17, point 4): two gunicorn processes,
each with its own instance folder and port, the postgres search backend. What is published
on one is found on the other at once; an edit on B shows on A; a deletion on A is gone on B;
one server killed with SIGKILL during a stream of writes loses nothing it acknowledged,
and the other keeps serving.

Skipped on SQLite: several servers share a PostgreSQL database, never an SQLite file.
"""

import html.parser
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from forum import ROOT, create_app
from forum.extensions import db
from tests.test_serve_prod import free_port
from tests.waiting import PATIENCE, wait_for

pytestmark = pytest.mark.skipif(
    not os.environ.get("FORUM_TEST_DATABASE_URL"),
    reason="several app servers share a PostgreSQL database (FORUM_TEST_DATABASE_URL), "
    "never an SQLite file",
)

PASSWORD = "motdepasse-solide"


class _Hidden(html.parser.HTMLParser):
    """The hidden inputs of a page (CSRF token, one-time token)."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


class Browser:
    """A visitor of one server: cookies kept, redirects not followed (the 303 is the
    acknowledgement of a write)."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect
        )

    def request(self, path: str, data: list | None = None) -> tuple[int, str, dict]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(request, timeout=PATIENCE) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), dict(error.headers)

    def hidden(self, path: str) -> dict[str, str]:
        status, page, _ = self.request(path)
        assert status == 200, (path, status)
        parser = _Hidden()
        parser.feed(page)
        return parser.fields

    def submit(self, path: str, fields: list) -> tuple[int, str, dict]:
        return self.request(path, [*self.hidden(path).items(), *fields])

    def login(self, email: str) -> None:
        status, _, _ = self.submit("/auth/login", [("email", email), ("password", PASSWORD)])
        assert status in (302, 303), status

    def search_ids(self, words: str) -> list[int]:
        status, page, _ = self.request("/search?" + urllib.parse.urlencode({"q": words}))
        assert status == 200, status
        listed = page.split('class="results"', 1)[1] if 'class="results"' in page else ""
        return [int(i) for i in re.findall(r'<h2 class="h3"><a href="/reports/(\d+)">', listed)]


def report_fields(title: str, context: str) -> list:
    return [
        ("title", title),
        ("session_date", "2025-01-01"),
        ("department", "24"),
        ("modules", "confronter-idee-terrain"),
        ("format", "presentiel"),
        ("participants", "3"),
        ("structure", ""),
        ("parcours", ""),
        ("context", context),
        ("action", "publish"),
    ]


class Server:
    """One gunicorn (one worker) with its own instance folder and port."""

    def __init__(self, name: str, database_url: str, root: Path):
        self.port = free_port()
        self.instance = root / name
        self.instance.mkdir()
        self.log = self.instance / "gunicorn.log"
        bin_dir = Path(sys.executable).parent
        env = {
            **os.environ,
            "FORUM_ENV": "production",
            "FORUM_BASE_URL": f"http://127.0.0.1:{self.port}",
            "FORUM_SECRET_KEY": "k" * 64,  # the same on every server of a deployment
            "FORUM_SESSION_COOKIE_SECURE": "0",  # plain HTTP on loopback in this test
            "FORUM_DATABASE_URL": database_url,
            "FORUM_SEARCH_BACKEND": "postgres",
            "FORUM_SEARCH_DIR": str(self.instance / "search"),
            "FORUM_INSTANCE_DIR": str(self.instance),
            "FORUM_BIND": f"127.0.0.1:{self.port}",
            "FORUM_WORKERS": "1",
        }
        with open(self.log, "w") as stderr:
            self.process = subprocess.Popen(
                [str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,
            )
        self.base = f"http://127.0.0.1:{self.port}"

    def health(self) -> str | None:
        assert self.process.poll() is None, self.log.read_text()[-3000:]
        try:
            with urllib.request.urlopen(self.base + "/healthz", timeout=PATIENCE) as response:
                return response.read().decode()
        except OSError:
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def deployment(migrated, tmp_path):
    """Two servers on the test database, a member who may publish (an account a month old,
    past the new accounts' posting brake), and a new account; emptied afterwards."""
    from datetime import timedelta

    from forum.models import User
    from forum.models.base import utcnow
    from forum.services import modules, reference
    from tests.conftest import _empty_tables

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": migrated, "SEARCH_BACKEND": "postgres"}, env="testing"
    )
    with app.app_context():
        modules.load_defaults()
        reference.load_categories()
        user = User(email="ines@example.org", display_name="Inès V.", handle="ines-v")
        user.created_at = utcnow() - timedelta(days=30)
        newcomer = User(email="noe@example.org", display_name="Noé N.", handle="noe-n")
        for member in (user, newcomer):
            member.set_password(PASSWORD)
            db.session.add(member)
        db.session.commit()
    servers = [Server(name, migrated, tmp_path) for name in ("a", "b")]
    try:
        for server in servers:
            answer = wait_for(server.health, f"server {server.base} to answer /healthz")
            assert '"search":"postgres"' in answer and '"database":"ok"' in answer, answer
        yield app, servers
    finally:
        for server in servers:
            server.stop()
        with app.app_context():
            db.session.remove()
            _empty_tables()
            db.engine.dispose()


def _published_id(headers: dict) -> int:
    match = re.search(r"/reports/(\d+)", headers.get("Location", ""))
    assert match, headers
    return int(match.group(1))


def test_publish_edit_delete_across_two_servers(deployment):
    _app, (a, b) = deployment
    on_a, on_b = Browser(a.base), Browser(b.base)
    on_a.login("ines@example.org")
    on_b.login("ines@example.org")
    word = "ornithorynque"

    status, _, headers = on_a.submit(
        "/reports/new", report_fields("Atelier sur A", f"Un {word} au tiers-lieu de Figeac.")
    )
    assert status == 303, status
    report_id = _published_id(headers)
    acknowledged = time.monotonic()
    found = wait_for(lambda: on_b.search_ids(word) == [report_id], "B to find it", seconds=2)
    assert found and time.monotonic() - acknowledged < 2

    status, _, _ = on_b.submit(
        f"/reports/{report_id}/edit",
        report_fields("Atelier modifié sur B", "Un pangolin remplace l'animal du début."),
    )
    assert status == 303, status
    assert on_a.search_ids("pangolin") == [report_id]
    assert on_a.search_ids(word) == []  # the old text left the index with the edit
    status, page, _ = on_a.request(f"/reports/{report_id}")
    assert status == 200 and "Atelier modifié sur B" in page

    status, _, _ = on_a.submit(f"/reports/{report_id}/delete", [("confirm", "yes")])
    assert status == 303, status
    assert on_b.search_ids("pangolin") == []
    status, _, _ = Browser(b.base).request(f"/reports/{report_id}")  # a visitor
    assert status in (404, 410), status


def test_a_server_killed_during_writes_loses_nothing_acknowledged(deployment):
    app, (a, b) = deployment
    writers = {server.base: Browser(server.base) for server in (a, b)}
    for browser in writers.values():
        browser.login("ines@example.org")
    acknowledged: dict[str, list[int]] = {a.base: [], b.base: []}
    failures: dict[str, int] = {a.base: 0, b.base: 0}
    stop = threading.Event()
    marker = uuid.uuid4().hex[:8]

    def write(base: str) -> None:
        browser = writers[base]
        n = 0
        while not stop.is_set():
            n += 1
            try:
                status, _, headers = browser.submit(
                    "/reports/new",
                    report_fields(f"Flux {marker} {n}", f"Séance salamandre numéro {n}."),
                )
            except OSError:  # the server died under this request: not acknowledged
                failures[base] += 1
                time.sleep(0.05)
                continue
            if status == 303:
                acknowledged[base].append(_published_id(headers))
            else:
                failures[base] += 1

    # Daemon threads, stopped in `finally`: a failed wait must not leave them writing
    # forever and keep pytest from exiting (CI timed out so once).
    threads = [threading.Thread(target=write, args=(s.base,), daemon=True) for s in (a, b)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: len(acknowledged[a.base]) >= 3, "A to acknowledge a few publications")
        os.killpg(a.process.pid, signal.SIGKILL)  # the master and its worker, mid-stream
        a.process.wait(timeout=PATIENCE)
        before = len(acknowledged[b.base])
        wait_for(lambda: len(acknowledged[b.base]) >= before + 3, "B to keep acknowledging")
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=PATIENCE)

    every = acknowledged[a.base] + acknowledged[b.base]
    assert len(every) == len(set(every))
    from forum.models import Report

    with app.app_context():
        stored = set(
            db.session.scalars(db.select(Report.id).where(Report.title.like(f"Flux {marker} %")))
        )
        assert set(every) <= stored  # every acknowledged publication is in the database
        from forum.search import engine

        # ... and in the search documents, as they were committed with it.
        assert engine().check() == {"missing": [], "stale": [], "extra": []}
    assert '"status":"ok"' in b.health()
    found = set(Browser(b.base).search_ids(f"Flux {marker}"))
    assert found  # B still answers searches (one page of the results)
    status, page, _ = Browser(b.base).request(
        "/search?" + urllib.parse.urlencode({"q": f"salamandre {marker}"})
    )
    assert status == 200


def test_each_server_has_its_own_control_socket(deployment):
    """Two gunicorns on one machine took the same control socket (gunicorn's default is one
    per user), so `gunicornc` spoke to whichever started last: each has its own, named
    after its address (gunicorn.conf.py)."""
    _app, servers = deployment
    sockets = []
    for server in servers:
        found = re.search(r"[Cc]ontrol socket listening (?:at|on) (\S+)", server.log.read_text())
        path = Path(found.group(1)) if found else None
        assert path is not None and path.is_socket(), server.log.read_text()[-2000:]
        assert f"127.0.0.1_{server.port}" in path.name
        sockets.append(path)
    assert sockets[0] != sockets[1]


def test_a_new_accounts_posting_brake_counts_on_both_servers(deployment):
    """The spam brake (10 publications an hour during an account's first day,
    forum/services/discussions.py) counts in the database: 6 on A and 4 on B use it up,
    and the 11th is refused on either server."""
    _app, (a, b) = deployment
    on_a, on_b = Browser(a.base), Browser(b.base)
    on_a.login("noe@example.org")
    on_b.login("noe@example.org")
    for n, browser in enumerate([on_a] * 6 + [on_b] * 4):
        status, _, _ = browser.submit("/reports/new", report_fields(f"Frein {n}", "Texte."))
        assert status == 303, (n, status)
    for browser in (on_a, on_b):
        status, page, _ = browser.submit("/reports/new", report_fields("Frein 11", "Texte."))
        assert status == 429, status
        assert "publie au plus 10 messages" in page
