"""Parcours pages: a whole programme read end to end."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import once
from forum.access import posting_required
from forum.forms.follow_ups import FollowUpForm
from forum.forms.parcours import EditParcoursForm, ParcoursForm
from forum.once import submitted_once
from forum.services import Conflict, Invalid, follow_ups, structures, territories
from forum.services import calendar as calendar_service
from forum.services import parcours as parcours_service

bp = Blueprint("parcours", __name__, url_prefix="/parcours")


@bp.get("/")
def index():
    """Every parcours, newest first."""
    return render_template("parcours/index.html", parcours=parcours_service.all_parcours())


@bp.get("/<slug>")
def detail(slug: str):
    """A parcours with its sessions' reports in order."""
    parcours = parcours_service.get_by_slug(slug) or abort(404)
    may_follow_up = follow_ups.can_answer(current_user, parcours)
    asked = follow_ups.pending_request(parcours) if may_follow_up else None
    return render_template(
        "parcours/detail.html",
        parcours=parcours,
        reports=parcours_service.published_reports(parcours),
        may_follow_up=may_follow_up,
        asked=asked,
        # The months since the end today, not the reminder's stage (asked at 6 months,
        # read at 11: « il y a 11 mois », as the notification says).
        months_since_end=follow_ups.months_after_end(parcours) if asked else None,
        sessions=calendar_service.parcours_sessions(parcours),
        may_edit=parcours_service.may_edit(current_user, parcours),
    )


@bp.route("/<slug>/follow-up", methods=["GET", "POST"])
@login_required
def follow_up(slug: str):
    """« Que sont devenus les projets ? »: members of the parcours' structures tell, for
    the whole cohort, how many projects were dropped, mature, started or were oriented
    elsewhere. A new answer updates the figures; every answer stays in the history."""
    parcours = parcours_service.get_by_slug(slug) or abort(404)
    if not follow_ups.can_answer(current_user, parcours):
        abort(403)
    form = FollowUpForm()
    labels = follow_ups.orientation_labels()
    form.fill_choices(labels)
    if request.method == "GET" and (latest := follow_ups.current(parcours)):
        form.load(latest)
    status = 400 if request.method == "POST" else 200
    if form.validate_on_submit():
        try:
            follow_ups.record(parcours, current_user, form.to_input(), form.started_from())
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        except Conflict as error:
            # What was typed stays; the next save is based on the answer now shown.
            flash(error.message, "warning")
            latest = follow_ups.current(parcours)
            form.based_on.data = str(latest.id) if latest else ""
            status = 409
        else:
            flash(_("Merci : le devenir des projets est enregistré."), "success")
            return redirect(url_for("parcours.detail", slug=parcours.slug), code=303)
    asked = follow_ups.pending_request(parcours)
    return render_template(
        "parcours/follow_up.html",
        form=form,
        parcours=parcours,
        history=follow_ups.history(parcours),
        orientations=labels,
        asked=asked,
        # When it was asked, in months after the end (a late job asks a later stage).
        asked_months=follow_ups.months_after_end(parcours, asked.sent_at) if asked else None,
    ), status


@bp.route("/new", methods=["GET", "POST"])
@posting_required
@submitted_once
def create():
    """Declare a parcours (one structure, or several co-building it)."""
    form = ParcoursForm()
    form.fill_choices(
        territories.departments(), structures.all_structures(include=[current_user.structure_id])
    )
    if request.method == "GET" and current_user.structure:
        form.structures.data = [str(current_user.structure_id)]
        form.department.data = current_user.structure.department_code
    if form.validate_on_submit():
        try:
            once.claim()
            parcours = parcours_service.create_parcours(**form.values(), creator=current_user)
            calendar_service.create_sessions(current_user, parcours, form.session_starts())
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            flash(_("Le parcours est créé."), "success")
            return redirect(url_for("parcours.detail", slug=parcours.slug), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("parcours/edit.html", form=form), status


def _edit_form(form: EditParcoursForm, parcours) -> EditParcoursForm:
    """`form` with its choices: validated structures, the editor's own and the carriers."""
    carriers = [s.id for s in parcours.structures]
    form.fill_choices(
        territories.departments(),
        structures.all_structures(include=[current_user.structure_id, *carriers]),
    )
    return form


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@posting_required
def edit(slug: str):
    """Change a parcours (members of the structures carrying it, moderators): its name,
    place, dates, cohort and structures; its address stays, its sessions are changed in
    the calendar. A save based on an older version shows what changed (409)."""
    parcours = parcours_service.get_by_slug(slug) or abort(404)
    if not parcours_service.may_edit(current_user, parcours):
        abort(403)
    form = _edit_form(EditParcoursForm(), parcours)
    if request.method == "GET":
        form.load(parcours)
        form.version.data = form.fingerprint()
        return render_template("parcours/edit.html", form=form, parcours=parcours)
    if form.validate_on_submit():
        stored = _edit_form(EditParcoursForm(formdata=None), parcours)
        stored.load(parcours)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()
            return render_template(
                "parcours/edit.html", form=form, parcours=parcours, conflict=conflict
            ), 409
        try:
            parcours_service.update_parcours(parcours, current_user, **form.values())
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            flash(_("Le parcours est modifié."), "success")
            return redirect(url_for("parcours.detail", slug=parcours.slug), code=303)
    return render_template("parcours/edit.html", form=form, parcours=parcours), 400
