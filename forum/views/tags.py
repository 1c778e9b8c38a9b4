"""Challenge tags: browse, read, and moderators' edits, approvals and merges."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from forum.access import moderator_required
from forum.feeds import atom_response
from forum.forms import choices
from forum.forms.tags import TagForm, TagMergeForm
from forum.services import Invalid, discussions, lock_for_update, report_queries, tags, watches
from forum.services.report_queries import ReportFilters

bp = Blueprint("tags", __name__, url_prefix="/tags")


@bp.get("/")
def index():
    """The taxonomy with report counts; moderators also see proposals."""
    proposals = (
        tags.proposed_tags() if current_user.is_authenticated and current_user.is_moderator else []
    )
    return render_template(
        "tags/index.html",
        tags=tags.approved_tags(),
        counts=tags.published_counts(),
        proposals=proposals,
    )


@bp.get("/<slug>")
def detail(slug: str):
    """A challenge and the reports that meet it."""
    tag = tags.get_by_slug(slug) or abort(404)
    filters = ReportFilters.from_args(request.args)
    filters.tags = [tag.slug]
    return render_template(
        "tags/detail.html",
        tag=tag,
        filters=filters,
        watch_state=watches.state(current_user, "tag", tag.id),
        page=report_queries.paginate(filters, current_app.config["PER_PAGE"]),
    )


@bp.get("/<slug>/feed.atom")
def feed(slug: str):
    """Atom feed of a challenge's latest reports."""

    tag = tags.get_by_slug(slug) or abort(404)
    items = report_queries.feed_items(ReportFilters(tags=[tag.slug]))
    return atom_response(
        f"Maillage — {tag.label}",
        items,
        url_for("tags.detail", slug=tag.slug, _external=True),
        url_for("tags.feed", slug=tag.slug, _external=True),
        discussions=discussions.feed_items(tag),
    )


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@moderator_required
def edit(slug: str):
    """Moderators rename, describe, approve; or merge into another tag."""
    tag = tags.get_by_slug(slug) or abort(404)
    form = TagForm(obj=None if request.method == "POST" else tag)
    merge_form = TagMergeForm(prefix="merge")
    merge_form.target.choices = choices(
        (t.slug, t.label) for t in tags.approved_tags() if t.id != tag.id
    )
    if request.method == "GET":
        form.version.data = form.fingerprint()
    if form.validate_on_submit():
        lock_for_update(tag)
        stored = TagForm(formdata=None, obj=tag)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()
            return render_template(
                "tags/edit.html", tag=tag, form=form, merge_form=merge_form, conflict=conflict
            ), 409
        tags.update_tag(tag, form.label.data, form.description.data or "", form.approved.data)
        flash(_("Le défi est enregistré."), "success")
        return redirect(url_for("tags.detail", slug=tag.slug), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("tags/edit.html", tag=tag, form=form, merge_form=merge_form), status


@bp.post("/<slug>/merge")
@moderator_required
def merge(slug: str):
    """Move every report of this tag to another, then remove it."""
    source = tags.get_by_slug(slug) or abort(404)
    target = tags.get_by_slug(request.form.get("merge-target", ""))
    if target is None:
        flash(_("Choisissez le défi dans lequel fusionner."), "error")
        return redirect(url_for("tags.edit", slug=slug), code=303)
    try:
        moved = tags.merge_tags(source, target)
    except Invalid as error:
        flash(error.message, "error")
        return redirect(url_for("tags.edit", slug=slug), code=303)
    flash(
        ngettext(  # French: « 0 retour déplacé », singular for 0 and 1
            "Défi fusionné : %(num)d retour déplacé vers « %(label)s ».",
            "Défi fusionné : %(num)d retours déplacés vers « %(label)s ».",
            moved,
            label=target.label,
        ),
        "success",
    )
    return redirect(url_for("tags.detail", slug=target.slug), code=303)
