"""Pages as users get them: each main page under gunicorn, loaded by a closed-loop client.

    .venv/bin/python benchmarks/bench_pages.py [--database sqlite|postgres|both]
        [--reports 2000] [--duration 10] [--pages home,report-100,…] [--label before]
        [--json results.json] [--markdown results.md]
    .venv/bin/python benchmarks/bench_pages.py --compare before.json after.json

What is measured, per database (SQLite file, and/or a PostgreSQL database created for the
run on --pg-url's server and dropped at the end):

1. The database is prepared as an operator would: `flask db upgrade`, `flask bootstrap`
   (what `make serve-prod` runs), then `flask seed-demo --reports N` (the demo plus N
   generated reports; it builds the search index). Then, through the app's services
   (`forum.services.discussions.create_discussion` / `reply`, in a subprocess with the
   same environment): the demo's report thread with the most replies is topped up to 100
   replies (each answering one of the 5 latest posts, or the report), and a new discussion
   gets 100 messages the same way, from the 20 demo facilitators in turn;
   `flask notifications process` and `flask search sync` then leave no work pending.
2. gunicorn is started exactly as `make serve-prod` starts it: `gunicorn -c gunicorn.conf.py
   wsgi:app` with FORUM_ENV=production, a secret key made for the run, FORUM_BASE_URL,
   FORUM_DATABASE_URL, the index in the run's own folder, a free port on 127.0.0.1, plain
   http cookies (FORUM_SESSION_COOKIE_SECURE=0, since this is not behind HTTPS) and the
   configuration's own worker count (2 per core + 1) unless --workers says otherwise.
   Next to it, the floor: `gunicorn -c gunicorn.conf.py benchmarks.floor_app:app` (same
   configuration, another app module): a bare Flask route and a Jinja page of 100 static
   posts, no database.
3. A member (--member, a demo account) logs in through the real login form (GET the form,
   POST it with its CSRF token, follow to `/` so the "logged in" message is consumed); the
   session cookie is then sent by the load client with every member request. Every member
   page (the Atom feed excepted) is checked to show the logout button.
4. Each page (--pages) is loaded with Debian's `wrk` (closed loop on loopback, --threads,
   --connections, default -t2 -c4; the headers a browser sends: Accept-Encoding
   `gzip, deflate, br, zstd`, so pages come back compressed as users get them,
   Accept-Language fr) for --warmup seconds (not counted: every worker opens its index and
   fills its caches), then for --duration seconds: req/s, p50, p95 (wrk's latency
   histogram, from a Lua `done()` hook), as a visitor, then as the member. gunicorn's sync
   workers close the connection after each response, so every request is a new TCP
   connection, as behind a proxy that does not keep them alive.
5. Per page: bytes per response on the wire (wrk's count: headers and compressed body),
   the uncompressed size of the body (one request through http.client), and the SQL
   statements of one request, counted in a subprocess through the Flask test client with
   the same production configuration (background threads off), a `before_cursor_execute`
   listener on the engine, the page requested once before the counted request.
6. The floor (bare route, then the Jinja page) is measured before the pages and again after
   them; "ratio" is the floor's req/s ÷ the page's req/s, the floor being, as issue 19
   defines it, the Jinja page of 100 static posts (mean of its two runs); "CPU ratio" is the
   page's CPU ms/req ÷ that floor's, the same comparison read off CPU time, which moves
   less when other work takes cores; the table's last floor row gives the bare route.
7. CPU ms/req: the CPU time the forum's gunicorn used during the run (master, live workers
   and the workers recycled meanwhile, from /proc), plus on PostgreSQL the CPU of the run
   database's backends, ÷ the requests served. It is the server's work per page, and it
   moves much less than req/s when other processes take cores from the run (it still moves
   with CPU contention: caches, frequency). "others" is the cores everything else on the
   machine used during the run (machine busy time minus the servers, PostgreSQL and wrk).

On a shared machine each figure is one closed-loop run: compare runs made in the same
conditions, and prefer CPU ms/req and the ratio to raw req/s when the "others" column
differs. `--rounds N` measures every page N times (interleaved) and keeps the medians.
`--json` keeps everything (per run: requests, errors, p50/p90/p95/p99, CPU split, worker
restarts, the SQL statements themselves); `--tables FILE.json` prints a file's tables again;
`--compare OLD.json NEW.json` prints before/after tables of two such files.

The client (wrk, a C event loop) shares the 2 cores with the server; its CPU is reported.
Installing wrk: `apt-get install -y wrk`.
"""

import argparse
import gzip
import http.client
import json
import os
import platform
import re
import resource
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

