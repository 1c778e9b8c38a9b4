"""Discussions and posts: start, reply, quote, edit, delete, accept an answer; the thread tree."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased, joinedload, selectinload

from forum import limits
from forum.extensions import db
from forum.markup import render_markdown
from forum.models import (
    Category,
    ChallengeTag,
    Discussion,
    KitModule,
    Post,
    PostRevision,
    Report,
    User,
)
from forum.models.base import utcnow
from forum.pagination import Page, require_page
from forum.services import events, watches
from forum.services.brakes import check_new_account
from forum.services.errors import Invalid, Locked
from forum.services.moderation import log
from forum.services.reports import can_view, visible_clause
from forum.services.structures import unique_slug
from forum.urls import site_path

MAX_DEPTH = 4  # deeper replies are shown at this depth, "en réponse à …"
MENTION = re.compile(r"(?<![\w@])@([a-z0-9][a-z0-9-]{1,79})")
# In rendered HTML: not inside an address or attribute (no word char, / or " before it).
MENTION_IN_HTML = re.compile(r"(?<![\w@/\"=.])@([A-Za-z0-9][A-Za-z0-9-]{1,79})(?![\w-])")


def check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise Invalid("body", _("Le message est vide."))
    if len(body.encode()) > limits.POST_BODY_MAX_BYTES:
        raise Invalid("body", _("Le message dépasse 100 Ko."))
    return body


def render_post(body: str) -> str:
    """Markdown, sanitised, with @handles of existing members linked to their profiles
    (site paths on FORUM_BASE_URL: the same stored HTML wherever it was written from)."""
    html = str(render_markdown(body))
    users = {u.handle: u.id for u in mentioned_users(body)}
    if not users:
        return html

    profile = {uid: site_path("users.profile", user_id=uid) for uid in users.values()}

    def link(match: re.Match) -> str:
        user_id = users.get(match.group(1).lower())
        if user_id is None:
            return match.group(0)
        return f'<a class="mention" href="{profile[user_id]}">@{match.group(1)}</a>'

    return MENTION_IN_HTML.sub(link, html)


def _new_post(discussion: Discussion, author: User, body: str, parent: Post | None = None) -> Post:
    post = Post(
        discussion=discussion,
        author=author,
        parent_id=parent.id if parent else None,
        body_md=body,
        body_html=render_post(body),
    )
    db.session.add(post)
    discussion.post_count = (discussion.post_count or 0) + 1
    discussion.last_post_at = utcnow()
    return post


def mentioned_users(body: str, exclude: int | None = None) -> list[User]:
    handles = set(MENTION.findall(body.lower()))
    if not handles:
        return []
    users = db.session.scalars(select(User).where(User.handle.in_(handles)))
    return [u for u in users if u.id != exclude]


REPORT_URL = re.compile(r"\S*/reports/(\d+)\S*")
REPORT_NUMBER = re.compile(r"(?<![\w.:/])(\d+)(?![\w.:/])")


def parse_report_links(text: str) -> list[Report]:
    """'12, https://…/reports/40' -> the published reports 12 and 40 (unknown ones refused).
    In an address only the report number counts (not the host's digits or port). Raises
    Invalid("reports", …) naming the entries (between commas, semicolons or line breaks)
    in which neither a number nor a report's address was found, or the unknown reports."""
    text = text or ""
    entries = [e.strip() for e in re.split(r"[,;\n]+", text) if e.strip()]
    unclear = [e for e in entries if not REPORT_URL.search(e) and not REPORT_NUMBER.search(e)]
    if unclear:
        raise Invalid(
            "reports",
            ngettext(
                "Entrée non comprise : %(entries)s. Indiquez le numéro d'un retour (par "
                "exemple 12) ou son adresse, séparés par des virgules.",
                "Entrées non comprises : %(entries)s. Indiquez le numéro d'un retour (par "
                "exemple 12) ou son adresse, séparés par des virgules.",
                len(unclear),
                entries=", ".join(f"«\u00a0{e[:60]}\u00a0»" for e in unclear[:5]),
            ),
        )
    linked = REPORT_URL.findall(text)
    bare = REPORT_NUMBER.findall(REPORT_URL.sub(" ", text))
    ids = [int(n) for n in linked + bare][:10]
    # Ids fit a 32-bit column: a larger number is simply unknown (SQLite cannot even bind it).
    valid = [n for n in ids if 0 < n < 2**31]
    found = {r.id: r for r in db.session.scalars(select(Report).where(Report.id.in_(valid)))}
    missing = [n for n in ids if n not in found or not found[n].is_published]
    if missing:
        raise Invalid(
            "reports",
            _("Retour d'expérience introuvable : %(ids)s.", ids=", ".join(map(str, missing))),
        )
    return [found[n] for n in dict.fromkeys(ids)]


def create_discussion(
    author: User,
    title: str,
    body: str,
    category: Category,
    tags: list[ChallengeTag] = (),
    modules: list[KitModule] = (),
    reports: list[Report] = (),
) -> Discussion:
    """Start a discussion with its opening post; the author watches it from then on."""
    body = check_body(body)
    title = " ".join((title or "").split())
    if not limits.TITLE_MIN <= len(title) <= limits.TITLE_MAX:
        raise Invalid("title", _("Le titre doit compter de 3 à 200 caractères."))
    check_new_account(author)
    discussion = Discussion(
        title=title,
        category=category,
        author=author,
        tags=list(tags),
        modules=list(modules),
        linked_reports=list(reports),
    )
    db.session.add(discussion)
    post = _new_post(discussion, author, body)
    db.session.flush()
    watches.watch(author, "discussion", discussion.id)
    events.record("discussion_created", discussion.id, author.id)
    events.record("post_created", post.id, author.id)
    db.session.flush()
    return discussion


def thread_of(report: Report) -> Discussion:
    """The report's thread for display: the stored one, or an unsaved empty one (the thread
    is created with its first reply, by report_thread)."""
    existing = db.session.scalar(select(Discussion).where(Discussion.report_id == report.id))
    return existing or Discussion(id=None, report_id=report.id, title=report.title)


def report_thread(report: Report) -> Discussion:
    """The thread under a report, created on its first reply. Two first replies at the same
    moment: the second finds the report's thread taken (unique key), rolls back its empty
    transaction (this runs before anything else is written) and uses the first one's."""
    thread = db.session.scalar(select(Discussion).where(Discussion.report_id == report.id))
    if thread is None:
        report_id, author_id, title = report.id, report.author_id, report.title
        thread = Discussion(title=title, report_id=report_id, author_id=author_id, post_count=0)
        db.session.add(thread)
        try:
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            return db.session.scalars(
                select(Discussion).where(Discussion.report_id == report_id)
            ).one()
        if author_id:
            watches.watch_id(author_id, "discussion", thread.id)
    return thread


def check_open(discussion: Discussion) -> None:
    """Raise Locked when a moderator locked the discussion: nobody replies any more."""
    if discussion.locked:
        raise Locked(_("Cette discussion est verrouillée : on ne peut plus y répondre."))


def reply(discussion: Discussion, author: User, body: str, parent_id: int | None = None) -> Post:
    """Reply to the discussion or to one of its posts; the author then watches it. Raises
    Locked, Invalid("body" | "parent_id") or RateLimited; nothing is written then."""
    check_open(discussion)
    body = check_body(body)
    parent = None
    if parent_id is not None:
        parent = db.session.get(Post, parent_id)
        if parent is None or parent.discussion_id != discussion.id:
            raise Invalid(
                "parent_id",
                _("Le message auquel vous répondez n'appartient pas à cette discussion."),
            )
        if not parent.visible:  # deleted or hidden since the form was opened
            raise Invalid(
                "parent_id",
                _(
                    "Le message auquel vous répondez a été supprimé ou masqué entre-temps : "
                    "votre réponse n'est pas publiée."
                ),
            )
    check_new_account(author)
    post = _new_post(discussion, author, body, parent)
    db.session.flush()
    watches.watch(author, "discussion", discussion.id)
    events.record("post_created", post.id, author.id)
    db.session.flush()
    return post


def _is_moderator(viewer) -> bool:
    return bool(viewer is not None and viewer.is_authenticated and viewer.is_moderator)


def can_view_discussion(discussion: Discussion | None, viewer) -> bool:
    """The one rule for reading a discussion: not deleted and, for a report's thread, its
    report readable by this viewer. Categories restrict no one today; a category rule
    belongs here, so that every route and every notification applies it."""
    if discussion is None or discussion.deleted_at is not None:
        return False
    if discussion.report_id is not None:
        return discussion.report is not None and can_view(discussion.report, viewer)
    return True


def discussion_visible_clause(viewer, discussion_id):
    """`can_view_discussion` as an SQL condition on the discussion whose id is the column
    (or value) `discussion_id`: EXISTS over the discussion and, for a report's thread, its
    report under `reports.visible_clause`."""
    report = aliased(Report)
    return exists(
        select(Discussion.id)
        .outerjoin(report, report.id == Discussion.report_id)
        .where(
            Discussion.id == discussion_id,
            Discussion.deleted_at.is_(None),
            or_(Discussion.report_id.is_(None), visible_clause(viewer, report)),
        )
    )


def post_visible_clause(viewer, post_id):
    """`can_view_post` as an SQL condition on the post whose id is `post_id`."""
    post = aliased(Post)
    conditions = [post.id == post_id, post.deleted_at.is_(None)]
    if not _is_moderator(viewer):
        conditions.append(post.hidden_at.is_(None))
    conditions.append(discussion_visible_clause(viewer, post.discussion_id))
    return exists(select(post.id).where(*conditions))


def can_view_post(post: Post | None, viewer) -> bool:
    """The one rule for reading a message, as its thread shows it: never once deleted,
    hidden ones for moderators only, and only in a discussion the viewer can read."""
    if post is None or post.deleted_at is not None:
        return False
    if post.hidden_at is not None and not _is_moderator(viewer):
        return False
    return can_view_discussion(post.discussion, viewer)


def can_edit(post: Post, user) -> bool:
    """Edit or delete a message: its author (not once moderation hid it), or a moderator."""
    if not user or not user.is_authenticated or not user.can_post or post.deleted_at:
        return False
    if user.is_moderator:
        return True
    return user.id == post.author_id and post.hidden_at is None


def is_own_hidden(post: Post | None, viewer) -> bool:
    """Whether `post` is the viewer's own message, hidden by moderation (not deleted), in a
    discussion they can read: its author still reads it, marked hidden (everyone else sees
    a notice), but may neither edit nor delete it. Moderators read it anyway
    (`can_view_post`)."""
    if post is None or post.deleted_at is not None or post.hidden_at is None:
        return False
    if viewer is None or not viewer.is_authenticated or viewer.id != post.author_id:
        return False
    return can_view_discussion(post.discussion, viewer)


def edit_post(post: Post, editor: User, body: str) -> None:
    """Every edit keeps the previous text as a revision."""
    body = check_body(body)
    db.session.add(PostRevision(post_id=post.id, editor_id=editor.id, body_md=post.body_md))
    post.body_md = body
    post.body_html = render_post(body)
    post.edited_at = utcnow()
    db.session.flush()


def delete_post(post: Post, by: User | None = None) -> None:
    """Soft delete: the tree keeps its shape and shows "message supprimé". A moderator
    deleting someone else's message is logged."""
    post.deleted_at = utcnow()
    if by is not None and by.id != post.author_id:
        log(by, "delete_post", "post", post.id)
    db.session.flush()


def accept_answer(discussion: Discussion, post: Post) -> None:
    if post.discussion_id != discussion.id or post.id == first_post_id(discussion):
        raise Invalid("post_id", _("Seule une réponse de cette discussion peut être acceptée."))
    discussion.accepted_post_id = post.id
    events.record("answer_accepted", post.id, discussion.author_id)
    db.session.flush()


def first_post_id(discussion: Discussion, posts: list[Post] | None = None) -> int | None:
    """The id of the discussion's opening post (its first, see Post.opening_ids); None for a
    report's thread (the report opens it) or an empty one. With the thread's `posts` already
    loaded it asks nothing of the database."""
    if discussion.is_report_thread:
        return None
    if posts is not None:
        return min((p.id for p in posts), default=None)
    return db.session.scalar(Post.opening_ids([discussion.id]))


@dataclass
class ThreadItem:
    post: Post
    depth: int
    parent: Post | None  # set when the reply is shown flattened at MAX_DEPTH


def thread(discussion: Discussion) -> list[ThreadItem]:
    """All posts as a tree in reading order, in one query whatever the size or depth."""
    posts = list(
        db.session.scalars(
            select(Post)
            .where(Post.discussion_id == discussion.id)
            .options(joinedload(Post.author))
            .order_by(Post.id)
        )
    )
    by_id = {p.id: p for p in posts}
    children: dict[int | None, list[Post]] = {}
    for post in posts:
        parent = post.parent_id if post.parent_id in by_id else None
        children.setdefault(parent, []).append(post)
    items: list[ThreadItem] = []
    stack = [(p, 0) for p in reversed(children.get(None, []))]
    while stack:  # iterative: a 1,000-deep chain must not hit Python's recursion limit
        post, depth = stack.pop()
        flattened = depth > MAX_DEPTH
        items.append(
            ThreadItem(
                post, min(depth, MAX_DEPTH), by_id.get(post.parent_id) if flattened else None
            )
        )
        stack.extend((child, depth + 1) for child in reversed(children.get(post.id, [])))
    return items


def get_discussion(discussion_id: int) -> Discussion | None:
    return db.session.get(
        Discussion,
        discussion_id,
        options=[
            joinedload(Discussion.category),
            joinedload(Discussion.author),
            joinedload(Discussion.report),
            selectinload(Discussion.tags),
            selectinload(Discussion.modules),
            selectinload(Discussion.linked_reports),
        ],
    )


def list_discussions(category: str = "", tag: str = "", page: int = 1, per_page: int = 20):
    """Open discussions, pinned first then by latest activity; PastLastPage beyond the end."""
    query = select(Discussion).where(Discussion.is_listed)
    if category:
        query = query.where(
            Discussion.category_id
            == select(Category.id).where(Category.slug == category).scalar_subquery()
        )
    if tag:
        query = query.where(Discussion.tags.any(ChallengeTag.slug == tag))
    total = db.session.scalar(
        select(func.count()).select_from(query.with_only_columns(Discussion.id).subquery())
    )
    require_page(page, total, per_page)
    items = list(
        db.session.scalars(
            query.options(
                joinedload(Discussion.category),
                joinedload(Discussion.author),
                selectinload(Discussion.tags),
            )
            .order_by(Discussion.pinned.desc(), Discussion.last_post_at.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    return Page(items=items, total=total, page=page, per_page=per_page)


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position, Category.name)))


def feed_items(tag: ChallengeTag, limit: int = 30) -> list[tuple[Discussion, str]]:
    """A tag's latest open discussions with their opening post's HTML, for its Atom feed."""
    found = list(
        db.session.scalars(
            select(Discussion)
            .where(Discussion.is_listed, Discussion.tags.any(ChallengeTag.id == tag.id))
            .options(joinedload(Discussion.author), selectinload(Discussion.tags))
            .order_by(Discussion.created_at.desc())
            .limit(limit)
        )
    )
    first = Post.opening_ids([d.id for d in found])
    opening = {
        p.discussion_id: p for p in db.session.scalars(select(Post).where(Post.id.in_(first)))
    }
    return [
        (d, opening[d.id].body_html if d.id in opening and opening[d.id].visible else "")
        for d in found
    ]


def save_category(category: Category | None, name: str, description: str) -> Category:
    """Admins create (category=None, placed last) or edit a discussion category."""
    name = " ".join((name or "").split())
    if not name:
        raise Invalid("name", _("Indiquez le nom."))
    if category is None:
        position = (db.session.scalar(select(func.max(Category.position))) or 0) + 1
        category = Category(slug=unique_slug(Category, name), position=position)
        db.session.add(category)
    category.name = name
    category.description = (description or "").strip()
    db.session.flush()
    return category
