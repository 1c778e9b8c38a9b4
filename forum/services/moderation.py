"""Flags, the moderators' queue and every moderator action, logged (who, what, when)."""

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import limits
from forum.extensions import db
from forum.models import Category, Discussion, Flag, ModerationLog, Post, Report, Structure, User
from forum.models.base import utcnow
from forum.services import brakes, events
from forum.services.errors import Invalid


def log(moderator: User, action: str, target_type: str, target_id: int, detail: str = "") -> None:
    db.session.add(
        ModerationLog(
            moderator_id=moderator.id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            detail=detail,
        )
    )


def _flag(reporter: User, reason: str, author_id: int | None, **target) -> Flag:
    """A flag of the one `target` (post_id= or report_id=), or the member's pending flag of
    it (one card in the queue, not two). Raises Invalid for an empty reason or the member's
    own text (editing or deleting it is theirs to do), RateLimited past
    brakes.FLAGS_PER_HOUR."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid("reason", _("Indiquez la raison du signalement."))
    if author_id is not None and author_id == reporter.id:
        raise Invalid(
            "reason",
            _("C’est votre propre texte : modifiez-le ou supprimez-le plutôt que le signaler."),
        )
    ((column, value),) = target.items()
    pending = db.session.scalar(
        select(Flag).where(
            getattr(Flag, column) == value,
            Flag.reporter_id == reporter.id,
            Flag.resolved_at.is_(None),
        )
    )
    if pending is not None:  # already in the queue from this member: one card, not two
        if reason not in pending.reason:  # a second reason is kept, not lost (a tester)
            pending.reason = f"{pending.reason}\n\n{reason}"[: limits.REASON_MAX]
        return pending
    brakes.check_flags(reporter)
    flag = Flag(reporter_id=reporter.id, reason=reason[: limits.REASON_MAX], **target)
    db.session.add(flag)
    db.session.flush()
    return flag


def flag_post(post: Post, reporter: User, reason: str) -> Flag:
    """A member reports a message to the moderators, with a reason."""
    return _flag(reporter, reason, post.author_id, post_id=post.id)


def flag_report(report: Report, reporter: User, reason: str) -> Flag:
    """A member reports a report (retour d'expérience) to the moderators: same queue."""
    return _flag(reporter, reason, report.author_id, report_id=report.id)


def open_flags() -> list[Flag]:
    """Flags waiting for a decision, oldest first, with their message or report and its
    author, in one query."""
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.resolved_at.is_(None))
            .options(
                joinedload(Flag.post).joinedload(Post.author),
                joinedload(Flag.post).joinedload(Post.discussion),
                joinedload(Flag.report).joinedload(Report.author),
                joinedload(Flag.reporter),
            )
            .order_by(Flag.created_at)
        )
    )


def resolve_flag(flag: Flag, moderator: User) -> bool:
    """Mark a flag handled; False (and nothing logged) when it already was."""
    if flag.resolved_at is not None:
        return False
    flag.resolved_at, flag.resolved_by_id = utcnow(), moderator.id
    if flag.report_id is not None:
        log(moderator, "resolve_flag", "report", flag.report_id)
    else:
        log(moderator, "resolve_flag", "post", flag.post_id)
    db.session.flush()
    return True


def set_hidden(post: Post, moderator: User, hidden: bool, reason: str = "") -> bool:
    """Hide a message (with a reason, told to its author; its open flags are then handled)
    or show it again (its author is told too: event « post_shown »). False, and nothing
    done, when it already was so."""
    # cycle: notifications -> discussions, reports (visibility) -> moderation (log)
    from forum.services import notifications

    reason = " ".join((reason or "").split())[: limits.REASON_MAX]
    if hidden == (post.hidden_at is not None):
        return False  # already so (a double click, two tabs): nothing to log, nobody to tell
    if hidden and not reason:
        raise Invalid("reason", _("Indiquez le motif : il sera communiqué à l'auteur."))
    notified = None
    if hidden:
        post.hidden_at = utcnow()
        now = utcnow()
        for flag in db.session.scalars(
            select(Flag).where(Flag.post_id == post.id, Flag.resolved_at.is_(None))
        ):
            flag.resolved_at, flag.resolved_by_id = now, moderator.id
        notified = notifications.notify_hidden(post, moderator, reason)
    else:
        post.hidden_at = None
        events.record("post_shown", post.id, moderator.id)
    log(moderator, "hide" if hidden else "unhide", "post", post.id, reason if hidden else "")
    db.session.flush()
    if notified is not None:
        notifications.send_immediate([notified])
    return True


def set_locked(discussion: Discussion, moderator: User, locked: bool) -> bool:
    """Lock (no more replies) or unlock; False, and nothing logged, when it already was so."""
    if bool(discussion.locked) == locked:
        return False
    discussion.locked = locked
    log(moderator, "lock" if locked else "unlock", "discussion", discussion.id)
    db.session.flush()
    return True


