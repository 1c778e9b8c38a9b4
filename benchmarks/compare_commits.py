"""Two commits side by side: the same pages, the same data, timed in alternating rounds.

    .venv/bin/python benchmarks/compare_commits.py OLD_WORKTREE NEW_WORKTREE \\
        [--reports 2000] [--rounds 10] [--repeat 5] [--database-url URL] [--json OUT.json]
        [--member EMAIL] [--rare-word WORD] [--report-pages 10]

OLD_WORKTREE and NEW_WORKTREE are checkouts of the two commits, e.g.
`git worktree add --detach /work/bench-old 79a693d`, with their message catalogs compiled as
`make install` does (`.venv/bin/pybabel compile --use-fuzzy -d <worktree>/forum/translations`;
the .mo files are not in git). Each version runs in its own
subprocess of the same interpreter with PYTHONPATH=<worktree> (the package each one
imported is printed and checked), on its own fresh database: an SQLite file in a temporary
folder, or, with --database-url (a PostgreSQL server, e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test), a database of its own created on that
server under a unique name and dropped at the end. Each database is prepared by the
version's own CLI, as an operator would: `flask db upgrade`, `flask bootstrap`,
`flask seed-demo --reports N` (which also builds the search index). Then each worker adds
the same 30 replies to one report's thread (a report page with a thread) and brings the
index up to date.

What is measured, through the Flask test client (the full stack but the network; every
request in its own app context, as in production), for a visitor and for a member logged
in through the real login form (fields taken from the page, CSRF token included):
`/`, `/reports/`, `/reports/?tag=financement`, report pages (the same random ids for
both versions), the report page with the 32-post thread, `/discussions/`, a discussion
page, `/search?q=financement`, `/search?q=souterraine` (a word of a handful of reports),
`/tags/financement`, `/modules/modele-economique-financement`, `/reports/feed.atom`; and,
for the member, a
reply POST to a discussion: the reply form's fields as a browser sends them, taken from
the discussion page loaded just before (not timed), only the POST is timed. Every request's
SQL statements are counted with a `before_cursor_execute` listener on the engine.

Rounds alternate the versions (old, new, new, old, old, new, ...) so that drift of the
shared machine falls on both; round 0 is a warm-up for both and is discarded. Printed:
per page, median and p95 ms for each version, the ratio new/old of the medians, and the
statement count per request for each version (the usual count; a rarer count is shown
as "(N×k)": k requests had N statements); then, for every page whose statements differ,
the statements one version runs and the other does not (compared as multisets, so a mere
change of order is not reported), and for every rarer count what that request ran on top of
or instead of the usual ones. --json writes the raw timings and one request's statements
per page, version and count.
"""

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

THREAD_REPLIES = 30
TAG = "financement"
MODULE = "modele-economique-financement"
MEMBER = "claire.fabre@example.org"  # network.FACILITATORS[0] (corpus.FACILITATORS before): the demo's first facilitator
PASSWORD = "maillage-demo"  # forum.services.demo.DEMO_PASSWORD


# --------------------------------------------------------------------------- worker side


