"""Search at scale, two commits side by side: index rebuild (time, size), the full /search
results page per query (p50/p95, new/old ratio), long queries (30 words, a 3,000-character
question), the most-words fallback, a misspelt word, compounds, and memory — one run, one
machine, one seeded database copied for each version.

    # worktrees of the two commits, message catalogs compiled (the .mo files are not in git)
    git worktree add --detach /work/bs-old 3904e29
    git worktree add --detach /work/bs-new "$(git rev-parse HEAD)"
    for w in old new; do (cd /work/bs-$w && ../main/.venv/bin/pybabel compile --use-fuzzy -d forum/translations); done

    .venv/bin/python benchmarks/bench_search_compare.py /work/bs-old /work/bs-new \\
        --database /tmp/seeded.sqlite [--rounds 12] [--repeat 3] [--rebuilds 2] [--json OUT.json]
    # or, without --database: --reports 50000 seeds one (with NEW's code) first

The database must be at a schema revision both commits share (`flask db current`); it is
copied once per version, never modified in place. Each version runs in its own
subprocesses of this interpreter with PYTHONPATH=<worktree> (the imported `forum` package is
checked to come from that worktree), with its own SEARCH_DIR:

1. rebuild: a fresh process per rebuild (SEARCH_DIR emptied first) times
   `engine().rebuild()` (SEARCH_REBUILD_PROCS default: 2 writer processes) and reports the
   size of the generation it published; with --rebuilds 2 the order is old, new, new, old.
2. pages: one long-lived process per version (SEARCH_BACKGROUND off: nothing writes) answers
   /search requests through the Flask test client (the whole stack but the network:
   parsing, bitmap evaluation, BM25F, facets, database rows for the hits, snippets,
   template). Its RSS is read at start, after the first request (searcher, facet masks)
   and at the end. Round 0 is each query's first time in the process (reported as "first",
   then discarded); rounds 1..N alternate the versions (old, new, new, old, ...), each round
   asking every query --repeat times, so both see the same drift of the shared machine.
   Hits and the notices the engine returned (most_words, corrected, too_long...) are read
   once per query at the end, untimed.

Before measuring it waits (polling every 30 s, up to --wait-quiet seconds) until no
`pytest` process is running, and prints the load average. Ratios are new/old of medians.
"""

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The queries bench_search.py measures (the "results page" targets are read on
# these), then the new analysis' cases, then long ones. From search_queries, not
# bench_search: importing that puts this checkout's `forum` first on sys.path, and each
# worker must import its own worktree's.
from search_queries import QUERIES as STANDARD  # noqa: E402 (data only)

THIRTY_WORDS = (
    "Comment mobiliser des porteurs de projet en zone rurale isolée quand les élus locaux "
    "hésitent, que le financement manque et que le covoiturage reste la seule solution de "
    "mobilité pour venir aux ateliers ?"
)

_QUESTION = (
    "Bonjour à toutes et à tous, je suis animatrice dans un tiers-lieu rural du Lot depuis "
    "un peu plus d'un an et je prépare un parcours d'accompagnement pour des porteuses et "
    "porteurs de projet qui veulent créer leur activité sur le territoire. Je me pose "
    "beaucoup de questions et j'aimerais profiter de vos retours d'expérience avant de me "
    "lancer. D'abord sur la mobilisation : comment faites-vous pour toucher des personnes "
    "éloignées des réseaux habituels, qui ne lisent pas les newsletters de la communauté de "
    "communes et ne viennent jamais aux réunions publiques ? Nous avons essayé l'affichage "
    "dans les commerces, le bouche-à-oreille et une page sur les réseaux sociaux, sans grand "
    "succès. Avez-vous eu de bons résultats avec les marchés, les écoles, les associations "
    "de parents d'élèves ou les maisons France services ? Ensuite sur la mobilité : beaucoup "
    "de participants potentiels n'ont pas de voiture, les transports en commun sont rares et "
    "les distances importantes. Avez-vous organisé du covoiturage entre participants, des "
    "séances itinérantes dans plusieurs villages, ou des ateliers à distance, et qu'est-ce "
    "qui a vraiment fonctionné sur la durée ? Troisième sujet, le financement du parcours "
    "lui-même et celui des projets : nous comptons sur un appel à projets régional mais il "
    "ne couvre qu'une partie des coûts. Comment avez-vous construit un plan de financement "
    "réaliste, avec quels partenaires (département, fondations, banques, plateformes de "
    "financement participatif, prêts d'honneur), et comment présentez-vous le modèle "
    "économique aux élus pour les convaincre de s'engager dans la durée ? Quatrième point, "
    "la relation aux élus justement : certains maires soutiennent la démarche, d'autres "
    "s'en méfient parce qu'ils y voient une concurrence avec les commerces existants. "
    "Comment les avez-vous associés à la gouvernance sans que le projet devienne le leur ? "
    "Enfin, sur l'animation des séances : quels outils utilisez-vous pour confronter l'idée "
    "au terrain, organiser une enquête auprès des futurs clients, tester une offre sur un "
    "marché ou dans une école, et garder l'énergie du groupe quand plusieurs personnes "
    "abandonnent en cours de route ? Nous avons aussi des difficultés avec l'isolement de "
    "certaines personnes, qui n'osent pas présenter leur projet devant le groupe, et avec "
    "les horaires, car les parents de jeunes enfants ne peuvent venir ni tôt le matin ni "
    "tard le soir. Toute idée, tout témoignage, tout document que vous pourriez partager "
    "serait précieux : fiches d'animation, grilles d'entretien, exemples de budgets, "
    "conventions avec les collectivités, comptes rendus de séances. Je suis aussi preneuse "
    "de contacts de structures qui accompagnent des agriculteurs et agricultrices ou des "
    "artisans en reconversion, car une partie de notre public vient de ces métiers. Merci "
    "d'avance pour vos réponses, et au plaisir d'échanger lors d'une prochaine rencontre du "
    "réseau ; je pourrai à mon tour partager notre expérience de coopération avec la "
    "ressourcerie et l'épicerie solidaire du village, qui nous prêtent leurs locaux et "
    "relaient nos invitations auprès de leurs bénévoles et de leurs clients réguliers."
)
QUESTION_3000 = _QUESTION[:3000].rsplit(" ", 1)[0] if len(_QUESTION) > 3000 else _QUESTION

EXTRA = [
    ("tiers-lieux", {}),  # new: ("tiers lieux" phrase OR tierslieux)
    ("co-construction élus", {}),
    ('"plan de financement"', {}),  # an explicit phrase (Whoosh's matcher on both)
    ("agriculteur·rice·s", {}),  # inclusive writing
    ("mobilite\u0301", {}),  # « mobilité » typed decomposed (NFD, a Mac)
    ("Fabrique du Lot", {}),  # a structure's name (new: the boosted names field)
    ("covoiturage souterraine boulangerie financement", {}),  # most words (new)
    ("mobilté", {}),  # misspelt: new corrects when nothing is found
    ("finacement rural", {}),
    ("comment trouver des financements pour un projet", {}),  # question words
]
LONG = [
    (THIRTY_WORDS, {}),
    (QUESTION_3000, {}),
]


def label(words: str, filters: dict) -> str:
    if words == THIRTY_WORDS:
        name = f"30-word question ({len(words)} chars)"
    elif words == QUESTION_3000:
        name = f"{len(words):,}-character question"
    elif "\u0301" in words:
        name = "mobilité typed NFD"
    else:
        name = words
    return name + (" " + " ".join(f"{k}={v}" for k, v in filters.items()) if filters else "")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


# --------------------------------------------------------------------------- worker side


def _app(database: str, search_dir: str):
    import forum
    from forum import create_app

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "SEARCH_DIR": search_dir,
            "SEARCH_BACKGROUND": False,
            "WTF_CSRF_ENABLED": False,
        },
        env="testing",
    )
    return app, forum.__file__


