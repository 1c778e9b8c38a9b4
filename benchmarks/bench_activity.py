"""« Activité du réseau » at scale (issue 16, « Performance »): /activity, the map, the
exports, the bilan and its PDF through the Flask test client, with 50,000 reports, 2,000
parcours and 200 structures.

    .venv/bin/python benchmarks/bench_activity.py [--reports 50000] [--parcours 2000]
        [--structures 200] [--runs 20] [--pdf-runs 3] [--database-url URL]
        [--schema REVISION] [--code DIR ...] [--keep]

The database (an SQLite file in a temporary folder, or --database-url: a PostgreSQL
server URL whose database `bench_activity` is created for the run and dropped at the end)
is migrated (to --schema, else the newest revision), seeded with the demo (`demo.seed()`,
the reference data and accounts), then bulk-inserted with Core `insert(...)`: --structures
validated structures spread over 80 départements, --parcours parcours (one structure, one
in five shared with a second; 2019–2026, cohorts of 6–14), --reports published reports (session
dates 2019–2026, five in six in a parcours, 1–15 porteurs, 1–3 modules, 0–2 défis, short
sections), 1 % drafts and 1 % deleted ones, and follow-up answers for a third of the
ended parcours (a second, later answer for one in four of those).

Each --code folder (default: this checkout) is then measured in its own process
(PYTHONPATH=<folder>; it migrates the database to its newest revision first, so
`--schema 0017 --code /tmp/base --code .` compares an older commit with this one on the
same rows, the old one without the newer indexes). An administrator is logged in
through the form. Per page: the SQL statements of one request (`before_cursor_execute`),
then p50/p95 over --runs requests in two states: « cold », the content stamp raised
before each request (what the first visitor after any change pays: every memo keyed by
the stamp misses), and « kept », the stamp unchanged (the XLSX, seconds each: at most 5 requests). The PDF (a year of the whole
network) is made --pdf-runs times in a fresh process: wall time of each, and that
process's peak RSS (`ru_maxrss`) before and after.
"""

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve()
REGION = "76"  # Occitanie: a région with many départements
PAGES = {
    "/activity": "/activity",
    f"/activity?region={REGION}": f"/activity?region={REGION}",
    "/territories/ (map)": "/territories/",
    "/activity.csv (all)": "/activity.csv",
    "/activity.xlsx (all)": "/activity.xlsx",
    "/activity/bilan (1 year)": "/activity/bilan?from={start}&to={end}",
}
PDF = "/activity.pdf?from={start}&to={end}"


def year_span() -> tuple[str, str]:
    end = date.today()
    return (end - timedelta(days=364)).isoformat(), end.isoformat()


def make_app(url: str, folder: Path):
    """The app as bench_events builds it: testing configuration, TESTING off."""
    os.environ.setdefault("FORUM_INSTANCE_DIR", str(folder))
    from forum import create_app

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_DIR": str(folder / "ix"),
            "STORAGE_DIR": str(folder / "files"),
        },
        env="testing",
    )
    app.config.update(TESTING=False, DEBUG=False)
    return app


# --- building the data set ---------------------------------------------------------


