"""A report page with 6 photos, in Chromium (issue 14 point 7): bytes of HTML+CSS+JS on
first load, and bytes of the images fetched once scrolled to the bottom, at 360 and
1280 px wide (device pixel ratio 1), for a visitor with an empty cache.

    .venv/bin/python benchmarks/page_weight_photos.py [--grain]

Builds the app on a fresh SQLite database in a temporary folder, attaches 6 photos of
1600 x 1200 px drawn by forum/demo/supports.py (paperboards with sticky notes) and
processes them as the media worker does, then serves it with werkzeug and measures with
tests/e2e/weight.py. Drawn pictures compress far better than camera photos: `--grain`
adds sensor-like noise so that the variants weigh what a phone photo's would.
"""

import argparse
import shutil
import sys
import tempfile
import threading
from datetime import date
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, FLAGS, _free_port  # noqa: E402
from tests.e2e.weight import weigh  # noqa: E402


def photo(index: int, grain: bool) -> bytes:
    from PIL import Image

    from forum.demo import supports

    drawn = supports.paperboard_photo(
        f"Paperboard {index + 1}",
        [(f"Idée numéro {n + 1} du groupe", c) for n, c in enumerate(supports.NOTE_COLOURS)] * 2,
        seed=index,
    )
    if not grain:
        return drawn
    image = Image.open(BytesIO(drawn))
    noise = Image.effect_noise(image.size, 40).convert("RGB")
    out = BytesIO()
    Image.blend(image, noise, 0.12).save(out, "JPEG", quality=90)
    return out.getvalue()


def build(root: Path, grain: bool):
    from flask_migrate import upgrade

    from forum import create_app
    from forum.extensions import db
    from forum.models import SECTIONS, Structure, User
    from forum.services import attachments, reference
    from forum.services.reports import ReportInput, create_report

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root}/bench.sqlite",
            "SEARCH_DIR": str(root / "search"),
            "STORAGE_DIR": str(root / "files"),
        },
        env="testing",
    )
    app.testing = False
    with app.app_context():
        upgrade()
        reference.bootstrap()
        structure = Structure(
            slug="grange", name="La Grange", kind="tiers-lieu", department_code="48"
        )
        user = User(
            email="b@example.org", display_name="Banc d'Essai", handle="banc", structure=structure
        )
        user.set_password("banc-d-essai-seulement")
        db.session.add_all([structure, user])
        db.session.commit()
        report = create_report(
            user,
            ReportInput(
                title="Six photos du paperboard",
                session_date=date(2025, 3, 18),
                department="48",
                format="presentiel",
                participants=7,
                modules=["emergence-interconnaissance"],
                structure_id=structure.id,
                sections={name: "Sept porteurs, une salle, un paperboard." for name in SECTIONS},
                publish=True,
            ),
        )
        for index, section in enumerate([None, *SECTIONS]):
            attachments.attach(
                user,
                BytesIO(photo(index, grain)),
                f"paperboard-{index + 1}.jpg",
                report=report,
                alt=f"Le paperboard numéro {index + 1}",
                section=section,
                consent=True,
            )
        db.session.commit()
        while attachments.process_pending():
            pass
        return app, report.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grain", action="store_true", help="photo-like noise in the images")
    args = parser.parse_args()
    if not CHROMIUM:
        sys.exit("Chromium not found (make e2e installs it)")
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    root = Path(tempfile.mkdtemp(prefix="weight-"))
    try:
        app, report_id = build(root, args.grain)
        server = make_server("127.0.0.1", _free_port(), app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/reports/{report_id}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            print(f"report page with 6 photos{' (grain)' if args.grain else ''}: {url}")
            print(f"{'width':>6} {'HTML+CSS+JS':>12} {'images':>9}  variants fetched")
            for width in (360, 1280):
                context = browser.new_context(viewport={"width": width, "height": 800})
                result = weigh(context.new_page(), url)
                context.close()
                widths = sorted(set(result["variants"]))
                print(
                    f"{width:>4}px {result['first_load']:>10} B {result['images']:>7} B  "
                    f"{len(result['variants'])} × {widths} w"
                )
                for file, size in result["first_load_files"].items():
                    print(f"{'':>8}{size:>8} B  {file.split('/', 3)[-1]}")
            browser.close()
        server.shutdown()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
