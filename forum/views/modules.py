"""Kit modules: what each session is for, with its reports and most frequent challenges."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forum import fragments, once
from forum import preview as previewing
from forum.access import admin_required
from forum.feeds import atom_response
from forum.forms.modules import ModuleForm
from forum.once import submitted_once
from forum.services import (
    Conflict,
    attachments,
    form_data,
    lock_for_update,
    modules,
    report_queries,
    watches,
)
from forum.services.report_queries import ReportFilters

bp = Blueprint("modules", __name__, url_prefix="/modules")


@bp.get("/")
def index():
    """The six (or more) modules of the kit, in order."""
    return render_template(
        "modules/index.html", modules=form_data.modules(), counts=report_queries.module_counts()
    )


@bp.get("/<slug>")
def detail(slug: str):
    """A module: objectives, tools, its reports and the challenges most met in it."""
    module = modules.get_by_slug(slug) or abort(404)
    filters = ReportFilters.from_args(request.args)
    filters.module = module.slug
    kind = request.args.get("supports")
    kind = kind if kind in attachments.SHELF_KINDS else None
    return render_template(
        "modules/detail.html",
        module=module,
        shelf=fragments.module_shelf(module, kind),
        page=report_queries.paginate(filters, current_app.config["PER_PAGE"]),
        filters=filters,
        top_tags=report_queries.top_tags_for_module(module),
        watch_state=watches.state(current_user, "module", module.id),
    )


@bp.get("/<slug>/feed.atom")
def feed(slug: str):
    """Atom feed of a module's latest reports."""

    module = modules.get_by_slug(slug) or abort(404)
    items = report_queries.feed_items(ReportFilters(module=module.slug))
    return atom_response(
        f"Maillage — {module.title}",
        items,
        url_for("modules.detail", slug=module.slug, _external=True),
        url_for("modules.feed", slug=module.slug, _external=True),
    )


def _fill(form: ModuleForm, module) -> ModuleForm:
    form.title.data, form.summary.data = module.title, module.summary
    form.objectives.data, form.description.data = module.objectives, module.description_md
    form.tools.data = module.tools
    return form


def _edit(module):
    form = ModuleForm()
    if request.method == "GET" and module is not None:
        _fill(form, module)
        form.version.data = form.fingerprint()
    if previewing.requested():
        previews = previewing.previews(form, ["description"])
        return render_template("modules/edit.html", form=form, module=module, previews=previews)
    if form.validate_on_submit():
        if module is not None:
            lock_for_update(module)
            stored = _fill(ModuleForm(formdata=None), module)
            if form.is_stale(stored) and (conflict := form.differences(stored)):
                form.version.data = stored.fingerprint()
                return render_template(
                    "modules/edit.html", form=form, module=module, conflict=conflict
                ), 409
        else:
            once.claim()
        module = modules.save_module(
            module,
            form.title.data,
            form.summary.data or "",
            form.objectives.data or "",
            form.description.data or "",
            form.tools.data or "",
        )
        flash(_("Le module est enregistré."), "success")
        return redirect(url_for("modules.detail", slug=module.slug), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("modules/edit.html", form=form, module=module), status


@bp.route("/new", methods=["GET", "POST"])
@admin_required
@submitted_once
def create():
    """Admins add a module to the kit."""
    return _edit(None)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@admin_required
def edit(slug: str):
    """Admins edit a module."""
    return _edit(modules.get_by_slug(slug) or abort(404))


@bp.post("/<slug>/move")
@admin_required
def move(slug: str):
    """Admins reorder modules, one step up or down."""
    module = modules.get_by_slug(slug) or abort(404)
    try:
        modules.move_module(module, -1 if request.form.get("direction") == "up" else 1)
    except Conflict as error:  # already first or last
        flash(error.message, "warning")
    return redirect(url_for("modules.index"), code=303)
