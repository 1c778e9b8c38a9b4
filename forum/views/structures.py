"""Structures: the directory, each structure's page and feed, members' proposals, the
moderators' edits, validations and merges, and messages relayed to a structure."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from forum import once, pages
from forum import preview as previewing
from forum.access import admin_required, moderator_required, posting_required
from forum.extensions import db
from forum.feeds import atom_response
from forum.forms.structures import (
    KIND_LABELS,
    MergeForm,
    ProposalForm,
    ReferentForm,
    StructureForm,
    department_choices,
)
from forum.models import Structure, User
from forum.once import submitted_once
from forum.services import (
    Invalid,
    contact,
    lock_for_update,
    memberships,
    report_queries,
    structure_pages,
    structures,
    territories,
)
from forum.services.report_queries import ReportFilters

bp = Blueprint("structures", __name__, url_prefix="/structures")


def _structure_or_404(slug: str) -> Structure:
    return structures.get_by_slug(slug) or abort(404)


@bp.get("/")
def index():
    """Directory of validated structures, filtered by région, département and kind."""
    args = {key: request.args.get(key, "").strip()[:40] for key in ("region", "department", "kind")}
    return render_template(
        "structures/index.html",
        structures=structures.filter_structures(**args),
        filters=args,
        regions=territories.regions(),
        departments=territories.departments(),
        kinds=KIND_LABELS,
    )


@bp.route("/propose", methods=["GET", "POST"])
@posting_required
@submitted_once
def propose():
    """A member proposes their structure: theirs at once, validated later by moderators."""
    form = ProposalForm()
    form.department.choices = department_choices(territories.departments(), empty=True)
    current = current_user.structure
    if form.validate_on_submit() and form.confirms_leaving(current):
        try:
            once.claim()
            structure = structures.propose_structure(current_user, form.proposal())
        except Invalid as error:
            getattr(form, error.field or "name").errors.append(error.message)
        else:
            flash(
                _(
                    "Votre structure est enregistrée : vos retours d'expérience la portent dès "
                    "maintenant. Elle apparaîtra dans l'annuaire une fois validée par l'équipe "
                    "de modération."
                ),
                "success",
            )
            return redirect(url_for("structures.detail", slug=structure.slug), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("structures/propose.html", form=form, current=current), status


@bp.get("/<slug>")
def detail(slug: str):
    """A structure: identity, territory, members, reports (newest first, counted by module
    and challenge), parcours, discussions its members started, feed and contact."""
    structure = _structure_or_404(slug)
    filters = ReportFilters.from_args(request.args)
    filters = ReportFilters(structure=structure.slug, page=filters.page)
    return render_template(
        "structures/detail.html",
        structure=structure,
        kinds=KIND_LABELS,
        page=report_queries.paginate(filters, current_app.config["PER_PAGE"]),
        filters=filters,
        modules=structure_pages.module_counts(structure),
        tags=structure_pages.tag_counts(structure),
        parcours=structure_pages.parcours_of(structure),
        discussions=structure_pages.discussions_of(structure),
        contactable=bool(contact.structure_recipients(structure, _viewer())),
        **_membership_context(structure),
    )


def _membership_context(structure: Structure) -> dict:
    """For a logged-in viewer: whether they decide who joins (and how many wait), and their
    own pending request if it is to this structure."""
    viewer = _viewer()
    if viewer is None:
        return {"can_admit": False, "waiting": 0, "my_request": None}
    can_admit = memberships.may_admit(viewer, structure)
    mine = memberships.pending_request_of(viewer)
    return {
        "can_admit": can_admit,
        "waiting": len(memberships.pending_requests(structure)) if can_admit else 0,
        "my_request": mine if mine is not None and mine.structure_id == structure.id else None,
    }


@bp.get("/<slug>/members")
@login_required
def members(slug: str):
    """« Membres » of a structure, for those who decide who joins it (its référent·e(s),
    else its members; moderators): the members and the requests waiting, each with
    « Accepter » and « Refuser »."""
    structure = _structure_or_404(slug)
    if not memberships.may_admit(current_user, structure):
        abort(
            403,
            description=_(
                "Seules la personne référente de la structure (ou, sans référent·e, ses "
                "membres) et l’équipe de modération voient les demandes pour la rejoindre."
            ),
        )
    return render_template(
        "structures/members.html",
        structure=structure,
        requests=memberships.pending_requests(structure),
    )


@bp.post("/<slug>/requests/<int:request_id>/<any(accept, refuse):decision>")
@login_required
def decide_request(slug: str, request_id: int, decision: str):
    """Accept or refuse a request to join the structure (memberships.decide: 403, 404 or
    409 with a French page when it may not, or no longer, be answered)."""
    structure = _structure_or_404(slug)
    request_made = memberships.decide(structure, request_id, current_user, decision == "accept")
    name = request_made.user.display_name
    if decision == "accept":
        flash(_("%(name)s est désormais membre de la structure.", name=name), "success")
    else:
        flash(
            _("Demande refusée : %(name)s n’est pas ajouté·e à la structure.", name=name), "success"
        )
    return redirect(url_for("structures.members", slug=structure.slug), code=303)


def _viewer():
    return current_user if current_user.is_authenticated else None


@bp.get("/<slug>/feed.atom")
def feed(slug: str):
    """Atom feed of a structure's latest reports."""

    structure = _structure_or_404(slug)
    return atom_response(
        f"Maillage — {structure.name}",
        report_queries.feed_items(ReportFilters(structure=structure.slug)),
        url_for("structures.detail", slug=structure.slug, _external=True),
        url_for("structures.feed", slug=structure.slug, _external=True),
    )