ROOT = stack.ROOT
MEMBER = "claire.fabre@example.org"  # the demo's first facilitator
PASSWORD = "maillage-demo"  # forum.services.demo.DEMO_PASSWORD
THREAD_POSTS = 100
COMMON_WORD = "financement"
RARE_WORD = "souterraine"  # a handful of generated reports (see RESULTS.md, issue 18)
ACCEPT_ENCODING = "gzip, deflate, br, zstd"  # what Firefox and Chromium send
ACCEPT_LANGUAGE = "fr-FR,fr;q=0.9,en;q=0.5"
LOGGED_IN = "/auth/logout"  # the logout form, on every page of a logged-in member

# name -> path ({report} and {discussion}: the 100-reply report and 100-message discussion)
PAGES = {
    "home": "/",
    "reports": "/reports/",
    "reports-filtered": "/reports/?department=46&format=presentiel&from=2024-01-01&to=2025-12-31",
    "report-100": "/reports/{report}",
    "discussion-100": "/discussions/{discussion}",
    "tag": "/tags/financement",
    "module": "/modules/modele-economique-financement",
    "territories": "/territories/",
    "structures": "/structures/",
    "search-common": f"/search?q={COMMON_WORD}",
    "search-rare": f"/search?q={RARE_WORD}",
    "feed": "/reports/feed.atom",
}
FLOORS = {"floor-bare": "/", "floor-jinja": "/posts"}

