"""Index documents for discussions (title + opening post) and replies (posts)."""

from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from forum.extensions import db
from forum.models import Attachment, Discussion, Post, Report
from forum.search.fields import (
    BATCH,
    attach_file_texts,
    by_slug,
    digest,
    file_texts,
    group_code,
    plain_text,
    spelling_words,
)


def discussion_visible(discussion: Discussion | None) -> bool:
    # A report's thread is not a document of its own: it is searched through its posts.
    return discussion is not None and discussion.is_listed


def opening_posts(discussion_ids: list[int]) -> dict[int, Post]:
    if not discussion_ids:
        return {}
    first = Post.opening_ids(discussion_ids)
    return {p.discussion_id: p for p in db.session.scalars(select(Post).where(Post.id.in_(first)))}


def discussion_document(discussion: Discussion, opening: Post | None = None) -> dict:
    if opening is None:
        opening = opening_posts([discussion.id]).get(discussion.id)
    body = plain_text(opening.body_html) if opening is not None and opening.visible else ""
    doc = {
        "key": f"discussion:{discussion.id}",
        "kind": "discussion",
        "rid": discussion.id,
        "title": discussion.title,
        "tags_text": " ".join(t.label for t in by_slug(discussion.tags)),
        "body": body,
        "module": ",".join(m.slug for m in by_slug(discussion.modules)),
        "tag": ",".join(t.slug for t in by_slug(discussion.tags)),
        "day": discussion.created_at.strftime("%Y%m%d"),
        "group": group_code("discussion", discussion.id),
    }
    doc["spell"] = spelling_words(doc["title"], doc["tags_text"], doc["body"])
    doc["digest"] = digest(doc)
    return doc


def _load_discussions(query):
    return query.options(selectinload(Discussion.tags), selectinload(Discussion.modules))


def discussions_by_id(ids: Iterable[int]) -> dict[int, Discussion]:
    ids = list(ids)
    return {
        d.id: d
        for d in db.session.scalars(
            _load_discussions(select(Discussion).where(Discussion.id.in_(ids)))
        )
    }


def all_visible_discussions() -> Iterator[Discussion]:
    last = 0
    while True:
        batch = list(
            db.session.scalars(
                _load_discussions(
                    select(Discussion)
                    .where(Discussion.id > last, Discussion.is_listed)
                    .order_by(Discussion.id)
                    .limit(BATCH)
                )
            )
        )
        if not batch:
            return
        yield from batch
        last = batch[-1].id


def post_visible(post: Post | None) -> bool:
    """A reply is searchable if it and its thread are visible to everyone (not the opening
    post, which its discussion's document already carries)."""
    if post is None or not post.visible:
        return False
    discussion = post.discussion
    if discussion.deleted_at is not None:
        return False
    if discussion.report_id is not None:
        report = db.session.get(Report, discussion.report_id)
        return report is not None and report.is_published
    is_opening = getattr(post, "_is_opening", None)
    if is_opening is None:
        opening = opening_posts([discussion.id]).get(discussion.id)
        is_opening = opening is not None and opening.id == post.id
    return not is_opening


def _mark_openings(posts: list[Post]) -> list[Post]:
    """Flag opening posts for a whole batch in one query (post_visible needs it)."""
    discussion_ids = list({p.discussion_id for p in posts})
    first = set(db.session.scalars(Post.opening_ids(discussion_ids))) if discussion_ids else set()
    for post in posts:
        post._is_opening = post.id in first
    return posts


def post_document(post: Post) -> dict:
    discussion = post.discussion
    doc = {
        "key": f"post:{post.id}",
        "kind": "post",
        "rid": post.id,
        "title": discussion.title,
        "tags_text": " ".join(t.label for t in by_slug(discussion.tags)),
        "body": plain_text(post.body_html),
        "files": file_texts(post),
        "module": ",".join(m.slug for m in by_slug(discussion.modules)),
        "tag": ",".join(t.slug for t in by_slug(discussion.tags)),
        "day": post.created_at.strftime("%Y%m%d"),
        # Shown under its discussion, or under the report whose thread it is in.
        "group": group_code(*_thread_head(discussion)),
    }
    doc["spell"] = spelling_words(doc["body"])
    doc["digest"] = digest(doc)
    return doc


def _thread_head(discussion: Discussion) -> tuple[str, int]:
    if discussion.report_id is not None:
        return "report", discussion.report_id
    return "discussion", discussion.id


def _load_posts(query):
    return query.options(
        joinedload(Post.discussion).selectinload(Discussion.tags),
        joinedload(Post.discussion).selectinload(Discussion.modules),
    )


def posts_by_id(ids: Iterable[int]) -> dict[int, Post]:
    ids = list(ids)
    posts = list(db.session.scalars(_load_posts(select(Post).where(Post.id.in_(ids)))).unique())
    return {p.id: p for p in attach_file_texts(posts, Attachment.post_id)}


def all_visible_posts() -> Iterator[Post]:
    last = 0
    while True:
        batch = list(
            db.session.scalars(
                _load_posts(
                    select(Post).where(Post.id > last, Post.visible).order_by(Post.id).limit(BATCH)
                )
            ).unique()
        )
        if not batch:
            return
        for post in attach_file_texts(_mark_openings(batch), Attachment.post_id):
            if post_visible(post):
                yield post
        last = batch[-1].id
