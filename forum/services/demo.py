"""Demo data for `flask seed-demo`: the network's structures, facilitators and parcours, its
hand-written reports and discussions; `--reports N` adds generated reports for benchmarks.

Reports go in with bulk Core inserts (one statement per table per batch) so that
`seed-demo --reports 50000` builds a benchmark corpus in minutes, not hours.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from io import BytesIO

from sqlalchemy import func, insert, select
from sqlalchemy import text as sql_text
from werkzeug.security import generate_password_hash

from forum.demo import calendar as demo_calendar
from forum.demo import corpus, network, session_files
from forum.demo import reports as written_reports
from forum.demo.discussions import DISCUSSIONS, LINKED_REPORTS, REPORT_THREADS
from forum.extensions import db
from forum.markup import render_markdown
from forum.models import (
    SECTIONS,
    CalendarEvent,
    Category,
    ChallengeTag,
    Discussion,
    EventRegistration,
    Flag,
    FollowUp,
    KitModule,
    Notification,
    Parcours,
    Post,
    Report,
    ReportBody,
    ReportRevision,
    Structure,
    StructureRequest,
    User,
    report_modules,
    report_tags,
)
from forum.models.base import utcnow
from forum.services import (
    attachments,
    bookmarks,
    calendar,
    discussions,
    follow_ups,
    memberships,
    notifications,
    reference,
    watches,
)
from forum.services.accounts import unique_handle

DEMO_PASSWORD = "maillage-demo"
BATCH = 1000


def seed(extra_reports: int | None = None, only_if_empty: bool = False) -> dict[str, int]:
    """Create the demo network; with `only_if_empty`, leave a database with members alone."""
    if only_if_empty and db.session.scalar(select(func.count(User.id))):
        return {"skipped (database not empty)": 0}
    reference.bootstrap()
    summary = {
        "structures": _seed_structures(),
        "members": _seed_members(),
        "proposed structures": _seed_proposals(),
        "requests to join": _seed_requests(),
        "parcours": _seed_parcours(),
    }
    if not db.session.scalar(select(func.count(Report.id))):
        ids = add_showcase()
        summary["reports"] = len(ids)
        summary["discussions"] = _seed_discussions(ids)
        summary["files"] = _seed_files(ids)
    summary["events"] = _seed_events()
    summary["follow-ups"] = _seed_follow_ups()
    if extra_reports:
        summary["extra reports"] = add_reports(extra_reports, seed=1000 + _report_count())
    analyze()
    return summary


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load (both SQLite and PostgreSQL)."""
    db.session.execute(sql_text("ANALYZE"))
    db.session.commit()


def _report_count() -> int:
    return db.session.scalar(select(func.count(Report.id)))