def build(url: str, folder: Path, args) -> dict:
    """Demo seed, then the bulk rows; returns the row counts."""
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from forum.extensions import db
    from forum.models import (
        SECTIONS,
        ChallengeTag,
        Department,
        FollowUp,
        KitModule,
        Parcours,
        Report,
        ReportBody,
        Structure,
        User,
        parcours_structures,
        report_modules,
        report_tags,
    )
    from forum.services import demo, reference

    app = make_app(url, folder)
    rng = random.Random(16)
    with app.app_context():
        started = time.perf_counter()
        upgrade(revision=args.schema or "heads")
        reference.bootstrap()
        db.session.commit()
        demo.seed()
        db.session.commit()
        print(f"demo seed: {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        now = datetime.now().replace(microsecond=0)
        today = now.date()
        departments = list(db.session.scalars(sa.select(Department.code).order_by("code")))
        # 80 départements hold structures; the rest may become zones blanches.
        places = departments[:: max(1, len(departments) // 80)][:80]
        modules = list(db.session.scalars(sa.select(KitModule.id)))
        tags = list(db.session.scalars(sa.select(ChallengeTag.id)))
        authors = list(db.session.scalars(sa.select(User.id)))

        kinds = ("incubateur", "tiers-lieu", "association", "pole-territorial", "collectivite")
        db.session.execute(
            sa.insert(Structure),
            [
                dict(slug=f"bench-structure-{i}", name=f"Structure de mesure {i}",
                     kind=kinds[i % len(kinds)], description="", website="",
                     department_code=places[i % len(places)], commune="Figeac",
                     status="validated", created_at=now)
                for i in range(args.structures)
            ],
        )  # fmt: skip
        structures = list(
            db.session.execute(
                sa.select(Structure.id, Structure.department_code).where(
                    Structure.slug.like("bench-structure-%")
                )
            )
        )
        first = date(2019, 1, 1)
        span = (today - first).days
        parcours_rows = []
        for i in range(args.parcours):
            start = first + timedelta(days=rng.randrange(span - 30))
            end = start + timedelta(days=rng.randrange(60, 240))
            structure = structures[i % len(structures)]
            parcours_rows.append(
                dict(slug=f"bench-parcours-{i}", title=f"Parcours de mesure {i}",
                     place="Figeac", department_code=structure.department_code,
                     start_date=start, end_date=end if i % 10 else None,
                     cohort_size=rng.randrange(6, 15) if i % 7 else 0, created_at=now)
            )  # fmt: skip
        db.session.execute(sa.insert(Parcours), parcours_rows)
        parcours = list(
            db.session.execute(
                sa.select(Parcours.id, Parcours.start_date, Parcours.end_date)
                .where(Parcours.slug.like("bench-parcours-%"))
                .order_by(Parcours.id)
            )
        )
        links, owner = [], {}
        for i, p in enumerate(parcours):
            owner[p.id] = structures[i % len(structures)]
            links.append({"parcours_id": p.id, "structure_id": owner[p.id].id})
            if i % 5 == 0:
                other = structures[(i * 7 + 3) % len(structures)]
                if other.id != owner[p.id].id:
                    links.append({"parcours_id": p.id, "structure_id": other.id})
        db.session.execute(sa.insert(parcours_structures), links)

        text = {
            name: (f"Une séance sur {name} : la cohorte a travaillé par petits groupes.")
            for name in SECTIONS
        }
        html = {name: f"<p>{value}</p>" for name, value in text.items()}
        next_id = (db.session.scalar(sa.select(sa.func.max(Report.id))) or 0) + 1
        total = args.reports + args.reports // 50  # 1 % drafts, 1 % deleted
        batch = 2000
        for offset in range(0, total, batch):
            reports, bodies, links_m, links_t = [], [], [], []
            for k in range(offset, min(total, offset + batch)):
                report_id = next_id + k
                state = "published"
                if k >= args.reports:
                    state = "draft" if k % 2 else "deleted"
                if k % 6:
                    p = parcours[k % len(parcours)]
                    end = p.end_date or p.start_date + timedelta(days=180)
                    day = p.start_date + timedelta(days=rng.randrange((end - p.start_date).days))
                    structure, parcours_id = owner[p.id], p.id
                else:
                    day = first + timedelta(days=rng.randrange(span))
                    structure, parcours_id = structures[k % len(structures)], None
                day = min(day, today)
                stamp = datetime.combine(day, datetime.min.time()) + timedelta(days=2, hours=18)
                author = authors[k % len(authors)]
                reports.append(
                    dict(id=report_id, title=f"Retour de séance {k}", session_date=day,
                         department_code=structure.department_code, structure_id=structure.id,
                         parcours_id=parcours_id, author_id=author,
                         format=("presentiel", "distanciel", "hybride")[k % 3],
                         participants=rng.randrange(1, 16),
                         quotable="" if k % 3 == 0 else "worked,advice",
                         status="draft" if state == "draft" else "published",
                         created_at=stamp, updated_at=stamp,
                         published_at=None if state == "draft" else stamp,
                         deleted_at=stamp + timedelta(days=12) if state == "deleted" else None,
                         deleted_by_id=author if state == "deleted" else None)
                )  # fmt: skip
                body = {"report_id": report_id}
                for name in SECTIONS:
                    body[f"{name}_md"] = text[name]
                    body[f"{name}_html"] = html[name]
                bodies.append(body)
                links_m += [
                    {"report_id": report_id, "module_id": m}
                    for m in rng.sample(modules, rng.randrange(1, 4))
                ]
                links_t += [
                    {"report_id": report_id, "tag_id": t}
                    for t in rng.sample(tags, rng.randrange(0, 3))
                ]
            db.session.execute(sa.insert(Report), reports)
            db.session.execute(sa.insert(ReportBody), bodies)
            db.session.execute(sa.insert(report_modules), links_m)
            db.session.execute(sa.insert(report_tags), links_t)
            db.session.commit()
        demo._fix_sequences()

        answers = []
        ended = [p for p in parcours if p.end_date and p.end_date < today - timedelta(days=90)]
        for i, p in enumerate(ended[::3]):
            when = datetime.combine(p.end_date, datetime.min.time()) + timedelta(days=100)
            for late in range(2 if i % 4 == 0 else 1):
                answers.append(
                    dict(parcours_id=p.id, author_id=authors[i % len(authors)],
                         abandoned=rng.randrange(3), maturing=rng.randrange(4),
                         started=rng.randrange(5), oriented=rng.randrange(3),
                         oriented_to="incubateur,dla" if i % 2 else "",
                         comment="Des nouvelles de la cohorte.",
                         created_at=when + timedelta(days=200 * late))
                )  # fmt: skip
        db.session.execute(sa.insert(FollowUp), answers)
        db.session.commit()
        demo.analyze()  # the planner's statistics after the bulk load
        if db.engine.dialect.name == "postgresql":  # and the visibility map, as autovacuum
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(sa.text("VACUUM"))  # would: index-only scans need it
        counts = {
            name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
            for name, table in (
                ("reports", Report.__table__),
                ("published", sa.select(Report.id).where(Report.is_published).subquery()),
                ("parcours", Parcours.__table__),
                ("structures", Structure.__table__),
                ("follow-ups", FollowUp.__table__),
                ("report-modules", report_modules),
                ("report-tags", report_tags),
            )
        }
        print(f"bulk rows: {time.perf_counter() - started:.0f} s, {counts}", flush=True)
        db.engine.dispose()
    return counts


# --- measuring (in a child process, one per code folder) ---------------------------


def logged_in_client(app):
    import re

    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    done = client.post(
        "/auth/login",
        data={"csrf_token": token, "email": "admin@example.org", "password": "maillage-demo"},
    )
    assert done.status_code in (302, 303), done.status_code
    return client


def measure_pages(url: str, folder: Path, runs: int) -> None:
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from forum.extensions import db

    app = make_app(url, folder)
    with app.app_context():
        started = time.perf_counter()
        upgrade()
        emit({"kind": "upgrade", "seconds": time.perf_counter() - started})
        statements: list[str] = []
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        raise_stamp = sa.text("UPDATE content_stamp SET version = version + 1 WHERE id = 1")

    def bump() -> None:
        with app.app_context(), db.engine.begin() as conn:
            conn.execute(raise_stamp)

    client = logged_in_client(app)
    start, end = year_span()
    for label, path in PAGES.items():
        path = path.format(start=start, end=end)
        response = client.get(path)  # warm-up: layout memos, templates
        assert response.status_code == 200, (path, response.status_code)
        result = {"kind": "page", "label": label, "bytes": len(response.data)}
        for state in ("cold", "kept"):
            if state == "cold":
                bump()
            statements.clear()
            client.get(path)
            result[f"{state}_sql"] = len(statements)
            times = []
            for _ in range(min(runs, 5) if "xlsx" in label else runs):  # seconds each
                if state == "cold":
                    bump()
                t = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            result[f"{state}_p50"] = statistics.median(times)
            result[f"{state}_p95"] = times[max(0, int(len(times) * 0.95) - 1)]
        emit(result)


def measure_pdf(url: str, folder: Path, runs: int) -> None:
    from forum.extensions import db

    app = make_app(url, folder)
    client = logged_in_client(app)
    start, end = year_span()
    path = PDF.format(start=start, end=end)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times, size, peaks = [], 0, []
    for _ in range(runs):
        t = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - t)
        assert response.status_code == 200, response.status_code
        size = len(response.data)
        peaks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    with app.app_context():
        db.engine.dispose()
    emit({"kind": "pdf", "seconds": times, "bytes": size, "rss_before": before, "rss_peaks": peaks})


def emit(result: dict) -> None:
    print("RESULT " + json.dumps(result), flush=True)


# --- driving ------------------------------------------------------------------------


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}), load average {load}"


