"""The production stack for real: gunicorn with our config, several workers, one SQLite file."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from forum import ROOT


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
    server = subprocess.Popen(
        [str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as response:
                    health = response.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert '"database":"ok"' in health and '"index":"ok"' in health
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/",
            headers={"Accept-Encoding": "gzip", "Accept-Language": "fr"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"
            assert (
                "Secure; HttpOnly" in response.headers["Set-Cookie"]
            )  # production cookies are Secure
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=10)
    assert "method=GET path=/ status=200 duration_ms=" in err
    assert "Booting worker" in err and err.count("Booting worker") >= 2