WRK_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_PAGES {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d, "p50_us": %.0f, ' ..
    '"p90_us": %.0f, "p95_us": %.0f, "p99_us": %.0f, "max_us": %.0f, "mean_us": %.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
"""

REPLY_SENTENCES = [
    "Chez nous, la séance du jeudi soir a mieux marché que celle du samedi matin.",
    "Le **covoiturage** organisé avec la mairie a permis à trois porteurs de venir.",
    "Nous avons testé le module 3 en format hybride : à refaire, avec un meilleur micro.",
    "Une élue est passée en fin de séance, ce qui a rassuré les porteurs sur le soutien local.",
    "Pour le plan de financement, la grille du kit suffit au début ; on affine à la séance 4.",
    "Question : comment gardez-vous le lien entre deux séances ? Une liste de diffusion ?",
    "Merci pour ce retour, je le partage avec l'équipe du tiers-lieu.",
    "> on affine à la séance 4\n\nD'accord, mais certains porteurs ont besoin de chiffres plus tôt.",
    "Les bénévoles de l'association ont préparé un café d'accueil : tout le monde est resté après.",
    "- un tour de table court\n- un atelier en binômes\n- une restitution de dix minutes",
    "La salle des fêtes était trop grande ; la médiathèque, plus petite, a mieux convenu.",
    "Voir aussi le retour de la Fabrique du Lot sur la mobilité des porteurs, très proche.",
]


def log(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- helpers
# Run in a subprocess with the app's environment (FORUM_ENV=production, the run's database).


def _helper_app():
    sys.path.insert(0, str(ROOT))
    from forum import create_app

    # The background threads would run statements of their own during the counts.
    return create_app({"SEARCH_BACKGROUND": False, "NOTIFICATIONS_BACKGROUND": False})


def helper_prepare(options: dict) -> dict:
    """The 100-reply report thread and the 100-message discussion, through the services."""
    import random

    from sqlalchemy import func, select

    from forum.demo import corpus
    from forum.extensions import db
    from forum.models import Category, ChallengeTag, Discussion, Post, Report, User
    from forum.services import discussions

    app = _helper_app()
    posts_wanted = options["posts"]
    rng = random.Random(19)

    def body() -> str:
        return "\n\n".join(rng.sample(REPLY_SENTENCES, rng.randint(1, 3)))

    def fill(thread: Discussion, authors: list) -> int:
        posts = list(
            db.session.scalars(
                select(Post.id).where(Post.discussion_id == thread.id).order_by(Post.id)
            )
        )
        n = 0
        while len(posts) < posts_wanted:
            parent = (
                None
                if rng.random() < 0.3 or not posts
                else posts[-1 - rng.randrange(min(5, len(posts)))]
            )
            post = discussions.reply(thread, authors[n % len(authors)], body(), parent)
            posts.append(post.id)
            n += 1
        return db.session.scalar(select(func.count(Post.id)).where(Post.discussion_id == thread.id))

    with app.app_context():
        emails = [f["email"] for f in corpus.FACILITATORS]
        by_email = {
            u.email: u for u in db.session.scalars(select(User).where(User.email.in_(emails)))
        }
        authors = [by_email[e] for e in emails if e in by_email]
        thread = db.session.scalar(
            select(Discussion)
            .where(Discussion.report_id.is_not(None))
            .order_by(Discussion.post_count.desc(), Discussion.id)
            .limit(1)
        )
        if thread is None:
            report = db.session.scalar(
                select(Report).where(Report.status == "published").order_by(Report.id).limit(1)
            )
            thread = discussions.report_thread(report)
            db.session.commit()
        report_posts = fill(thread, authors[1:] + authors[:1])
        report_id = thread.report_id
        category = db.session.scalar(select(Category).order_by(Category.position, Category.id))
        tag = db.session.scalar(select(ChallengeTag).where(ChallengeTag.slug == "financement"))
        discussion = discussions.create_discussion(
            authors[1],
            "Mobilité des porteurs : vos solutions, séance après séance",
            "Comment faites-vous venir les porteurs qui n'ont pas de voiture ?\n\n" + body(),
            category,
            [tag] if tag else [],
        )
        discussion_posts = fill(discussion, authors[2:] + authors[:2])
        db.session.commit()  # services flush; this script is the edge that commits
        result = {
            "report": report_id,
            "report_posts": report_posts,
            "discussion": discussion.id,
            "discussion_posts": discussion_posts,
        }
        db.session.remove()
    return result


def _test_login(client, email: str) -> None:
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    response = client.post(
        "/auth/login",
        data={"csrf_token": token.group(1) if token else "", "email": email, "password": PASSWORD},
    )
    if response.status_code != 303:
        raise SystemExit(f"test client login as {email}: {response.status_code}")
    client.get("/")  # consumes « Vous êtes connecté. »


def helper_sql(options: dict) -> dict:
    """SQL statements of one request per page and user, through the Flask test client."""
    import sqlalchemy as sa

    from forum.extensions import db

    app = _helper_app()
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    visitor, member = app.test_client(), app.test_client()
    _test_login(member, options["member"])
    sa.event.listen(engine, "before_cursor_execute", record)
    out = {}
    for name, path in options["pages"].items():
        for who, client in (("visitor", visitor), ("member", member)):
            client.get(path)  # first request: caches, index searchers
            statements.clear()
            response = client.get(path)
            html = response.get_data(as_text=True)
            hits = re.search(r'role="status">([\d  \u202f,.]+) résultat', html)
            out[f"{who} {name}"] = {
                "status": response.status_code,
                "sql": len(statements),
                "statements": list(statements),
                "logged_in": LOGGED_IN in html,
                "hits": re.sub(r"\D", "", hits.group(1)) if hits else None,
            }
    sa.event.remove(engine, "before_cursor_execute", record)
    with app.app_context():
        db.engine.dispose()
    return out


def run_helper(env: dict, what: str, options: dict, workdir: Path) -> tuple[dict, float]:
    """Run a helper in a subprocess with the app's environment; (its result, seconds)."""
    out = workdir / f"helper-{what}.json"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--helper", what, json.dumps(options), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"helper {what} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    return json.loads(out.read_text()), time.perf_counter() - started


# ------------------------------------------------------------------------------ client


def http_get(port: int, path: str, cookie: str | None = None) -> tuple[int, dict, bytes, int]:
    """One request with a browser's headers: (status, headers, decoded body, wire body size)."""
    headers = {"Accept-Encoding": ACCEPT_ENCODING, "Accept-Language": ACCEPT_LANGUAGE}
    if cookie:
        headers["Cookie"] = cookie
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        header_map = {k.lower(): v for k, v in response.getheaders()}
        cookies = response.headers.get_all("Set-Cookie") or []
    finally:
        conn.close()
    header_map["set-cookie"] = cookies
    encoding = header_map.get("content-encoding", "")
    if encoding == "gzip":
        body = gzip.decompress(raw)
    elif encoding == "br":
        import brotli  # Flask-Compress's dependency

        body = brotli.decompress(raw)
    elif encoding in ("", "identity"):
        body = raw
    else:
        body = b""  # unknown: size unknown, the wire size is still right
    return response.status, header_map, body, len(raw)


def member_cookie(port: int, email: str) -> str:
    """Log in through the real form over HTTP; the Cookie header a browser would then send."""
    jar: dict[str, str] = {}

    def absorb(set_cookies: list[str]) -> None:
        for cookie in set_cookies:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            if value and "expires=thu, 01 jan 1970" not in cookie.lower():
                jar[name.strip()] = value
            else:
                jar.pop(name.strip(), None)

    def header() -> str:
        return "; ".join(f"{k}={v}" for k, v in jar.items())

    status, headers, body, _ = http_get(port, "/auth/login")
    absorb(headers["set-cookie"])
    token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body)
    if status != 200 or not token:
        sys.exit(f"login form: status {status}, CSRF token found: {bool(token)}")
    form = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        data = urllib.parse.urlencode(
            {"csrf_token": token.group(1).decode(), "email": email, "password": PASSWORD}
        )
        form.request(
            "POST",
            "/auth/login",
            data,
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": header()},
        )
        response = form.getresponse()
        response.read()
        if response.status != 303:
            sys.exit(f"login as {email}: status {response.status} (expected 303)")
        absorb(response.headers.get_all("Set-Cookie") or [])
    finally:
        form.close()
    status, headers, body, _ = http_get(port, "/", header())  # the flash message, consumed
    absorb(headers["set-cookie"])
    if LOGGED_IN.encode() not in body:
        sys.exit(f"logged in as {email}, but / does not show the logout button")
    return header()


