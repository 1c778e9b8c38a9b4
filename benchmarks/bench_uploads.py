"""Uploads (issue 14): what the request costs and what the media worker does after it.

    .venv/bin/python benchmarks/bench_uploads.py [--rounds 7] [--json out.json]

Through the Flask test client on a real SQLite file and a local storage folder (no network
between client and app: the request time is the server's own work): a 4 MB phone photo
(4000×3000 JPEG of noise, EXIF orientation and GPS) and a 5 MB PDF (text on every page)
uploaded `--rounds` times each. Reports per kind: request p50/p95 (the request only
stores the file), processing time p50/p95 (the worker: variants, or text extraction),
time from upload to « searchable » for the PDF (processing + index drain), the worker's
peak extra memory while processing (VmHWM of a fresh child process after processing, minus
the same before it, from /proc/self/status: ru_maxrss would carry the parent's peak across
exec; both are reported), and bytes kept per photo (full JPEG + 480/1200 WebP and JPEG).
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from io import BytesIO
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def phone_photo(target_bytes: int = 4_000_000) -> bytes:
    """A 4000×3000 JPEG as a phone's 12 MP photo: a gradient with sensor-like noise, saved at
    the lowest quality (of 60–95) that reaches `target_bytes` (~4 MB)."""
    from PIL import Image

    size = (4000, 3000)
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 60).convert("RGB")
    image = Image.blend(gradient, noise, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (44.0, 19.0, 12.0), 3: "E", 4: (3.0, 35.0, 24.0)})
    for quality in (60, 70, 80, 85, 90, 95):
        out = BytesIO()
        image.save(out, "JPEG", quality=quality, exif=exif)
        if out.tell() >= target_bytes:
            break
    return out.getvalue()


def big_pdf(target_bytes: int = 5_000_000) -> bytes:
    """A PDF of ~170 distinct pages of text (uncompressed streams) reaching ~5 MB."""
    from pypdf import PdfReader, PdfWriter

    from tests.files import pdf_with_text

    writer = PdfWriter()
    size, n = 0, 0
    while size < target_bytes:
        n += 1
        text = f"Page {n} : compte rendu de la séance à Florac, enquête terrain. " * 450
        one = pdf_with_text(text)
        writer.add_page(PdfReader(BytesIO(one)).pages[0])
        size += len(one)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _status_kb(field: str) -> int:
    """A memory figure of /proc/self/status in KiB (VmHWM: peak resident set size)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _process_in_child(db_url: str, files_dir: str, search_dir: str, queue) -> None:
    """In a fresh process: the worker's peak memory for processing what is pending."""
    from forum import create_app
    from forum.services import attachments

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": db_url, "STORAGE_DIR": files_dir, "SEARCH_DIR": search_dir},
        env="testing",
    )
    with app.app_context():
        before = _status_kb("VmHWM")  # this process's own peak (ru_maxrss survives exec)
        started = time.perf_counter()
        done = attachments.process_pending(batch=1)
        elapsed = time.perf_counter() - started
        after = _status_kb("VmHWM")
    queue.put(
        {"done": done, "seconds": elapsed, "extra_mb": (after - before) / 1024,
         "peak_mb": after / 1024, "before_mb": before / 1024}
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from forum import create_app
    from forum.extensions import db
    from forum.models import Attachment, User
    from forum.search import engine
    from forum.services import reference
    from forum.services.reports import ReportInput, create_report

    work = Path(tempfile.mkdtemp(prefix="bench-uploads-"))
    db_url = f"sqlite:///{work / 'bench.sqlite'}"
    files_dir, search_dir = str(work / "files"), str(work / "search")
    config = {"SQLALCHEMY_DATABASE_URI": db_url, "STORAGE_DIR": files_dir,
              "SEARCH_DIR": search_dir, "WTF_CSRF_ENABLED": False,
              "ATTACHMENT_QUOTA_BYTES": 10**12, "ATTACHMENTS_PER_REPORT": 10**6}  # fmt: skip
    app = create_app(config, env="testing")
    photo, pdf = phone_photo(), big_pdf()
    results: dict = {"machine": f"{platform.node()} {platform.processor()} {os.cpu_count()} cores",
                     "load": os.getloadavg(), "photo_bytes": len(photo), "pdf_bytes": len(pdf)}  # fmt: skip
    with app.app_context():
        upgrade()
        reference.bootstrap()
        user = User(email="bench@example.org", display_name="Bench", handle="bench")
        user.set_password("motdepasse-solide")
        db.session.add(user)
        db.session.commit()
        report = create_report(
            user,
            ReportInput(title="Séance de test", session_date=__import__("datetime").date(2025, 3, 4),
                        department="48", format="presentiel", participants=6,
                        modules=["emergence-interconnaissance"], sections={"context": "Texte."},
                        publish=True),
        )  # fmt: skip
        db.session.commit()
        report_id = report.id
    client = app.test_client()  # each request in its own app context, as in production
    client.post("/auth/login", data={"email": "bench@example.org", "password": "motdepasse-solide"})
    for kind, data, name, fields in (
        ("photo", photo, "IMG_0001.JPG", {"alt": "Le paperboard", "consent": "y"}),
        ("pdf", pdf, "compte-rendu.pdf", {}),
    ):
        requests, processing, extra, searchable, peaks = [], [], [], [], []
        for _ in range(args.rounds):
            started = time.perf_counter()
            response = client.post(
                f"/reports/{report_id}/attachments",
                data={"file": (BytesIO(data), name), **fields},
                content_type="multipart/form-data",
            )
            requests.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 303, response.status_code
            spawn = get_context("spawn")
            queue = spawn.Queue()
            child = spawn.Process(
                target=_process_in_child, args=(db_url, files_dir, search_dir, queue)
            )
            child.start()
            measured = queue.get(timeout=600)
            child.join()
            processing.append(measured["seconds"] * 1000)
            extra.append(measured["extra_mb"])
            peaks.append((measured["before_mb"], measured["peak_mb"]))
            if kind == "pdf":
                started = time.perf_counter()
                with app.app_context():
                    engine().sync()
                drained = (time.perf_counter() - started) * 1000
                searchable.append(measured["seconds"] * 1000 + drained)
        row = {
            "request_ms_p50": statistics.median(requests),
            "request_ms_p95": percentile(requests, 95),
            "processing_ms_p50": statistics.median(processing),
            "processing_ms_p95": percentile(processing, 95),
            "worker_extra_mb_max": max(extra),
            "worker_rss_mb_before_and_peak": max(peaks, key=lambda p: p[1]),
        }
        if searchable:
            row["to_searchable_ms_p50"] = statistics.median(searchable)
        results[kind] = row
    with app.app_context():
        photos = list(db.session.scalars(select(Attachment).where(Attachment.kind == "image")))
        kept = [sum(v["bytes"] for v in a.variants) for a in photos]
        full_sizes = [os.path.getsize(Path(files_dir) / a.file_key) for a in photos]
        results["photo"]["kept_bytes_per_photo"] = statistics.median(
            [k + f for k, f in zip(kept, full_sizes)]
        )
        results["attachments"] = db.session.scalar(select(func.count(Attachment.id)))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