def _joined(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _founded(slug: str) -> datetime:
    """A structure appears on Maillage with its first member."""
    return min(_joined(f["joined"]) for f in network.FACILITATORS if f["structure"] == slug)


def _seed_structures() -> int:
    existing = set(db.session.scalars(select(Structure.slug)))
    rows = [s for s in network.STRUCTURES if s["slug"] not in existing]
    for data in rows:
        db.session.add(
            Structure(
                slug=data["slug"],
                name=data["name"],
                kind=data["kind"],
                department_code=data["department"],
                commune=data["commune"],
                website=data["website"],
                description=data["description"],
                created_at=_founded(data["slug"]),
            )
        )
    db.session.commit()
    return len(rows)


def _seed_members() -> int:
    # One hash for every demo account: hashing is deliberately slow.
    password_hash = generate_password_hash(DEMO_PASSWORD)
    by_slug = {s.slug: s for s in db.session.scalars(select(Structure))}
    people = [dict(network.DEMO_ADMIN, structure=None, bio="", role="admin")]
    people += [
        dict(f, role="moderator" if i == 1 else "member")
        for i, f in enumerate(network.FACILITATORS)
    ]
    existing = set(db.session.scalars(select(User.email)))
    created = 0
    referents = set()  # the first facilitator of each structure is its référent·e
    for person in people:
        first = person["structure"] and person["structure"] not in referents
        if first:
            referents.add(person["structure"])
        if person["email"] in existing:
            continue
        db.session.add(
            User(
                handle=unique_handle(person["display_name"]),
                email=person["email"],
                display_name=person["display_name"],
                bio=person["bio"],
                structure=by_slug.get(person["structure"]),
                structure_role="referent" if first else "member",
                accepts_contact=True if person["role"] != "admin" else None,
                role=person["role"],
                password_hash=password_hash,
                created_at=_joined(person["joined"]),
            )
        )
        created += 1
    db.session.commit()
    return created


PROPOSALS = [  # structures members proposed, awaiting a moderator (issue 12)
    {
        "slug": "tiers-lieu-la-grange-de-florac",
        "name": "Tiers-lieu La Grange de Florac",
        "kind": "tiers-lieu",
        "department": "48",
        "commune": "Florac-Trois-Rivières",
        "description": "Ancienne grange rénovée au pied du causse Méjean : atelier partagé, "
        "permanences d'accompagnement et premiers pas pour les porteurs d'idées des Cévennes.",
        "referent": ("lea.roux@example.org", "Léa Roux"),
        "days_ago": 3,
    },
    {
        "slug": "association-graines-de-causse",
        "name": "Association Graines de Causse",
        "kind": "association",
        "department": "12",
        "commune": "Millau",
        "description": "Association d'éducation populaire qui accompagne les projets "
        "collectifs du Sud-Aveyron.",
        "referent": ("hugo.bastide@example.org", "Hugo Bastide"),
        "days_ago": 9,
    },
]


def _seed_proposals() -> int:
    existing = set(db.session.scalars(select(Structure.slug)))
    emails = set(db.session.scalars(select(User.email)))
    password_hash = generate_password_hash(DEMO_PASSWORD)
    created = 0
    for data in PROPOSALS:
        if data["slug"] in existing or data["referent"][0] in emails:
            continue
        when = utcnow() - timedelta(days=data["days_ago"], hours=2 * data["days_ago"])
        structure = Structure(
            slug=data["slug"],
            name=data["name"],
            kind=data["kind"],
            department_code=data["department"],
            commune=data["commune"],
            description=data["description"],
            status="pending",
            created_at=when,
        )
        email, name = data["referent"]
        db.session.add(structure)
        db.session.add(
            User(
                handle=unique_handle(name),
                email=email,
                display_name=name,
                structure=structure,
                structure_role="referent",
                password_hash=password_hash,
                created_at=when,
            )
        )
        created += 1
    db.session.commit()
    return created


# A newcomer asking to join a structure that has members (issue 16's tester): it waits for
# its référente, Claire Fabre (a demo login), who sees it on the structure's « Membres ».
JOIN_REQUESTS = [
    {
        "email": "anouk.delmas@example.org",
        "display_name": "Anouk Delmas",
        "structure": "fabrique-du-lot",
        "bio": "Arrivée en janvier à la Fabrique, elle co-animera les prochains parcours.",
        "days_ago": 2,
    },
]


def _seed_requests() -> int:
    """The pending requests of JOIN_REQUESTS, each from a new member with no structure,
    and its notification to those who decide (already e-mailed: the demo sends nothing)."""
    emails = set(db.session.scalars(select(User.email)))
    by_slug = {s.slug: s for s in db.session.scalars(select(Structure))}
    created = 0
    for data in JOIN_REQUESTS:
        structure = by_slug.get(data["structure"])
        if data["email"] in emails or structure is None:
            continue
        when = utcnow() - timedelta(days=data["days_ago"], hours=5)
        member = User(
            handle=unique_handle(data["display_name"]),
            email=data["email"],
            display_name=data["display_name"],
            bio=data["bio"],
            password_hash=generate_password_hash(DEMO_PASSWORD),
            created_at=when - timedelta(hours=1),
        )
        request = StructureRequest(user=member, structure=structure, created_at=when)
        db.session.add_all([member, request])
        db.session.flush()
        db.session.add_all(
            Notification(
                user_id=uid,
                kind=memberships.JOIN_REQUESTED,
                actor_id=member.id,
                structure_id=structure.id,
                created_at=when,
                emailed_at=when,
            )
            for uid in memberships.deciders(structure)
        )
        created += 1
    db.session.commit()
    return created


def _seed_parcours() -> int:
    existing = set(db.session.scalars(select(Parcours.slug)))
    by_slug = {s.slug: s for s in db.session.scalars(select(Structure))}
    created = 0
    for data in network.PARCOURS:
        if data["slug"] in existing:
            continue
        db.session.add(
            Parcours(
                slug=data["slug"],
                title=data["title"],
                place=data["place"],
                department_code=data["department"],
                start_date=date.fromisoformat(data["start_date"]),
                end_date=date.fromisoformat(data["end_date"]),
                cohort_size=data["cohort_size"],
                structures=[by_slug[s] for s in data["structures"]],
            )
        )
        created += 1
    db.session.commit()
    return created


def _seed_follow_ups() -> int:
    """The answers of network.FOLLOW_UPS, by a member of the parcours' first structure,
    dated a year after its end; then the structures of the parcours that ended 3 to 13
    months ago are asked, as the daily cron job does (follow_ups.ask_due)."""
    answered = set(db.session.scalars(select(FollowUp.parcours_id)))
    created = 0
    for slug, abandoned, maturing, started, oriented, where, comment in network.FOLLOW_UPS:
        parcours = db.session.scalar(select(Parcours).where(Parcours.slug == slug))
        if parcours is None or parcours.id in answered:
            continue
        author = db.session.scalar(
            select(User)
            .where(User.structure_id == parcours.structures[0].id)
            .order_by(User.id)
            .limit(1)
        )
        answer = follow_ups.record(
            parcours,
            author,
            follow_ups.FollowUpInput(abandoned, maturing, started, oriented, where, comment),
        )
        a_year_after = datetime.combine(parcours.end_date, time(10)) + timedelta(days=365)
        answer.created_at = min(a_year_after, utcnow())
        created += 1
    follow_ups.ask_due()
    db.session.commit()
    while notifications.process_events():
        pass
    return created


def _seed_events() -> int:
    """The calendar (issue 15): the six sessions of every demo parcours (linked to the
    retour of that session when there is one), the meetings of forum/demo/calendar.py, and
    a parcours still under way, with registrations on what is to come. Idempotent."""
    if db.session.scalar(select(func.count(CalendarEvent.id))):
        return 0
    structures = {s.slug: s for s in db.session.scalars(select(Structure))}
    modules = {m.position: m for m in db.session.scalars(select(KitModule))}
    members = list(
        db.session.scalars(select(User).where(User.structure_id.is_not(None)).order_by(User.id))
    )
    by_structure: dict[int, User] = {}
    for member in members:
        by_structure.setdefault(member.structure_id, member)
    reports = {
        (r.parcours_id, r.session_date): r.id
        for r in db.session.scalars(select(Report).where(Report.parcours_id.is_not(None)))
    }
    today = date.today()

    def at(day: date, hour: int) -> datetime:
        return calendar.to_utc(datetime.combine(day, time(hour)))

    made: list[CalendarEvent] = []

    def add(structure_slug: str, day: date, hours: tuple[int, int], **fields) -> CalendarEvent:
        structure = structures[structure_slug]
        creator = by_structure.get(structure.id)
        description = fields.pop("description", "")
        chosen = [modules[n] for n in fields.pop("modules", []) if n in modules]
        event = CalendarEvent(
            structure_id=structure.id,
            creator_id=creator.id if creator else None,
            starts_at=at(day, hours[0]),
            ends_at=at(day, hours[1]),
            description_md=description,
            description_html=str(render_markdown(description)) if description else "",
            modules=chosen,
            **fields,
        )
        db.session.add(event)
        made.append(event)
        return event

    parcours_rows = {p.slug: p for p in db.session.scalars(select(Parcours))}
    for data in network.PARCOURS:
        parcours = parcours_rows[data["slug"]]
        for number, (day, town) in enumerate(data["sessions"], start=1):
            session_day = date.fromisoformat(day)
            add(
                data["structures"][0],
                session_day,
                (9, 12),
                kind="seance",
                title=f"{parcours.title} — séance {number}",
                department_code=parcours.department_code,
                commune=town,
                parcours_id=parcours.id,
                session_number=number,
                capacity=parcours.cohort_size + 4,
                modules=[number],
                report_id=reports.get((parcours.id, session_day)),
            )
    upcoming = demo_calendar.UPCOMING_PARCOURS
    if upcoming["slug"] not in parcours_rows:
        first = today + timedelta(days=upcoming["sessions"][0][0])
        last = today + timedelta(days=upcoming["sessions"][-1][0])
        parcours = Parcours(
            slug=upcoming["slug"],
            title=upcoming["title"],
            place=upcoming["sessions"][0][1],
            department_code=upcoming["department"],
            start_date=first,
            end_date=last,
            cohort_size=9,
            structures=[structures[upcoming["structure"]]],
        )
        db.session.add(parcours)
        db.session.flush()
        for number, (days, town) in enumerate(upcoming["sessions"], start=1):
            add(
                upcoming["structure"],
                today + timedelta(days=days),
                (14, 17),
                kind="seance",
                title=f"{parcours.title} — séance {number}",
                department_code=upcoming["department"],
                commune=town,
                parcours_id=parcours.id,
                session_number=number,
                capacity=12,
                modules=[number],
            )
    for data in demo_calendar.MEETINGS:
        day = (
            date.fromisoformat(data["date"])
            if "date" in data
            else today + timedelta(days=data["days"])
        )
        add(
            data["structure"],
            day,
            data["hours"],
            kind=data["kind"],
            title=data["title"],
            department_code=data.get("department"),
            commune=data.get("commune", ""),
            online=bool(data.get("online")),
            online_url=data.get("online", ""),
            capacity=data.get("capacity"),
            visibility=data.get("visibility", "public"),
            description=data.get("description", ""),
            modules=data.get("modules", []),
        )
    db.session.flush()
    # Registrations on what is to come: a few members of other structures each, in order,
    # the small Gironde meeting full with a waiting list.
    now = utcnow()
    roles = ("participant", "observation", "coanimation", "participant")
    for index, event in enumerate(e for e in made if e.starts_at > now):
        others = [m for m in members if m.structure_id != event.structure_id]
        for k in range(min(len(others), 2 + index % 4)):
            member = others[(index * 3 + k) % len(others)]
            confirmed = event.capacity is None or k < event.capacity
            db.session.add(
                EventRegistration(
                    event_id=event.id,
                    user_id=member.id,
                    role=roles[k % len(roles)],
                    status="confirmed" if confirmed else "waiting",
                )
            )
            db.session.flush()
    db.session.commit()
    return len(made)


@lru_cache(maxsize=50_000)
def _render_block(block: str) -> str:
    return str(render_markdown(block))


def _render(text: str) -> str:
    # Generated sections are blank-line-separated blocks drawn from a pool: render each
    # block once (same output as rendering the whole text, many times faster).
    return "\n".join(_render_block(block) for block in text.split("\n\n") if block.strip())


def add_reports(count: int, seed: int) -> int:
    """Bulk-insert `count` generated published reports (benchmark corpora)."""
    return len(_insert(corpus.generate_reports(count, seed=seed), count))


def add_showcase() -> dict[str, int]:
    """The hand-written reports, with their drafts, deleted report, revisions and proposed
    tag; returns each report's id by its key (discussions refer to reports by key)."""
    written = written_reports.load()
    ids = _insert(written, len(written), revisions=True)
    _showcase_states(written, ids)
    return ids


def _insert(generated: Iterable[dict], count: int, revisions: bool = False) -> dict[str, int]:
    users = {u.email: u.id for u in db.session.scalars(select(User))}
    structures = {s.slug: s.id for s in db.session.scalars(select(Structure))}
    parcours = {p.slug: p.id for p in db.session.scalars(select(Parcours))}
    modules = {m.slug: m.id for m in db.session.scalars(select(KitModule))}
    tags = {t.slug: t.id for t in db.session.scalars(select(ChallengeTag))}
    next_id = (db.session.scalar(select(func.max(Report.id))) or 0) + 1

    generated = iter(generated)
    ids: dict[str, int] = {}
    written = 0
    while written < count:
        reports, bodies, links_m, links_t, snapshots = [], [], [], [], []
        for data in generated:
            report_id = next_id + written
            ids[data.get("key", str(report_id))] = report_id
            stamp = datetime.combine(data["session_date"], time(18, 0)) + timedelta(
                days=data.get("delay", 2), minutes=written % 600
            )
            state = data.get("state", "published")
            author_id = users.get(data["author"])
            row = {
                "id": report_id,
                "title": data["title"][:200],
                "session_date": data["session_date"],
                "department_code": data["department"],
                "structure_id": structures.get(data["structure"]),
                "parcours_id": parcours.get(data["parcours"]),
                "author_id": author_id,
                "format": data["format"],
                "participants": data["participants"],
                # Two reports in three let a bilan quote what worked and their advice
                # (issue 16): the demo's bilans show excerpts, and reports that quote nothing.
                "quotable": data.get("quotable", "" if report_id % 3 == 0 else "worked,advice"),
                "status": "draft" if state == "draft" else "published",
                "created_at": stamp,
                "updated_at": stamp,
                "published_at": None if state == "draft" else stamp,
                "deleted_at": stamp + timedelta(days=12) if state == "deleted" else None,
                "deleted_by_id": author_id if state == "deleted" else None,
            }
            body = {"report_id": report_id}
            for name in SECTIONS:
                body[f"{name}_md"] = data[name]
                body[f"{name}_html"] = _render(data[name])
            reports.append(row)
            bodies.append(body)
            links_m += [
                {"report_id": report_id, "module_id": modules[s]}
                for s in dict.fromkeys(data["modules"])
            ]
            links_t += [
                {"report_id": report_id, "tag_id": tags[s]} for s in dict.fromkeys(data["tags"])
            ]
            if revisions:
                snapshot = {
                    "title": row["title"],
                    "status": row["status"],
                    **{n: data[n] for n in SECTIONS},
                }
                snapshots.append(
                    {
                        "report_id": report_id,
                        "editor_id": author_id,
                        "created_at": stamp,
                        "snapshot": snapshot,
                    }
                )
            written += 1
            if len(reports) == BATCH or written == count:
                break
        db.session.execute(insert(Report), reports)
        db.session.execute(insert(ReportBody), bodies)
        db.session.execute(insert(report_modules), links_m)
        db.session.execute(insert(report_tags), links_t)
        if snapshots:
            db.session.execute(insert(ReportRevision), snapshots)
        db.session.commit()
    _fix_sequences()
    return ids


def _seed_discussions(report_ids: dict[str, int]) -> int:
    """Discussions with threaded replies, an accepted answer, report threads, watches,
    bookmarks and a flag; notifications are fanned out so the demo account has some to read."""
    by_email = {u.email: u for u in db.session.scalars(select(User))}
    members = [by_email[f["email"]] for f in network.FACILITATORS]
    demo_user = members[0]
    for slug in ("financement", "mobilisation-des-porteurs"):
        tag = db.session.scalar(select(ChallengeTag).where(ChallengeTag.slug == slug))
        watches.watch(demo_user, "tag", tag.id)
    db.session.commit()
    created = 0
    accepted = None
    for index, (category_slug, title, opener, tag_slugs, body, replies) in enumerate(DISCUSSIONS):
        category = db.session.scalar(select(Category).where(Category.slug == category_slug))
        tags_ = list(
            db.session.scalars(select(ChallengeTag).where(ChallengeTag.slug.in_(tag_slugs)))
        )
        linked = [db.session.get(Report, report_ids[k]) for k in LINKED_REPORTS.get(index, [])]
        discussion = discussions.create_discussion(
            members[opener], title, body, category, tags_, reports=linked
        )
        posts = []
        for author, text, parent in replies:
            parent_id = posts[parent].id if parent is not None else None
            posts.append(discussions.reply(discussion, members[author], text, parent_id))
        # Opened over the last months, the most recent first in DISCUSSIONS' order: a demo
        # where every discussion was opened today sorted them all above every report.
        _backdate(discussion, utcnow() - timedelta(days=6 + 23 * index, hours=3 * index))
        created += 1
        if created == 1:
            discussions.accept_answer(discussion, posts[0])
            accepted = posts[0]
        if created == 2:  # a consultant's offer of services, flagged for the moderators
            db.session.add(
                Flag(
                    post_id=posts[-1].id,
                    reporter_id=members[6].id,
                    reason="Démarchage ? À vérifier.",
                )
            )
            db.session.commit()
    for key, replies in REPORT_THREADS:
        report = db.session.get(Report, report_ids[key])
        thread = discussions.report_thread(report)
        db.session.commit()
        posts = []
        for author, text, parent in replies:
            who = members[author] if author is not None else db.session.get(User, report.author_id)
            parent_id = posts[parent].id if parent is not None else None
            posts.append(discussions.reply(thread, who, text, parent_id))
        # The colleagues' questions come in the days after the session.
        session = datetime.combine(report.session_date, time(18))
        _backdate(thread, min(session + timedelta(days=2), utcnow() - timedelta(days=1)))
    # What the demo account kept for later: two colleagues' reports and an answer.
    for key in ("montagne-limousine-2024-s2", "haute-correze-2026-s1"):
        bookmarks.toggle(demo_user, report_id=report_ids[key])
    bookmarks.toggle(demo_user, post_id=accepted.id)
    while notifications.process_events():
        pass
    return created


def _backdate(discussion: Discussion, opened: datetime) -> None:
    """Date a demo discussion and its messages as if written from `opened` (naive UTC) on:
    its messages follow each other by 7 to 30 hours, never later than now; commits."""
    posts = db.session.scalars(
        select(Post).where(Post.discussion_id == discussion.id).order_by(Post.id)
    ).all()
    when = opened
    for n, post in enumerate(posts):
        if n:
            when = min(when + timedelta(hours=7 + 23 * (n % 2)), utcnow())
        post.created_at = when
    discussion.created_at = opened
    discussion.last_post_at = when
    db.session.commit()


def _seed_files(report_ids: dict[str, int]) -> int:
    """The sessions' supports (forum/demo/session_files.py), stored and processed as an
    upload is: photos re-encoded without their EXIF into their variants, documents' text
    extracted. Processed here, not by the media worker, so the demo is ready at once."""
    count = 0
    for key, name, section, alt, make in session_files.REPORT_FILES:
        report = db.session.get(Report, report_ids[key])
        author = db.session.get(User, report.author_id)
        attachments.attach(
            author, BytesIO(make()), name, report=report, alt=alt, section=section, consent=True
        )
        count += 1
    for title, reply, name, make in session_files.POST_FILES:
        post = db.session.scalars(
            select(Post)
            .join(Discussion, Discussion.id == Post.discussion_id)
            .where(Discussion.title == title)
            .order_by(Post.id)
            .offset(reply + 1)  # the opening message comes first
        ).first()
        attachments.attach(post.author, BytesIO(make()), name, post=post)
        count += 1
    db.session.info.pop(attachments.MEDIA_FLAG, None)  # processed below, not by the worker
    db.session.commit()
    while attachments.process_pending(batch=20):
        pass
    return count


def _showcase_states(written: list[dict], ids: dict[str, int]) -> None:
    """What the bulk insert leaves out: a report edited after publication (its revision
    kept) and a challenge proposed with a report, awaiting moderation."""
    for data in written:
        report = db.session.get(Report, ids[data["key"]])
        if data["edit"]:
            report.body.advice_md += "\n\n" + data["edit"]
            report.body.advice_html = str(render_markdown(report.body.advice_md))
            report.updated_at = report.published_at + timedelta(days=15)
            db.session.add(
                ReportRevision(
                    report=report,
                    editor_id=report.author_id,
                    created_at=report.updated_at,
                    snapshot={
                        "title": report.title,
                        "status": report.status,
                        **{n: report.section_md(n) for n in SECTIONS},
                    },
                )
            )
        if data["proposed_tag"]:
            report.tags.append(
                ChallengeTag(
                    slug=data["proposed_tag"],
                    label="Saisonnalité",
                    approved=False,
                    proposed_by_id=report.author_id,
                    created_at=report.published_at,
                    description="Projets liés au tourisme ou à l'agriculture, rythmés par "
                    "les saisons.",
                )
            )
    db.session.commit()


def _fix_sequences() -> None:
    """Explicit ids bypass PostgreSQL sequences: move them past the highest id."""
    if db.engine.dialect.name != "postgresql":
        return

    for table in ("report", "report_revision"):
        db.session.execute(
            sql_text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )
    db.session.commit()
