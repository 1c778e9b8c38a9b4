"""Resident memory of each gunicorn worker while it serves a mix of pages (issue 19, point 4).

    .venv/bin/python benchmarks/rss_mixed.py WORKDIR [--requests 10000] [--workers 2]
        [--clients 2] [--json out.json]

WORKDIR is a work folder kept by `bench_pages.py --keep --database sqlite` (its database
and search index). gunicorn is started as `make serve-prod` starts it (benchmarks/stack.py),
then --clients threads send --requests GETs in all, as visitors, drawn at random (fixed
seed) from: home, lists (plain and filtered, pages 1-5), 300 different reports, the
100-reply report and 100-message discussion, 20 discussions, tags, modules, territories,
structures, 60 different search texts over 3 pages, feeds. Each worker's VmRSS is read
from /proc after every tenth of the run: a worker whose memory keeps growing is a leak.
"""

import argparse
import http.client
import json
import random
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

WORDS = (
    "financement mobilité isolement porteurs tiers-lieux marché coopérative agriculture "
    "numérique jeunes élus gouvernance bénévoles atelier restauration transport école "
    "artisanat culture santé logement énergie circuit court emploi formation réseau "
    "territoire rural saisonnier covoiturage épicerie solidaire association commune "
    "pôle incubateur animation demi-journée témoignage budget subvention banque prêt "
    "foncier local accompagnement idée terrain enquête questionnaire public femmes"
).split()


def paths(rng: random.Random) -> list[str]:
    fixed = [
        "/",
        "/reports/",
        "/reports/?department=46&format=presentiel&from=2024-01-01&to=2025-12-31",
        "/reports/5",
        "/discussions/9",
        "/tags/financement",
        "/modules/modele-economique-financement",
        "/territories/",
        "/structures/",
        "/reports/feed.atom",
        "/discussions/",
        "/tags/",
        "/modules/",
    ]
    varied = [f"/reports/?page={n}" for n in range(1, 6)]
    varied += [f"/reports/{n}" for n in rng.sample(range(1, 2000), 300)]
    varied += [f"/discussions/{n}" for n in range(1, 21)]
    texts = rng.sample(WORDS, 40) + [" ".join(rng.sample(WORDS, 2)) for _ in range(20)]
    varied += [f"/search?q={quote_plus(t)}&page={p}" for t in texts for p in (1, 2, 3)]
    return fixed * 20 + varied


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workdir")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    port = stack.free_port()
    env = stack.app_env(f"sqlite:///{workdir}/maillage.sqlite", workdir, port, args.workers)
    server = stack.Gunicorn(env, workdir / "rss-gunicorn.log")
    rng = random.Random(19)
    pool = paths(rng)
    plan = [rng.choice(pool) for _ in range(args.requests)]
    done, statuses, lock = [0], {}, threading.Lock()
    samples = []
    server.start()
    try:
        workers = server.workers()
        samples.append({"requests": 0, "rss_kb": {w: rss_kb(w) for w in workers}})
        step = max(1, args.requests // 10)

        def client(share: list[str]) -> None:
            for path in share:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
                status = conn.getresponse().status
                conn.close()
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    done[0] += 1
                    if done[0] % step == 0:
                        now = server.workers()
                        samples.append({"requests": done[0], "rss_kb": {w: rss_kb(w) for w in now}})

        started = time.monotonic()
        threads = [
            threading.Thread(target=client, args=(plan[i :: args.clients],))
            for i in range(args.clients)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.monotonic() - started
    finally:
        server.stop()
    result = {
        "requests": sum(statuses.values()),
        "seconds": round(seconds, 1),
        "statuses": statuses,
        "distinct_paths": len(set(plan)),
        "samples": samples,
    }
    for sample in samples:
        rss = ", ".join(f"{pid}: {kb / 1024:.1f} MB" for pid, kb in sample["rss_kb"].items())
        print(f"after {sample['requests']:>6} requests: {rss}")
    print(f"{args.requests} requests in {seconds:.0f} s, statuses {statuses}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
