"""Discussions and posts: list, start, read, reply (also under reports), edit, delete,
flag, accept an answer, watch; moderators lock, pin, move, hide."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import func, select

from forum import cache, once, pages
from forum import preview as previewing
from forum.access import moderator_required, posting_required
from forum.errors import limited_form
from forum.extensions import db
from forum.forms import choices
from forum.forms.discussions import (
    DiscussionForm,
    FlagForm,
    HideForm,
    MoveForm,
    PostEditForm,
    ReplyForm,
)
from forum.i18n import current_locale
from forum.models import Category, ChallengeTag, Discussion, KitModule, Post, PostRevision
from forum.once import submitted_once
from forum.pagination import page_number
from forum.services import (
    Invalid,
    RateLimited,
    bookmarks,
    discussions,
    form_data,
    lock_for_update,
    moderation,
    reports,
    tags,
    watches,
)
from forum.transactions import doom
from forum.urls import safe_next

bp = Blueprint("discussions", __name__)


def _visible_discussion_or_404(discussion_id: int):
    discussion = discussions.get_discussion(discussion_id)
    if not discussions.can_view_discussion(discussion, current_user):
        abort(404)
    return discussion


def _post_or_404(post_id: int) -> Post:
    """The post, if this viewer may read it as its thread shows it; else 404 (no hint that a
    deleted or hidden message exists). Every route taking a post id goes through here."""
    post = db.session.get(Post, post_id)
    if not discussions.can_view_post(post, current_user):
        abort(404)
    return post


def _changeable_post(post_id: int) -> Post:
    """The post the member may edit or delete; 404 if she may not read it, 403 if not
    hers — saying so when it is her own message hidden by moderation (she reads it on its
    thread, marked hidden, but may no longer change it)."""
    post = db.session.get(Post, post_id)
    if discussions.is_own_hidden(post, current_user):
        abort(
            403,
            description=_(
                "Ce message a été masqué par l'équipe de modération : vous ne pouvez plus "
                "le modifier ni le supprimer. Vous le voyez encore dans la discussion, avec "
                "le motif qui vous a été communiqué."
            ),
        )
    post = _post_or_404(post_id)
    if not discussions.can_edit(post, current_user):
        abort(403)
    return post


@bp.get("/discussions/")
def index():
    """Open discussions, pinned first, then by latest activity; unread ones marked."""
    category = (request.args.get("category") or "")[:120]
    tag = (request.args.get("tag") or "")[:120]
    page = discussions.list_discussions(category, tag, page_number(request.args))
    ids = [d.id for d in page.items]
    latest = (
        dict(
            db.session.execute(
                select(Post.discussion_id, func.max(Post.id))
                .where(Post.discussion_id.in_(ids))
                .group_by(Post.discussion_id)
            ).all()
        )
        if ids
        else {}
    )
    read = bookmarks.last_read(current_user, ids)
    unread = {i for i in ids if current_user.is_authenticated and latest.get(i, 0) > read.get(i, 0)}
    all_categories = discussions.categories()
    selected = next((c for c in all_categories if c.slug == category), None)
    return render_template(
        "discussions/index.html",
        page=page,
        categories=all_categories,
        tags=tags.approved_tags(),
        category=category,
        tag=tag,
        unread=unread,
        selected=selected,
        category_watch=watches.state(current_user, "category", selected.id) if selected else "none",
    )


@bp.route("/discussions/new", methods=["GET", "POST"])
@posting_required
@submitted_once
def create():
    """Start a discussion in a category, with challenges and kit modules."""
    form = DiscussionForm()
    form.fill_choices(discussions.categories(), tags.approved_tags(), form_data.modules())
    if request.method == "GET" and request.args.get("category"):
        form.category.data = request.args["category"][:120]
    if request.method == "GET" and request.args.get("report", "").isdigit():
        form.reports.data = request.args["report"]  # "open a discussion about this report"
    if previewing.requested():  # shown again, rendered: nothing created, the token kept
        previews = previewing.previews(form, ["body"], "post")
        return render_template("discussions/new.html", form=form, previews=previews)
    if form.validate_on_submit():
        category = db.session.scalar(select(Category).where(Category.slug == form.category.data))
        chosen_tags = list(
            db.session.scalars(
                select(ChallengeTag).where(ChallengeTag.slug.in_(form.tags.data or []))
            )
        )
        chosen_modules = list(
            db.session.scalars(select(KitModule).where(KitModule.slug.in_(form.modules.data or [])))
        )
        try:
            linked = discussions.parse_report_links(form.reports.data or "")
            once.claim()
            discussion = discussions.create_discussion(
                current_user,
                form.title.data,
                form.body.data,
                category,
                chosen_tags,
                chosen_modules,
                linked,
            )
        except Invalid as error:
            getattr(form, error.field or "body").errors.append(error.message)
        except RateLimited as error:  # the form again, as typed, with the reason above it
            return limited_form(error, lambda: render_template("discussions/new.html", form=form))
        else:
            flash(_("Votre discussion est ouverte."), "success")
            return redirect(url_for("discussions.detail", discussion_id=discussion.id), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/new.html", form=form), status


@bp.get("/discussions/<int:discussion_id>")
def detail(discussion_id: int):
    """A discussion: opening post, accepted answer first, then the tree of replies."""
    header = cache.peek("discussions.header", discussion_id, current_locale())
    if header is not None:
        # Kept under the current stamp, so the discussion is as it was then (visible, not
        # a report's thread): its row alone (one statement) serves the rest of the page.
        discussion = db.session.get(Discussion, discussion_id)
        if not discussions.can_view_discussion(discussion, current_user):
            abort(404)  # changed since that stamp was read: the rule still holds
    else:
        discussion = _visible_discussion_or_404(discussion_id)
    if discussion.is_report_thread:
        return redirect(
            url_for("reports.detail", report_id=discussion.report_id, _anchor="discussion")
        )
    if header is None:
        header = _header(discussion)
    move_form = None
    if current_user.is_authenticated and current_user.is_moderator:  # only they see it
        move_form = MoveForm()
        move_form.category.choices = choices((c.slug, c.name) for c in discussions.categories())
    context = pages.thread_context(discussion, request.args.get("quote", type=int))
    return render_template(
        "discussions/detail.html",
        discussion=discussion,
        move_form=move_form,
        watch_state=watches.state(current_user, "discussion", discussion.id),
        header=header,
        **context,
    )


def _header(discussion) -> Markup:
    """A visible discussion's path, title, badges and linked reports, rendered once per
    content stamp and language in each process (loading them was two thirds of a
    visitor's discussion page once its thread was kept)."""

    def render() -> Markup:
        return Markup(render_template("discussions/_header.html", discussion=discussion))

    return cache.memo("discussions.header", render, discussion.id, current_locale())


def _reply(discussion):
    form = ReplyForm()
    if previewing.requested():
        # Without JavaScript: the reply on a page of its own, rendered, with the form to
        # send it (same one-time token) or to keep writing.
        discussions.check_open(discussion)  # Locked: a 403 page
        return render_template(
            "discussions/reply_preview.html",
            discussion=discussion,
            form=form,
            reply_action=request.path,
            back=pages.thread_url(discussion),
            previews=previewing.previews(form, ["body"], "post"),
            file_errors=[],
        )
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(
                400,
                description=_(
                    "Le formulaire a expiré ou n'est pas valide. Rechargez la page et réessayez."
                ),
            )
        sent = any(f and f.filename for f in request.files.getlist("attachments"))
        doom()  # a refused reply writes nothing (nor the report's thread opened for it)
        return _refused_reply(
            discussion, form, [_("Les fichiers choisis n'ont pas été joints.")] if sent else []
        )
    try:
        parent_id = int(form.parent_id.data) if form.parent_id.data else None
    except ValueError:
        parent_id = -1
    if parent_id is not None and not 0 < parent_id < 2**31:
        parent_id = -1  # no such post: refused below with a 400, never a database error
    once.claim()
    # Refusals (Locked 403, Invalid 400) become error pages that give the typed text back
    # (forum/errors.py); the new-account brake brings the reply form back as typed.
    try:
        post = discussions.reply(discussion, current_user, form.body.data, parent_id)
    except RateLimited as error:
        doom()
        return limited_form(error, lambda: _refused_reply(discussion, form, [])[0])
    try:
        pages.attach_uploads(post=post)
    except Invalid as error:  # a refused file: nothing is kept, the reply form comes back
        return _refused_reply(discussion, form, [error.message])
    bookmarks.read_own_post(current_user.id, discussion.id, post.id)
    return redirect(pages.thread_url(discussion) + f"#post-{post.id}", code=303)


def _refused_reply(discussion, form, file_errors: list[str]):
    """The reply form again, with its text, its errors and those of its files (400)."""
    return render_template(
        "discussions/reply_preview.html",
        discussion=discussion,
        form=form,
        reply_action=request.path,
        back=pages.thread_url(discussion),
        previews=None,
        file_errors=file_errors,
        refused=True,
    ), 400


@bp.post("/discussions/<int:discussion_id>/reply")
@posting_required
@submitted_once
def reply(discussion_id: int):
    """Reply to the discussion, or to one of its posts (parent_id)."""
    discussion = _visible_discussion_or_404(discussion_id)
    if discussion.is_report_thread:
        abort(404)
    return _reply(discussion)


@bp.post("/reports/<int:report_id>/reply")
@posting_required
@submitted_once
def reply_to_report(report_id: int):
    """Reply in a report's own thread (created with its first reply)."""
    report = reports.get_report(report_id)
    if report is None or not reports.can_view(report, current_user) or not report.is_published:
        abort(404)
    thread = discussions.report_thread(report)
    return _reply(thread)


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@posting_required
def edit_post(post_id: int):
    """Edit my post (moderators any post); the previous text is kept."""
    post = _changeable_post(post_id)
    form = PostEditForm()
    stored = PostEditForm(formdata=None)
    stored.body.data = post.body_md
    conflict = []
    if request.method == "GET":
        form.body.data = post.body_md
        form.version.data = stored.fingerprint()
    if previewing.requested():
        previews = previewing.previews(form, ["body"], "post")
        return render_template(
            "discussions/edit_post.html", form=form, post=post, previews=previews
        )
    if form.validate_on_submit():
        lock_for_update(post)
        stored.body.data = post.body_md
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()  # saving again now keeps this text
            return render_template(
                "discussions/edit_post.html", form=form, post=post, conflict=conflict
            ), 409
        try:
            discussions.edit_post(post, current_user, form.body.data)
        except Invalid as error:
            form.body.errors.append(error.message)
        else:
            flash(_("Message modifié."), "success")
            return redirect(pages.thread_url(post.discussion) + f"#post-{post.id}", code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/edit_post.html", form=form, post=post), status


@bp.get("/posts/<int:post_id>/history")
def post_history(post_id: int):
    """Earlier versions of a post."""
    post = _post_or_404(post_id)
    revisions = list(
        db.session.scalars(
            select(PostRevision)
            .where(PostRevision.post_id == post.id)
            .order_by(PostRevision.id.desc())
        )
    )
    return render_template("discussions/post_history.html", post=post, revisions=revisions)


@bp.route("/posts/<int:post_id>/delete", methods=["GET", "POST"])
@posting_required
def delete_post(post_id: int):
    """Ask first (a page that works without JavaScript), then soft delete: the replies
    stay, under "message supprimé". A POST without the confirmation only asks."""
    post = _changeable_post(post_id)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template(
            "main/confirm_delete.html",
            title=_("Supprimer ce message ?"),
            what=post.discussion.title,
            excerpt=post.body_md[:280],
            consequence=_(
                "Il sera remplacé par « Message supprimé » ; les réponses qu'il a reçues "
                "restent dans la discussion."
            ),
            action=url_for("discussions.delete_post", post_id=post.id),
            cancel=pages.thread_url(post.discussion) + f"#post-{post.id}",
        )
    discussions.delete_post(post, current_user)
    flash(_("Message supprimé."), "info")
    return redirect(pages.thread_url(post.discussion) + f"#post-{post.id}", code=303)


@bp.route("/posts/<int:post_id>/flag", methods=["GET", "POST"])
@login_required
@submitted_once
def flag_post(post_id: int):
    """Report a post to the moderators, with a reason."""
    post = _post_or_404(post_id)
    form = FlagForm()
    if form.validate_on_submit():
        once.claim()
        try:
            moderation.flag_post(post, current_user, form.reason.data)
        except RateLimited as error:  # the reason typed comes back with the wait
            doom()
            return limited_form(
                error, lambda: render_template("discussions/flag.html", form=form, post=post)
            )
        except Invalid as error:
            doom()
            form.reason.errors.append(error.message)
        else:
            flash(_("Merci : l'équipe de modération va examiner ce message."), "success")
            return redirect(pages.thread_url(post.discussion) + f"#post-{post.id}", code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/flag.html", form=form, post=post), status


@bp.post("/posts/<int:post_id>/bookmark")
@login_required
def bookmark_post(post_id: int):
    post = _post_or_404(post_id)
    added = bookmarks.toggle(current_user, post_id=post.id)
    flash(_("Ajouté à vos favoris.") if added else _("Retiré de vos favoris."), "info")
    return redirect(pages.thread_url(post.discussion) + f"#post-{post.id}", code=303)


@bp.post("/discussions/<int:discussion_id>/accept/<int:post_id>")
@posting_required
def accept(discussion_id: int, post_id: int):
    """The opener or a moderator marks the answer that solved the question."""
    discussion = _visible_discussion_or_404(discussion_id)
    post = _post_or_404(post_id)  # before the 403: an unreadable post is simply not there
    if not (current_user.id == discussion.author_id or current_user.is_moderator):
        abort(403)
    discussions.accept_answer(discussion, post)  # Invalid: a 400 page saying why
    flash(_("Réponse acceptée."), "success")
    return redirect(url_for("discussions.detail", discussion_id=discussion.id), code=303)


@bp.post("/watch/<target>/<int:target_id>")
@login_required
def watch(target: str, target_id: int):
    """Follow, mute or stop following a discussion, challenge, module or category."""
    if target not in watches.TARGETS:
        abort(404)
    if target == "discussion":
        _visible_discussion_or_404(target_id)
    elif not watches.target_exists(target, target_id):
        abort(404)
    state = request.form.get("state", "watch")
    if state not in ("watch", "mute", "none"):
        abort(400)
    watches.set_state(current_user, target, target_id, state)
    flash(_watch_message(target, state), "info")

    return redirect(safe_next(request.form.get("next")) or url_for("notifications.index"), code=303)


def _watch_message(target: str, state: str) -> str:
    """« Vous suivez désormais cette discussion », naming what is followed or muted."""
    return {
        ("discussion", "watch"): _("Vous suivez désormais cette discussion."),
        ("discussion", "mute"): _("Cette discussion est en sourdine : plus de notifications."),
        ("discussion", "none"): _("Vous ne suivez plus cette discussion."),
        ("tag", "watch"): _("Vous suivez désormais ce défi."),
        ("tag", "mute"): _("Ce défi est en sourdine : plus de notifications."),
        ("tag", "none"): _("Vous ne suivez plus ce défi."),
        ("module", "watch"): _("Vous suivez désormais ce module du kit."),
        ("module", "mute"): _("Ce module du kit est en sourdine : plus de notifications."),
        ("module", "none"): _("Vous ne suivez plus ce module du kit."),
        ("category", "watch"): _("Vous suivez désormais cette catégorie."),
        ("category", "mute"): _("Cette catégorie est en sourdine : plus de notifications."),
        ("category", "none"): _("Vous ne suivez plus cette catégorie."),
    }[(target, state)]


@bp.post("/discussions/<int:discussion_id>/moderate")
@moderator_required
def moderate(discussion_id: int):
    """Moderators: lock or unlock, pin or unpin, move to another category."""
    discussion = _visible_discussion_or_404(discussion_id)
    action = request.form.get("action")
    # A refusal (Invalid: a report's thread cannot move) is a 400 page saying why.
    if action in ("lock", "unlock"):
        done = moderation.set_locked(discussion, current_user, action == "lock")
    elif action in ("pin", "unpin"):
        done = moderation.set_pinned(discussion, current_user, action == "pin")
    elif action == "move":
        category = db.session.scalar(
            select(Category).where(Category.slug == request.form.get("category", ""))
        )
        if category is None:
            abort(400, description=_("Catégorie inconnue."))
        done = moderation.move(discussion, current_user, category)
    else:
        abort(400)
    if done:
        flash(_moderated(action, discussion), "success")
    else:  # a double click, two tabs: say that nothing changed
        flash(_unchanged(action, discussion), "info")
    return redirect(pages.thread_url(discussion), code=303)


def _moderated(action: str, discussion: Discussion) -> str:
    """What a moderator's action on a discussion did, in words."""
    if action == "move":
        return _("Discussion déplacée dans «\u00a0%(name)s\u00a0».", name=discussion.category.name)
    return {
        "lock": _("Discussion verrouillée : on ne peut plus y répondre."),
        "unlock": _("Discussion déverrouillée : on peut de nouveau y répondre."),
        "pin": _("Discussion épinglée en tête de liste."),
        "unpin": _("Discussion désépinglée."),
    }[action]


def _unchanged(action: str, discussion: Discussion) -> str:
    """What a moderator is told when the discussion already was as asked."""
    if action == "move":
        return _(
            "Rien n'a changé : la discussion est déjà dans «\u00a0%(name)s\u00a0».",
            name=discussion.category.name,
        )
    return {
        "lock": _("Rien n'a changé : la discussion était déjà verrouillée."),
        "unlock": _("Rien n'a changé : la discussion n'était pas verrouillée."),
        "pin": _("Rien n'a changé : la discussion était déjà épinglée."),
        "unpin": _("Rien n'a changé : la discussion n'était pas épinglée."),
    }[action]


@bp.route("/posts/<int:post_id>/hide", methods=["GET", "POST"])
@moderator_required
def hide_post(post_id: int):
    """Moderators hide a post with a reason told to its author (its flags are then
    handled), or show it again; back to where they came from (the queue, the thread)."""
    post = _post_or_404(post_id)
    back = safe_next(request.values.get("next")) or (
        pages.thread_url(post.discussion) + f"#post-{post.id}"
    )
    if request.method == "POST" and request.form.get("hidden") == "0":
        if moderation.set_hidden(post, current_user, False):
            flash(_("Message de nouveau visible. Son auteur est prévenu."), "success")
        else:
            flash(_("Rien n'a changé : ce message était déjà visible."), "info")
        return redirect(back, code=303)
    form = HideForm()
    if form.validate_on_submit():
        try:
            done = moderation.set_hidden(post, current_user, True, form.reason.data)
        except Invalid as error:
            form.reason.errors.append(error.message)
        else:
            if done:
                flash(_("Message masqué. Son auteur est prévenu, avec le motif."), "success")
            else:
                flash(_("Rien n'a changé : ce message était déjà masqué."), "info")
            return redirect(back, code=303)
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/hide.html", form=form, post=post), status
