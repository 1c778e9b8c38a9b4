"""Benchmark: a 1,000-post discussion page, and posting while 500 members watch.

    .venv/bin/python benchmarks/bench_discussions.py [--database-url URL]

In-process through the Flask test client, on a fresh database (SQLite file by default).
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.models import Category, Notification, Post, User, Watch  # noqa: E402
from forum.models.base import utcnow  # noqa: E402
from forum.services import discussions, reference  # noqa: E402


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--watchers", type=int, default=500)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="maillage-disc-bench-")
    url = args.database_url or f"sqlite:///{tmp}/bench.sqlite"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_DIR": f"{tmp}/search",
            "WTF_CSRF_ENABLED": False,
            "NOTIFICATIONS_BACKGROUND": False,
            "SEARCH_BACKGROUND": False,
        },
        env="testing",
    )
    rng = random.Random(5)
    with app.app_context():
        upgrade()
        reference.bootstrap()
        db.session.commit()  # the CLI command commits; so does a fixture
        password = generate_password_hash("mot-de-passe-bench")
        old = utcnow() - timedelta(days=100)
        users = [
            User(
                email=f"m{i}@example.org",
                display_name=f"Membre {i}",
                handle=f"membre-{i}",
                password_hash=password,
                created_at=old,
            )
            for i in range(args.watchers + 1)
        ]
        db.session.add_all(users)
        db.session.commit()
        author = users[0]
        category = db.session.scalar(sa.select(Category))
        discussion = discussions.create_discussion(
            author, "Un long fil", "Premier message.", category
        )
        # A deep tree: each post answers one of the 20 latest (long chains, many branches).
        posts = [db.session.scalar(sa.select(Post))]
        for n in range(args.posts - 1):
            parent = posts[-1 - rng.randrange(min(20, len(posts)))]
            post = Post(
                discussion_id=discussion.id,
                parent_id=parent.id,
                author_id=users[1 + n % 50].id,
                body_md=f"Réponse {n} : **oui**, et voici pourquoi.",
                body_html=f"<p>Réponse {n} : <strong>oui</strong>, et voici pourquoi.</p>",
            )
            db.session.add(post)
            db.session.flush()
            posts.append(post)
        discussion.post_count = len(posts)
        db.session.commit()
        depth = {posts[0].id: 0}
        for p in posts[1:]:
            depth[p.id] = depth[p.parent_id] + 1
        discussion_id = discussion.id
        watched = discussions.create_discussion(
            author, "Fil suivi par tous", "Suivez-moi.", category
        )
        db.session.add_all(
            [Watch(user_id=u.id, target="discussion", target_id=watched.id) for u in users[1:]]
        )
        db.session.commit()
        watched_id = watched.id
        db.session.execute(sa.text("DELETE FROM event_outbox"))
        db.session.commit()
        print(
            f"database: {db.engine.dialect.name}; thread of {len(posts)} posts, max depth {max(depth.values())}"
        )
        from forum.search import engine

        engine().store.ensure()
        engine().sync()  # index the thread now, so that no background work skews the timings

    client = app.test_client()
    client.post("/auth/login", data={"email": "m0@example.org", "password": "mot-de-passe-bench"})
    with app.app_context():
        statements = []

        def count(conn, cursor, statement, *_args):
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", count)
        client.get(f"/discussions/{discussion_id}")
        sa.event.remove(db.engine, "before_cursor_execute", count)
        times = []
        for _ in range(20):
            started = time.perf_counter()
            response = client.get(f"/discussions/{discussion_id}")
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        print(
            f"GET /discussions/<id> ({len(posts)} posts, logged in): median {statistics.median(times):.1f} ms, "
            f"p95 {pct(times, 0.95):.1f} ms, {len(statements)} SQL statements"
        )

    # Posting while 500 members watch: the request only writes one event row; the
    # notification worker (and the search drainer) work after the response, in this process.
    app.extensions["notifications"].enabled = True
    app.extensions["search"].worker.enabled = True
    times = []
    for n in range(30):
        started = time.perf_counter()
        response = client.post(
            f"/discussions/{watched_id}/reply", data={"body": f"Nouvelle réponse {n}"}
        )
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 303, response.status_code
    print(
        f"POST reply with {args.watchers} watchers: median {statistics.median(times):.1f} ms, p95 {pct(times, 0.95):.1f} ms"
    )
    with app.app_context():
        deadline = time.monotonic() + 120
        expected = 30 * args.watchers
        while time.monotonic() < deadline:
            count = db.session.scalar(sa.select(sa.func.count(Notification.id)))
            db.session.rollback()
            if count >= expected:
                break
            time.sleep(0.1)
        print(
            f"notifications created after the replies: {count} of {expected} "
            f"({time.monotonic() - deadline + 120:.1f} s after the last reply)"
        )
        app.extensions["notifications"].shutdown()
        app.extensions["search"].shutdown()


if __name__ == "__main__":
    main()
