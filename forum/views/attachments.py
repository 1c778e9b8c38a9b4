"""Files of reports and messages: the upload pages (plain multipart forms, no JavaScript
needed), downloads through the access rule of what they are attached to, deletion."""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from forum import once, pages
from forum.access import posting_required
from forum.extensions import db
from forum.forms.attachments import AttachmentForm
from forum.forms.base import MaillageForm
from forum.forms.reports import SECTION_LABELS
from forum.models import Attachment, Post, Report
from forum.once import submitted_once
from forum.services import attachments, discussions, moderation, reports
from forum.services.errors import Invalid
from forum.storage import StoredFileMissing, content_disposition, storage
from forum.transactions import doom

bp = Blueprint("attachments", __name__)

# Files are never a page of the site: no script runs, nothing is framed, nothing sniffed.
FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
UPLOAD_ENDPOINTS = frozenset(
    {
        "attachments.report_files",
        "attachments.post_files",
        "reports.create",
        "reports.edit",
        "discussions.reply",
        "discussions.reply_to_report",
    }
)


def raise_upload_limit() -> None:
    """Before the request body is read (by CSRF protection first): the upload pages take
    up to ATTACHMENT_MAX_BYTES per file and ATTACHMENTS_PER_REPORT files, every other form
    stays at MAX_CONTENT_LENGTH. Registered by the app factory ahead of CSRF."""
    if request.endpoint in UPLOAD_ENDPOINTS and request.method == "POST":
        config = current_app.config
        request.max_content_length = (
            config["ATTACHMENT_MAX_BYTES"] * config["ATTACHMENTS_PER_REPORT"] + 256 * 1024
        )
        request.max_form_memory_size = 512 * 1024
        # for the 413 page (forum.errors): what one sending may carry
        g.upload_limits = (config["ATTACHMENT_MAX_BYTES"], config["ATTACHMENTS_PER_REPORT"])


def _report_or_404(report_id: int) -> Report:
    report = reports.get_report(report_id)
    if report is None or not reports.can_view(report, current_user):
        abort(404)
    return report


