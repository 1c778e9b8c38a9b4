"""The production stack for real: gunicorn with our config, several workers, one SQLite file."""

import os
import re
import runpy
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from forum import ROOT
from tests.waiting import PATIENCE, wait_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_compressed_pages_and_health(tmp_path):
    bin_dir = Path(sys.executable).parent
    port = free_port()
    env = {
        **os.environ,
        "FORUM_ENV": "production",
        "FORUM_BASE_URL": "https://maillage.example.org",
        "FORUM_SECRET_KEY": "s" * 64,
        "FORUM_DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite",
        "FORUM_SEARCH_DIR": str(tmp_path / "ix"),
        "FORUM_INSTANCE_DIR": str(tmp_path),
        "FORUM_BIND": f"127.0.0.1:{port}",
        "FORUM_WORKERS": "2",
    }
    for command in (["db", "upgrade"], ["bootstrap"], ["search", "rebuild"]):
        subprocess.run(
            [str(bin_dir / "flask"), "--app", "wsgi", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    log = tmp_path / "gunicorn.log"  # a file, not a pipe: read while the server runs
    with open(log, "w") as stderr:
        server = subprocess.Popen(
            [str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )

    def health():
        assert server.poll() is None, log.read_text()[-2000:]  # died: say why, do not wait
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/healthz", timeout=PATIENCE
            ) as response:
                return response.read().decode()
        except OSError:
            return None  # not listening yet

    try:
        answer = wait_for(health, "gunicorn to answer /healthz")
        assert '"database":"ok"' in answer and '"index":"ok"' in answer
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/",
            headers={"Accept-Encoding": "gzip", "Accept-Language": "fr"},
        )
        with urllib.request.urlopen(request, timeout=PATIENCE) as response:
            assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
            assert (
                "Secure; HttpOnly" in response.headers["Set-Cookie"]
            )  # production cookies are Secure
        # A long search typed in French (1,900 characters, ~7.6 KB once percent-encoded) is
        # the app's to answer (it keeps the first 500 characters), not gunicorn's bare 414.
        long_query = urllib.parse.quote("é" * 1000 + " " + "mobilité " * 100)
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/search?q={long_query}", timeout=PATIENCE
        ) as response:
            assert response.status == 200
        # Both workers boot however slowly the machine forks; the access line is written
        # once the response is sent. Wait for them rather than assume they are there.
        wait_for(
            lambda: (
                log.read_text().count("Booting worker") >= 2
                and "method=GET path=/ status=200 duration_ms=" in log.read_text()
            ),
            "two workers booted and the request logged",
        )
    finally:
        server.terminate()
        server.wait(timeout=PATIENCE)


def test_the_search_box_never_sends_more_than_gunicorn_reads(client):
    """A tester of issue 17: 3,000 « é » in the search box (the box allowed 3,000
    characters) made an 18 KB request line, answered by gunicorn's bare English 414. The
    box now holds what one request line carries once percent-encoded (« é » is 6
    characters: %C3%A9), with room for the page's filters; the app keeps 500 of them."""
    limit = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["limit_request_line"]
    html = client.get("/search").get_data(as_text=True)
    box = re.search(r'<input type="search" id="q"[^>]*>', html).group(0)
    longest = int(re.search(r'maxlength="(\d+)"', box).group(1))
    assert 500 <= longest and longest * len("%C3%A9") + 2000 <= limit
