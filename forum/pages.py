"""Parts of pages that several blueprints render: a discussion's thread (on its own page
and under a report) and the contact form (of a structure and of a member).

Web layer, like forum/views/: uses the request, forms and services. Views import it so
that no view imports another; nothing below the views does.
"""

from dataclasses import dataclass
from functools import partial

from flask import flash, g, get_template_attribute, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import cache, once
from forum.errors import retry_headers
from forum.extensions import db
from forum.forms.discussions import ReplyForm
from forum.forms.structures import ContactForm
from forum.i18n import current_locale
from forum.media import safe_filename
from forum.models import Post
from forum.models.base import utcnow
from forum.services import (
    Invalid,
    ServiceError,
    attachments,
    bookmarks,
    contact,
    discussions,
    notifications,
)
from forum.transactions import record_read


def thread_url(discussion) -> str:
    """Where a thread is read: its report's page, or its discussion's page."""
    if discussion.is_report_thread:
        return url_for("reports.detail", report_id=discussion.report_id)
    return url_for("discussions.detail", discussion_id=discussion.id)


@dataclass(frozen=True)
class ThreadRow:
    """One post of a thread as every reader with the same view sees it: plain data and its
    rendered markup (« in reply to », author, date, body or removal notice)."""

    id: int
    author_id: int | None
    depth: int
    deleted: bool
    hidden: bool
    html: Markup


@dataclass(frozen=True)
class ThreadView:
    """A thread's rows in reading order, the accepted answer (its id and markup, if it is
    visible), the opening post's id, the URL its permalinks use."""

    rows: tuple[ThreadRow, ...]
    thread_url: str
    accepted_post_id: int | None
    accepted: int | None
    accepted_html: Markup
    first_post_id: int | None

    @property
    def latest_post_id(self) -> int | None:
        return max((row.id for row in self.rows), default=None)

    def __len__(self) -> int:
        return len(self.rows)


def thread_view(discussion, is_moderator: bool) -> ThreadView:
    """The thread's rows, rendered once per content stamp, language and view (moderators
    also see hidden messages) in each process: a 100-message thread is then neither loaded
    through the ORM nor rendered post by post at each request. The stamp rises with every
    reply, edit, deletion, hiding and rename, on any process (forum/cache.py)."""
    url = thread_url(discussion)

    def compute() -> ThreadView:
        items = discussions.thread(discussion) if discussion.id else []
        parts = get_template_attribute("_macros/posts.html", "post_parts")
        files = attachments.of_posts(i.post.id for i in items)  # one statement
        rows = tuple(
            ThreadRow(
                post.id,
                post.author_id,
                item.depth,
                post.deleted_at is not None,
                post.hidden_at is not None,
                Markup(
                    parts(
                        post,
                        item.parent,
                        url,
                        is_moderator,
                        True,
                        files.get(post.id, []),
                        attachments.human_size,
                    )
                ),  # fmt: skip
            )
            for item in items
            for post in (item.post,)
        )
        accepted = next(
            (i.post for i in items if i.post.id == discussion.accepted_post_id and i.post.visible),
            None,
        )
        return ThreadView(
            rows=rows,
            thread_url=url,
            accepted_post_id=discussion.accepted_post_id,
            accepted=accepted.id if accepted else None,
            accepted_html=Markup(
                parts(accepted, None, url, is_moderator, False) if accepted else ""
            ),
            first_post_id=discussions.first_post_id(discussion, [i.post for i in items]),
        )

    if not discussion.id:
        return compute()
    return cache.memo("discussions.thread", compute, discussion.id, is_moderator, current_locale())


def _post_url(endpoint: str, **values) -> tuple[str, str]:
    """An action URL of a post split around its id: (« /posts/ », « /edit »), escaped."""
    head, _sep, tail = str(escape(url_for(endpoint, post_id=0, **values))).rpartition("/0")
    return head + "/", tail


def own_hidden_rows(view: ThreadView, user) -> dict[int, Markup]:
    """{post id: markup} of the member's own messages hidden by moderation in this thread
    (moderators read every row anyway): her text, marked hidden, with the reason she was
    told and what she can do. Empty, and no query, when the thread has none."""
    if user.is_moderator:
        return {}
    ids = [
        row.id for row in view.rows if row.hidden and not row.deleted and row.author_id == user.id
    ]
    if not ids:
        return {}
    posts = db.session.scalars(select(Post).where(Post.id.in_(ids)))
    reasons = notifications.hiding_reasons(user.id, ids)
    parts = get_template_attribute("_macros/posts.html", "post_parts")
    found = {}
    for post in posts:
        if not discussions.is_own_hidden(post, user):
            continue
        parent = db.session.get(Post, post.parent_id) if post.parent_id else None
        found[post.id] = Markup(
            parts(post, parent, view.thread_url, False, True, [], attachments.human_size,
                  True, reasons.get(post.id))
        )  # fmt: skip
    return found