def set_pinned(discussion: Discussion, moderator: User, pinned: bool) -> bool:
    """Pin to the top of the list or unpin; False, and nothing logged, when it already
    was so."""
    if bool(discussion.pinned) == pinned:
        return False
    discussion.pinned = pinned
    log(moderator, "pin" if pinned else "unpin", "discussion", discussion.id)
    db.session.flush()
    return True


def move(discussion: Discussion, moderator: User, category: Category) -> bool:
    """Move a discussion to another category; False, and nothing logged, when it already
    is there. Raises Invalid for a report's thread (it stays under its report)."""
    if discussion.is_report_thread:
        raise Invalid("category", _("Le fil d'un retour d'expérience reste sous son retour."))
    if discussion.category_id == category.id:
        return False
    old = discussion.category.name if discussion.category else ""
    discussion.category = category
    log(moderator, "move", "discussion", discussion.id, f"{old} → {category.name}")
    db.session.flush()
    return True


def recent_log(limit: int = 100) -> list[ModerationLog]:
    return list(
        db.session.scalars(
            select(ModerationLog)
            .options(joinedload(ModerationLog.moderator))
            .order_by(ModerationLog.id.desc())
            .limit(limit)
        )
    )


@dataclass
class LogLine:
    """One moderator action as the log page says it: in words, with names and links."""

    entry: ModerationLog
    action: str
    target: str
    url: str | None


def action_label(action: str) -> str:
    """What a logged action code means, in the reader's language."""
    return {
        "hide": _("Message masqué"),
        "unhide": _("Message rendu visible"),
        "resolve_flag": _("Signalement traité"),
        "lock": _("Discussion verrouillée"),
        "unlock": _("Discussion déverrouillée"),
        "pin": _("Discussion épinglée"),
        "unpin": _("Discussion désépinglée"),
        "move": _("Discussion déplacée"),
        "delete_report": _("Retour d'expérience supprimé"),
        "restore_report": _("Retour d'expérience restauré"),
        "delete_post": _("Message supprimé"),
        "set_role": _("Rôle modifié"),
        "suspend": _("Compte suspendu"),
        "reinstate": _("Compte rétabli"),
        "validate_structure": _("Structure validée"),
        "merge_structure": _("Structure fusionnée"),
        "set_referent": _("Référent·e désigné·e"),
        "delete_attachment": _("Fichier joint supprimé"),
    }.get(action, action)


def describe_log(entries: list[ModerationLog]) -> list[LogLine]:
    """The log in words: each target named (author, title) and linked, in at most four
    queries whatever the number of entries
    (one per kind of target)."""

    def by_id(model, kind, *options) -> dict:
        wanted = {e.target_id for e in entries if e.target_type == kind}
        if not wanted:
            return {}
        query = select(model).where(model.id.in_(wanted)).options(*options)
        return {row.id: row for row in db.session.scalars(query)}

    posts = by_id(Post, "post", joinedload(Post.author), joinedload(Post.discussion))
    discussions = by_id(Discussion, "discussion")
    reports = by_id(Report, "report")
    users = by_id(User, "user")
    structures = by_id(Structure, "structure")
    lines = []
    for e in entries:
        target, url = _("élément supprimé depuis"), None
        if e.target_type == "post" and e.target_id in posts:
            post = posts[e.target_id]
            target = _(
                "message de %(author)s dans « %(title)s »",
                author=post.author.display_name if post.author else _("ancien membre"),
                title=post.discussion.title,
            )
            url = _thread_url(post.discussion) + f"#post-{post.id}"
        elif e.target_type == "discussion" and e.target_id in discussions:
            discussion = discussions[e.target_id]
            target = _("discussion « %(title)s »", title=discussion.title)
            url = _thread_url(discussion)
        elif e.target_type == "report" and e.target_id in reports:
            target = _("retour d'expérience « %(title)s »", title=reports[e.target_id].title)
            url = url_for("reports.detail", report_id=e.target_id)
        elif e.target_type == "user" and e.target_id in users:
            target = _("compte de %(name)s", name=users[e.target_id].display_name)
            url = url_for("users.profile", user_id=e.target_id)
        elif e.target_type == "structure" and e.target_id in structures:
            target = _("structure « %(name)s »", name=structures[e.target_id].name)
            url = url_for("structures.detail", slug=structures[e.target_id].slug)
        lines.append(LogLine(e, action_label(e.action), target, url))
    return lines


def _thread_url(discussion: Discussion) -> str:
    if discussion.is_report_thread:
        return url_for("reports.detail", report_id=discussion.report_id)
    return url_for("discussions.detail", discussion_id=discussion.id)
