"""Retours d'expérience: list, read, write, edit, delete, history, exports and feed."""

import difflib

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import once
from forum.access import moderator_required, posting_required
from forum.forms.reports import FORMAT_LABELS, SECTION_HINTS, SECTION_LABELS, ReportForm
from forum.models import SECTIONS
from forum.once import submitted_once
from forum.services import (
    ServiceError,
    form_data,
    lock_for_update,
    report_queries,
    reports,
    structures,
    tags,
    territories,
)
from forum.services.report_queries import ReportFilters

bp = Blueprint("reports", __name__, url_prefix="/reports")


def _visible_or_404(report_id: int):
    report = reports.get_report(report_id)
    if report is None or not reports.can_view(report, current_user):
        abort(404)
    return report


@bp.get("/")
def index():
    """All published reports, with filters that combine in the URL."""
    filters = ReportFilters.from_args(request.args)
    page = report_queries.paginate(filters, current_app.config["PER_PAGE"])
    return render_template(
        "reports/index.html",
        page=page,
        filters=filters,
        modules=form_data.modules(),
        tags=tags.approved_tags(),
        regions=territories.regions(),
        departments=territories.departments(),
        structures=structures.all_structures(),
        formats=FORMAT_LABELS,
    )


def _form_page(form, report=None, status=200, conflict=()):
    return render_template(
        "reports/edit.html",
        form=form,
        report=report,
        section_hints=SECTION_HINTS,
        sections=SECTIONS,
        conflict=list(conflict),
    ), status


def _stored_form(report) -> ReportForm:
    """The form as the stored report fills it: its version, and what a stale save shows."""
    stored = ReportForm(formdata=None)
    stored.fill_choices(**form_data.report_form_choices(report))
    stored.load(report)
    return stored


def _save(form, report=None):
    """Validate, then create or update; returns a response."""
    action = request.form.get("action", "draft")
    if action not in ("draft", "publish"):
        action = "draft"
    if not form.validate_on_submit():
        return _form_page(form, report, 400)
    was_published = report is not None and report.status == "published"
    if report is not None:
        lock_for_update(report)
        stored = _stored_form(report)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()  # saving again now keeps this text
            return _form_page(form, report, 409, conflict)
    try:
        if report is None:
            once.claim()
            report = reports.create_report(current_user, form.to_input(action))
        else:
            reports.update_report(report, current_user, form.to_input(action))
    except ServiceError as error:
        from forum.extensions import db

        db.session.rollback()
        getattr(form, error.field or "title").errors.append(error.message)
        return _form_page(form, report, 400)
    if was_published:
        flash(_("Modifications enregistrées."), "success")
    elif report.status == "published":
        flash(_("Votre retour d'expérience est publié."), "success")
    else:
        flash(
            _("Brouillon enregistré. Il n'est visible que par vous et l'équipe de modération."),
            "info",
        )
    return redirect(url_for("reports.detail", report_id=report.id), code=303)


@bp.route("/new", methods=["GET", "POST"])
@posting_required
@submitted_once
def create():
    """Write a report; the author's structure is chosen by default."""
    form = ReportForm()
    form.fill_choices(**form_data.report_form_choices(structure_ids=[current_user.structure_id]))
    form.structure.default = str(current_user.structure_id or "")  # when a script leaves it out
    if request.method == "GET":
        form.structure.data = str(current_user.structure_id or "")
        if current_user.structure:
            form.department.data = current_user.structure.department_code
        if request.args.get("module"):
            form.modules.data = [request.args["module"][:120]]
        return _form_page(form)
    return _save(form)


@bp.get("/<int:report_id>")
def detail(report_id: int):
    """One report with every field, and related reports."""
    report = _visible_or_404(report_id)
    from forum.services import discussions
    from forum.views.discussions import thread_context

    thread = discussions.thread_of(report)
    return render_template(
        "reports/detail.html",
        report=report,
        discussion=thread,
        **thread_context(thread, request.args.get("quote", type=int)),
        related=_similar(report) if report.is_published else [],
        section_labels=SECTION_LABELS,
        sections=SECTIONS,
        formats=FORMAT_LABELS,
        can_edit=reports.can_edit(report, current_user),
    )


def _similar(report):
    """Reports like this one, from the search index; shared tags and modules if it is down."""
    from forum.search import engine

    ids = engine().similar(report)
    if ids is None:
        return report_queries.related(report)
    return report_queries.by_ids(ids)