class FormParser(HTMLParser):
    """The forms of a page, each with the fields a browser would send (no button pressed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form = [], None
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"action": a.get("action") or "", "fields": []}
            self.forms.append(self.form)
        elif self.form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.form["fields"].append(
                [a["name"], a.get("value") or ("on" if kind in ("checkbox", "radio") else "")]
            )
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.form["fields"].append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "first": None, "selected": None}
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in a:
                self.select["selected"] = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = (
                self.select["selected"]
                if self.select["selected"] is not None
                else self.select["first"]
            )
            if chosen is not None:
                self.form["fields"].append([self.select["name"], chosen])
            self.select = None
        elif tag == "form":
            self.form = None


def page_forms(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def form_data(form: dict, **values) -> dict:
    data: dict[str, list[str]] = {}
    for name, value in form["fields"]:
        data.setdefault(name, []).append(value)
    for name, value in values.items():
        data[name] = [value]
    return data


class Worker:
    """One version of the app, seeded, answering commands read line by line on stdin."""

    def __init__(self, database_url: str, search_dir: str, member: str, unread: int):
        import sqlalchemy as sa

        import forum
        from forum import create_app
        from forum.extensions import db

        self.sa, self.db, self.member_email, self.unread = sa, db, member, unread
        self.forum_file = forum.__file__
        self.app = create_app(
            {"SQLALCHEMY_DATABASE_URI": database_url, "SEARCH_DIR": search_dir}, env="testing"
        )
        self.statements: list[str] = []
        with self.app.app_context():
            engine = db.engine
        sa.event.listen(engine, "before_cursor_execute", self._record)
        self.engine = engine
        self.info = self._prepare()
        self.visitor = self.app.test_client()
        self.member = self.app.test_client()
        self._login(self.member)
        with self.app.app_context():
            self.info["member_unread"] = db.session.scalar(
                sa.text(
                    "SELECT count(*) FROM notification n JOIN user_account u ON u.id = n.user_id "
                    "WHERE u.email = :email AND n.read_at IS NULL"
                ),
                {"email": member},
            )
            db.session.remove()
        self.replies = 0

    def hits(self, url: str) -> int:
        found = re.search(
            r'role="status">(\d+) résultat', self.visitor.get(url).get_data(as_text=True)
        )
        return int(found.group(1)) if found else 0

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        self.statements.append(statement)

    def _prepare(self) -> dict:
        """Ids the pages need (checked equal between versions), a longer report thread."""
        sa, db = self.sa, self.db
        from forum.models import Discussion, Post, User
        from forum.services import discussions, notifications

        with self.app.app_context():
            ids = list(
                db.session.scalars(
                    sa.text(
                        "SELECT id FROM report WHERE status = 'published' AND deleted_at IS NULL ORDER BY id"
                    )
                )
            )
            # The demo's report threads: the one with the most replies gets 30 more, each
            # answering one of the 5 latest posts, from the demo facilitators in turn.
            thread = db.session.scalar(
                sa.select(Discussion)
                .where(Discussion.report_id.is_not(None))
                .order_by(Discussion.post_count.desc(), Discussion.id)
                .limit(1)
            )
            members = list(
                db.session.scalars(
                    sa.select(User).where(User.role != "admin").order_by(User.id).limit(8)
                )
            )
            posts = list(
                db.session.scalars(
                    sa.select(Post).where(Post.discussion_id == thread.id).order_by(Post.id)
                )
            )
            rng = random.Random(7)
            for n in range(THREAD_REPLIES):
                parent = posts[-1 - rng.randrange(min(5, len(posts)))] if posts else None
                post = discussions.reply(
                    thread,
                    members[n % len(members)],
                    f"Réponse {n} sur ce compte rendu : **oui**, et voici pourquoi, avec un détail concret.",
                    parent.id if parent else None,
                )
                posts.append(post)
            while notifications.process_events():
                pass
            if self.unread:  # top the member's unread notifications up (new reports)
                from forum.models import Notification, Report

                member = db.session.scalar(sa.select(User).where(User.email == self.member_email))
                have = db.session.scalar(
                    sa.select(sa.func.count(Notification.id)).where(
                        Notification.user_id == member.id, Notification.read_at.is_(None)
                    )
                )
                latest = db.session.execute(
                    sa.select(Report.id, Report.author_id)
                    .where(Report.status == "published", Report.deleted_at.is_(None))
                    .order_by(Report.id.desc())
                    .limit(max(0, self.unread - have))
                ).all()
                db.session.add_all(
                    Notification(user_id=member.id, kind="new_report", actor_id=a, report_id=r)
                    for r, a in reversed(latest)
                )
                db.session.commit()
            from forum.search import engine

            engine().sync()  # index the replies now: nothing drains in the background
            report_thread = thread.report_id
            thread_posts = db.session.scalar(
                sa.select(sa.func.count(Post.id)).where(Post.discussion_id == thread.id)
            )
            opened = list(
                db.session.scalars(
                    sa.select(Discussion.id)
                    .where(Discussion.report_id.is_(None), Discussion.deleted_at.is_(None))
                    .order_by(Discussion.id)
                )
            )
            db.session.remove()
        return {
            "forum": self.forum_file,
            "dialect": self.engine.dialect.name,
            "report_ids": ids,
            "thread_report": report_thread,
            "thread_posts": thread_posts,
            "discussion": opened[0],  # the demo's first discussion: replies, accepted answer
            "reply_discussion": opened[-1],  # replies are posted here, not on a timed page
        }

    def _login(self, client):
        page = client.get("/auth/login")
        form = next(
            f
            for f in page_forms(page.get_data(as_text=True))
            if any(n == "password" for n, _ in f["fields"])
        )
        response = client.post(
            form["action"] or "/auth/login",
            data=form_data(form, email=self.member_email, password=PASSWORD),
        )
        assert response.status_code == 303, ("login", response.status_code)
        home = client.get("/")  # shows (and consumes) « Vous êtes connecté. »
        assert "Vous êtes connecté" in home.get_data(as_text=True)

    def _timed(self, client, method, url, data=None):
        self.statements = []
        started = time.perf_counter()
        response = client.open(url, method=method, data=data)
        response.get_data()
        elapsed = (time.perf_counter() - started) * 1000
        return response, elapsed, self.statements

    def round(
        self, pages: list[list[str]], report_ids: list[int], repeat: int, replies: int
    ) -> dict:
        """Each page `repeat` times for both users, each report id once, `replies` replies."""
        out = {}  # key -> {"ms": [...], "counts": [...], "sql": {count: [statements]}}

        def record(key, elapsed, statements):
            entry = out.setdefault(key, {"ms": [], "counts": [], "sql": {}})
            entry["ms"].append(elapsed)
            entry["counts"].append(len(statements))
            entry["sql"].setdefault(str(len(statements)), list(statements))

        for who, client in (("visitor", self.visitor), ("member", self.member)):
            for name, url in pages:
                for _ in range(repeat):
                    response, elapsed, statements = self._timed(client, "GET", url)
                    assert response.status_code == 200, (who, url, response.status_code)
                    record(f"{who} {name}", elapsed, statements)
            for report_id in report_ids:
                response, elapsed, statements = self._timed(client, "GET", f"/reports/{report_id}")
                assert response.status_code == 200, (who, report_id, response.status_code)
                record(f"{who} /reports/<id> (random)", elapsed, statements)
        target = self.info["reply_discussion"]
        action = f"/discussions/{target}/reply"
        for _ in range(replies):
            page = self.member.get(f"/discussions/{target}")  # as a browser: the form first
            assert page.status_code == 200
            form = next(
                f for f in page_forms(page.get_data(as_text=True)) if f["action"].endswith(action)
            )
            self.replies += 1
            data = form_data(
                form, body=f"Réponse de mesure numéro {self.replies:04d} : merci, c'est noté."
            )
            response, elapsed, statements = self._timed(self.member, "POST", form["action"], data)
            assert response.status_code == 303, (
                "reply",
                response.status_code,
                response.get_data(as_text=True)[:500],
            )
            record("member POST /discussions/<id>/reply", elapsed, statements)
            self.member.get(response.location)  # and where it was sent (not timed)
        return out


def worker_main(options: dict) -> None:
    """Protocol on the original stdout, one JSON object per line; everything else to stderr."""
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if p != here]  # only the worktree's package may be found
    protocol = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    worker = Worker(options["url"], options["search_dir"], options["member"], options["unread"])
    words = ("financement", options["rare_word"])
    worker.info["hits"] = {q: worker.hits(f"/search?q={q}") for q in words}
    protocol.write(json.dumps(worker.info) + "\n")
    protocol.flush()
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "quit":
            break
        result = worker.round(**command["args"])
        protocol.write(json.dumps(result) + "\n")
        protocol.flush()
    with worker.app.app_context():
        worker.db.engine.dispose()


# --------------------------------------------------------------------- orchestrator side


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


class Version:
    def __init__(self, label: str, worktree: Path, options: argparse.Namespace):
        server_url, self.options = options.database_url, options
        self.label, self.worktree, self.reports = label, worktree.resolve(), options.reports
        self.tmp = Path(tempfile.mkdtemp(prefix=f"maillage-compare-{label}-"))
        self.commit = subprocess.run(
            ["git", "-C", str(self.worktree), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        self.server_url, self.db_name = server_url, None
        if server_url:
            import sqlalchemy as sa

            self.db_name = f"maillage_cmp_{label}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{self.db_name}"'))
            admin.dispose()
            self.url = (
                sa.engine.make_url(server_url)
                .set(database=self.db_name)
                .render_as_string(hide_password=False)
            )
        else:
            self.url = f"sqlite:///{self.tmp}/bench.sqlite"
        self.env = dict(
            os.environ,
            PYTHONPATH=str(self.worktree),
            FORUM_ENV="testing",
            FORUM_DATABASE_URL=self.url,
            FORUM_SEARCH_DIR=str(self.tmp / "search"),
            FORUM_INSTANCE_DIR=str(self.tmp / "instance"),
        )
        self.proc = None

    def cli(self, *args) -> float:
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "wsgi", *args],
            cwd=self.worktree,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            sys.exit(
                f"{self.label}: flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return time.perf_counter() - started

    def prepare(self) -> str:
        times = [
            self.cli("db", "upgrade"),
            self.cli("bootstrap"),
            self.cli("seed-demo", "--reports", str(self.reports)),
        ]
        return f"db upgrade {times[0]:.1f} s, bootstrap {times[1]:.1f} s, seed-demo --reports {self.reports} (with index) {times[2]:.1f} s"

    def start(self) -> dict:
        self.stderr = open(self.tmp / "worker.log", "w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--worker",
                json.dumps(
                    {
                        "url": self.url,
                        "search_dir": str(self.tmp / "search"),
                        "member": self.options.member,
                        "rare_word": self.options.rare_word,
                        "unread": self.options.unread,
                    }
                ),
            ],
            cwd=self.worktree,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
        )
        self.info = self._read()
        expected = str(self.worktree / "forum" / "__init__.py")
        if self.info["forum"] != expected:
            sys.exit(f"{self.label}: imported {self.info['forum']}, not {expected}")
        return self.info

    def _read(self):
        line = self.proc.stdout.readline()
        if not line:
            self.stderr.flush()
            sys.exit(f"{self.label}: worker died:\n{(self.tmp / 'worker.log').read_text()[-4000:]}")
        return json.loads(line)

    def round(self, **args) -> dict:
        self.proc.stdin.write(json.dumps({"cmd": "round", "args": args}) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=60)
        if self.db_name:
            import sqlalchemy as sa

            admin = sa.create_engine(self.server_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)'))
            admin.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)


def machine(server_url: str | None) -> list[str]:
    import sqlite3

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (
            int(line.split()[1]) / 1024 / 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    lines = [
        f"nproc {os.cpu_count()}, {cpu}, {mem:.1f} GiB RAM",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
    ]
    if server_url:
        import sqlalchemy as sa

        engine = sa.create_engine(server_url)
        with engine.connect() as conn:
            lines.append(conn.execute(sa.text("SELECT version()")).scalar().split(",")[0])
        engine.dispose()
    lines.append("load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return lines


def counts_label(counts: list[int]) -> str:
    common = Counter(counts).most_common()
    usual = common[0][0]
    extra = " ".join(f"({n}×{k})" for n, k in sorted(common[1:]))
    return f"{usual}" + (f" {extra}" if extra else "")


def normalise(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip()
    return re.sub(r"\((?:\?|%\(\w+\)s|%s)(?:, (?:\?|%\(\w+\)s|%s))+\)", "(…)", sql)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="requests per page per round")
    parser.add_argument("--report-pages", type=int, default=10, help="random report ids")
    parser.add_argument("--rare-word", default="souterraine")
    parser.add_argument("--database-url", help="a PostgreSQL server; a database is created on it")
    parser.add_argument("--member", default=MEMBER, help="the member who logs in (demo password)")
    parser.add_argument(
        "--unread",
        type=int,
        default=0,
        help="top the member's unread notifications up to this many (0: as the demo left them)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    print("machine: " + "; ".join(machine(args.database_url)))
    versions = [
        Version(label, path, args) for label, path in (("old", args.old), ("new", args.new))
    ]
    try:
        for v in versions:
            print(f"{v.label} {v.commit[:10]} ({v.worktree}): {v.prepare()}", flush=True)
        infos = [v.start() for v in versions]
        for v, info in zip(versions, infos):
            print(
                f"{v.label}: imports {info['forum']}; {info['dialect']}; {len(info['report_ids'])} published reports; "
                f"thread report {info['thread_report']} ({info['thread_posts']} posts); discussion {info['discussion']}; "
                f"{args.member} has {info['member_unread']} unread notifications; search hits {info['hits']}"
            )
        for key in ("report_ids", "thread_report", "discussion", "reply_discussion"):
            if infos[0][key] != infos[1][key]:
                sys.exit(f"the two databases differ: {key}")
        info = infos[0]
        report_ids = random.Random(1).sample(info["report_ids"], args.report_pages)
        pages = [
            ["/", "/"],
            ["/reports/", "/reports/"],
            [f"/reports/?tag={TAG}", f"/reports/?tag={TAG}"],
            [
                f"/reports/<id> (thread of {info['thread_posts']} posts)",
                f"/reports/{info['thread_report']}",
            ],
            ["/discussions/", "/discussions/"],
            ["/discussions/<id>", f"/discussions/{info['discussion']}"],
            ["/search?q=financement", "/search?q=financement"],
            [f"/search?q={args.rare_word}", f"/search?q={args.rare_word}"],
            [f"/tags/{TAG}", f"/tags/{TAG}"],
            [f"/modules/{MODULE}", f"/modules/{MODULE}"],
            ["/reports/feed.atom", "/reports/feed.atom"],
        ]
        print(f"report ids: {report_ids}", flush=True)
        results = {v.label: {} for v in versions}
        started = time.perf_counter()
        for number in range(args.rounds + 1):
            order = (
                versions if number % 4 in (0, 3) else versions[::-1]
            )  # old new new old old new …
            for v in order:
                if number == 0:  # warm-up for both: discarded
                    v.round(pages=pages, report_ids=report_ids, repeat=2, replies=2)
                    continue
                out = v.round(
                    pages=pages, report_ids=report_ids, repeat=args.repeat, replies=args.repeat
                )
                for key, entry in out.items():
                    mine = results[v.label].setdefault(key, {"ms": [], "counts": [], "sql": {}})
                    mine["ms"] += entry["ms"]
                    mine["counts"] += entry["counts"]
                    for count, sql in entry["sql"].items():
                        mine["sql"].setdefault(count, sql)
            print(
                f"round {number} done ({' '.join(v.label for v in order)}), {time.perf_counter() - started:.0f} s, "
                f"load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    finally:
        for v in versions:
            v.stop()

    old, new = results["old"], results["new"]
    print(
        f"\nold = {versions[0].commit[:10]}, new = {versions[1].commit[:10]}; {args.rounds} rounds alternated, "
        f"{args.repeat} requests per page per round ({args.report_pages} random report ids once per round)\n"
    )
    print(
        "| page | old median ms | old p95 | new median ms | new p95 | new/old | SQL old | SQL new |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for key in old:
        o, n = old[key], new[key]
        print(
            f"| {key} | {statistics.median(o['ms']):.1f} | {pct(o['ms'], 0.95):.1f} | "
            f"{statistics.median(n['ms']):.1f} | {pct(n['ms'], 0.95):.1f} | "
            f"{statistics.median(n['ms']) / statistics.median(o['ms']):.2f} | "
            f"{counts_label(o['counts'])} | {counts_label(n['counts'])} |"
        )
    print(
        f"\n(n = {len(old[next(iter(old))]['ms'])} per page and version; report pages n = {args.rounds * args.report_pages})"
    )

    # Statements added or removed (as multisets: a mere change of order is not reported).
    for key in old:
        o, n = old[key], new[key]
        usual_o = Counter(o["counts"]).most_common(1)[0][0]
        usual_n = Counter(n["counts"]).most_common(1)[0][0]
        sql_o = [normalise(s) for s in o["sql"][str(usual_o)]]
        sql_n = [normalise(s) for s in n["sql"][str(usual_n)]]
        removed, added = Counter(sql_o) - Counter(sql_n), Counter(sql_n) - Counter(sql_o)
        if removed or added:
            print(f"\n=== {key}: old {usual_o} statements, new {usual_n}")
            for sql, k in removed.items():
                print(f"  - ({k}×) {sql}")
            for sql, k in added.items():
                print(f"  + ({k}×) {sql}")
        for label, entry, usual, usual_sql in (
            ("old", o, usual_o, sql_o),
            ("new", n, usual_n, sql_n),
        ):
            for count, statements in entry["sql"].items():
                if int(count) == usual:
                    continue
                odd = [normalise(s) for s in statements]
                times = Counter(entry["counts"])[int(count)]
                print(
                    f"\n=== {key}, {label}: {times} request(s) with {count} statements instead of {usual}:"
                )
                for sql, k in (Counter(usual_sql) - Counter(odd)).items():
                    print(f"  - ({k}×) {sql}")
                for sql, k in (Counter(odd) - Counter(usual_sql)).items():
                    print(f"  + ({k}×) {sql}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "versions": {v.label: v.commit for v in versions},
                    "pages": pages,
                    "report_ids": report_ids,
                    "results": results,
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker_main(json.loads(sys.argv[2]))
    else:
        main()