def worker_seed(database: str, reports: int) -> dict:
    from flask_migrate import upgrade

    unused = tempfile.mkdtemp(prefix="bench-seed-search-")  # the index is built later
    app, forum_file = _app(database, unused)
    with app.app_context():
        upgrade()
        from forum.services import demo

        started = time.perf_counter()
        demo.seed(extra_reports=reports)
        seconds = time.perf_counter() - started
    shutil.rmtree(unused, ignore_errors=True)
    return {"forum": forum_file, "seconds": seconds}


def _cpu_seconds() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def worker_rebuild(database: str, search_dir: str) -> dict:
    import resource

    shutil.rmtree(search_dir, ignore_errors=True)
    app, forum_file = _app(database, search_dir)
    with app.app_context():
        from forum.extensions import db
        from forum.search import engine

        revision = db.session.scalar(db.text("SELECT version_num FROM alembic_version"))
        started, cpu = time.perf_counter(), _cpu_seconds()
        count = engine().rebuild()
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        current = (Path(search_dir) / "current").resolve()
        files = [p for p in current.iterdir() if p.is_file()]
        return {
            "forum": forum_file,
            "revision": revision,
            "documents": count,
            "seconds": seconds,
            "cpu_seconds": cpu,  # this process and its writer processes, user + system
            "index_mb": dir_mb(current),
            "segments": len([p for p in files if p.suffix == ".seg"]),
            "files": len(files),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "children_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }


def worker_pages(database: str, search_dir: str) -> None:
    """Answer commands (one JSON object a line on stdin) until stdin closes."""
    started_rss = rss_mb()
    app, forum_file = _app(database, search_dir)
    client = app.test_client()
    after_app = rss_mb()
    started = time.perf_counter()
    response = client.get("/search", query_string={"q": "porteurs"})
    first_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    hello = {
        "forum": forum_file,
        "rss_start_mb": started_rss,
        "rss_app_mb": after_app,
        "first_request_ms": first_ms,
        "rss_after_first_mb": rss_mb(),
    }
    print(json.dumps(hello), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if command["do"] == "round":
            timings = [[] for _ in command["queries"]]
            for _ in range(command["repeat"]):
                for i, (words, filters) in enumerate(command["queries"]):
                    started = time.perf_counter()
                    response = client.get("/search", query_string={"q": words, **filters})
                    timings[i].append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (words, response.status_code)
            print(json.dumps({"timings": timings, "rss_mb": rss_mb()}), flush=True)
        elif command["do"] == "describe":
            print(
                json.dumps({"described": [_describe(app, client, q) for q in command["queries"]]}),
                flush=True,
            )
        elif command["do"] == "profile":
            print(json.dumps({"profile": _profile(client, command)}), flush=True)


def _describe(app, client, query) -> dict:
    """What the engine answered for one query (hits, notices, correction), untimed."""
    from forum.search.backend import WhooshBackend

    seen = {}
    original = WhooshBackend.search

    def spy(self, *args, **kwargs):
        results = original(self, *args, **kwargs)
        seen.update(
            total=results.total,
            notices=list(results.notices),
            corrected=getattr(results, "corrected", None),
            suggestion=results.suggestion,
            parsed=str(results.parsed.query) if results.parsed and results.parsed.query else None,
        )
        return results

    WhooshBackend.search = spy
    try:
        words, filters = query
        html = client.get("/search", query_string={"q": words, **filters}).get_data(as_text=True)
    finally:
        WhooshBackend.search = original
    found = re.search(r'role="status">(\d+) résultat', html)
    seen["page_total"] = int(found.group(1)) if found else 0
    return seen


def _profile(client, command) -> str:
    import cProfile
    import io
    import pstats

    words, filters = command["query"]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(command.get("repeat", 5)):
        client.get("/search", query_string={"q": words, **filters})
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    return out.getvalue()


# --------------------------------------------------------------------------- driver side


def _env(worktree: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(worktree))
    env.pop("FORUM_DATABASE_URL", None)
    env.pop("FORUM_SEARCH_DIR", None)
    return env


def _run_worker(worktree: Path, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", *args],
        env=_env(worktree),
        cwd=tempfile.gettempdir(),  # not a checkout: `forum` must come from PYTHONPATH
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"worker failed ({worktree}):\n{out.stderr[-4000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    _check_worktree(worktree, result["forum"])
    return result


def _check_worktree(worktree: Path, forum_file: str) -> None:
    if not Path(forum_file).resolve().is_relative_to(worktree.resolve()):
        sys.exit(f"{worktree}: imported forum from {forum_file}, not from the worktree")


class Pages:
    """A long-lived page worker of one version."""

    def __init__(self, worktree: Path, database: str, search_dir: str):
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "pages", database, search_dir],
            env=_env(worktree),
            cwd=tempfile.gettempdir(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline()
        while line and not line.startswith("{"):  # anything the app printed while starting
            line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"{worktree}: the page worker died while starting")
        self.hello = json.loads(line)
        _check_worktree(worktree, self.hello["forum"])

    def ask(self, **command) -> dict:
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit("a page worker died")
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def pytest_pids() -> list[str]:
    found = subprocess.run(["pgrep", "-f", "pytest"], capture_output=True, text=True).stdout
    return [p for p in found.split() if int(p) != os.getpid()]


def wait_quiet(limit: float) -> str:
    deadline = time.monotonic() + limit
    while True:
        busy = pytest_pids()
        if not busy:
            return "no pytest running"
        if time.monotonic() > deadline:
            return f"pytest still running after waiting {limit:.0f} s (pids {' '.join(busy)})"
        print(
            f"waiting: pytest running ({len(busy)} processes), load {os.getloadavg()[0]:.2f}",
            flush=True,
        )
        time.sleep(30)


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    import numpy
    import whoosh

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "numpy": numpy.__version__,
        "whoosh": ".".join(map(str, whoosh.__version__)),
        "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--database", help="a seeded SQLite file (copied, never modified)")
    parser.add_argument(
        "--reports", type=int, default=50_000, help="without --database: seed this many"
    )
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuilds", type=int, default=1, help="per version, alternating")
    parser.add_argument("--wait-quiet", type=float, default=1800)
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        help="cProfile NEW on this query text (@30words, @3000chars: the long ones)",
    )
    parser.add_argument("--json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-search-compare-"))
    versions = {"old": args.old.resolve(), "new": args.new.resolve()}
    report = {"machine": machine(), "argv": sys.argv, "rebuilds": {"old": [], "new": []}}
    for name, tree in versions.items():
        report[f"{name}_commit"] = subprocess.run(
            ["git", "-C", str(tree), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    print(json.dumps(report["machine"]), flush=True)
    print(f"old {report['old_commit']}  new {report['new_commit']}", flush=True)

    if args.database:
        seeded = args.database
    else:
        seeded = str(tmp / "seeded.sqlite")
        result = _run_worker(versions["new"], "seed", seeded, str(args.reports))
        print(f"seeded {args.reports} reports in {result['seconds']:.0f} s", flush=True)
    with sqlite3.connect(seeded) as conn:
        report["published_reports"] = conn.execute(
            "SELECT count(*) FROM report WHERE status = 'published' AND deleted_at IS NULL"
        ).fetchone()[0]
    databases = {}
    for name in versions:
        databases[name] = str(tmp / f"{name}.sqlite")
        shutil.copyfile(seeded, databases[name])
    search_dirs = {name: str(tmp / f"search-{name}") for name in versions}

    report["quiet"] = wait_quiet(args.wait_quiet)
    report["load_at_start"] = os.getloadavg()
    print(f"{report['quiet']}; load average {report['load_at_start']}", flush=True)

    # 1. Rebuilds, alternating (old, new, new, old, ...).
    for r in range(args.rebuilds):
        for name in ("old", "new") if r % 2 == 0 else ("new", "old"):
            result = _run_worker(versions[name], "rebuild", databases[name], search_dirs[name])
            result["load"] = os.getloadavg()[0]
            report["rebuilds"][name].append(result)
            print(
                f"rebuild {name}: {result['documents']} documents in {result['seconds']:.1f} s "
                f"({result['cpu_seconds']:.0f} CPU s), "
                f"index {result['index_mb']:.1f} MB ({result['segments']} segments), "
                f"revision {result['revision']}, load {result['load']:.2f}",
                flush=True,
            )

    # 2. Pages.
    queries = STANDARD + EXTRA + LONG
    workers = {name: Pages(versions[name], databases[name], search_dirs[name]) for name in versions}
    for name, worker in workers.items():
        print(f"{name} page worker: {worker.hello}", flush=True)
    timings = {name: [[] for _ in queries] for name in versions}
    first = {name: None for name in versions}
    rss = {name: None for name in versions}
    order = ["old", "new", "new", "old"]
    report["load_before_pages"] = os.getloadavg()
    for rnd in range(args.rounds + 1):
        for name in (
            ("old", "new") if rnd == 0 else (order[(2 * rnd) % 4], order[(2 * rnd + 1) % 4])
        ):
            answer = workers[name].ask(
                do="round", queries=queries, repeat=1 if rnd == 0 else args.repeat
            )
            rss[name] = answer["rss_mb"]
            if rnd == 0:
                first[name] = [t[0] for t in answer["timings"]]
            else:
                for i, values in enumerate(answer["timings"]):
                    timings[name][i] += values
        others = len(pytest_pids())
        report.setdefault("pytest_during_rounds", []).append(others)
        print(
            f"round {rnd} done, load {os.getloadavg()[0]:.2f}, pytest processes {others}",
            flush=True,
        )
    report["load_after_pages"] = os.getloadavg()
    described = {
        name: workers[name].ask(do="describe", queries=queries)["described"] for name in versions
    }
    named = {"@30words": THIRTY_WORDS, "@3000chars": QUESTION_3000}
    profiles = [
        workers["new"].ask(do="profile", query=[named.get(q, q), {}], repeat=5)["profile"]
        for q in args.profile
    ]
    for worker in workers.values():
        worker.close()

    # ----------------------------------------------------------------------- report
    rows = []
    for i, (words, filters) in enumerate(queries):
        o, n = timings["old"][i], timings["new"][i]
        rows.append(
            {
                "query": label(words, filters),
                "standard": i < len(STANDARD),
                "hits_old": described["old"][i]["total"],
                "hits_new": described["new"][i]["total"],
                "notices_old": described["old"][i]["notices"],
                "notices_new": described["new"][i]["notices"],
                "corrected_new": described["new"][i].get("corrected"),
                "first_old": first["old"][i],
                "first_new": first["new"][i],
                "p50_old": statistics.median(o),
                "p95_old": pct(o, 0.95),
                "p50_new": statistics.median(n),
                "p95_new": pct(n, 0.95),
                "n": len(n),
            }
        )
    print()
    print(
        "| query | hits old | hits new | new notices | first old | first new | p50 old | p95 old | p50 new | p95 new | new/old p50 |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        notes = ", ".join(row["notices_new"]) + (
            f" → « {row['corrected_new']} »" if row["corrected_new"] else ""
        )
        print(
            f"| {row['query']} | {row['hits_old']} | {row['hits_new']} | {notes} | "
            f"{row['first_old']:.1f} | {row['first_new']:.1f} | {row['p50_old']:.1f} | {row['p95_old']:.1f} | "
            f"{row['p50_new']:.1f} | {row['p95_new']:.1f} | {row['p50_new'] / row['p50_old']:.2f} |"
        )
    groups = {
        "ALL bench_search queries (12)": range(len(STANDARD)),
        "ALL short queries (standard + analysis cases)": range(len(STANDARD) + len(EXTRA)),
        "ALL queries": range(len(queries)),
    }
    summary = {}
    for title, indexes in groups.items():
        o = [t for i in indexes for t in timings["old"][i]]
        n = [t for i in indexes for t in timings["new"][i]]
        summary[title] = {
            "p50_old": statistics.median(o),
            "p95_old": pct(o, 0.95),
            "p50_new": statistics.median(n),
            "p95_new": pct(n, 0.95),
            "n": len(n),
        }
        s = summary[title]
        print(
            f"| **{title}** (n = {s['n']} each) | | | | | | {s['p50_old']:.1f} | {s['p95_old']:.1f} | "
            f"{s['p50_new']:.1f} | {s['p95_new']:.1f} | {s['p50_new'] / s['p50_old']:.2f} |"
        )
    print()
    for name in versions:
        rb = report["rebuilds"][name]
        print(
            f"{name}: rebuild {', '.join('%.1f' % r['seconds'] for r in rb)} s "
            f"(median {statistics.median(r['seconds'] for r in rb):.1f}); index {rb[-1]['index_mb']:.1f} MB, "
            f"{rb[-1]['segments']} segments, {rb[-1]['documents']} documents; "
            f"page worker RSS {workers[name].hello['rss_app_mb']:.0f} MB after start-up, "
            f"{workers[name].hello['rss_after_first_mb']:.0f} MB after the first request "
            f"({workers[name].hello['first_request_ms']:.0f} ms), {rss[name]:.0f} MB at the end"
        )
    print(
        f"load average: start {report['load_at_start']}, pages {report['load_before_pages']} → {report['load_after_pages']}"
    )
    for text in profiles:
        print(text)
    report.update(
        rows=rows,
        summary=summary,
        workers={name: w.hello for name, w in workers.items()},
        rss_end=rss,
        timings=timings,
        described=described,
        profiles=profiles,
        queries=[label(w, f) for w, f in queries],
    )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        mode, rest = sys.argv[2], sys.argv[3:]
        if mode == "pages":
            worker_pages(*rest)
        elif mode == "rebuild":
            print(json.dumps(worker_rebuild(*rest)))
        elif mode == "seed":
            print(json.dumps(worker_seed(rest[0], int(rest[1]))))
    else:
        main()
