"""Benchmark: two versions of the code side by side on one seeded PostgreSQL database —
the full /search page of bench_search.py's queries, Whoosh (the newer code) beside the
PostgreSQL backend of each version, interleaved in one run.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_search_ab.py \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench17 \
        --search-dir /work/bench17-ix --code /tmp/perf-old --code . [--repeat 15] [--check]

Each code tree runs in a process of its own (a Flask test client, as bench_search.py),
fed one request at a time: for each query and repetition, Whoosh, then every tree's
PostgreSQL page, so that all see the same machine. Prints p50 / p95 per query, ALL and
ALL but porteurs, the PostgreSQL ÷ Whoosh ratios of each tree, and the SQL statements per
request. `--check` also compares the pages byte for byte across trees (pages 1 and 2, the
date sort) and stops on the first difference.
"""

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from search_queries import QUERIES  # noqa: E402 (data only: see search_queries.py)

# More shapes for --check: pages, date sort, widened, corrected, excluded, OR, phrases.
EXTRA = [
    ("porteurs", {"page": "2"}),
    ("financement", {"sort": "date"}),
    ("mobilité", {"sort": "date", "page": "3"}),
    ("comment mobiliser les porteurs", {}),
    ("financment", {}),
    ("mobilte covoiturge", {}),
    ('"tiers-lieux"', {}),
    ("financement -tag:mobilite", {}),
    ("tag:financement OR tag:mobilite", {}),
    ("covoiturage OR autopartage", {}),
    ("", {"tag": "mobilite"}),
    ("région:occitanie élus", {}),
    ("xyzzyq", {}),
    ("réunion", {"type": "post"}),
    ("séance", {"type": "discussion"}),
    ('animation -structure:"Cap Coopératif"', {}),
    ("apres:2025-01-01 gouvernance", {}),
    ("porteurs", {"page": "400"}),
]


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def worker(code: str, backend: str, url: str, search_dir: str) -> None:
    sys.path.insert(0, str(Path(code).resolve()))
    os.chdir(code)
    import sqlalchemy as sa

    from forum import create_app
    from forum.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_DIR": search_dir,
            "SEARCH_BACKEND": backend,
            "SEARCH_BACKGROUND": False,
            "WTF_CSRF_ENABLED": False,
        },
        env="testing",
    )
    statements = [0]
    with app.app_context():
        sa.event.listen(
            db.engine,
            "before_cursor_execute",
            lambda *a, **k: statements.__setitem__(0, statements[0] + 1),
        )
    client = app.test_client()
    client.get("/search?q=porteurs")
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        params = json.loads(line)
        statements[0] = 0
        started = time.perf_counter()
        response = client.get("/search", query_string=params)
        ms = (time.perf_counter() - started) * 1000
        # The CSRF token (a form in the header) differs per session: not the results.
        body = re.sub(
            rb'name="csrf_token" value="[^"]*"', b'name="csrf_token"', response.get_data()
        )
        print(
            json.dumps(
                {
                    "ms": ms,
                    "status": response.status_code,
                    "sha": hashlib.sha256(body).hexdigest(),
                    "statements": statements[0],
                    "body": body.decode() if params.get("_dump") else None,
                }
            ),
            flush=True,
        )


class Proc:
    def __init__(self, code, backend, args):
        env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())}
        self.name = f"{backend}@{code}"
        self.p = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                code,
                backend,
                args.database_url,
                args.search_dir,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        ready = self.p.stdout.readline()
        assert "ready" in ready, (self.name, ready)

    def get(self, params):
        self.p.stdin.write(json.dumps(params) + "\n")
        self.p.stdin.flush()
        return json.loads(self.p.stdout.readline())

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def label(words, filters):
    return words + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else "")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--search-dir", required=True)
    parser.add_argument("--code", action="append", required=True)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--no-whoosh", action="store_true")
    args = parser.parse_args()
    load = lambda: " ".join(Path("/proc/loadavg").read_text().split()[:3])  # noqa: E731
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} load average at start: {load()}")
    procs = {}
    if not args.no_whoosh:
        procs["whoosh"] = Proc(args.code[-1], "whoosh", args)
    for n, code in enumerate(args.code):
        procs[f"pg{n}"] = Proc(code, "postgres", args)
    pg = [k for k in procs if k != "whoosh"]
    if args.check:
        bad = 0
        for words, filters in QUERIES + EXTRA:
            params = {"q": words, **filters, "_dump": 1}
            got = {k: procs[k].get(params) for k in pg}
            first = got[pg[0]]
            same = all(
                g["sha"] == first["sha"] and g["status"] == first["status"] for g in got.values()
            )
            print(
                f"{'same' if same else 'DIFFERENT':9} {label(words, filters):50} status "
                f"{first['status']} statements "
                + " / ".join(str(g["statements"]) for g in got.values())
            )
            if not same:
                bad += 1
                for k, g in got.items():
                    Path(f"/tmp/ab-{k}.html").write_text(g["body"] or "")
        print(f"{bad} page(s) differ")
    times = {k: {} for k in procs}
    stmts = {k: {} for k in procs}
    for words, filters in QUERIES:
        params = {"q": words, **filters}
        key = label(words, filters)
        for k in procs:
            times[k][key] = []
        for _ in range(args.repeat):
            for k, proc in procs.items():
                got = proc.get(params)
                assert got["status"] == 200, (k, key, got["status"])
                times[k][key].append(got["ms"])
                stmts[k][key] = got["statements"]
    names = list(procs)
    print(
        f"\n{'query':52} "
        + " ".join(f"{k + ' p50':>10} {'p95':>7}" for k in names)
        + "  statements"
    )
    for words, filters in QUERIES:
        key = label(words, filters)
        print(
            f"{key:52} "
            + " ".join(
                f"{statistics.median(times[k][key]):10.1f} {pct(times[k][key], 0.95):7.1f}"
                for k in names
            )
            + "  "
            + "/".join(str(stmts[k][key]) for k in names)
        )
    for summary, keep in (("ALL", lambda q: True), ("ALL but porteurs", lambda q: q != "porteurs")):
        every = {k: [t for q, ts in times[k].items() if keep(q) for t in ts] for k in names}
        line = f"{summary:52} " + " ".join(
            f"{statistics.median(every[k]):10.1f} {pct(every[k], 0.95):7.1f}" for k in names
        )
        if "whoosh" in every:
            w = every["whoosh"]
            line += (
                "   ratio p50 "
                + " ".join(
                    f"{k} {statistics.median(every[k]) / statistics.median(w):.2f}x" for k in pg
                )
                + "; p95 "
                + " ".join(f"{k} {pct(every[k], 0.95) / pct(w, 0.95):.2f}x" for k in pg)
            )
        print(line)
    print("codes: " + ", ".join(f"{k}={procs[k].name}" for k in names))
    print(f"{time.strftime('%H:%M:%S')} load average at the end: {load()}")
    for proc in procs.values():
        proc.close()


if __name__ == "__main__":
    main()