def _stored_form(structure) -> StructureForm:
    stored = StructureForm(formdata=None, obj=structure)
    stored.department.choices = department_choices(territories.departments())
    stored.department.data = structure.department_code
    return stored


def _edit_page(
    form, structure, status=200, conflict=(), merge_form=None, referent_form=None, previews=None
):
    lookalikes = []
    if structure is not None and structure.is_pending:
        lookalikes = structures.lookalikes([structure])[structure.id]
    if structure is not None and structure.is_pending and merge_form is None:
        merge_form = MergeForm(formdata=None)
        validated = [other for other in lookalikes if not other.is_pending]
        if validated:  # offered, not done: the moderator still presses « Fusionner »
            merge_form.target.data = str(validated[0].id)
    if merge_form is not None:
        merge_form.set_targets(s for s in structures.all_structures() if s.id != structure.id)
    if structure is not None and structure.members and referent_form is None:
        referent_form = ReferentForm(formdata=None)
        current = [m.id for m in structure.members if m.is_referent]
        referent_form.member.data = str(current[0]) if current else ""
    if referent_form is not None:
        referent_form.set_members(structure.members)
    return render_template(
        "structures/edit.html",
        form=form,
        structure=structure,
        conflict=list(conflict),
        merge_form=merge_form,
        referent_form=referent_form,
        previews=previews,
        lookalikes=lookalikes,
    ), status


def _stored_edit_form(structure) -> StructureForm:
    form = _stored_form(structure)
    form.version.data = form.fingerprint()
    return form


