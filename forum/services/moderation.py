"""Flags, the moderators' queue and every moderator action, logged (who, what, when)."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Category, Discussion, Flag, ModerationLog, Post, User
from forum.models.base import utcnow
from forum.services import ServiceError


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


def flag_post(post: Post, reporter: User, reason: str) -> Flag:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Indiquez la raison du signalement."), "reason")
    flag = Flag(post_id=post.id, reporter_id=reporter.id, reason=reason[:2000])
    db.session.add(flag)
    db.session.commit()
    return flag


def open_flags() -> list[Flag]:
    return list(
        db.session.scalars(
            select(Flag)
            .where(Flag.resolved_at.is_(None))
            .options(joinedload(Flag.post).joinedload(Post.author), joinedload(Flag.reporter))
            .order_by(Flag.created_at)
        )
    )


def resolve_flag(flag: Flag, moderator: User) -> None:
    flag.resolved_at, flag.resolved_by_id = utcnow(), moderator.id
    log(moderator, "resolve_flag", "post", flag.post_id)
    db.session.commit()


def set_hidden(post: Post, moderator: User, hidden: bool) -> None:
    post.hidden_at = utcnow() if hidden else None
    log(moderator, "hide" if hidden else "unhide", "post", post.id)
    db.session.commit()


def set_locked(discussion: Discussion, moderator: User, locked: bool) -> None:
    discussion.locked = locked
    log(moderator, "lock" if locked else "unlock", "discussion", discussion.id)
    db.session.commit()


def set_pinned(discussion: Discussion, moderator: User, pinned: bool) -> None:
    discussion.pinned = pinned
    log(moderator, "pin" if pinned else "unpin", "discussion", discussion.id)
    db.session.commit()


def move(discussion: Discussion, moderator: User, category: Category) -> None:
    if discussion.is_report_thread:
        raise ServiceError(_("Le fil d'un retour d'expérience reste sous son retour."))
    old = discussion.category.name if discussion.category else ""
    discussion.category = category
    log(moderator, "move", "discussion", discussion.id, f"{old} → {category.name}")
    db.session.commit()


def recent_log(limit: int = 100) -> list[ModerationLog]:
    return list(
        db.session.scalars(
            select(ModerationLog)
            .options(joinedload(ModerationLog.moderator))
            .order_by(ModerationLog.id.desc())
            .limit(limit)
        )
    )
