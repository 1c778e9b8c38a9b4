"""Benchmark: search on a large corpus, side by side with SQLite FTS5 as a yardstick.

    .venv/bin/python benchmarks/bench_search.py --reports 50000            # builds everything
    .venv/bin/python benchmarks/bench_search.py --database /tmp/b.sqlite   # reuse a seeded file
    .venv/bin/python benchmarks/bench_search.py --backend postgres --reports 50000 \
        --server postgresql+psycopg://postgres@127.0.0.1:5432/test  # Whoosh beside PostgreSQL
    # the same on a PostgreSQL database seeded once (flask seed-demo --reports 50000) and
    # indexed by both backends (flask search rebuild [--backend postgres]): kept afterwards
    .venv/bin/python benchmarks/bench_search.py --backend postgres \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench17 \
        --search-dir /tmp/b17/search [--rebuild]

Measures, in one run on one machine: the index rebuild (time, size), the full /search
results page (top 10, exact total, facet counts, highlighted snippets) for 1-3-word queries
with and without filters, the same queries on an FTS5 table of the same text (top 10 by
bm25, exact count, snippets), publishing a report while the index is large (request time,
with the drainer thread working), and the memory of a warmed process.
"""

import argparse
import html
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from search_queries import QUERIES  # noqa: E402 (data only: see search_queries.py)

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fts5_table(sqlite_path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(sqlite_path)
    conn.execute("DROP TABLE IF EXISTS bench_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE bench_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
    )
    tag = re.compile(r"<[^>]+>")
    rows = conn.execute(
        "SELECT r.id, r.title, b.context_html || ' ' || b.proceedings_html || ' ' || b.worked_html || ' ' || "
        "b.difficulties_html || ' ' || b.advice_html FROM report r JOIN report_body b ON b.report_id = r.id "
        "WHERE r.status = 'published' AND r.deleted_at IS NULL"
    )
    conn.executemany(
        "INSERT INTO bench_fts(rowid, title, body) VALUES (?, ?, ?)",
        ((rid, title, html.unescape(tag.sub("", text))) for rid, title, text in rows),
    )
    conn.commit()
    return conn


def fts5_page(conn, words: str):
    match = " ".join(f'"{w}"' for w in words.split())
    count = conn.execute(
        "SELECT count(*) FROM bench_fts WHERE bench_fts MATCH ?", (match,)
    ).fetchone()[0]
    top = conn.execute(
        "SELECT rowid, title, snippet(bench_fts, 1, '<mark>', '</mark>', ' … ', 24) FROM bench_fts "
        "WHERE bench_fts MATCH ? ORDER BY bm25(bench_fts) LIMIT 10",
        (match,),
    ).fetchall()
    return count, top


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--database", help="an SQLite file already seeded (skips seeding)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--backend",
        choices=["whoosh", "postgres"],
        default="whoosh",
        help="postgres: both search backends side by side on one PostgreSQL database",
    )
    parser.add_argument(
        "--server",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/test",
        help="a PostgreSQL server (--backend postgres makes a new database on it)",
    )
    parser.add_argument(
        "--database-url",
        help="--backend postgres: an already seeded PostgreSQL database, reused and kept "
        "(no seeding; the reports published by the run are deleted again at the end)",
    )
    parser.add_argument(
        "--search-dir",
        help="--backend postgres: the Whoosh index folder (with --database-url: reused as "
        "it is unless --rebuild)",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="with --database-url: rebuild both indexes first (timed)",
    )
    args = parser.parse_args()
    if args.backend == "postgres":
        return side_by_side(args)

    tmp = Path(tempfile.mkdtemp(prefix="maillage-search-bench-"))
    sqlite_path = args.database or str(tmp / "bench.sqlite")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{sqlite_path}",
            "SEARCH_DIR": str(tmp / "search"),
            "SEARCH_BACKGROUND": True,
            "WTF_CSRF_ENABLED": False,
        },
        env="testing",
    )
    with app.app_context():
        upgrade()
        if not args.database:
            from forum.services import demo

            started = time.perf_counter()
            demo.seed(extra_reports=args.reports)
            print(f"seed-demo --reports {args.reports}: {time.perf_counter() - started:.1f} s")
        from forum.search import engine

        started = time.perf_counter()
        count = engine().rebuild()
        rebuild_s = time.perf_counter() - started
        size_mb = sum(p.stat().st_size for p in (tmp / "search").rglob("*") if p.is_file()) / 1e6
        print(f"rebuild: {count} documents in {rebuild_s:.1f} s; index {size_mb:.0f} MB")
        author_email = db.session.scalar(
            db.text("SELECT email FROM user_account WHERE role = 'member' LIMIT 1")
        )

    fts = fts5_table(sqlite_path)
    client = app.test_client()
    with app.app_context():
        started = time.perf_counter()
        client.get("/search?q=porteurs")  # first request: opens the searcher, builds facet masks
        print(
            f"first search in a fresh process (searcher + facet masks): {(time.perf_counter() - started) * 1000:.0f} ms; RSS {rss_mb():.0f} MB"
        )

    rows = []
    all_ours, all_fts = [], []
    for words, filters in QUERIES:
        ours, theirs = [], []
        params = {"q": words, **filters}
        for _ in range(args.repeat):  # interleaved: both see the same machine noise
            started = time.perf_counter()
            response = client.get("/search", query_string=params)
            ours.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            started = time.perf_counter()
            fts5_page(fts, words)
            theirs.append((time.perf_counter() - started) * 1000)
        total = re.search(r'role="status">(\d+) résultat', response.get_data(as_text=True))
        rows.append(
            (
                words + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else ""),
                int(total.group(1)) if total else 0,
                statistics.median(ours),
                pct(ours, 0.95),
                statistics.median(theirs),
                pct(theirs, 0.95),
            )
        )
        all_ours += ours
        all_fts += theirs

    print(f"\n{'query':62} {'hits':>6} {'ours p50':>9} {'p95':>7} {'fts5 p50':>9} {'p95':>7}")
    for name, hits, p50, p95, f50, f95 in rows:
        print(f"{name:62} {hits:6d} {p50:9.1f} {p95:7.1f} {f50:9.1f} {f95:7.1f}")
    m, p, fm, fp = (
        statistics.median(all_ours),
        pct(all_ours, 0.95),
        statistics.median(all_fts),
        pct(all_fts, 0.95),
    )
    print(
        f"{'ALL':62} {'':6} {m:9.1f} {p:7.1f} {fm:9.1f} {fp:7.1f}   ratio p50 {m / fm:.1f}x, p95 {p / fp:.1f}x"
    )

    # Publishing while the index is large: the request only writes the outbox row.
    client.post("/auth/login", data={"email": author_email, "password": "maillage-demo"})
    timings = []
    rng = random.Random(3)
    for n in range(30):
        started = time.perf_counter()
        response = client.post(
            "/reports/new",
            data={
                "title": f"Publication de mesure {n}",
                "session_date": "2025-05-0%d" % (1 + n % 9),
                "department": "46",
                "structure": "",
                "parcours": "",
                "modules": "confronter-idee-terrain",
                "format": "presentiel",
                "participants": "6",
                "context": "Une séance sur la mobilité et le covoiturage. " * rng.randint(5, 40),
                "action": "publish",
            },
        )
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 303, response.status_code
    print(
        f"\npublish a report (30 requests, drainer thread indexing meanwhile): p50 {statistics.median(timings):.1f} ms, p95 {pct(timings, 0.95):.1f} ms"
    )
    with app.app_context():
        from forum.search import engine

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not db.session.scalar(db.text("SELECT count(*) FROM search_outbox")):
                break
            time.sleep(0.2)
            db.session.rollback()
        print(
            f"outbox drained {time.monotonic() - deadline + 60:.1f} s after the last publish; "
            f"'Publication de mesure' hits: {engine().search('publication mesure').total}"
        )
        engine().shutdown()
    print(f"benchmark process RSS after the run: {rss_mb():.0f} MB")
    print(worker_memory(sqlite_path, str(tmp / "search")))


