"""Fan-out of events into notifications, the in-app list, and e-mail (immediate, daily or
weekly digest, as each member chose per kind: forum/services/notification_settings.py)."""

from datetime import timedelta

from flask import current_app, url_for
from flask_babel import force_locale
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import (
    Integer,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import CalendarEvent, Discussion, EventOutbox, Notification, Post, Report, User
from forum.models.base import utcnow
from forum.services import calendar, follow_ups, memberships
from forum.services import notification_kinds as kinds
from forum.services import notification_mail as mail
from forum.services import notification_settings as settings
from forum.services.discussions import can_view_discussion, can_view_post
from forum.services.notification_kinds import MODERATION_KINDS
from forum.services.notification_wording import GROUPED_KINDS, describe
from forum.services.reports import can_view as can_view_report
from forum.urls import external_url

UNREAD_CAP = 100  # the badge counts at most this many (it shows "99+")
UNSUBSCRIBE_SALT = "maillage-unsubscribe"
WEEK = timedelta(days=7)
# A weekly digest due within this margin goes now: cron runs drift by minutes, and the
# digest of last Monday 07:00 must not wait until Tuesday because this run began 06:59.
DIGEST_SLACK = timedelta(hours=12)


def process_events(batch: int = 200) -> int:
    """Claim pending events (deleting them in this transaction: a crash rolls back and
    leaves them), create the notifications, commit, then send immediate e-mails."""
    # Rows another process (a worker of this server or of another one) is claiming are
    # skipped rather than waited for: FOR UPDATE SKIP LOCKED on PostgreSQL (PostgreSQL
    # documentation, SELECT, « The Locking Clause »); SQLite has one writer at a time anyway
    # and ignores the clause.
    ids = list(
        db.session.scalars(
            select(EventOutbox.id)
            .order_by(EventOutbox.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    )
    if not ids:
        return 0
    claimed = db.session.execute(
        delete(EventOutbox)
        .where(EventOutbox.id.in_(ids))
        .returning(
            EventOutbox.kind, EventOutbox.object_id, EventOutbox.actor_id, EventOutbox.detail
        )
    ).all()
    rows: list[dict] = []
    for kind, object_id, actor_id, detail in claimed:
        rows += _fan_out(kind, object_id, actor_id, detail)
    ids = []
    if rows:
        # One bulk statement: 500 watchers must not mean 500 ORM objects in the unit of work.
        ids = list(db.session.scalars(insert(Notification).returning(Notification.id), rows))
    db.session.commit()
    send_immediate(ids)
    return len(claimed)


def _fan_out(kind: str, object_id: int, actor_id: int | None, detail: str | None) -> list[dict]:
    """The notification rows of one event, by the handler registered for its kind
    (services/notification_kinds.py), each with the event's `detail` as its `reason`; an
    unknown kind is logged and dropped."""
    handler = kinds.HANDLERS.get(kind)
    if handler is None:
        current_app.logger.warning("Event of unknown kind %r (object %s) dropped", kind, object_id)
        return []
    fan = handler.fan(object_id)
    if fan is None:
        return []
    now = utcnow()
    return [
        {
            "user_id": uid,
            "kind": reason,
            "actor_id": actor_id,
            "created_at": now,
            "discussion_id": fan.target.discussion_id,
            "post_id": fan.target.post_id,
            "report_id": fan.target.report_id,
            "calendar_event_id": fan.target.calendar_event_id,
            "parcours_id": fan.target.parcours_id,
            "reason": detail,
            "structure_id": fan.target.structure_id,
        }
        for uid, reason in kinds.recipients(handler, fan, actor_id).items()
    ]


def visible_to(n: Notification, user) -> bool:
    """Whether the recipient may read, now, what this notification is about: the rules of
    the object's own page (deleted, hidden, unpublished, erased, unreadable discussion).
    Checked when a notification is shown or e-mailed, not only when it was created."""
    if n.kind in MODERATION_KINDS:
        return can_view_discussion(n.discussion, user)
    if n.post_id is not None:
        return can_view_post(n.post, user)
    if n.discussion_id is not None:
        return can_view_discussion(n.discussion, user)
    if n.report_id is not None:
        return n.report is not None and can_view_report(n.report, user)
    if n.calendar_event_id is not None:
        return n.calendar_event is not None and calendar.visible_to(user, n.calendar_event)
    if n.parcours_id is not None:
        return n.parcours is not None and follow_ups.can_answer(user, n.parcours)
    if n.structure_id is not None:  # a request to decide, or one's answer
        return n.structure is not None and (
            n.kind != memberships.JOIN_REQUESTED or memberships.may_admit(user, n.structure)
        )
    return False


def _with_objects(query):
    """Load what visible_to, describe and link need in the same statement."""
    return query.options(
        joinedload(Notification.actor),
        joinedload(Notification.discussion).joinedload(Discussion.report),
        joinedload(Notification.report),
        joinedload(Notification.post),
        joinedload(Notification.calendar_event),
        joinedload(Notification.parcours),
        joinedload(Notification.structure),
    )


def visible_clause(user):
    """`visible_to` as an SQL condition on Notification: the same branches, each with its
    object's rule in SQL (reports.visible_clause, discussions.*_visible_clause)."""
    from forum.services.discussions import discussion_visible_clause, post_visible_clause
    from forum.services.reports import visible_clause as report_visible

    report_ok = exists(
        select(Report.id).where(Report.id == Notification.report_id, report_visible(user))
    )
    return or_(
        and_(
            Notification.kind.in_(MODERATION_KINDS),
            discussion_visible_clause(user, Notification.discussion_id),
        ),
        and_(
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_not(None),
            post_visible_clause(user, Notification.post_id),
        ),
        and_(
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_(None),
            Notification.discussion_id.is_not(None),
            discussion_visible_clause(user, Notification.discussion_id),
        ),
        and_(
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_(None),
            Notification.discussion_id.is_(None),
            Notification.report_id.is_not(None),
            report_ok,
        ),
        and_(
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_(None),
            Notification.discussion_id.is_(None),
            Notification.report_id.is_(None),
            Notification.calendar_event_id.is_not(None),
            exists(
                select(CalendarEvent.id).where(
                    CalendarEvent.id == Notification.calendar_event_id,
                    calendar.visible_clause(user),
                )
            ),
        ),
        and_(
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_(None),
            Notification.discussion_id.is_(None),
            Notification.report_id.is_(None),
            Notification.calendar_event_id.is_(None),
            Notification.parcours_id.is_not(None),
            follow_ups.answerable_clause(user, Notification.parcours_id),
        ),
        and_(  # about a structure: a request to join it, or its answer
            Notification.kind.not_in(MODERATION_KINDS),
            Notification.post_id.is_(None),
            Notification.discussion_id.is_(None),
            Notification.report_id.is_(None),
            Notification.calendar_event_id.is_(None),
            Notification.parcours_id.is_(None),
            Notification.structure_id.is_not(None),
            or_(
                Notification.kind != memberships.JOIN_REQUESTED,
                memberships.admit_clause(user, Notification.structure_id),
            ),
        ),
    )


class _AnyMember:
    """A viewer whose id is a bound parameter: the badge's statement is built once per
    role (building these nested EXISTS costs ~20 ms of Python; running them, well under 1)."""

    is_authenticated = True

    def __init__(self, moderator: bool):
        self.is_moderator = moderator
        self.id = bindparam("viewer_id", type_=Integer)


_UNREAD_STATEMENTS: dict[bool, object] = {}


def unread_count(user) -> int:
    """Unread notifications about what the member may still read, as lines of the list
    (alike ones about one discussion once: notification_wording.GROUPED_KINDS), counted in
    the database with visible_to's rule in SQL (one statement, no rows loaded)."""
    moderator = bool(user.is_moderator)
    statement = _UNREAD_STATEMENTS.get(moderator)
    if statement is None:
        viewer = _AnyMember(moderator)
        # one per line of the list (notification_wording.lines): alike ones about one
        # discussion count once (a third fresh tester: « 12 non lues » beside 8 lines)
        grouped = and_(
            Notification.kind.in_(GROUPED_KINDS), Notification.discussion_id.is_not(None)
        )
        unread = (
            select(
                case((grouped, Notification.kind), else_=literal("")).label("kind"),
                case((grouped, Notification.discussion_id), else_=Notification.id).label("key"),
            )
            .where(Notification.user_id == viewer.id, Notification.read_at.is_(None))
            .where(visible_clause(viewer))
            .distinct()
            .limit(UNREAD_CAP)
            .subquery()
        )
        statement = _UNREAD_STATEMENTS[moderator] = select(func.count()).select_from(unread)
    return db.session.scalar(statement, {"viewer_id": user.id})


_LIST_STATEMENTS: dict[tuple[bool, int], object] = {}


def for_user(user, limit: int = 50) -> list[Notification]:
    """The member's latest `limit` notifications about what they may still read: one
    statement, the rule applied in SQL (visible_clause, as the badge counts them) rather
    than by visible_to on each row, which costs a statement per notification about a
    parcours or a structure. The statement is built once per role, as the badge's."""
    key = (bool(user.is_moderator), limit)
    statement = _LIST_STATEMENTS.get(key)
    if statement is None:
        viewer = _AnyMember(key[0])
        statement = _LIST_STATEMENTS[key] = (
            _with_objects(select(Notification))
            .where(Notification.user_id == viewer.id, visible_clause(viewer))
            .order_by(Notification.id.desc())
            .limit(limit)
        )
    return list(db.session.scalars(statement, {"viewer_id": user.id}).unique())


def mark_all_read(user) -> int:
    """« Tout marquer comme lu »: every unread notification of the member. Returns how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount


def own_notification(user, notification_id: int) -> Notification | None:
    """The member's notification with what it is about loaded; None if not theirs."""
    return db.session.scalar(
        _with_objects(select(Notification)).where(
            Notification.id == notification_id, Notification.user_id == user.id
        )
    )


def mark_line_read(n: Notification) -> None:
    """Mark read what opening the list's line of `n` reads: `n`, and when it is of a
    grouped kind (notification_wording.GROUPED_KINDS) every unread one of that kind about
    its discussion, which the line stood for (a third fresh tester opened « 3 réponses… »
    and two stayed new). A read marker, written through `transactions.record_read`."""
    if n.kind not in GROUPED_KINDS or n.discussion_id is None:
        mark_read(n.id)
        return
    db.session.execute(
        update(Notification)
        .where(
            Notification.user_id == n.user_id,
            Notification.kind == n.kind,
            Notification.discussion_id == n.discussion_id,
            Notification.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )


def mark_read(notification_id: int) -> None:
    """Mark one notification read (it was opened), if it was not: a read marker, which a
    GET writes through `transactions.record_read`."""
    db.session.execute(
        update(Notification)
        .where(Notification.id == notification_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )


def mark_shown_read(user_id: int, discussion_id: int, last_post_id: int, shown_at) -> None:
    """Mark read the member's notifications about a thread page they were shown: those
    about the discussion itself or one of its messages up to `last_post_id` (the last
    one the page displayed), made before `shown_at` (when the page was built), as opening
    each of them would have. A moderator's decision (« post_hidden ») stays unread: its
    reason is told by the notification only. A read marker, which a GET writes through
    `transactions.record_read`; one UPDATE."""
    db.session.execute(
        update(Notification)
        .where(
            Notification.user_id == user_id,
            Notification.discussion_id == discussion_id,
            Notification.read_at.is_(None),
            Notification.kind.not_in(MODERATION_KINDS),
            or_(Notification.post_id.is_(None), Notification.post_id <= last_post_id),
            Notification.created_at <= shown_at,
        )
        .values(read_at=utcnow())
    )


def link(n: Notification) -> str:
    """Where the notification leads, within a request: the exact message (#post-<id>) in
    its thread, which for a report is the report's own page; else the discussion or the
    report; a file refused after its upload, the files page it was added from."""
    if n.kind == "attachment_refused":
        if n.report_id is not None:
            return url_for("attachments.report_files", report_id=n.report_id)
        return url_for("attachments.post_files", post_id=n.post_id)
    if n.discussion is not None and n.discussion.report_id:
        return url_for(
            "reports.detail",
            report_id=n.discussion.report_id,
            _anchor=f"post-{n.post_id}" if n.post_id else "discussion",
        )
    if n.discussion_id:
        return url_for(
            "discussions.detail",
            discussion_id=n.discussion_id,
            _anchor=f"post-{n.post_id}" if n.post_id else None,
        )
    if n.calendar_event_id:
        return url_for("calendar.detail", event_id=n.calendar_event_id)
    if n.parcours is not None:
        return url_for("parcours.follow_up", slug=n.parcours.slug)
    if n.structure is not None:  # the requests to decide, or the structure
        if n.kind in (memberships.JOIN_REQUESTED, memberships.REFERENT_NAMED):
            return url_for("structures.members", slug=n.structure.slug)
        return url_for("structures.detail", slug=n.structure.slug)
    return url_for("reports.detail", report_id=n.report_id)


def open_url(n: Notification) -> str:
    """The notification's own address, within a request: opening it marks it read, then
    leads to link(n)."""
    return url_for("notifications.open", notification_id=n.id)


def mail_url(n: Notification) -> str:
    """open_url(n) as an e-mail needs it: absolute, on FORUM_BASE_URL, no request needed."""
    return external_url("notifications.open", notification_id=n.id)


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user: User) -> str:
    """The signed credential of the one-click unsubscribe link."""
    return _serializer().dumps(user.id)


def user_from_unsubscribe_token(token: str) -> User | None:
    """The member a valid unsubscribe token names, else None."""
    try:
        user_id = _serializer().loads(token)
    except BadSignature:
        return None
    return db.session.get(User, user_id) if isinstance(user_id, int) else None


def unsubscribe_url(user: User) -> str:
    """The one-click unsubscribe link of the member's e-mails, absolute on FORUM_BASE_URL."""
    return external_url("notifications.unsubscribe", token=unsubscribe_token(user))


def notify_hidden(post: Post, moderator: User, reason: str) -> int | None:
    """Tell a hidden message's author why (in the app, and by e-mail as they chose); the
    caller commits, then passes the id to send_immediate."""
    if post.author_id is None or post.author_id == moderator.id:
        return None
    n = Notification(
        user_id=post.author_id,
        kind="post_hidden",
        actor_id=moderator.id,
        discussion_id=post.discussion_id,
        post_id=post.id,
        reason=reason,
    )
    db.session.add(n)
    db.session.flush()
    return n.id


def hiding_reasons(user_id: int, post_ids: list[int]) -> dict[int, str]:
    """{post id: the reason this member was told when moderation last hid that message of
    theirs} (notify_hidden), for those of `post_ids` that were told one; one statement."""
    if not post_ids:
        return {}
    rows = db.session.execute(
        select(Notification.post_id, Notification.reason)
        .where(
            Notification.user_id == user_id,
            Notification.kind == "post_hidden",
            Notification.post_id.in_(post_ids),
        )
        .order_by(Notification.id)
    )
    return {post_id: reason for post_id, reason in rows if reason}


def send_immediate(ids: list[int]) -> None:
    """E-mail now those of these notifications whose kind the recipient wants immediately,
    each one only if its recipient may still read what it is about (else it is set aside,
    never sent); those they never want by e-mail are set aside too, the rest wait for a
    digest."""
    if not ids:
        return
    rows = list(
        db.session.scalars(
            _with_objects(select(Notification)).where(
                Notification.id.in_(ids), Notification.emailed_at.is_(None)
            )
        )
    )
    modes = settings.modes_for(n.user_id for n in rows)
    for n in rows:
        if not _claim(n):
            continue  # a digest on some server holds it, or sent it meanwhile
        mode = settings.mode_for(modes[n.user_id], n.kind)
        if mode in settings.DIGEST_MODES:
            continue
        user = db.session.get(User, n.user_id)
        if mode == "immediate" and visible_to(n, user):
            with force_locale(user.locale or "fr"):
                item = mail.mail_item(n, describe(n), mail_url(n))
            mail.send(user, [item], unsubscribe_url(user))
        n.emailed_at = utcnow()  # sent, or set aside: nothing readable, or never by e-mail
        db.session.commit()  # one by one: a failure later must not resend these


def _claim(n: Notification) -> bool:
    """Lock this notification's row until the commit that records its e-mail, if nobody
    holds it and it was not e-mailed meanwhile (FOR UPDATE SKIP LOCKED; SQLite: one
    writer at a time). Whoever claims it sends it: never two e-mails for one notification
    when every server runs the worker and the digest job."""
    claimed = db.session.scalar(
        select(Notification.id)
        .where(Notification.id == n.id, Notification.emailed_at.is_(None))
        .with_for_update(skip_locked=True)
    )
    if claimed is None:
        db.session.refresh(n)
        return False
    return True


def _weekly_due(user: User, now) -> bool:
    last = user.weekly_digest_sent_at
    return last is None or last <= now - WEEK + DIGEST_SLACK


def send_digests(now=None) -> int:
    """One e-mail per member with notifications due in a digest (run once a day): those of
    daily kinds; those of weekly kinds when the last weekly digest is a week old (or there
    was none); immediate ones whose e-mail did not go out. Never-by-e-mail ones and those
    the member can no longer read are set aside. Returns the number of e-mails sent."""
    now = now or utcnow()
    sent = 0
    users = list(
        db.session.scalars(
            select(User).where(
                User.id.in_(
                    select(Notification.user_id).where(
                        Notification.emailed_at.is_(None), Notification.read_at.is_(None)
                    )
                )
            )
        )
    )
    modes = settings.modes_for(u.id for u in users)
    for user in users:
        # One server at a time per member: the member's row is locked until the digest is
        # recorded; a server finding it locked moves on (cron runs this job on every
        # server at once). Notifications an immediate sender holds are left to it.
        mine = db.session.scalar(
            select(User.id).where(User.id == user.id).with_for_update(skip_locked=True)
        )
        if mine is None:
            continue
        db.session.refresh(user)  # digest dates as the last holder committed them
        claimed = db.session.scalars(
            select(Notification.id)
            .where(
                Notification.user_id == user.id,
                Notification.emailed_at.is_(None),
                Notification.read_at.is_(None),
            )
            .order_by(Notification.id)
            .with_for_update(skip_locked=True)
        ).all()
        pending = db.session.scalars(
            _with_objects(select(Notification))
            .where(Notification.id.in_(claimed))
            .order_by(Notification.id)
            .execution_options(populate_existing=True)
        )
        weekly_due = _weekly_due(user, now)
        due, weekly = [], False
        for n in pending:
            mode = settings.mode_for(modes[user.id], n.kind)
            # Checked now, as the e-mail is built: what was removed since is left out.
            if mode == "never" or not visible_to(n, user):
                n.emailed_at = now
            elif mode != "weekly" or weekly_due:
                due.append(n)
                weekly = weekly or mode == "weekly"
        if not due:
            db.session.commit()
            continue
        with force_locale(user.locale or "fr"):
            items = [mail.mail_item(n, describe(n), mail_url(n)) for n in due]
        mail.send(user, items, unsubscribe_url(user), digest=True)
        for n in due:
            n.emailed_at = now
        user.digest_sent_at = now
        if weekly:
            user.weekly_digest_sent_at = now
        db.session.commit()
        sent += 1
    return sent
