"""Load test: readers and writers against gunicorn + PostgreSQL, on 127.0.0.1, for a bounded time.

    .venv/bin/python benchmarks/load.py --duration 60 --readers 16 --writers 4 --reports 50000 \\
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/maillage_load --reuse

1. Prepares the database (its own: `test` and PostgreSQL's are refused): creates it, then
   `flask db upgrade`, `bootstrap` and `seed-demo --reports N` (which builds the search
   index); with --reuse, a database that already holds the reports is kept, with its index.
2. Starts gunicorn exactly as `make serve-prod` does (`gunicorn -c gunicorn.conf.py
   wsgi:app`, FORUM_ENV=production, a secret key generated for the run, plain-http cookies
   since this is 127.0.0.1, the index in a directory of the run's own, a free port) and
   waits for /healthz.
3. Runs R readers (home, report lists with filters, report pages, /search with filters,
   the discussions list and pages) and W writers (demo members who log in, load the form
   to get its CSRF token and publish a report, or reply to a discussion or in a report's
   thread; each text carries a unique token word) for the duration, as fast as the server
   answers (closed loop, no think time). A write is acknowledged when the server answers
   303 to the created object (`/reports/<id>`, `…#post-<id>`).
4. Waits (bounded) for the search outbox to drain, then checks every acknowledged write
   is in the database and found by GET /search?q=<token> (the object's link in the page).
5. Prints machine facts and, per route, requests, req/s, p50/p95/p99 and statuses; exits
   1 on any 5xx or connection error, or any acknowledged write missing.

Why not locust: it brings gevent and monkey-patches the process, a heavy dependency for
20 closed-loop clients, and its numbers would come from a different client stack than the
fault scripts'. Threads with the standard library's http.client are enough here: the
clients spend their time waiting on sockets. They do share the machine's cores with the
server, as locust would.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

import checks  # noqa: E402
import stack  # noqa: E402
import traffic  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/maillage_load"


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--reports", type=int, default=50_000, help="generated reports (seed)")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reuse", action="store_true", help="keep an already seeded database")
    parser.add_argument("--workdir", help="index and logs (default /var/tmp/maillage-bench/<db>)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of readers, not counted")
    parser.add_argument("--outbox-timeout", type=float, default=120)
    return parser.parse_args(argv)


def after_run(
    server: stack.Gunicorn, database_url: str, recorder: traffic.Recorder, timeout: float
) -> tuple[list[str], bool]:
    """Drain wait, write checks and server-side error counts; returns (lines, all found)."""
    waited, left = checks.wait_for_outbox(database_url, timeout)
    result = checks.verify(database_url, server.port, recorder.acks, recorder.unacknowledged)
    ok = not (left or result["missing_db"] or result["missing_index"])
    lines = [
        f"search outbox empty {waited:.1f} s after the end of the run"
        + (f" — NOT EMPTY after {timeout:.0f} s: {left} row(s) left" if left else ""),
        f"acknowledged writes: {result['acknowledged']} ({result['reports']} reports, "
        f"{result['replies']} replies); missing from the database: {len(result['missing_db'])}; "
        f"not found by /search: {len(result['missing_index'])}",
        f"writes without an answer or with a 5xx: {result['unacknowledged']}, of which "
        f"committed all the same: {result['committed_anyway']} (those must be found by /search too)",
        f"server log: {len(server.log_lines(' status=5'))} responses 5xx, "
        f"{len(server.log_lines('Unhandled error'))} unhandled errors, "
        f"{len(server.log_lines('Booting worker'))} workers booted",
    ]
    for ack in (result["missing_db"] + result["missing_index"])[:20]:
        lines.append(
            f"  missing: {ack.kind} {ack.object_id} token {ack.token} (acknowledged at {ack.at:.1f} s)"
        )
    if recorder.errors:
        lines.append(
            "writes not acknowledged: " + ", ".join(f"{k}: {v}" for k, v in recorder.errors.items())
        )
    return lines, ok


def main(argv=None) -> int:
    args = arguments(argv)
    name = make_url(args.database_url).database
    workdir = Path(args.workdir or f"/var/tmp/maillage-bench/{name}")
    workdir.mkdir(parents=True, exist_ok=True)
    env = stack.app_env(args.database_url, workdir, stack.free_port(), args.workers)
    for step, seconds in stack.prepare_database(env, args.reports, args.reuse).items():
        print(f"{step}: {seconds:.1f} s", flush=True)
    corpus = traffic.Corpus.load(args.database_url)
    server = stack.Gunicorn(env, Path(tempfile.mkdtemp(prefix="maillage-load-")) / "gunicorn.log")
    try:
        health = server.start()
        facts = stack.machine_facts(args.database_url, len(server.workers()))
        print("\n".join(facts), f"\n/healthz: {health}", flush=True)
        print(
            f"corpus: {len(corpus.report_ids)} published reports, {len(corpus.discussion_ids)} open discussions"
        )
        if args.warmup:
            traffic.run(server.port, corpus, args.readers, 0, args.warmup, traffic.Recorder())
        recorder, meter = traffic.Recorder(), stack.CpuMeter(server, args.database_url)
        log_start, cpu_before = server.log_size(), meter.snapshot()
        print(
            f"running {args.readers} readers and {args.writers} writers for {args.duration:.0f} s…",
            flush=True,
        )
        duration = traffic.run(
            server.port, corpus, args.readers, args.writers, args.duration, recorder
        )
        cpu = stack.CpuMeter.report(cpu_before, meter.snapshot())
        app_times = checks.app_time_table(server.access_lines(log_start, server.log_size()))
        lines, all_found = after_run(server, args.database_url, recorder, args.outbox_timeout)
    finally:
        server.stop()
    print(
        f"\n{time.strftime('%Y-%m-%d')}, {args.readers} readers + {args.writers} writers, {duration:.1f} s measured:\n"
    )
    print("\n".join(recorder.table(duration)))
    print("\n" + "\n".join(app_times))
    print("\n" + cpu)
    print("\n" + "\n".join(lines))
    failures = sum(
        1
        for s in recorder.samples
        if s.status == "conn-error" or (isinstance(s.status, int) and s.status >= 500)
    )
    print(f"server log: {server.log_path}")
    if failures or not all_found:
        print(f"FAILED: {failures} 5xx or connection errors; every write found: {all_found}")
        return 1
    print("OK: no 5xx, every acknowledged write is in the database and in the index")
    return 0


if __name__ == "__main__":
    sys.exit(main())
