"""Benchmark: report list and report page with a large corpus, in-process.

    .venv/bin/python benchmarks/bench_reports.py --reports 50000 [--database-url URL]

Builds a fresh database (SQLite file in a temp dir by default), seeds the demo and N
generated reports, then times the pages through the Flask test client (the full stack
minus the network) and counts their SQL statements. Prints medians and p95.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.services import demo  # noqa: E402

LIST_URLS = [
    "/reports/",
    "/reports/?tag=financement",
    "/reports/?module=modele-economique-financement&region=76",
    "/reports/?tag=mobilite&tag=isolement-des-porteurs&sort=session",
    "/reports/?department=46&format=presentiel&from=2024-01-01&to=2025-12-31",
    "/reports/?structure=fabrique-du-lot&page=3",
]


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def timed(client, url, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def count_queries(app, client, url):
    """SQL statements of one request (which runs in its own app context, as in production)."""
    statements = []
    listener = lambda *args: statements.append(1)  # noqa: E731
    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", listener)
    client.get(url)
    sa.event.remove(engine, "before_cursor_execute", listener)
    return len(statements)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="maillage-bench-")
    url = args.database_url or f"sqlite:///{tmp}/bench.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SEARCH_DIR": f"{tmp}/search"}, env="testing")
    with app.app_context():
        upgrade()
        start = time.perf_counter()
        demo.seed(extra_reports=args.reports)
        seeded = time.perf_counter() - start
        from forum.search import engine

        engine().rebuild()  # the report page shows similar reports from the index
        total = db.session.scalar(sa.text("SELECT count(*) FROM report"))
        print(
            f"database: {db.engine.dialect.name}; reports: {total}; seed-demo --reports {args.reports}: {seeded:.1f} s"
        )
        ids = [
            r
            for (r,) in db.session.execute(
                sa.text("SELECT id FROM report WHERE status = 'published' AND deleted_at IS NULL")
            )
        ]
    client = app.test_client()
    rng = random.Random(1)
    rows = []
    # No outer app context: each request gets its own session, as in production.
    for list_url in LIST_URLS:
        client.get(list_url)  # warm-up
        times = timed(client, list_url, args.repeat)
        rows.append(
            (
                list_url,
                statistics.median(times),
                percentile(times, 0.95),
                count_queries(app, client, list_url),
            )
        )
    report_times, report_queries = [], set()
    for report_id in rng.sample(ids, args.repeat * 2):
        report_times += timed(client, f"/reports/{report_id}", 1)
        report_queries.add(count_queries(app, client, f"/reports/{report_id}"))
    rows.append(
        (
            "/reports/<id> (random)",
            statistics.median(report_times),
            percentile(report_times, 0.95),
            "/".join(map(str, sorted(report_queries))),
        )
    )
    print(f"{'page':70} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, median, p95, queries in rows:
        print(f"{name:70} {median:10.1f} {p95:8.1f} {queries!s:>8}")


if __name__ == "__main__":
    main()
