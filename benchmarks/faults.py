"""Faults at process level, under readers and writers, on the production stack.

    .venv/bin/python benchmarks/faults.py kill-worker [--kills 4 --duration 40]
    .venv/bin/python benchmarks/faults.py pg-restart [--outage 5 --duration 40]

kill-worker: gunicorn + PostgreSQL (server at --database-url, a database of the script's
own, demo data), readers and writers; `kill -9` of one gunicorn worker (a child of the
master) at regular moments of the run. gunicorn boots a new one; requests in flight on the
killed worker fail at the connection level (never acknowledged). Passes when no response
is a 5xx and every acknowledged write is in the database and found by /search once the
outbox has drained (by the other workers or the new one).

pg-restart: a private PostgreSQL cluster (initdb as postgres, trust auth, a free port,
removed at the end), gunicorn pointed at it, readers and writers, then `pg_ctl stop -m
fast`, --outage seconds, `pg_ctl start`, gunicorn left alone. A probe asks for / five
times a second. Passes when no response is a 500 (only 503 with Retry-After and the French
page while the database is away), requests succeed again after the restart on their own,
and every acknowledged write is in the database and the index.

Same client, checks and output as benchmarks/load.py (which it reuses).
"""

import argparse
import os
import random
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402
import traffic  # noqa: E402
from load import after_run  # noqa: E402

OK = range(200, 400)


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=["kill-worker", "pg-restart"])
    parser.add_argument("--duration", type=float, default=40)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument(
        "--reports", type=int, default=0, help="generated reports on top of the demo"
    )
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py)")
    parser.add_argument(
        "--database-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/maillage_faults",
        help="kill-worker only (pg-restart runs its own cluster)",
    )
    parser.add_argument("--kills", type=int, default=4)
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL stays down")
    parser.add_argument("--outbox-timeout", type=float, default=120)
    return parser.parse_args(argv)


def kill_workers(server: stack.Gunicorn, kills: int, events: list):
    """kill -9 one worker at evenly spaced moments; note when gunicorn has replaced it."""

    def during(recorder: traffic.Recorder, end: float):
        start = recorder.now()
        rng = random.Random(11)
        for n in range(kills):
            moment = start + (end - start) * (n + 1) / (kills + 1)
            while recorder.now() < moment:
                time.sleep(0.05)
            before = server.workers()
            victim = rng.choice(before)
            os.kill(victim, signal.SIGKILL)
            killed_at = recorder.now()
            while len(set(server.workers()) - {victim}) < len(before) and recorder.now() < end:
                time.sleep(0.05)
            events.append((killed_at, victim, recorder.now() - killed_at))

    return during


def restart_postgres(cluster: stack.PrivateCluster, port: int, outage: float, marks: dict):
    """Stop PostgreSQL at a third of the run, start it `outage` s later; a probe watches /."""

    def during(recorder: traffic.Recorder, end: float):
        probe_stop = threading.Event()
        probe = threading.Thread(target=_probe, args=(port, recorder, probe_stop, marks))
        probe.start()
        try:
            start = recorder.now()
            while recorder.now() < start + (end - start) / 3:
                time.sleep(0.05)
            marks["stop"] = recorder.now()
            cluster.stop("fast")
            marks["stopped"] = recorder.now()
            time.sleep(outage)
            marks["start"] = recorder.now()
            cluster.start()
            marks["started"] = recorder.now()
            while recorder.now() < end:
                time.sleep(0.1)
        finally:
            probe_stop.set()
            probe.join()

    return during


def _probe(port: int, recorder: traffic.Recorder, stop: threading.Event, marks: dict):
    """GET / five times a second; keep what the first 503 and any 500 looked like."""
    client = traffic.Client(port, recorder, timeout=10)
    while not stop.is_set():
        result = client.request("GET", "/", "probe /")
        if result and result[0] >= 500:
            key = f"first {result[0]}"
            if key not in marks:
                text = result[2].decode(errors="replace")
                marks[key] = {
                    "Retry-After": result[1].get("Retry-After"),
                    "French page": "Service indisponible" in text or "Erreur interne" in text,
                    "title": text.split("<title>", 1)[-1].split("</title>", 1)[0][:80],
                }
        time.sleep(0.2)


def timeline_lines(recorder: traffic.Recorder, marks: dict) -> list[str]:
    lines = ["| second | statuses | |", "|---:|---|---|"]
    first = int(marks["stop"]) - 2
    last = int(marks["started"]) + 5
    for second, counts in recorder.timeline(1.0, first, last + 1):
        note = []
        for key in ("stop", "stopped", "start", "started"):
            if int(marks[key]) == int(second):
                note.append(f"pg_ctl {key} at {marks[key]:.1f} s")
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=str))
        lines.append(f"| {second:.0f} | {statuses} | {'; '.join(note)} |")
    return lines


