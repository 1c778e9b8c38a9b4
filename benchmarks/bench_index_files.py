"""Benchmark: reading the index through mmap or through plain file reads, side by side.

    .venv/bin/python benchmarks/bench_index_files.py --reports 50000
    .venv/bin/python benchmarks/bench_index_files.py --database /tmp/b.sqlite --search-dir /tmp/ix

Why: with mmap, a segment file truncated or overwritten under a live searcher makes the
next read raise SIGBUS, which kills the whole gunicorn worker (seen in
tests/search/test_index_faults.py); with plain reads the same damage raises an exception
that the app turns into "index being rebuilt". This measures what plain reads cost.

Two apps share one database and one index and differ only by SEARCH_MMAP; each query runs
on both in alternation (same warm page cache), the /search page through the test client
and the "similar reports" computation of a report page. Medians and ratios, one run.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from benchmarks.bench_search import QUERIES, pct  # noqa: E402
from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402


def make_app(sqlite_path: str, search_dir: str, mmap: bool):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{sqlite_path}",
            "SEARCH_DIR": search_dir,
            "SEARCH_MMAP": mmap,
        },
        env="testing",
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--database", help="an SQLite file already seeded (skips seeding)")
    parser.add_argument("--search-dir", help="its index, already built (skips the rebuild)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="maillage-index-files-"))
    sqlite_path = args.database or str(tmp / "bench.sqlite")
    search_dir = args.search_dir or str(tmp / "search")
    apps = {"mmap": make_app(sqlite_path, search_dir, True)}
    apps["read"] = make_app(sqlite_path, search_dir, False)
    with apps["mmap"].app_context():
        if not args.database:
            from forum.services import demo

            upgrade()
            demo.seed(extra_reports=args.reports)
        if not args.search_dir:
            from forum.search import engine

            started = time.perf_counter()
            print(f"rebuild: {engine().rebuild()} documents, {time.perf_counter() - started:.0f} s")
        report_ids = db.session.scalars(
            db.text("SELECT id FROM report WHERE status = 'published' ORDER BY id")
        ).all()[:: max(1, args.reports // 60)][:60]

    timings = {name: {"search": [], "similar": []} for name in apps}
    clients = {name: app.test_client() for name, app in apps.items()}
    for name, app in apps.items():  # warm: open the searcher, build the facet masks
        with app.app_context():
            clients[name].get("/search?q=porteurs")
    for _ in range(args.repeat):
        for words, filters in QUERIES:
            for name in ("mmap", "read") if _ % 2 else ("read", "mmap"):
                with apps[name].app_context():
                    started = time.perf_counter()
                    response = clients[name].get("/search", query_string={"q": words, **filters})
                    timings[name]["search"].append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
    from forum.search import engine
    from forum.services import reports

    for report_id in report_ids:
        for name in ("mmap", "read"):
            with apps[name].app_context():
                report = reports.get_report(report_id)
                started = time.perf_counter()
                engine().similar(report)
                timings[name]["similar"].append((time.perf_counter() - started) * 1000)
                db.session.remove()

    print(
        f"\n{'':10} {'median mmap':>12} {'median read':>12} {'ratio':>7} {'p95 mmap':>9} {'p95 read':>9}"
    )
    for what in ("search", "similar"):
        m, r = timings["mmap"][what], timings["read"][what]
        print(
            f"{what:10} {statistics.median(m):10.1f}ms {statistics.median(r):10.1f}ms "
            f"{statistics.median(r) / statistics.median(m):6.2f}x {pct(m, 0.95):7.1f}ms "
            f"{pct(r, 0.95):7.1f}ms  (n={len(m)})"
        )


if __name__ == "__main__":
    main()