def run_child(code: Path, mode: str, url: str, folder: Path, runs: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(code), "FORUM_INSTANCE_DIR": str(folder)}
    command = [sys.executable, str(HERE), "--child", mode, "--database-url", url]
    command += ["--folder", str(folder), "--runs", str(runs)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=code)
    if done.returncode:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-6000:])
        raise SystemExit(f"{code}: {mode} failed")
    return [json.loads(line[7:]) for line in done.stdout.splitlines() if line.startswith("RESULT ")]


def server_database(url: str, create: bool) -> str:
    """CREATE (or DROP) DATABASE bench_activity on the server of `url`; its URL."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("DROP DATABASE IF EXISTS bench_activity WITH (FORCE)"))
        if create:
            conn.execute(sa.text("CREATE DATABASE bench_activity"))
    engine.dispose()
    return sa.make_url(url).set(database="bench_activity").render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--parcours", type=int, default=2_000)
    parser.add_argument("--structures", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--schema", default="", help="migrate the new database to this revision")
    parser.add_argument("--code", action="append", default=[], help="checkout(s) to measure")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", help="measure the SQLite data set a --keep run left there")
    parser.add_argument("--child", choices=("pages", "pdf"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        sys.path.insert(0, os.environ.get("PYTHONPATH", str(HERE.parent.parent)))
        measure = measure_pages if args.child == "pages" else measure_pdf
        measure(args.database_url, Path(args.folder), args.runs)
        return

    folder = Path(args.reuse or tempfile.mkdtemp(prefix="bench-activity-"))
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    if args.database_url:
        url = server_database(args.database_url, create=True)
    sys.path.insert(0, str(HERE.parent.parent))
    print(f"machine: {machine()}", flush=True)
    counts = {"reused": str(folder)} if args.reuse else build(url, folder, args)
    start, end = year_span()
    codes = [Path(c).resolve() for c in args.code] or [HERE.parent.parent]
    results = {}
    for code in codes:
        results[code] = run_child(code, "pages", url, folder, args.runs)
        results[code] += run_child(code, "pdf", url, folder, args.pdf_runs)
        print(f"measured {code}", flush=True)
    print(f"machine after: {machine()}")
    print(f"\n{url.split(':')[0]}: {counts}; one year: {start} → {end}\n")
    heads = " | ".join(f"{c.name}" for c in codes)
    print(f"| request | {heads} (statements cold/kept; p50 / p95 ms cold; kept) |")
    print("|---|" + "---|" * len(codes))
    labels = [r["label"] for r in results[codes[0]] if r["kind"] == "page"]
    for label in labels:
        cells = []
        for code in codes:
            r = next(x for x in results[code] if x.get("label") == label)
            cells.append(
                f"{r['cold_sql']}/{r['kept_sql']} SQL; {r['cold_p50']:.0f} / {r['cold_p95']:.0f}"
                f"; {r['kept_p50']:.0f} / {r['kept_p95']:.0f} ({r['bytes']:,} B)"
            )
        print(f"| `{label}` | " + " | ".join(cells) + " |")
    cells = []
    for code in codes if args.pdf_runs else ():
        r = next(x for x in results[code] if x["kind"] == "pdf")
        seconds = ", ".join(f"{s:.1f}" for s in r["seconds"])
        cells.append(
            f"{seconds} s; peak RSS {r['rss_before']:.0f} → {max(r['rss_peaks']):.0f} MB"
            f" ({r['bytes']:,} B)"
        )
    if cells:
        print("| `/activity.pdf` (1 year) | " + " | ".join(cells) + " |")
    for code in codes:
        upgrade = next(x for x in results[code] if x["kind"] == "upgrade")
        print(f"{code.name}: migration to its head {upgrade['seconds']:.1f} s")
    if args.keep:
        print(f"kept: {url} (--reuse {folder})")
        return
    if args.database_url:
        server_database(args.database_url, create=False)
    if not args.reuse:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