def worker_memory(sqlite_path: str, search_dir: str) -> str:
    """Memory of a fresh process (as a gunicorn worker would be) before and after serving
    each benchmark query once: the searcher, facet masks and field lengths it keeps."""
    import json
    import subprocess

    code = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from bench_search import QUERIES, rss_mb
from forum import create_app
app = create_app({{"SQLALCHEMY_DATABASE_URI": "sqlite:///{sqlite_path}", "SEARCH_DIR": {search_dir!r}}}, env="testing")
client = app.test_client()
before = rss_mb()
for words, filters in QUERIES:
    client.get("/search", query_string={{"q": words, **filters}})
print(json.dumps([before, rss_mb()]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    return f"fresh worker process: {before:.0f} MB after start-up, {after:.0f} MB after serving the queries once"


def side_by_side(args) -> None:
    """Whoosh and the PostgreSQL backend on one PostgreSQL database, the same corpus and
    queries, interleaved: full results page (top 10, exact total, facets, snippets) through
    /search, the index build and size, and publishing a report with each backend."""
    import uuid

    import sqlalchemy as sa

    reuse = args.database_url is not None
    if reuse:
        name, admin, url = None, None, args.database_url
    else:
        name = f"maillage_bench_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(args.server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = sa.engine.make_url(args.server).set(database=name).render_as_string(False)
    tmp = Path(tempfile.mkdtemp(prefix="maillage-search-bench-"))
    search_dir = Path(args.search_dir) if args.search_dir else tmp / "search"
    rebuild = not reuse or args.rebuild or not search_dir.exists()
    print(f"load average at start: {load()}")
    apps = {}
    try:
        for backend in ("whoosh", "postgres"):
            apps[backend] = create_app(
                {
                    "SQLALCHEMY_DATABASE_URI": url,
                    "SEARCH_DIR": str(search_dir),
                    "SEARCH_BACKEND": backend,
                    "SEARCH_BACKGROUND": True,
                    "WTF_CSRF_ENABLED": False,
                },
                env="testing",
            )
        with apps["whoosh"].app_context():
            if not reuse:
                upgrade()
                from forum.services import demo

                started = time.perf_counter()
                demo.seed(extra_reports=args.reports)
                print(f"seed-demo --reports {args.reports}: {time.perf_counter() - started:.1f} s")
            print(corpus_counts())
        sizes = {}
        for backend, app in apps.items():
            with app.app_context():
                from forum.search import engine

                if rebuild:
                    started = time.perf_counter()
                    count = engine().rebuild()
                    took = time.perf_counter() - started
                    print(
                        f"{backend:8} rebuild: {count} documents in {took:.1f} s "
                        f"(load average after: {load()})"
                    )
                sizes[backend] = index_size(backend, search_dir)
                author_email = db.session.scalar(
                    sa.text("SELECT email FROM user_account WHERE role = 'member' LIMIT 1")
                )
        # Fresh statistics for the planner, as autovacuum would give them.
        engine_url = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine_url.connect() as conn:
            conn.execute(sa.text("VACUUM ANALYZE search_document"))
            conn.execute(sa.text("VACUUM ANALYZE search_word"))
        engine_url.dispose()
        print(
            "index size: whoosh "
            + f"{sizes['whoosh'][0]:.1f} MB; postgres {sizes['postgres'][0]:.1f} MB ("
            + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes["postgres"][1].items())
            + ")"
        )
        print(f"load average before the pages: {load()}")

        clients = {backend: app.test_client() for backend, app in apps.items()}
        for client in clients.values():
            client.get("/search?q=porteurs")  # warm: searcher, facet masks, connections
        rows, every = [], {"whoosh": [], "postgres": []}
        for words, filters in QUERIES:
            times = {"whoosh": [], "postgres": []}
            totals = {}
            params = {"q": words, **filters}
            for _ in range(args.repeat):  # interleaved: both see the same machine noise
                for backend, client in clients.items():
                    started = time.perf_counter()
                    response = client.get("/search", query_string=params)
                    times[backend].append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
                    found = re.search(
                        r'role="status">(\d+) résultat', response.get_data(as_text=True)
                    )
                    totals[backend] = int(found.group(1)) if found else 0
            label = words + (
                " " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else ""
            )
            rows.append((label, totals, times))
            for backend in every:
                every[backend] += times[backend]
        print(
            f"\n{'query':56} {'hits W':>7} {'hits PG':>7} {'W p50':>7} {'p95':>7} "
            f"{'PG p50':>7} {'p95':>7}"
        )
        for label, totals, times in rows:
            w, p = times["whoosh"], times["postgres"]
            print(
                f"{label:56} {totals['whoosh']:7d} {totals['postgres']:7d} "
                f"{statistics.median(w):7.1f} {pct(w, 0.95):7.1f} "
                f"{statistics.median(p):7.1f} {pct(p, 0.95):7.1f}"
            )
        print(f"load average after the pages: {load()}")
        # The same without the broadest query (`porteurs` matches nearly every report),
        # whose cost on PostgreSQL grows with its hits: what the other queries give.
        narrow = {
            backend: [t for label, _, times in rows if label != "porteurs" for t in times[backend]]
            for backend in every
        }
        for summary, (w, p) in (
            ("ALL", (every["whoosh"], every["postgres"])),
            ("ALL but porteurs", (narrow["whoosh"], narrow["postgres"])),
        ):
            print(
                f"{summary:56} {'':7} {'':7} {statistics.median(w):7.1f} {pct(w, 0.95):7.1f} "
                f"{statistics.median(p):7.1f} {pct(p, 0.95):7.1f}   PG/Whoosh p50 "
                f"{statistics.median(p) / statistics.median(w):.2f}x, "
                f"p95 {pct(p, 0.95) / pct(w, 0.95):.2f}x"
            )

        rng = random.Random(3)
        for backend, client in clients.items():
            client.post("/auth/login", data={"email": author_email, "password": "maillage-demo"})
            timings = []
            for n in range(30):
                started = time.perf_counter()
                response = client.post(
                    "/reports/new",
                    data={
                        "title": f"Publication de mesure {backend} {n}",
                        "session_date": "2025-05-0%d" % (1 + n % 9),
                        "department": "46",
                        "structure": "",
                        "parcours": "",
                        "modules": "confronter-idee-terrain",
                        "format": "presentiel",
                        "participants": "6",
                        "context": "Une séance sur la mobilité et le covoiturage. "
                        * rng.randint(5, 40),
                        "action": "publish",
                    },
                )
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 303, response.status_code
            what = (
                "tsvector written in the transaction"
                if backend == "postgres"
                else "outbox row; drainer thread indexing meanwhile"
            )
            print(
                f"publish a report, {backend} ({what}): p50 "
                f"{statistics.median(timings):.1f} ms, p95 {pct(timings, 0.95):.1f} ms"
            )
        print(f"load average after publishing: {load()}")
        if reuse:  # leave the corpus (and both indexes) as they were
            for backend, app in apps.items():
                with app.app_context():
                    print(f"{backend}: {forget_published(backend)} benchmark report(s) deleted")
        for app in apps.values():
            with app.app_context():
                from forum.search import engine

                engine().shutdown()
                db.session.remove()
                db.engine.dispose()
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def load() -> str:
    """The load average (1, 5, 15 min): the machine is shared."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def corpus_counts() -> str:
    import sqlalchemy as sa

    reports, published, discussions, posts = db.session.execute(
        sa.text(
            "SELECT (SELECT count(*) FROM report), "
            "(SELECT count(*) FROM report WHERE status = 'published' AND deleted_at IS NULL), "
            "(SELECT count(*) FROM discussion), (SELECT count(*) FROM post)"
        )
    ).one()
    return (
        f"corpus: {reports} reports ({published} published and not deleted), "
        f"{discussions} discussions, {posts} messages"
    )


def index_size(backend: str, search_dir: Path) -> tuple[float, dict[str, float]]:
    """MB on disk: the Whoosh folder; PostgreSQL's search_document and search_word with
    their TOAST and indexes (and each part)."""
    import sqlalchemy as sa

    if backend == "whoosh":
        files = search_dir.rglob("*")
        return sum(p.stat().st_size for p in files if p.is_file()) / 1e6, {}
    parts = {}
    for table in ("search_document", "search_word"):
        heap, total = db.session.execute(
            sa.text(
                "SELECT pg_table_size(CAST(:t AS regclass)), "
                "pg_total_relation_size(CAST(:t AS regclass))"
            ),
            {"t": table},
        ).one()
        parts[f"{table} rows+toast"] = heap / 1e6
        for index, size in db.session.execute(
            sa.text(
                "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) "
                "FROM pg_index WHERE indrelid = CAST(:t AS regclass) ORDER BY 1"
            ),
            {"t": table},
        ):
            parts[index] = size / 1e6
        parts[f"{table} total"] = total / 1e6
    return parts["search_document total"] + parts["search_word total"], {
        k: v for k, v in parts.items() if not k.endswith(" total")
    }


def forget_published(backend: str) -> int:
    """Delete (as the app does: soft delete, through this app's search backend) the reports
    this run published, so a reused corpus and its indexes stay as they were."""
    import sqlalchemy as sa

    from forum.models import Report
    from forum.search import engine
    from forum.services.reports import delete_report
    from forum.transactions import unit_of_work

    reports = db.session.scalars(
        sa.select(Report).where(
            Report.title.like(f"Publication de mesure {backend} %"), Report.deleted_at.is_(None)
        )
    ).all()
    with unit_of_work():
        for report in reports:
            delete_report(report, report.author)
    if backend == "whoosh":
        engine().sync()  # the outbox rows of the deletions, now (PostgreSQL: already written)
    return len(reports)


if __name__ == "__main__":
    main()