def cpu_seconds(pid: int, children: bool = False) -> float:
    """CPU seconds (user + system) a process has used, with `children`: plus those of its
    children it has reaped (gunicorn's master: the workers it recycled); 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


class CpuSplit:
    """Cores used during one wrk run: the forum's gunicorn, the floor's, PostgreSQL backends
    of the run's database, wrk, and everything else on the machine (noise). A gunicorn is
    its master, its live workers and the workers it reaped (recycled by max_requests)."""

    def __init__(self, servers: dict, database_url: str | None):
        self.servers, self.database_url = servers, database_url

    def _backends(self) -> dict[int, float]:
        if not (self.database_url or "").startswith("postgresql"):
            return {}
        from sqlalchemy.engine import make_url

        try:
            with stack.connect(self.database_url) as conn:
                pids = [
                    pid
                    for (pid,) in conn.execute(
                        "SELECT pid FROM pg_stat_activity WHERE datname = %s "
                        "AND pid <> pg_backend_pid()",
                        (make_url(self.database_url).database,),
                    )
                ]
        except Exception:  # noqa: BLE001  (the split is a diagnostic of the run)
            return {}
        return {pid: cpu_seconds(pid) for pid in pids}

    def _servers(self) -> dict[str, float]:
        return {
            name: cpu_seconds(server.process.pid, children=True)
            + sum(cpu_seconds(pid) for pid in server.workers())
            for name, server in self.servers.items()
        }

    def start(self) -> None:
        self.before, self.backends = self._servers(), self._backends()
        self.machine = stack.machine_cpu()
        self.children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.at = time.monotonic()

    def stop(self) -> dict:
        seconds = time.monotonic() - self.at
        used = {name: cpu - self.before[name] for name, cpu in self._servers().items()}
        if self.database_url.startswith("postgresql"):
            backends = self._backends()  # a backend that ended meanwhile is lost (pooled: rare)
            used["postgres"] = sum(
                max(0.0, cpu - self.backends.get(pid, 0.0)) for pid, cpu in backends.items()
            )
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        used["wrk"] = (children.ru_utime - self.children.ru_utime) + (
            children.ru_stime - self.children.ru_stime
        )
        total = stack.machine_cpu() - self.machine
        used["others"] = max(0.0, total - sum(used.values()))
        return {g: round(s / seconds, 3) for g, s in used.items()} | {
            "machine": round(total / seconds, 2)
        }


def wrk(url: str, seconds: int, args, lua: Path, cookie: str | None = None) -> dict:
    command = [
        "wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--timeout", "30s",
        "-s", str(lua), "-H", f"Accept-Encoding: {ACCEPT_ENCODING}",
        "-H", f"Accept-Language: {ACCEPT_LANGUAGE}",
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 120)
    found = re.search(r"^BENCH_PAGES (\{.*\})$", done.stdout, re.M)
    if done.returncode or not found:
        sys.exit(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    raw = json.loads(found.group(1))
    requests = raw["requests"]
    return {
        "requests": requests,
        "rps": requests / (raw["duration_us"] / 1e6),
        "p50": raw["p50_us"] / 1000,
        "p90": raw["p90_us"] / 1000,
        "p95": raw["p95_us"] / 1000,
        "p99": raw["p99_us"] / 1000,
        "max": raw["max_us"] / 1000,
        "bytes": raw["bytes"] / requests if requests else 0,
        "errors": {k: raw[k] for k in ("connect", "read", "write", "status", "timeout") if raw[k]},
    }


def measure(name, url, who, args, lua, cookie, cpu: CpuSplit, servers) -> dict:
    """Warm-up, then the timed run; the figures, load average, CPU split, worker boots."""
    if args.warmup:
        wrk(url, args.warmup, args, lua, cookie)
    boots = {k: len(s.log_lines("Booting worker")) for k, s in servers.items()}
    load = os.getloadavg()[0]
    cpu.start()
    result = wrk(url, args.duration, args, lua, cookie)
    result["cpu"] = cpu.stop()
    result["load1"] = round(load, 2)
    result["worker_boots"] = sum(
        len(s.log_lines("Booting worker")) - boots[k] for k, s in servers.items()
    )
    errors = f", errors {result['errors']}" if result["errors"] else ""
    log(
        f"  {name:17} {who:7} {result['rps']:8.1f} req/s  p50 {result['p50']:7.1f} ms  "
        f"p95 {result['p95']:7.1f} ms  {result['bytes']:8.0f} B/resp  load {load:.1f}  "
        f"others {result['cpu']['others']:.2f} cores{errors}"
    )
    return result


def median_of(runs: list[dict]) -> dict:
    """Several rounds of the same measurement: the median of each figure, the runs kept."""
    if len(runs) == 1:
        return runs[0]
    keys = ("rps", "p50", "p90", "p95", "p99", "max", "bytes", "load1")
    return {k: statistics.median(r[k] for r in runs) for k in keys} | {"rounds": runs}


# ------------------------------------------------------------------------------ a run


def machine_facts(workers: int) -> dict:
    meminfo = Path("/proc/meminfo").read_text().split()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    import gunicorn

    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024**2, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "gunicorn": gunicorn.__version__,
        "workers": workers,
        "wrk": (wrk_version.stdout + wrk_version.stderr).split("[")[0].strip(),
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def git_commit() -> tuple[str, bool]:
    def git(*args):
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True
        ).stdout

    commit = git("rev-parse", "--short=10", "HEAD").strip()
    dirty = bool(git("status", "--porcelain", "--untracked-files=no").strip())
    return commit, dirty


def create_postgres(server_url: str, label: str) -> str:
    from sqlalchemy.engine import make_url

    name = re.sub(r"[^a-z0-9_]", "_", f"bench_pages_{label}_{secrets.token_hex(3)}".lower())[:60]
    with stack.connect(
        server_url, make_url(server_url).database or "postgres", autocommit=True
    ) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres(server_url: str, database_url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(database_url).database
    if not name.startswith("bench_pages_"):  # only what this script created
        return
    with stack.connect(
        server_url, make_url(server_url).database or "postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_database(kind: str, args, pages: dict) -> dict:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix=f"maillage-bench-pages-{kind}-", dir="/var/tmp"))
    database_url = (
        f"sqlite:///{workdir}/maillage.sqlite"
        if kind == "sqlite"
        else create_postgres(args.pg_url, args.label)
    )
    log(f"\n== {kind}: {database_url} (work folder {workdir})")
    env = stack.app_env(database_url, workdir, stack.free_port(), args.workers)
    floor_env = {**env, "FORUM_BIND": f"127.0.0.1:{stack.free_port()}"}
    result: dict = {"database_url": database_url, "steps": {}}
    app_server = stack.Gunicorn(env, workdir / "gunicorn.log")
    floor_server = stack.Gunicorn(floor_env, workdir / "floor.log", app="benchmarks.floor_app:app")
    try:
        steps = result["steps"]
        steps["flask db upgrade"] = stack.flask(env, "db", "upgrade")
        steps["flask bootstrap"] = stack.flask(env, "bootstrap")
        seed = ["seed-demo"] + (["--reports", str(args.reports)] if args.reports else [])
        log(f"flask {' '.join(seed)} …")
        seconds = steps[f"flask {' '.join(seed)} (index included)"] = stack.flask(env, *seed)
        log(f"  {seconds:.1f} s")
        made, steps["100-post threads (services)"] = run_helper(
            env, "prepare", {"posts": THREAD_POSTS}, workdir
        )
        steps["flask notifications process"] = stack.flask(env, "notifications", "process")
        steps["flask search sync"] = stack.flask(env, "search", "sync")
        result["threads"] = made
        log(f"threads: {made}")
        paths = {name: path.format(**made) for name, path in pages.items()}
        counts, steps["SQL counts (test client)"] = run_helper(
            env, "sql", {"pages": paths, "member": args.member}, workdir
        )
        for key, found in counts.items():
            if found["status"] != 200:
                sys.exit(f"{key}: status {found['status']} through the test client")
            if key.startswith("member") and not key.endswith("feed") and not found["logged_in"]:
                sys.exit(f"{key}: the member is not logged in through the test client")
        result["steps"] = {k: round(v, 1) for k, v in steps.items()}

        result["healthz"] = app_server.start()
        floor_server.start()
        workers = len(app_server.workers())
        result["machine"] = machine_facts(workers)
        if kind == "postgres":
            with stack.connect(database_url) as conn:
                result["machine"]["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
        cookie = member_cookie(app_server.port, args.member)
        lua = workdir / "bench_pages.lua"
        lua.write_text(WRK_LUA)
        servers = {"gunicorn": app_server, "floor": floor_server}
        cpu = CpuSplit(servers, database_url)

        def floors(when: str) -> None:
            for name, path in FLOORS.items():
                url = f"http://127.0.0.1:{floor_server.port}{path}"
                run = measure(name, url, "visitor", args, lua, None, cpu, servers)
                result.setdefault("floors", {}).setdefault(name, {})[when] = run

        log(
            f"{workers} workers per server; measuring (warm-up {args.warmup} s, {args.duration} s each)"
        )
        floors("before")
        rows = result["pages"] = {}
        for name, path in paths.items():
            status, headers, body, wire = http_get(app_server.port, path)
            if status != 200:
                sys.exit(f"{name}: GET {path} answered {status}")
            m_status, m_headers, m_body, _ = http_get(app_server.port, path, cookie)
            if m_status != 200 or (name != "feed" and LOGGED_IN.encode() not in m_body):
                sys.exit(f"{name}: the member's GET {path} answered {m_status} or is not logged in")
            rows[name] = {
                "path": path,
                "encoding": headers.get("content-encoding", "identity"),
                # A cookie set on every response would be sent back by a browser, not by wrk.
                "member_set_cookie": [c.split("=", 1)[0] for c in m_headers["set-cookie"]],
                "body_wire": wire,
                "body_html": len(body),
                "sql": {w: counts[f"{w} {name}"]["sql"] for w in ("visitor", "member")},
                "hits": counts[f"visitor {name}"]["hits"],
                "statements": {
                    w: counts[f"{w} {name}"]["statements"] for w in ("visitor", "member")
                },
            }
        for round_ in range(args.rounds):
            if args.rounds > 1:
                log(f"round {round_ + 1} of {args.rounds}")
            for name, path in paths.items():
                url = f"http://127.0.0.1:{app_server.port}{path}"
                for who, jar in (("visitor", None), ("member", cookie)):
                    run = measure(name, url, who, args, lua, jar, cpu, servers)
                    rows[name].setdefault(f"{who}_runs", []).append(run)
        for row in rows.values():
            for who in ("visitor", "member"):
                row[who] = median_of(row.pop(f"{who}_runs"))
        floors("after")
        for name, path in FLOORS.items():
            status, headers, body, wire = http_get(floor_server.port, path)
            runs = result["floors"][name]
            runs.update(
                path=path,
                rps=statistics.mean([runs["before"]["rps"], runs["after"]["rps"]]),
                body_wire=wire,
                body_html=len(body),
            )
        # The floor is the Jinja page of 100 posts (its table: « floor: Jinja page of
        # 100 posts, no database … 1× », targets « about 200 req/s » = 494 ÷ 2.5); the bare
        # route is kept beside it as what Flask alone costs.
        jinja, bare = (result["floors"][name] for name in ("floor-jinja", "floor-bare"))
        jinja_cpu = statistics.mean(
            cpu_ms(jinja[when], ("floor",)) or 0 for when in ("before", "after")
        )
        for row in rows.values():
            for who in ("visitor", "member"):
                run = row[who]
                run["ratio"] = jinja["rps"] / run["rps"] if run["rps"] else None
                run["ratio_bare"] = bare["rps"] / run["rps"] if run["rps"] else None
                page_cpu = cpu_ms(run)
                run["cpu_ratio"] = page_cpu / jinja_cpu if page_cpu and jinja_cpu else None
        result["server_log"] = {
            "5xx": len(app_server.log_lines(" status=5")),
            "worker boots": len(app_server.log_lines("Booting worker")),
        }
    finally:
        floor_server.stop()
        app_server.stop()
        if not args.keep:
            if kind == "postgres":
                drop_postgres(args.pg_url, database_url)
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            log(f"kept: {database_url}, {workdir}")
    result["minutes"] = round((time.monotonic() - started) / 60, 1)
    return result


# ---------------------------------------------------------------------------- output


def fmt(value, digits=1) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def cpu_ms(run: dict, groups=("gunicorn", "postgres")) -> float | None:
    """CPU milliseconds per request: what these processes used during the run ÷ requests
    (median over rounds)."""
    values = [
        sum(r["cpu"].get(g, 0) for g in groups) * 1000 / r["rps"]
        for r in run.get("rounds", [run])
        if r["rps"]
    ]
    return statistics.median(values) if values else None


def _div(a, b):
    return a / b if a and b else None


def others(run: dict) -> float:
    return statistics.median(r["cpu"]["others"] for r in run.get("rounds", [run]))


def markdown(results: dict) -> str:
    """The tables of one run (one per database), with what they were measured on."""
    lines = []
    for kind, db in results["databases"].items():
        m = db["machine"]
        lines += [
            f"### {kind}, {results['reports']:,} generated reports — {results['label']} "
            f"({results['commit']}{', uncommitted changes' if results['dirty'] else ''}), "
            f"{results['date']}",
            "",
            f"{m['cores']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}, "
            f"SQLite {m['sqlite']}"
            + (f", PostgreSQL {m['postgresql']}" if "postgresql" in m else "")
            + f"; gunicorn {m['gunicorn']}, {m['workers']} sync workers; {m['wrk']} "
            f"-t{results['options']['threads']} -c{results['options']['connections']}, "
            f"{results['options']['duration']} s per page after {results['options']['warmup']} s "
            f"of warm-up, {results['options']['rounds']} round(s); load average at start "
            f"{' '.join(map(str, m['load_at_start']))}.",
            "",
            "| page | visitor req/s | p50 ms | p95 ms | CPU ms/req | bytes | HTML bytes | SQL "
            "| ratio | CPU ratio | member req/s | p50 ms | p95 ms | CPU ms/req | SQL "
            "| member ratio | CPU ratio | member ÷ visitor CPU | others (cores) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
            "|---:|---:|---:|",
        ]
        for name, row in db["pages"].items():
            v, mb = row["visitor"], row["member"]
            hits = f" ({int(row['hits']):,} hits)" if row.get("hits") else ""
            lines.append(
                f"| {name} `{row['path']}`{hits} | {fmt(v['rps'])} | {fmt(v['p50'])} "
                f"| {fmt(v['p95'])} | {fmt(cpu_ms(v))} | {fmt(v['bytes'], 0)} "
                f"| {fmt(row['body_html'], 0)} | {row['sql']['visitor']} | {fmt(v['ratio'])} "
                f"| {fmt(v.get('cpu_ratio'))} "
                f"| {fmt(mb['rps'])} | {fmt(mb['p50'])} | {fmt(mb['p95'])} | {fmt(cpu_ms(mb))} "
                f"| {row['sql']['member']} | {fmt(mb['ratio'])} | {fmt(mb.get('cpu_ratio'))} "
                f"| {fmt(_div(cpu_ms(mb), cpu_ms(v)), 2)} "
                f"| {others(v):.2f} / {others(mb):.2f} |"
            )
        for name, floor in db["floors"].items():
            b, a = floor["before"], floor["after"]
            ratio = db["floors"]["floor-jinja"]["rps"] / floor["rps"]
            lines.append(
                f"| **{name}** `{floor['path']}` (before / after the pages) "
                f"| {fmt(b['rps'])} / {fmt(a['rps'])} | {fmt(b['p50'])} / {fmt(a['p50'])} "
                f"| {fmt(b['p95'])} / {fmt(a['p95'])} "
                f"| {fmt(cpu_ms(b, ('floor',)))} / {fmt(cpu_ms(a, ('floor',)))} "
                f"| {fmt(b['bytes'], 0)} | {fmt(floor['body_html'], 0)} | 0 | {fmt(ratio)} "
                f"| — | — | — | — | — | — | — | — | — | {others(b):.2f} / {others(a):.2f} |"
            )
        runs = [r[w] for r in db["pages"].values() for w in ("visitor", "member")]
        runs = [x for r in runs for x in r.get("rounds", [r])]
        noise = statistics.median(r["cpu"]["others"] for r in runs)
        client = statistics.median(r["cpu"]["wrk"] for r in runs)
        errors = sum(sum(r["errors"].values()) for r in runs)
        boots = sum(r["worker_boots"] for r in runs)
        t = db["threads"]
        lines += [
            "",
            f"Ratio: the floor's req/s (the Jinja page of 100 posts, as the issue defines it; "
            f"mean of its two runs, {fmt(db['floors']['floor-jinja']['rps'])}) ÷ the page's; "
            f"CPU ratio: the page's CPU ms/req ÷ the floor's (steadier on a busy machine). "
            f"CPU ms/req: CPU time of "
            f"the forum's gunicorn (master and workers){' and of PostgreSQL' if kind == 'postgres' else ''}"
            f" during the run ÷ requests (the floor's: its own gunicorn). Others: cores used "
            f"meanwhile by everything else on the machine (visitor / member run). Report thread: "
            f"{t['report_posts']} posts; discussion: {t['discussion_posts']} posts. "
            f"During the page runs: other processes used {noise:.2f} cores (median), "
            f"wrk {client:.2f}; {boots} worker restarts (max_requests); "
            f"{errors} wrk errors; server log: {db['server_log']['5xx']} responses 5xx. "
            + "Preparation: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in db["steps"].items())
            + f"; whole run {db['minutes']} min.",
            "",
        ]
    return "\n".join(lines)


def compare(old_path: str, new_path: str) -> str:
    """Before/after tables of two --json files: req/s, p50, SQL, new÷old."""
    old, new = (json.loads(Path(p).read_text()) for p in (old_path, new_path))
    lines = []
    for kind in [k for k in old["databases"] if k in new["databases"]]:
        a, b = old["databases"][kind], new["databases"][kind]
        lines += [
            f"### {kind}: {old['label']} ({old['commit']}, {old['date']}) → "
            f"{new['label']} ({new['commit']}, {new['date']}), "
            f"{old['reports']:,} → {new['reports']:,} reports",
            "",
            "| page | user | req/s old | req/s new | new÷old | p50 ms old | p50 new "
            "| CPU ms/req old | CPU new | new÷old | SQL old | SQL new | ratio old | ratio new "
            "| others old | others new |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name in [n for n in a["pages"] if n in b["pages"]]:
            for who in ("visitor", "member"):
                x, y = a["pages"][name][who], b["pages"][name][who]
                cx, cy = cpu_ms(x), cpu_ms(y)
                lines.append(
                    f"| {name} | {who} | {fmt(x['rps'])} | {fmt(y['rps'])} "
                    f"| {fmt(y['rps'] / x['rps'], 2)}× | {fmt(x['p50'])} | {fmt(y['p50'])} "
                    f"| {fmt(cx)} | {fmt(cy)} | {fmt(cy / cx if cx and cy else None, 2)}× "
                    f"| {a['pages'][name]['sql'][who]} | {b['pages'][name]['sql'][who]} "
                    f"| {fmt(x['ratio'])} | {fmt(y['ratio'])} | {others(x):.2f} | {others(y):.2f} |"
                )
        fa, fb = a["floors"]["floor-bare"]["rps"], b["floors"]["floor-bare"]["rps"]
        lines += [
            "",
            f"Bare floor: {fmt(fa)} → {fmt(fb)} req/s ({fmt(fb / fa, 2)}×): if it moved "
            "much, the machine did too; then compare the ratios and CPU ms/req rather than "
            "req/s.",
            "",
        ]
    return "\n".join(lines)


def arguments(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--reports", type=int, default=2000, help="seed-demo --reports N")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and user")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before each, not counted")
    parser.add_argument("--rounds", type=int, default=1, help="measure every page N times (median)")
    parser.add_argument("--pages", help=f"comma-separated subset of: {', '.join(PAGES)}")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t")
    parser.add_argument("--connections", type=int, default=4, help="wrk -c")
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)"
    )
    parser.add_argument("--member", default=MEMBER, help="demo account measured as the member")
    parser.add_argument(
        "--pg-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server (its database is only used to create and drop ours)",
    )
    parser.add_argument("--label", help="a name for this run (default: the commit)")
    parser.add_argument("--json", help="write every figure to this file")
    parser.add_argument("--markdown", help="also write the tables to this file")
    parser.add_argument("--keep", action="store_true", help="keep the databases and work folders")
    parser.add_argument(
        "--compare", nargs=2, metavar=("OLD_JSON", "NEW_JSON"), help="print before/after tables"
    )
    parser.add_argument("--tables", metavar="JSON", help="print the tables of a --json file")
    parser.add_argument("--helper", nargs=3, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = arguments(argv)
    if args.helper:
        what, options, out = args.helper
        helper = {"prepare": helper_prepare, "sql": helper_sql}[what]
        Path(out).write_text(json.dumps(helper(json.loads(options))))
        return 0
    if args.compare:
        print(compare(*args.compare))
        return 0
    if args.tables:
        print(markdown(json.loads(Path(args.tables).read_text())))
        return 0
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    pages = PAGES
    if args.pages:
        wanted = [p.strip() for p in args.pages.split(",") if p.strip()]
        unknown = [p for p in wanted if p not in PAGES]
        if unknown:
            sys.exit(f"unknown page(s) {', '.join(unknown)}; known: {', '.join(PAGES)}")
        pages = {p: PAGES[p] for p in wanted}
    commit, dirty = git_commit()
    args.label = args.label or commit
    results = {
        "label": args.label,
        "commit": commit,
        "dirty": dirty,
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "command": " ".join([".venv/bin/python", "benchmarks/bench_pages.py", *sys.argv[1:]]),
        "reports": args.reports,
        "options": {
            k: v for k, v in vars(args).items() if k not in ("helper", "compare", "tables")
        },
        "databases": {},
    }
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for kind in kinds:
        results["databases"][kind] = run_database(kind, args, pages)
        if args.json:  # after each database: a later failure keeps what was measured
            Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False))
    tables = markdown(results)
    print(tables)
    if args.markdown:
        Path(args.markdown).write_text(tables + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