@bp.route("/<int:report_id>/edit", methods=["GET", "POST"])
@posting_required
def edit(report_id: int):
    """Edit a report (its author or a moderator); every save keeps a revision."""
    report = _visible_or_404(report_id)
    if not reports.can_edit(report, current_user):
        abort(403)
    form = ReportForm()
    form.fill_choices(
        **form_data.report_form_choices(report, structure_ids=[current_user.structure_id])
    )
    form.structure.default = str(report.structure_id or "")
    if request.method == "GET":
        form.load(report)
        form.version.data = form.fingerprint()
        return _form_page(form, report)
    return _save(form, report)


@bp.route("/<int:report_id>/delete", methods=["GET", "POST"])
@posting_required
def delete(report_id: int):
    """Ask first (a page that works without JavaScript), then soft-delete: moderators can
    restore it. A POST without the confirmation field only shows the question."""
    report = _visible_or_404(report_id)
    if report.deleted_at is not None:  # deleted meanwhile (another tab, a moderator)
        flash(_("Ce retour d'expérience est déjà supprimé."), "info")
        return redirect(url_for("reports.detail", report_id=report.id), code=303)
    if not reports.can_edit(report, current_user):
        abort(403)
    if request.method == "GET" or request.form.get("confirm") != "yes":
        return render_template(
            "main/confirm_delete.html",
            title=_("Supprimer ce retour d'expérience ?"),
            what=report.title,
            consequence=_(
                "Il disparaîtra des listes, de la recherche et des flux. L'équipe de "
                "modération pourra le restaurer."
            )
            if report.is_published
            else _("Ce brouillon sera supprimé. L'équipe de modération pourra le restaurer."),
            action=url_for("reports.delete", report_id=report.id),
            cancel=url_for("reports.detail", report_id=report.id),
        )
    reports.delete_report(report, current_user)
    flash(
        _("Le retour d'expérience est supprimé. L'équipe de modération peut le restaurer."), "info"
    )
    return redirect(url_for("reports.index"), code=303)


@bp.post("/<int:report_id>/restore")
@moderator_required
def restore(report_id: int):
    """Moderators bring back a deleted report."""
    report = reports.get_report(report_id) or abort(404)
    try:
        reports.restore_report(report, current_user)
    except ServiceError as error:
        flash(error.message, "error")
        return redirect(url_for("reports.detail", report_id=report.id), code=303)
    flash(_("Le retour d'expérience est restauré."), "success")
    return redirect(url_for("reports.detail", report_id=report.id), code=303)


@bp.get("/<int:report_id>/history")
def history(report_id: int):
    """Every saved version, newest first, with what changed."""
    report = _visible_or_404(report_id)
    revisions = report.revisions
    entries = []
    for index, revision in enumerate(revisions):
        changes = _diff(revisions[index - 1].snapshot, revision.snapshot) if index else []
        entries.append((revision, changes))
    return render_template(
        "reports/history.html",
        report=report,
        entries=list(reversed(entries)),
        section_labels=SECTION_LABELS,
    )


def _diff(before: dict, after: dict) -> list[tuple[str, list[str]]]:
    changes = []
    for key, value in after.items():
        old = before.get(key)
        if old == value:
            continue
        old_lines = _lines(old)
        new_lines = _lines(value)
        diff = [line for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=1)][2:]
        changes.append((key, diff))
    return changes


def _lines(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value).splitlines()


@bp.get("/<int:report_id>.md")
def markdown_export(report_id: int):
    """The report as a Markdown file."""
    report = _visible_or_404(report_id)
    text = render_template(
        "reports/export.md",
        report=report,
        sections=SECTIONS,
        section_labels=SECTION_LABELS,
        formats=FORMAT_LABELS,
    )
    return Response(
        text,
        mimetype="text/markdown",
        headers={"Content-Disposition": f'inline; filename="retour-{report.id}.md"'},
    )


@bp.route("/<int:report_id>/flag", methods=["GET", "POST"])
@login_required
@submitted_once
def flag(report_id: int):
    """Report a retour d'expérience to the moderators, with a reason (same queue as
    messages)."""
    from forum.forms.discussions import FlagForm
    from forum.services import moderation

    report = _visible_or_404(report_id)
    form = FlagForm()
    form.reason.label.text = _("Pourquoi signalez-vous ce retour d'expérience ?")
    if form.validate_on_submit():
        once.claim()
        moderation.flag_report(report, current_user, form.reason.data)
        flash(_("Merci : l'équipe de modération va examiner ce retour d'expérience."), "success")
        return redirect(url_for("reports.detail", report_id=report.id), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/flag.html", form=form, report=report), status


@bp.get("/feed.atom")
def feed():
    """Atom feed of the latest published reports."""
    from forum.views.feeds import atom_response

    return atom_response(
        _("Maillage — derniers retours d'expérience"),
        report_queries.feed_items(ReportFilters()),
        url_for("reports.index", _external=True),
        url_for("reports.feed", _external=True),
    )
