"""Issue 11's targets on the current code: index rebuild (time, size), a 3,000-character
question, a 30-word query, and full /search pages (Flask test client: parse, bitmaps,
BM25F, grouping, facets, rows, snippets, template) — median and p95 of 15 requests.

    mkdir -p /tmp/s50k
    FORUM_INSTANCE_DIR=/tmp/s50k FORUM_DATABASE_URL=sqlite:////tmp/s50k/seed.sqlite \
        FORUM_SEARCH_DIR=/tmp/s50k/search .venv/bin/flask --app wsgi seed-demo --reports 50000
    .venv/bin/python benchmarks/bench_search_targets.py [--rebuild]

The database and index paths are read from S50K (default /tmp/s50k).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
S50K = os.environ.get("S50K", "/tmp/s50k")
os.environ.update(
    FORUM_INSTANCE_DIR=S50K,
    FORUM_DATABASE_URL=f"sqlite:///{S50K}/seed.sqlite",
    FORUM_SEARCH_DIR=f"{S50K}/search",
)
sys.path.insert(0, str(ROOT))
from forum import create_app  # noqa: E402

app = create_app({"SEARCH_BACKGROUND": False, "NOTIFICATIONS_BACKGROUND": False})
c = app.test_client()
QUESTION = (
    "Bonjour à toutes et à tous, nous animons depuis deux ans un parcours premiers pas dans un tiers-lieu rural "
    "et nous nous demandons comment faire venir des porteurs qui n'ont pas de voiture, comment garder le groupe "
    "jusqu'à la sixième séance quand les demi-journées tombent pendant les vacances scolaires, et comment parler "
    "de financement sans effrayer celles et ceux qui n'ont jamais fait de budget prévisionnel. "
) * 8
QUESTION = QUESTION[:3000]
THIRTY = " ".join(
    "porteurs mobilité financement isolement élus tiers-lieux groupe séance demi-journée budget".split()
    * 3
)


def timed(q, n=15):
    c.get("/search", query_string={"q": q})
    out = []
    for _ in range(n):
        t = time.perf_counter()
        r = c.get("/search", query_string={"q": q})
        out.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    out.sort()
    return statistics.median(out), out[int(len(out) * 0.95) - 1]


with app.app_context():
    from forum.search import engine

    if "--rebuild" in sys.argv:
        t = time.perf_counter()
        n = engine().rebuild()
        dt = time.perf_counter() - t
        size = sum(f.stat().st_size for f in (engine().store.current.resolve()).iterdir()) / 1e6
        print(f"rebuild: {n} documents in {dt:.1f} s, {size:.1f} MB")
for label, q in [
    ("3,000-character question", QUESTION),
    ("30 words", THIRTY),
    ("financement", "financement"),
    ("mobilité", "mobilité"),
    ("porteurs", "porteurs"),
    ('"plan de financement"', '"plan de financement"'),
    ("tiers-lieux", "tiers-lieux"),
    ("mobilté", "mobilté"),
]:
    p50, p95 = timed(q)
    print(f"{label:28s} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
print("load average", os.getloadavg())