def member_rows(
    view: ThreadView,
    discussion,
    unread_after: int,
    bookmarked: set,
    own_hidden: dict[int, Markup] | None = None,
) -> Markup:
    """The thread's `<li>` items as the signed-in member sees them: each kept row's markup
    followed by the member's own marks and actions (quote, edit, delete, attach, accept,
    bookmark, flag, hide). Built with string formatting rather than a Jinja loop: only
    post ids (ints) and text escaped once per request go in, and a 100-post thread then
    costs a member about as much as a visitor (issue 19; the template did ~1,300 escapes
    and 600 filter calls per page). Same markup as the visitor's loop plus the actions.

    Raises nothing; `unread_after` is the last post id already read (0: none; the
    member's own posts are never marked new), `bookmarked` the ids of the member's
    bookmarked posts, `own_hidden` the markup of her own hidden messages (own_hidden_rows),
    shown in place of the notice others see. A hidden message offers no action but a
    moderator's: nothing to quote, flag, bookmark or accept."""
    own_hidden = own_hidden or {}
    me = current_user._get_current_object()
    is_mod = bool(me.is_moderator)
    can_reply = bool(me.can_post and not discussion.locked)
    csrf = escape(generate_csrf())
    t = {
        key: escape(text)
        for key, text in (
            ("quote", _("Répondre en citant")),
            ("edit", _("Modifier")),
            ("delete", _("Supprimer")),
            ("accept", _("Accepter comme réponse")),
            ("bookmark", _("Favori")),
            ("unbookmark", _("Retirer des favoris")),
            ("flag", _("Signaler")),
            ("hide", _("Masquer")),
            ("unhide", _("Rendre visible")),
            ("files", _("Joindre un fichier")),
            ("unread", _("Nouveaux messages depuis votre dernière visite")),
        )
    }
    edit, delete = _post_url("discussions.edit_post"), _post_url("discussions.delete_post")
    flag, files = _post_url("discussions.flag_post"), _post_url("attachments.post_files")
    mark, hide = _post_url("discussions.bookmark_post"), _post_url("discussions.hide_post")
    accept = None
    if not discussion.is_report_thread and (me.id == discussion.author_id or is_mod):
        accept = _post_url("discussions.accept", discussion_id=discussion.id or 0)
    hidden_csrf = f'<input type="hidden" name="csrf_token" value="{csrf}">'
    quote = f'<a href="{escape(view.thread_url)}?quote=%d#reply">{t["quote"]}</a>'
    out: list[str] = []
    unread_shown = False
    for row in view.rows:
        pid = row.id
        classes = f"post depth-{row.depth}"
        if pid == view.accepted_post_id:
            classes += " is-accepted"
        # One's own message is never news to oneself (a reply's redirect shows it after
        # a marker that predates it); others' messages since the marker still are.
        unread = bool(unread_after) and pid > unread_after and row.author_id != me.id
        if unread:
            classes += " is-unread"
        out.append(f'<li id="post-{pid}" class="{classes}">')
        if unread and not unread_shown:
            unread_shown = True
            out.append(f'<p class="unread-mark" id="unread">{t["unread"]}</p>')
        out.append(own_hidden.get(pid, row.html))
        if not row.deleted and (is_mod or not row.hidden):
            out.append('<div class="post-actions no-print">')
            if can_reply and not row.hidden:  # a hidden message is not quoted
                out.append(quote % pid)
            own = me.id == row.author_id
            if own or is_mod:
                out.append(f'<a href="{edit[0]}{pid}{edit[1]}">{t["edit"]}</a>')
                out.append(f'<a href="{delete[0]}{pid}{delete[1]}">{t["delete"]}</a>')
            if own and not row.hidden:
                out.append(f'<a href="{files[0]}{pid}{files[1]}">{t["files"]}</a>')
            if (
                accept
                and not row.hidden
                and pid != view.first_post_id
                and view.accepted_post_id != pid
            ):
                out.append(
                    f'<form method="post" action="{accept[0]}{pid}{accept[1]}" class="inline">'
                    f'{hidden_csrf}<button type="submit" class="link-button">{t["accept"]}'
                    "</button></form>"
                )
            label = t["unbookmark"] if pid in bookmarked else t["bookmark"]
            out.append(
                f'<form method="post" action="{mark[0]}{pid}{mark[1]}" class="inline">'
                f'{hidden_csrf}<button type="submit" class="link-button">{label}</button></form>'
            )
            if not own and not row.hidden:  # one's own is edited; a hidden one is handled
                out.append(f'<a href="{flag[0]}{pid}{flag[1]}">{t["flag"]}</a>')
            if is_mod and row.hidden:
                out.append(
                    f'<form method="post" action="{hide[0]}{pid}{hide[1]}" class="inline">'
                    f'{hidden_csrf}<input type="hidden" name="hidden" value="0">'
                    f'<button type="submit" class="link-button">{t["unhide"]}</button></form>'
                )
            elif is_mod:
                out.append(f'<a href="{hide[0]}{pid}{hide[1]}">{t["hide"]}</a>')
            out.append("</div>")
        out.append("</li>")
    return Markup("\n".join(out))


def _quoted(discussion, quote_id: int):
    """The post a reply quotes, if it is a visible message of this thread (one statement,
    with its author)."""
    post = db.session.get(Post, quote_id, options=[joinedload(Post.author)])
    if post is None or post.discussion_id != discussion.id or not post.visible:
        return None
    return post


