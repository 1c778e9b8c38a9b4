"""Real-browser tests: Debian's Chromium driven by Playwright against a real server.

They are skipped, with a clear message, when Chromium is not installed (`make e2e`
installs it from Debian's packages).
"""

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(
        reason="Chromium absent: browser tests skipped (run `make e2e` to install it)"
    )
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on a real HTTP server (threaded), with a fresh migrated SQLite database,
    reference data, background workers on: what `make run` serves, minus the demo."""
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from forum import create_app
    from forum.services import reference

    root = tmp_path_factory.mktemp("live")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root}/live.sqlite",
            "SEARCH_DIR": str(root / "search"),
            "STORAGE_DIR": str(root / "files"),  # never the checkout's instance/files
            "SEARCH_BACKGROUND": True,
            "NOTIFICATIONS_BACKGROUND": True,
            "SEARCH_SYNC_INTERVAL": 1,
        },
        env="testing",
    )
    app.testing = False  # real error pages, as a user would get them
    with app.app_context():
        upgrade()
        reference.bootstrap()
        from forum.extensions import db

        db.session.commit()  # the CLI command commits; so does a fixture
        from forum.search import engine

        engine().store.ensure()
    port = _free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}", app
    server.shutdown()
    app.extensions["search"].shutdown()
    app.extensions["notifications"].shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser):
    """new_page(width=1280, height=900) -> a page in a fresh context (its own cookies)."""
    contexts = []

    def make(width=1280, height=900, locale="fr-FR"):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale, bypass_csp=True
        )  # only so that axe can be injected
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)  # a ceiling for a loaded machine
        return page

    yield make
    for context in contexts:
        context.close()


def pytest_configure(config):
    os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", "0")


@pytest.fixture(autouse=True)
def _axe_installed(request):
    if "axe" in request.node.nodeid or "accessibility" in str(request.node.fspath):
        if not AXE.exists():
            pytest.skip("axe-core absent (npm ci installs it)")
