"""Directory of support structures; admins create and edit them."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from forum import once
from forum import preview as previewing
from forum.access import admin_required
from forum.forms.structures import KIND_LABELS, StructureForm, department_choices
from forum.once import submitted_once
from forum.services import ServiceError, lock_for_update, structures, territories

bp = Blueprint("structures", __name__, url_prefix="/structures")


@bp.get("/")
def index():
    """Directory, filtered by région, département and kind."""
    args = {key: request.args.get(key, "").strip()[:40] for key in ("region", "department", "kind")}
    return render_template(
        "structures/index.html",
        structures=structures.filter_structures(**args),
        filters=args,
        regions=territories.regions(),
        departments=territories.departments(),
        kinds=KIND_LABELS,
    )


@bp.get("/<slug>")
def detail(slug: str):
    """A structure: description, website, département and members."""
    structure = structures.get_by_slug(slug) or abort(404)
    return render_template("structures/detail.html", structure=structure, kinds=KIND_LABELS)


def _stored_form(structure) -> StructureForm:
    stored = StructureForm(formdata=None, obj=structure)
    stored.department.choices = department_choices(territories.departments())
    stored.department.data = structure.department_code
    return stored


def _edit(structure):
    form = StructureForm(obj=structure if request.method == "GET" else None)
    form.department.choices = department_choices(territories.departments())
    if request.method == "GET" and structure is not None:
        form.department.data = structure.department_code
        form.version.data = _stored_form(structure).fingerprint()
    if previewing.requested():
        previews = previewing.previews(form, ["description"])
        return render_template(
            "structures/edit.html", form=form, structure=structure, previews=previews
        )
    if form.validate_on_submit():
        if structure is not None:
            lock_for_update(structure)
            stored = _stored_form(structure)
            if form.is_stale(stored) and (conflict := form.differences(stored)):
                form.version.data = stored.fingerprint()
                return render_template(
                    "structures/edit.html", form=form, structure=structure, conflict=conflict
                ), 409
        else:
            once.claim()
        try:
            structure = structures.save_structure(
                structure,
                name=form.name.data,
                kind=form.kind.data,
                department_code=form.department.data,
                website=form.website.data or "",
                description=form.description.data or "",
            )
        except ServiceError as error:
            form.department.errors.append(error.message)
        else:
            flash(_("La structure est enregistrée."), "success")
            return redirect(url_for("structures.detail", slug=structure.slug), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("structures/edit.html", form=form, structure=structure), status


@bp.route("/new", methods=["GET", "POST"])
@admin_required
@submitted_once
def create():
    """Admins add a structure."""
    return _edit(None)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@admin_required
def edit(slug: str):
    """Admins edit a structure."""
    return _edit(structures.get_by_slug(slug) or abort(404))