def outage_summary(recorder: traffic.Recorder, marks: dict) -> tuple[list[str], bool]:
    bad = [s for s in recorder.samples if s.status not in OK and s.status not in (400, 403, 404)]
    fives = Counter(s.status for s in bad)
    window = [s for s in recorder.samples if marks["stop"] <= s.at <= marks["started"] + 10]
    during = Counter(s.status for s in window)
    after_start = [s for s in recorder.samples if s.at > marks["started"]]
    last_error = max((s.at for s in bad), default=marks["started"])
    first_ok = min((s.at for s in after_start if s.status in OK), default=float("nan"))
    lines = [
        f"PostgreSQL stopped from {marks['stop']:.1f} s (stop took {marks['stopped'] - marks['stop']:.1f} s) "
        f"to {marks['started']:.1f} s (start took {marks['started'] - marks['start']:.1f} s)",
        f"responses from the stop to 10 s after the restart: {dict(sorted(during.items(), key=str))}",
        f"non-2xx/3xx over the whole run: {dict(sorted(fives.items(), key=str))}",
        f"first success {first_ok - marks['started']:.2f} s after PostgreSQL was back; "
        f"last error at {last_error:.2f} s ({last_error - marks['started']:+.2f} s from then)",
    ]
    for key in ("first 503", "first 500"):
        if key in marks:
            lines.append(f"{key} seen by the probe: {marks[key]}")
    late = [s for s in bad if s.at > marks["started"] + 10]
    ok = (
        not fives.get(500)
        and not late
        and (not fives.get(503) or marks.get("first 503", {}).get("Retry-After"))
    )
    return lines, bool(ok)


def main(argv=None) -> int:
    args = arguments(argv)
    tmp = Path(tempfile.mkdtemp(prefix=f"maillage-{args.scenario}-"))
    cluster = stack.PrivateCluster(tmp) if args.scenario == "pg-restart" else None
    server = None
    try:
        if cluster:
            cluster.init()
            cluster.start()
            database_url = cluster.url("maillage_faults")
        else:
            database_url = args.database_url
        env = stack.app_env(database_url, tmp, stack.free_port(), args.workers)
        for step, seconds in stack.prepare_database(env, args.reports, reuse=False).items():
            print(f"{step}: {seconds:.1f} s", flush=True)
        corpus = traffic.Corpus.load(database_url)
        server = stack.Gunicorn(env, tmp / "gunicorn.log")
        server.start()
        print("\n".join(stack.machine_facts(database_url, len(server.workers()))), flush=True)
        recorder, events, marks = traffic.Recorder(), [], {}
        if cluster:
            during = restart_postgres(cluster, server.port, args.outage, marks)
        else:
            during = kill_workers(server, args.kills, events)
        print(
            f"{args.scenario}: {args.readers} readers, {args.writers} writers, {args.duration:.0f} s…",
            flush=True,
        )
        duration = traffic.run(
            server.port, corpus, args.readers, args.writers, args.duration, recorder, during
        )
        lines, all_found = after_run(server, database_url, recorder, args.outbox_timeout)
    finally:
        if server is not None:
            server.stop()
        if cluster is not None:
            cluster.destroy()
    print(f"\n{time.strftime('%Y-%m-%d')}, {args.scenario}, {duration:.1f} s:\n")
    print("\n".join(recorder.table(duration)))
    print("\n" + "\n".join(lines))
    if cluster:
        print("\n" + "\n".join(timeline_lines(recorder, marks)))
        summary, ok = outage_summary(recorder, marks)
        print("\n" + "\n".join(summary))
    else:
        for killed_at, pid, respawn in events:
            print(
                f"kill -9 worker {pid} at {killed_at:.1f} s; gunicorn forked its replacement {respawn:.1f} s later"
            )
        conn_errors = Counter(s.route for s in recorder.samples if s.status == "conn-error")
        print(f"connection errors (requests in flight on a killed worker): {dict(conn_errors)}")
        ok = not any(isinstance(s.status, int) and s.status >= 500 for s in recorder.samples)
        ok = ok and len(events) == args.kills
    print(f"server log: {server.log_path if server else '-'}")
    if not (ok and all_found):
        print(f"FAILED: fault handling ok: {ok}; every acknowledged write found: {all_found}")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
