"""Parts of pages that several blueprints render: a discussion's thread (on its own page
and under a report) and the contact form (of a structure and of a member).

Web layer, like forum/views/: uses the request, forms and services. Views import it so
that no view imports another; nothing below the views does.
"""

from functools import partial

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from forum import once
from forum.extensions import db
from forum.forms.discussions import ReplyForm
from forum.forms.structures import ContactForm
from forum.models import Post
from forum.services import ServiceError, attachments, bookmarks, contact, discussions
from forum.transactions import record_read


def thread_context(discussion, quote_id=None) -> dict:
    """What a thread shows: the tree, the accepted answer, the reply form, marks."""
    unread_after = 0
    if current_user.is_authenticated and discussion.id:
        latest = db.session.scalar(
            select(func.max(Post.id)).where(Post.discussion_id == discussion.id)
        )
        if latest:
            seen = bookmarks.last_read(current_user, [discussion.id]).get(discussion.id, 0)
            if latest > seen:  # a read marker, written once the page is built
                mark = partial(bookmarks.mark_read, current_user.id, discussion.id, latest, seen)
                record_read(mark)
            unread_after = seen
    items = discussions.thread(discussion) if discussion.id else []
    form = ReplyForm()
    if quote_id:
        quoted = next((i.post for i in items if i.post.id == quote_id and i.post.visible), None)
        if quoted is not None:
            author = quoted.author.display_name if quoted.author else _("ancien membre")
            quote = "\n".join(f"> {line}" for line in quoted.body_md.splitlines())
            form.body.data = f"> **{author}** :\n{quote}\n\n"
            form.parent_id.data = str(quoted.id)
    accepted = next(
        (i.post for i in items if i.post.id == discussion.accepted_post_id and i.post.visible), None
    )
    report_marks, post_marks = bookmarks.bookmarked_ids(current_user)
    return dict(
        items=items,
        reply_form=form,
        accepted=accepted,
        unread_after=unread_after,
        bookmarked_posts=post_marks,
        bookmarked_reports=report_marks,
        first_post_id=discussions.first_post_id(discussion, [i.post for i in items]),
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
            return _contact_template(form, page), status
        flash(_("Votre message est envoyé à %(name)s.", name=name), "success")
        return redirect(back, code=303)
    status = 200
    if request.method == "POST":
        status = 400
    return _contact_template(form, page), status


def _contact_wording(structure, member) -> dict:
    """What the page needs to word itself for a structure or for one member: whether the
    writer belongs to the structure (« aucun autre membre »), and, for a member who
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
    for upload in files:
        attachments.attach(
            current_user._get_current_object(),
            upload.stream,
            upload.filename,
            report=report,
            post=post,
            alt=request.form.get("attachments_alt", ""),
            consent=request.form.get("attachments_consent") == "y",
        )
    return len(files)
