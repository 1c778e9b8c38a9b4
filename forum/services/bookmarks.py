"""Bookmarks on reports and posts, and per-discussion read markers."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Bookmark, Discussion, Post, ReadMarker


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
        db.session.commit()
        return False
    db.session.add(Bookmark(user_id=user.id, report_id=report_id, post_id=post_id))
    db.session.commit()
    return True


def of_user(user) -> list[Bookmark]:
    """My bookmarks on what I may still read (deleted, hidden or erased things drop out,
    by the same rules as their pages), in one query."""
    from forum.services.discussions import can_view_post
    from forum.services.reports import can_view

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


def mark_read(user, discussion: Discussion, last_post_id: int) -> int:
    """Remember the last post seen; returns the previous mark (0 if never read)."""
    marker = db.session.get(ReadMarker, (user.id, discussion.id))
    previous = marker.last_post_id if marker else 0
    if marker is None:
        db.session.add(
            ReadMarker(user_id=user.id, discussion_id=discussion.id, last_post_id=last_post_id)
        )
    elif last_post_id > marker.last_post_id:
        marker.last_post_id = last_post_id
    db.session.commit()
    return previous


def last_read(user, discussion_ids: list[int]) -> dict[int, int]:
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
