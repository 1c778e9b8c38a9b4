"""After a run: the outbox drained, every write checked, the app's own timings.

Used by benchmarks/load.py and benchmarks/faults.py.
"""

import re
import threading
import time
from collections import defaultdict

import stack
from traffic import Ack, Client, Recorder, pct

SERVER_ROUTES = [
    ("GET", re.compile(r"^/$"), "home /"),
    ("GET", re.compile(r"^/reports/$"), "reports list"),
    ("GET", re.compile(r"^/reports/\d+$"), "report page (readers and writers)"),
    ("GET", re.compile(r"^/search$"), "search"),
    ("GET", re.compile(r"^/discussions/$"), "discussions list"),
    ("GET", re.compile(r"^/discussions/\d+$"), "discussion page (readers and writers)"),
    ("GET", re.compile(r"^/reports/new$"), "w GET /reports/new"),
    ("POST", re.compile(r"^/reports/new$"), "w POST /reports/new"),
    ("POST", re.compile(r"^/(reports|discussions)/\d+/reply$"), "w POST replies"),
    ("GET", re.compile(r"^/auth/login$"), "w GET /auth/login"),
    ("POST", re.compile(r"^/auth/login$"), "w POST /auth/login"),
]


def app_time_table(lines: list[tuple[str, str, int, float]]) -> list[str]:
    """Time inside the app per route, from gunicorn's log (no queueing, no network)."""
    by_route = defaultdict(list)
    for method, path, _status, ms in lines:
        route = next((r for m, p, r in SERVER_ROUTES if m == method and p.match(path)), "other")
        by_route[route].append(ms)
    rows = ["| route (server log) | requests | app p50 ms | app p95 ms | app p99 ms |"]
    rows.append("|---|---:|---:|---:|---:|")
    everything = []
    for route, ms in sorted(by_route.items()):
        everything += ms
        rows.append(
            f"| `{route}` | {len(ms)} | {pct(ms, 0.5):.0f} | {pct(ms, 0.95):.0f} | {pct(ms, 0.99):.0f} |"
        )
    if everything:
        rows.append(
            f"| **all** | {len(everything)} | {pct(everything, 0.5):.0f} | "
            f"{pct(everything, 0.95):.0f} | {pct(everything, 0.99):.0f} |"
        )
    return rows


def wait_for_outbox(database_url: str, timeout: float) -> tuple[float, int]:
    """Wait until search_outbox is empty; returns (seconds waited, rows left)."""
    started = time.monotonic()
    with stack.connect(database_url, autocommit=True) as conn:
        while True:
            left = conn.execute("SELECT count(*) FROM search_outbox").fetchone()[0]
            if not left or time.monotonic() - started > timeout:
                return time.monotonic() - started, left
            time.sleep(0.25)


def committed_anyway(database_url: str, unacknowledged: list[tuple[str, str]]) -> list[Ack]:
    """The writes that got no answer (or a 5xx) but were committed all the same."""
    found = []
    with stack.connect(database_url) as conn:
        for kind, sql in (
            ("report", "SELECT id, title FROM report WHERE title LIKE ANY(%s)"),
            ("post", "SELECT id, body_md FROM post WHERE body_md LIKE ANY(%s)"),
        ):
            tokens = [t for k, t in unacknowledged if k == kind]
            if tokens:
                for object_id, text in conn.execute(sql, ([f"%{t}%" for t in tokens],)):
                    token = next(t for t in tokens if t in text)
                    found.append(Ack(kind, object_id, token, -1.0))
    return found


def verify(database_url: str, port: int, acks: list[Ack], unacknowledged=()) -> dict:
    """Every acknowledged write: in the database (with its token) and found by /search;
    writes committed without an answer must be found by /search too."""
    anyway = committed_anyway(database_url, list(unacknowledged))
    reports = {a.object_id: a.token for a in acks if a.kind == "report"}
    posts = {a.object_id: a.token for a in acks if a.kind == "post"}
    with stack.connect(database_url) as conn:
        in_db = {
            ("report", rid)
            for rid, title in conn.execute(
                "SELECT id, title FROM report WHERE id = ANY(%s) AND status = 'published'",
                (list(reports),),
            )
            if reports[rid] in title
        } | {
            ("post", pid)
            for pid, body in conn.execute(
                "SELECT id, body_md FROM post WHERE id = ANY(%s)", (list(posts),)
            )
            if posts[pid] in body
        }
    missing_db = [a for a in acks if (a.kind, a.object_id) not in in_db]

    recorder = Recorder()
    missing_index: list[Ack] = []
    lock = threading.Lock()
    pending = list(acks) + anyway

    def check():
        client = Client(port, recorder)
        while True:
            with lock:
                if not pending:
                    return
                ack = pending.pop()
            result = client.request("GET", f"/search?q={ack.token}", "verify /search")
            link = (
                f'href="/reports/{ack.object_id}"'
                if ack.kind == "report"
                else f'#post-{ack.object_id}"'
            )
            if result is None or result[0] != 200 or link.encode() not in result[2]:
                with lock:
                    missing_index.append(ack)

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "acknowledged": len(acks),
        "reports": len(reports),
        "replies": len(posts),
        "missing_db": missing_db,
        "missing_index": missing_index,
        "unacknowledged": len(unacknowledged),
        "committed_anyway": len(anyway),
    }
