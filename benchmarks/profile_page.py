"""Profile one page of the app on a database kept by `bench_pages.py --keep`.

    .venv/bin/python benchmarks/profile_page.py WORKDIR PATH [--member] [-n 50]
        [--pyinstrument] [--cprofile N]

WORKDIR is the work folder `bench_pages.py --keep` printed (its `maillage.sqlite` and
`search/`), or --database-url for a kept PostgreSQL database with --workdir for the index.
The app is built with the production configuration, as the benchmark's SQL counts are;
the page is requested once (caches, searchers), then N times through the Flask test
client: CPU ms per request (process time), SQL statements per request, then a profile.
"""

import argparse
import cProfile
import logging
import os
import pstats
import re
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("PROFILE_ROOT") or Path(__file__).resolve().parent.parent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workdir")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--database-url")
    parser.add_argument("--member", action="store_true")
    parser.add_argument("--email", default="claire.fabre@example.org")
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--pyinstrument", action="store_true")
    parser.add_argument("--dump", help="write each page's HTML to DUMP-<n>.html")
    parser.add_argument("--cprofile", type=int, default=0, help="print the top N functions")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    os.environ.update(
        FORUM_ENV="production",
        FORUM_SECRET_KEY=secrets.token_hex(32),
        FORUM_SESSION_COOKIE_SECURE="0",
        FORUM_DATABASE_URL=args.database_url or f"sqlite:///{workdir}/maillage.sqlite",
        FORUM_SEARCH_DIR=str(workdir / "search"),
        FORUM_INSTANCE_DIR=str(workdir / "instance"),
        FORUM_BASE_URL="http://127.0.0.1:5000",
    )
    sys.path.insert(0, str(ROOT))
    import sqlalchemy as sa

    from forum import create_app
    from forum.extensions import db

    app = create_app({"SEARCH_BACKGROUND": False, "NOTIFICATIONS_BACKGROUND": False})
    logging.disable(logging.INFO)  # the access log, one line per request
    client = app.test_client()
    headers = {"Accept-Language": "fr-FR,fr;q=0.9"}
    if args.member:
        page = client.get("/auth/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        done = client.post(
            "/auth/login",
            data={"csrf_token": token, "email": args.email, "password": "maillage-demo"},
        )
        assert done.status_code == 303, done.status_code
        client.get("/")
    statements: list[str] = []
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for number, path in enumerate(args.paths):
        response = client.get(path, headers=headers)
        assert response.status_code == 200, (path, response.status_code)
        if args.dump:
            html = client.get(path, headers=headers).get_data(as_text=True)
            html = re.sub(r'name="(csrf_token|submission_token)"[^>]*value="[^"]*"', "TOKEN", html)
            Path(f"{args.dump}-{number}.html").write_text(html)
        statements.clear()
        client.get(path, headers=headers)
        sql, counted = len(statements), list(statements)
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.n):
            client.get(path, headers=headers)
        wall = (time.perf_counter() - started) / args.n * 1000
        cpu = (time.process_time() - cpu) / args.n * 1000
        who = "member" if args.member else "visitor"
        print(f"{path} [{who}]: {cpu:.2f} CPU ms/req, {wall:.2f} wall ms/req, {sql} SQL")
        if args.pyinstrument:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            for _ in range(args.n):
                client.get(path, headers=headers)
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.cprofile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.n):
                client.get(path, headers=headers)
            profile.disable()
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(args.cprofile)
            stats.sort_stats("tottime").print_stats(args.cprofile)
        for statement in counted if args.cprofile or args.pyinstrument else []:
            print("  SQL:", " ".join(statement.split())[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