def _read_notifications(user_id: int, discussion_id: int, view: ThreadView, shown_at) -> None:
    """The member's notifications about this page's messages are read, as Discourse marks
    a notification read when its target is visited: the page showed those messages. Only
    when the header counted unread notifications (`g.unread_notifications`, set as the
    page was rendered; unknown: looked for), so most views write nothing more."""
    if g.get("unread_notifications", 1):
        notifications.mark_shown_read(user_id, discussion_id, view.latest_post_id, shown_at)


def thread_context(discussion, quote_id=None) -> dict:
    """What a thread shows: the rows, the accepted answer, the reply form, marks. For a
    member it queues the read markers, written once the page is built
    (`transactions.record_read`): the last post shown, and the notifications about what
    the page shows (read as if each had been opened)."""
    view = thread_view(
        discussion, bool(current_user.is_authenticated and current_user.is_moderator)
    )
    seen = 0
    if current_user.is_authenticated and discussion.id and view.latest_post_id:
        marker = bookmarks.read_marker(current_user, discussion.id)
        seen = marker.last_post_id if marker else 0
        if view.latest_post_id > seen:
            mark = partial(
                bookmarks.mark_read, current_user.id, discussion.id, view.latest_post_id, seen
            )
            record_read(mark)
        shown = partial(_read_notifications, current_user.id, discussion.id, view, utcnow())
        record_read(shown)
    # The form only for those it is shown to: building it costs a visitor's page ~10 %.
    writer = current_user.is_authenticated and current_user.can_post and not discussion.locked
    form = ReplyForm() if writer else None
    if form is not None and quote_id and 0 < quote_id < 2**31 and discussion.id:
        quoted = _quoted(discussion, quote_id)
        if quoted is not None:
            author = quoted.author.display_name if quoted.author else _("ancien membre")
            quote = "\n".join(f"> {line}" for line in quoted.body_md.splitlines())
            form.body.data = f"> **{author}** :\n{quote}\n\n"
            form.parent_id.data = str(quoted.id)
    report_marks, post_marks = bookmarks.bookmarked_ids(current_user)
    rows = None
    if current_user.is_authenticated:
        me = current_user._get_current_object()
        rows = member_rows(view, discussion, seen, post_marks, own_hidden_rows(view, me))
    return dict(
        items=view,
        member_rows=rows,
        reply_form=form,
        bookmarked_reports=report_marks,
    )


def contact_page(name: str, recipients, back: str, structure=None, member=None):
    """The contact form for a structure or a member, and its sending (shared by both)."""
    form = ContactForm()
    page = {"name": name, "recipients": recipients, "back": back}
    page.update(_contact_wording(structure, member))
    if recipients and form.validate_on_submit():
        try:
            once.claim()
            contact.send_message(
                current_user._get_current_object(),
                recipients,
                form.subject.data,
                form.body.data,
                bool(form.share_email.data),
                structure=structure,
            )
        except ServiceError as error:  # Invalid, ContactLimited (429), Unavailable
            form.body.errors.append(error.message)
            status = 429 if isinstance(error, contact.ContactLimited) else 400
            return _contact_template(form, page), status, retry_headers(error)
        flash(_("Votre message est envoyé à %(name)s.", name=name), "success")
        return redirect(back, code=303)
    status = 200
    if request.method == "POST":
        status = 400
    return _contact_template(form, page), status


def _contact_wording(structure, member) -> dict:
    """What the page needs to word itself for a structure or for one member: whether the
    writer belongs to the structure (« aucun autre membre »), and, for a member who
    receives no messages, their structure if someone there does (shown on their profile
    anyway: nothing private)."""
    viewer = current_user._get_current_object()
    own = structure is not None and viewer.structure_id == structure.id
    other = member.structure if member is not None else None
    if other is not None and not contact.structure_recipients(other, viewer):
        other = None
    return {"member": member, "member_structure": other, "own_structure": own}


def _contact_template(form, page: dict):
    return render_template("structures/contact.html", form=form, **page)


def attach_uploads(report=None, post=None) -> int:
    """Attach the files of the form's multipart field `attachments` to `report` or `post`
    (the report form and the reply form), with the form's `attachments_alt` (for images)
    and `attachments_consent`: the same checks as the upload page
    (services/attachments.attach). Returns how many; raises what attach() raises (its
    domain error dooms the request: the report or the reply is not saved either)."""
    files = [f for f in request.files.getlist("attachments") if f and f.filename]
    refused: list[Invalid] = []
    for upload in files:
        try:
            attachments.attach(
                current_user._get_current_object(),
                upload.stream,
                upload.filename,
                report=report,
                post=post,
                alt=request.form.get("attachments_alt", ""),
                consent=request.form.get("attachments_consent") == "y",
            )
        except Invalid as error:  # which of the files, when several were sent: all of them
            name = safe_filename(upload.filename)
            refused.append(Invalid(error.field, f"{name}\u00a0: {error.message}"))
    if refused:
        raise Invalid(refused[0].field, " ".join(e.message for e in refused))
    return len(files)
