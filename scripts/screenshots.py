"""Save PNG screenshots of the main pages (desktop and phone) into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py      (or: make screenshots)
    .venv/bin/python scripts/screenshots.py agenda rendez-vous   (only these pages)

Builds a throw-away demo database, serves it on 127.0.0.1 and drives Debian's Chromium.
"""

import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "accueil": "/",
    "retours": "/reports/",
    "retour": "/reports/{report}",
    "recherche": "/search?q=financement",
    "discussion": "/discussions/{discussion}",
    "territoires": "/territories/",
    "activite": "/activity#chiffres",
    "carte": "/activity?carte=white_zones#carte",
    "module": "/modules/modele-economique-financement",
    "structure": "/structures/fabrique-du-lot",
    "agenda": "/events/",
    "rendez-vous": "/events/{event}",
}
SIZES = {"bureau": (1280, 900), "telephone": (360, 640)}
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    from flask_migrate import upgrade
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from forum import create_app
    from forum.extensions import db
    from forum.models import CalendarEvent, Discussion, Report
    from forum.search import engine
    from forum.services import demo

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Chromium absent : apt-get install chromium")
    tmp = Path(tempfile.mkdtemp(prefix="maillage-shots-"))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/demo.sqlite",
            "SEARCH_DIR": str(tmp / "search"),
        },
        env="development",
    )
    with app.app_context():
        upgrade()
        demo.seed()
        engine().rebuild()
        ids = {
            "report": db.session.scalar(
                db.select(Report.id)
                .where(Report.status == "published", Report.deleted_at.is_(None))
                .offset(8)
            ),
            "discussion": db.session.scalar(
                db.select(Discussion.id).where(Discussion.report_id.is_(None))
            ),
            "event": db.session.scalar(  # the next parcours session
                db.select(CalendarEvent.id)
                .where(CalendarEvent.kind == "seance", CalendarEvent.starts_at > db.func.now())
                .order_by(CalendarEvent.starts_at)
            ),
        }
    only = set(sys.argv[1:]) or set(PAGES)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        for size_name, (width, height) in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="fr-FR",
                extra_http_headers={"Accept-Language": "fr-FR,fr;q=0.9"},
            )
            page = context.new_page()
            for name, path in PAGES.items():
                if name not in only:
                    continue
                page.goto(f"http://127.0.0.1:{port}{path.format(**ids)}")
                page.screenshot(path=str(out / f"{name}-{size_name}.png"), full_page=False)
                print(f"docs/screenshots/{name}-{size_name}.png")
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