def _post_or_404(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None or not discussions.can_view_post(post, current_user):
        abort(404)
    return post


@bp.route("/reports/<int:report_id>/attachments", methods=["GET", "POST"], endpoint="report_files")
@posting_required
@submitted_once
def report_files(report_id: int):
    """The files of my report: the list, and a form to add some (to a section or not)."""
    report = _report_or_404(report_id)
    uploads = attachments.may_attach_to_report(report, current_user)
    _allow(uploads)
    form = AttachmentForm().for_report()
    back = url_for("reports.detail", report_id=report.id)
    here = url_for("attachments.report_files", report_id=report.id)
    return _upload(form, here, back, uploads, report=report)


@bp.route("/posts/<int:post_id>/attachments", methods=["GET", "POST"], endpoint="post_files")
@posting_required
@submitted_once
def post_files(post_id: int):
    """The files of my message."""
    post = _post_or_404(post_id)
    uploads = attachments.may_attach_to_post(post, current_user)
    _allow(uploads)
    form = AttachmentForm().for_post()
    back = pages.thread_url(post.discussion) + f"#post-{post.id}"
    here = url_for("attachments.post_files", post_id=post.id)
    return _upload(form, here, back, uploads, post=post)


def _allow(uploads: bool) -> None:
    """Its author uploads; moderators only list and delete (403 for anyone else)."""
    if not uploads and not current_user.is_moderator:
        abort(403)
    if request.method == "POST" and not uploads:
        abort(403)


def _upload(form: AttachmentForm, here: str, back: str, uploads: bool, report=None, post=None):
    files = [f for f in request.files.getlist("file") if f and f.filename]
    status = 200
    if form.validate_on_submit():
        if not files:
            form.errors_for_file = [_("Choisissez un fichier.")]
        else:
            current = None
            try:
                once.claim()
                for upload in files:
                    current = upload.filename
                    attachments.attach(
                        current_user._get_current_object(),
                        upload.stream,
                        upload.filename,
                        report=report,
                        post=post,
                        alt=form.alt.data,
                        section=form.section.data or None,
                        consent=bool(form.consent.data),
                    )
            except Invalid as error:
                # all or nothing: a good photo sent with a broken one was kept while the
                # page said « not added », and sent again (a third fresh tester)
                doom()
                message = error.message
                if len(files) > 1 and current:
                    message = _(
                        "«\u00a0%(name)s\u00a0» : %(message)s Aucun des %(num)d fichiers n'a "
                        "été ajouté : retirez celui-ci ou corrigez-le, puis renvoyez-les.",
                        name=current[:80],
                        message=message,
                        num=len(files),
                    )
                target = getattr(form, error.field, None) if error.field != "file" else None
                if target is not None:
                    target.errors = [*target.errors, message]
                else:
                    form.errors_for_file = [message]
            else:
                flash(
                    ngettext(
                        "Fichier ajouté : il sera visible dans quelques secondes, le temps "
                        "de le préparer.",
                        "%(num)d fichiers ajoutés : ils seront visibles dans quelques "
                        "secondes, le temps de les préparer.",
                        len(files),
                    ),
                    "success",
                )
                return redirect(here, code=303)
        status = 400
    elif request.method == "POST":
        status = 400
    owner = report if report is not None else post
    rows = (
        attachments.of_report(report)
        if report is not None
        else attachments.of_posts([post.id]).get(post.id, [])
    )
    limits = attachments.Limits.current()
    return (
        render_template(
            "attachments/upload.html",
            form=form,
            file_errors=getattr(form, "errors_for_file", []),
            files=rows,
            report=report,
            post=post,
            owner=owner,
            back=back,
            here=here,
            delete_form=MaillageForm(),
            can_upload=uploads,
            limits=limits,
            used=attachments.used_bytes(current_user),
            human_size=attachments.human_size,
            section_labels=SECTION_LABELS,
        ),
        status,
    )


def _readable_or_404(attachment_id: int) -> Attachment:
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or not attachments.can_view(attachment, current_user):
        abort(404)
    return attachment


@bp.get("/attachments/<int:attachment_id>")
def download(attachment_id: int):
    """The file: an image shown in the page (its normalised JPEG, metadata removed), a
    document as a download under its name."""
    attachment = _readable_or_404(attachment_id)
    if not attachment.ready or not attachment.file_key:
        abort(
            404,
            description=_("Ce fichier est en cours de préparation : réessayez dans un instant."),
        )
    inline = attachment.is_image
    name = attachment.filename
    if attachment.is_image and attachment.mime == "image/jpeg":  # re-encoded: say so
        name = name.rsplit(".", 1)[0] + ".jpg"
    return _serve(attachment.file_key, attachment.mime, name, inline, attachment)


@bp.get("/attachments/<int:attachment_id>/<int:width>")
def variant(attachment_id: int, width: int):
    """An image at one of the configured widths (WebP, or JPEG with ?format=jpeg)."""
    attachment = _readable_or_404(attachment_id)
    wanted = "image/jpeg" if request.args.get("format") == "jpeg" else "image/webp"
    found = next(
        (
            v
            for v in attachment.variants or []
            if v.get("width") == width and v.get("mime") == wanted
        ),
        None,
    )
    if not attachment.ready or found is None:
        abort(404)
    extension = "webp" if found["mime"] == "image/webp" else "jpg"
    name = f"{attachment.filename.rsplit('.', 1)[0]}-{width}.{extension}"
    return _serve(found["key"], found["mime"], name, True, attachment)


def _serve(key: str, mime: str, filename: str, inline: bool, attachment: Attachment):
    store = storage()
    public = attachment.report_id is not None and attachment.report.is_published
    direct = store.url(key, filename=filename, inline=inline, expires=300, content_type=mime)
    if direct:
        response = redirect(direct, code=302)
    else:
        try:
            with store.open(key) as handle:
                # Read whole (at most ATTACHMENT_MAX_BYTES; images are far smaller): a
                # response streamed from an open file keeps it, and the request context,
                # alive until the server closes it, which a client that stops reading
                # delays. S3 gives a presigned redirect instead and never reaches this.
                data = handle.read()
        except StoredFileMissing:
            current_app.logger.error("Attachment %s: stored file %s missing", attachment.id, key)
            abort(404)
        response = Response(data, mimetype=mime)
        response.headers["Content-Disposition"] = content_disposition(filename, inline)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    # The browser keeps it (rural links); no shared cache does: a file can become private
    # (its report unpublished, its message hidden) and must then stop being served at once.
    response.headers["Cache-Control"] = "private, max-age=3600" if public else "private, no-cache"
    return response


@bp.post("/attachments/<int:attachment_id>/description")
@posting_required
def describe(attachment_id: int):
    """Give one image its own description, from the files page (its uploader, moderators):
    photos sent together shared the description typed for them."""
    attachment = _readable_or_404(attachment_id)
    if not MaillageForm().validate_on_submit():
        abort(400)
    if attachment.report_id is not None:
        back = url_for("attachments.report_files", report_id=attachment.report_id)
    else:
        back = url_for("attachments.post_files", post_id=attachment.post_id)
    try:
        attachments.describe(attachment, current_user, request.form.get("alt", ""))
    except Invalid as error:
        # the file named: the message shows at the top of the page, far from its field
        flash(_("%(name)s : %(message)s", name=attachment.filename, message=error.message), "error")
        return redirect(f"{back}#alt-{attachment.id}", code=303)
    flash(_("Description enregistrée : %(name)s.", name=attachment.filename), "success")
    return redirect(f"{back}#alt-{attachment.id}", code=303)


@bp.route("/attachments/<int:attachment_id>/delete", methods=["GET", "POST"])
@posting_required
def delete(attachment_id: int):
    """Delete a file (its uploader, moderators): ask first (a page that works without
    JavaScript, as for messages and reports), then delete. A POST without the
    confirmation only asks."""
    attachment = _readable_or_404(attachment_id)
    if not attachments.can_manage(attachment, current_user):
        abort(403)
    if attachment.report_id is not None:
        back = url_for("attachments.report_files", report_id=attachment.report_id)
        if attachment.report.author_id != current_user.id:
            back = url_for("reports.detail", report_id=attachment.report_id)
        consequence = _(
            "Il sera retiré du retour «\u00a0%(title)s\u00a0» et effacé : on ne pourra "
            "pas le récupérer.",
            title=attachment.report.title,
        )
    else:
        back = url_for("attachments.post_files", post_id=attachment.post_id)
        if attachment.post.author_id != current_user.id:
            back = url_for("discussions.detail", discussion_id=attachment.post.discussion_id)
        consequence = _("Il sera retiré du message et effacé : on ne pourra pas le récupérer.")
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template(
            "main/confirm_delete.html",
            title=_("Supprimer ce fichier ?"),
            what=attachment.filename,
            consequence=consequence,
            action=url_for("attachments.delete", attachment_id=attachment.id),
            cancel=back,
        )
    form = MaillageForm()
    if not form.validate_on_submit():
        abort(400)
    name = attachment.filename
    if attachment.uploader_id != current_user.id:  # a moderator's removal is logged
        target = (
            ("report", attachment.report_id)
            if attachment.report_id
            else ("post", attachment.post_id)
        )
        moderation.log(current_user, "delete_attachment", *target, detail=name)
    attachments.delete(attachment)
    flash(_("Fichier supprimé : %(name)s.", name=name), "success")
    return redirect(back, code=303)
