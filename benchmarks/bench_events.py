"""The calendar at scale (issue 15, « Performance »): /events/ and an .ics feed of 500
events through the Flask test client, with 50,000 reports, 5,000 events and 40,000
registrations.

    .venv/bin/python benchmarks/bench_events.py [--reports 50000] [--events 5000]
        [--registrations 40000] [--runs 200] [--database-url URL]

The database (an SQLite file in a temporary folder unless --database-url names an empty
PostgreSQL database) is migrated, bootstrapped and seeded with the demo plus --reports
generated reports (`demo.seed`, as `flask seed-demo --reports N`), then --events events
(bulk inserted: spread over 40 départements and the next 18 months, one kit module each,
capacity 12) and --registrations registrations of 400 generated members (bulk). Each page
is requested once to warm caches, then --runs times as a visitor: p50 and p95 in ms, and
the SQL statements of one request (a `before_cursor_execute` listener). The .ics feed is
`/events.ics?department=<the département holding 500 events>`.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--registrations", type=int, default=40_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-events-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.sqlite'}"
    os.environ.setdefault("FORUM_INSTANCE_DIR", str(folder))
    from flask_migrate import upgrade

    from forum import create_app
    from forum.extensions import db
    from forum.models import (
        CalendarEvent,
        Department,
        EventRegistration,
        KitModule,
        Structure,
        User,
    )
    from forum.models.base import utcnow
    from forum.services import demo, reference

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SEARCH_DIR": str(folder / "ix"),
            "STORAGE_DIR": str(folder / "files"),
        },
        env="testing",
    )
    app.config.update(TESTING=False, DEBUG=False)
    with app.app_context():
        started = time.perf_counter()
        upgrade()
        reference.bootstrap()
        db.session.commit()
        demo.seed(extra_reports=args.reports)
        db.session.commit()
        print(f"seed: {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        departments = list(
            db.session.scalars(sa.select(Department.code).order_by(Department.code).limit(40))
        )
        structures = list(db.session.scalars(sa.select(Structure.id)))
        modules = list(db.session.scalars(sa.select(KitModule.id)))
        now = utcnow()
        # 500 events in the first département (the feed), the rest spread over the others.
        rows = []
        for i in range(args.events):
            department = departments[0] if i < 500 else departments[1 + i % (len(departments) - 1)]
            start = now + timedelta(hours=7 + (i * 97) % (18 * 30 * 24))
            rows.append(
                dict(
                    kind=("seance", "echange", "transfert", "autre")[i % 4],
                    title=f"Rendez-vous {i}",
                    starts_at=start,
                    ends_at=start + timedelta(hours=3),
                    department_code=department,
                    commune="Figeac",
                    online=False,
                    online_url="",
                    structure_id=structures[i % len(structures)],
                    capacity=12,
                    registration_open=True,
                    visibility="public" if i % 5 else "members",
                    description_md="Au programme.",
                    description_html="<p>Au programme.</p>",
                    sequence=0,
                    created_at=now,
                    updated_at=now,
                )  # fmt: skip
            )
        before = db.session.scalar(sa.select(sa.func.max(CalendarEvent.id))) or 0
        db.session.execute(sa.insert(CalendarEvent), rows)
        ids = list(
            db.session.scalars(
                sa.select(CalendarEvent.id)
                .where(CalendarEvent.id > before)
                .order_by(CalendarEvent.id)
            )
        )
        link = sa.table("calendar_event_module", sa.column("event_id"), sa.column("module_id"))
        db.session.execute(
            sa.insert(link),
            [{"event_id": e, "module_id": modules[k % len(modules)]} for k, e in enumerate(ids)],
        )
        members = [dict(email=f"bench{i}@example.org", password_hash="x", display_name=f"Bench {i}",
                        handle=f"bench-{i}", locale="fr", role="member", approved=True, created_at=now,
                        structure_role="member", structure_id=structures[i % len(structures)])
                   for i in range(400)]  # fmt: skip
        db.session.execute(sa.insert(User), members)
        users = list(db.session.scalars(sa.select(User.id).where(User.email.like("bench%"))))
        registrations = []
        for k in range(args.registrations):
            event = ids[k % len(ids)]
            user = users[(k // len(ids) * 37 + k) % len(users)]
            registrations.append(dict(event_id=event, user_id=user, role="participant",
                                      status="confirmed" if k // len(ids) < 6 else "waiting", created_at=now))  # fmt: skip
        seen = set()
        registrations = [
            r
            for r in registrations
            if (key := (r["event_id"], r["user_id"])) not in seen and not seen.add(key)
        ]
        taken = set(
            db.session.execute(
                sa.select(EventRegistration.event_id, EventRegistration.user_id)
            ).all()
        )
        registrations = [r for r in registrations if (r["event_id"], r["user_id"]) not in taken]
        db.session.execute(sa.insert(EventRegistration), registrations)
        db.session.commit()
        demo.analyze()  # the planner's statistics after the bulk load
        counts = {
            name: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for name, model in (
                ("reports", sa.table("report")),
                ("events", CalendarEvent),
                ("registrations", EventRegistration),
            )
        }
        print(f"calendar data: {time.perf_counter() - started:.0f} s, {counts}", flush=True)
        feed_department = departments[0]

    client = app.test_client()
    pages = {
        "/events/": "/events/",
        "/events/?region=76": "/events/?region=76",
        "/events.ics (500 events)": f"/events.ics?department={feed_department}",
    }
    print(f"\n{url.split(':')[0]}: {counts}")
    print("| page | statements | p50 ms | p95 ms | bytes |")
    print("|---|---|---|---|---|")
    for label, path in pages.items():
        with app.app_context():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            statements = []

            def record(conn, cursor, statement, *rest, statements=statements):
                statements.append(statement)

            sa.event.listen(db.engine, "before_cursor_execute", record)
            client.get(path)
            sa.event.remove(db.engine, "before_cursor_execute", record)
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"| {label} | {len(statements)} | {statistics.median(times):.1f} | {p95:.1f} | {len(response.data):,} |"
        )


if __name__ == "__main__":
    main()