def _edit(structure):
    form = StructureForm(obj=structure if request.method == "GET" else None)
    form.department.choices = department_choices(territories.departments())
    if request.method == "GET" and structure is not None:
        form.department.data = structure.department_code
        form.version.data = _stored_form(structure).fingerprint()
    if previewing.requested():
        return _edit_page(form, structure, previews=previewing.previews(form, ["description"]))
    if form.validate_on_submit():
        if structure is not None:
            lock_for_update(structure)
            stored = _stored_form(structure)
            if form.is_stale(stored) and (conflict := form.differences(stored)):
                form.version.data = stored.fingerprint()
                return _edit_page(form, structure, 409, conflict)
        else:
            once.claim()
        try:
            structure = structures.save_structure(
                structure,
                name=form.name.data,
                kind=form.kind.data,
                department_code=form.department.data,
                commune=form.commune.data or "",
                website=form.website.data or "",
                description=form.description.data or "",
            )
        except Invalid as error:
            form.department.errors.append(error.message)
        else:
            flash(_("La structure est enregistrée."), "success")
            return redirect(url_for("structures.detail", slug=structure.slug), code=303)
    return _edit_page(form, structure, 400 if request.method == "POST" else 200)


@bp.route("/new", methods=["GET", "POST"])
@admin_required
@submitted_once
def create():
    """Admins add a structure."""
    return _edit(None)


def _editable_or_403(slug: str) -> Structure:
    """Admins edit any structure; moderators the proposals they review."""
    structure = _structure_or_404(slug)
    if not (current_user.is_admin or structure.is_pending):
        abort(403)
    return structure


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@moderator_required
def edit(slug: str):
    """Edit a structure (admins), or review a proposal (moderators)."""
    return _edit(_editable_or_403(slug))


@bp.post("/<slug>/validate")
@moderator_required
def validate(slug: str):
    """A moderator validates a proposed structure: it joins the directory."""
    structure = _structure_or_404(slug)
    if structures.validate_structure(structure, current_user):
        flash(_("La structure est validée : elle figure dans l'annuaire."), "success")
    else:
        flash(_("Cette structure était déjà validée."), "info")
    return redirect(url_for("structures.detail", slug=structure.slug), code=303)


@bp.post("/<slug>/merge")
@moderator_required
def merge(slug: str):
    """A moderator merges a proposal into an existing structure: members, reports and
    parcours move there, the proposal disappears."""
    source = _editable_or_403(slug)
    form = MergeForm()
    form.set_targets(s for s in structures.all_structures() if s.id != source.id)
    if form.validate_on_submit():
        target = db.session.get(Structure, int(form.target.data))
        try:
            moved = structures.merge_structures(source, target, current_user)
        except Invalid as error:
            form.target.errors.append(error.message)
        else:
            flash(
                ngettext(  # French: « 0 retour déplacé », singular for 0 and 1
                    "Structure fusionnée dans « %(name)s » (%(num)d retour déplacé).",
                    "Structure fusionnée dans « %(name)s » (%(num)d retours déplacés).",
                    moved,
                    name=target.name,
                ),
                "success",
            )
            return redirect(url_for("structures.detail", slug=target.slug), code=303)
    return _edit_page(_stored_edit_form(source), source, 400, merge_form=form)


@bp.post("/<slug>/referent")
@moderator_required
def referent(slug: str):
    """Name the référent·e of a structure (its first contact) among its members."""
    structure = _editable_or_403(slug)
    form = ReferentForm()
    form.set_members(structure.members)
    if form.validate_on_submit():
        member = db.session.get(User, int(form.member.data))
        try:
            structures.set_referent(structure, member, current_user)
        except Invalid as error:
            form.member.errors.append(error.message)
        else:
            flash(
                _("%(name)s est référent·e de la structure.", name=member.display_name), "success"
            )
            return redirect(url_for("structures.detail", slug=structure.slug), code=303)
    return _edit_page(_stored_edit_form(structure), structure, 400, referent_form=form)


@bp.route("/<slug>/contact", methods=["GET", "POST"])
@posting_required
@submitted_once
def contact_structure(slug: str):
    """Write to a structure: relayed by e-mail to its members who accept messages."""
    structure = _structure_or_404(slug)
    recipients = contact.structure_recipients(structure, current_user)
    return pages.contact_page(
        structure.name,
        recipients,
        url_for("structures.detail", slug=structure.slug),
        structure=structure,
    )
