"""Bookmarks on reports and posts, and per-discussion read markers."""

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import aliased, joinedload

from forum.extensions import db
from forum.models import Bookmark, Discussion, Post, ReadMarker
from forum.services.discussions import can_view_post
from forum.services.reports import can_view


def toggle(user, report_id: int | None = None, post_id: int | None = None) -> bool:
    """Add or remove a bookmark; returns True when it now exists."""
    existing = db.session.scalar(
        select(Bookmark).where(
            Bookmark.user_id == user.id,
            Bookmark.report_id == report_id if report_id else Bookmark.post_id == post_id,
        )
    )
    if existing:
        db.session.delete(existing)
        db.session.flush()
        return False
    db.session.add(Bookmark(user_id=user.id, report_id=report_id, post_id=post_id))
    db.session.flush()
    return True


def of_user(user) -> list[Bookmark]:
    """My bookmarks on what I may still read (deleted, hidden or erased things drop out,
    by the same rules as their pages), in one query."""
    rows = db.session.scalars(
        select(Bookmark)
        .where(Bookmark.user_id == user.id)
        .options(
            joinedload(Bookmark.report),
            joinedload(Bookmark.post).joinedload(Post.discussion).joinedload(Discussion.report),
        )
        .order_by(Bookmark.created_at.desc())
    ).unique()
    return [
        b
        for b in rows
        if (b.report is not None and can_view(b.report, user))
        or (b.post is not None and can_view_post(b.post, user))
    ]


def bookmarked_ids(user) -> tuple[set[int], set[int]]:
    """(report ids, post ids) this member bookmarked, in one query."""
    if not user or not user.is_authenticated:
        return set(), set()
    rows = db.session.execute(
        select(Bookmark.report_id, Bookmark.post_id).where(Bookmark.user_id == user.id)
    ).all()
    return {r for r, _ in rows if r}, {p for _, p in rows if p}


def mark_read(user_id: int, discussion_id: int, last_post_id: int, seen: int) -> None:
    """Move the member's read marker of a discussion forward from `seen` (the id of the
    last post they saw, as `last_read` gave it; 0 when they never opened it) to
    `last_post_id`, never back: one INSERT or UPDATE, nothing when already there. A read
    marker: a GET calls it through `transactions.record_read`."""
    if seen == 0:
        db.session.add(
            ReadMarker(user_id=user_id, discussion_id=discussion_id, last_post_id=last_post_id)
        )
        db.session.flush()
    elif last_post_id > seen:
        db.session.execute(
            update(ReadMarker)
            .where(
                ReadMarker.user_id == user_id,
                ReadMarker.discussion_id == discussion_id,
                ReadMarker.last_post_id < last_post_id,
            )
            .values(last_post_id=last_post_id)
        )


def read_own_post(user_id: int, discussion_id: int, post_id: int) -> None:
    """After the member's reply `post_id`: move their read marker onto it when no message
    by others came after the marker, so their own reply is not « non lu » for them; one
    conditional UPDATE, never back, nothing without a marker. A message by others they
    have not seen keeps the marker where it is (it stays new for them)."""
    others = aliased(Post)
    unseen = exists(
        select(others.id).where(
            others.discussion_id == discussion_id,
            others.id > ReadMarker.last_post_id,
            others.id < post_id,
            or_(others.author_id.is_(None), others.author_id != user_id),
        )
    )
    db.session.execute(
        update(ReadMarker)
        .where(
            ReadMarker.user_id == user_id,
            ReadMarker.discussion_id == discussion_id,
            ReadMarker.last_post_id < post_id,
            ~unseen,
        )
        .values(last_post_id=post_id)
    )


def last_read(user, discussion_ids: list[int]) -> dict[int, int]:
    """{discussion id: id of the last post the member saw} for those they opened."""
    if not user or not user.is_authenticated or not discussion_ids:
        return {}
    rows = db.session.execute(
        select(ReadMarker.discussion_id, ReadMarker.last_post_id).where(
            ReadMarker.user_id == user.id, ReadMarker.discussion_id.in_(discussion_ids)
        )
    )
    return dict(rows.all())


def read_marker(user, discussion_id: int) -> ReadMarker | None:
    """This member's read marker of a discussion, without writing. Keep a reference to it
    until `mark_read`: the session then still holds it, and mark_read reads nothing again
    (the identity map only keeps objects something refers to)."""
    if not user or not user.is_authenticated:
        return None
    return db.session.get(ReadMarker, (user.id, discussion_id))
