"""Retours d'expérience: list, read, write, edit, publish, delete, history, exports, feed."""

from dataclasses import dataclass
from datetime import date

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
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup

from forum import cache, once, pages
from forum import history as report_history
from forum import preview as previewing
from forum.access import moderator_required, posting_required
from forum.errors import limited_form
from forum.extensions import db
from forum.feeds import atom_response
from forum.forms.discussions import FlagForm
from forum.forms.reports import FORMAT_LABELS, SECTION_HINTS, SECTION_LABELS, ReportForm
from forum.i18n import current_locale
from forum.models import SECTIONS, Report, ReportStatus
from forum.once import submitted_once
from forum.search import engine
from forum.services import (
    Forbidden,
    Invalid,
    RateLimited,
    ServiceError,
    activity,
    attachments,
    discussions,
    form_data,
    lock_for_update,
    moderation,
    report_queries,
    reports,
    tags,
    territories,
)
from forum.services.report_queries import ReportFilters
from forum.transactions import doom

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
        unknown=report_queries.unknown_filters(filters),
        modules=form_data.modules(),
        tags=tags.approved_tags(),
        places=report_queries.place_choices(filters),
        counts=report_queries.facet_counts(filters),
        formats=FORMAT_LABELS,
    )


def _form_page(form, report=None, status=200, conflict=(), previews=None):
    return render_template(
        "reports/edit.html",
        form=form,
        attachment_errors=getattr(form, "attachment_errors", []),
        report=report,
        section_hints=SECTION_HINTS,
        sections=SECTIONS,
        conflict=list(conflict),
        previews=previews,
    ), status


def _stored_form(report) -> ReportForm:
    """The form as the stored report fills it: its version, and what a stale save shows."""
    stored = ReportForm(formdata=None)
    stored.fill_choices(**form_data.report_form_choices(current_user, report))
    stored.load(report)
    return stored


def _files_sent() -> bool:
    """Whether the request carries files in the form's `attachments` field."""
    return any(f and f.filename for f in request.files.getlist("attachments"))


def _save(form, report=None):
    """Validate, then create or update; returns a response. « Aperçu » only shows the
    form again with the sections rendered: nothing is saved, the one-time token stays."""
    if previewing.requested():
        return _form_page(form, report, previews=previewing.previews(form, SECTIONS))
    action = request.form.get("action", "draft")
    if action not in ("draft", "publish"):
        action = "draft"
    if not form.validate_on_submit():
        if _files_sent():
            form.attachment_errors = [_("Les fichiers choisis n'ont pas été joints.")]
        return _form_page(form, report, 400)
    was_published = report is not None and report.status == ReportStatus.PUBLISHED
    if report is not None:
        lock_for_update(report)
        stored = _stored_form(report)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()  # saving again now keeps this text
            return _form_page(form, report, 409, conflict)
    creating, changed = report is None, True
    try:
        if report is None:
            once.claim()
            report = reports.create_report(current_user, form.to_input(action))
        else:
            changed = reports.update_report(report, current_user, form.to_input(action))
        attached = pages.attach_uploads(report=report)
    except (Invalid, RateLimited) as error:
        # A RateLimited is not the title's fault: limited_form says it above the form.
        if isinstance(error, Invalid) and error.field in attachments.UPLOAD_FIELDS:
            form.attachment_errors = [error.message]  # shown at the file field
        elif isinstance(error, Invalid):
            getattr(form, error.field or "title").errors.append(error.message)
        if _files_sent() and getattr(error, "field", None) not in attachments.UPLOAD_FIELDS:
            # rolled back with the report: say so at the file field
            form.attachment_errors = [_("Les fichiers choisis n'ont pas été joints.")]
        # Rolled back: a report being created is still a new one (no id, no files page).
        shown = None if creating else report
        if isinstance(error, RateLimited):
            return limited_form(error, lambda: _form_page(form, shown, 429)[0])
        return _form_page(form, shown, 400)
    if attached:
        flash(
            ngettext(
                "%(num)d fichier joint : il sera visible dans quelques secondes.",
                "%(num)d fichiers joints : ils seront visibles dans quelques secondes.",
                attached,
            ),
            "info",
        )
    if not creating and not changed:
        flash(_("Aucune modification : rien n’a été enregistré."), "info")
    elif was_published:
        flash(_("Modifications enregistrées."), "success")
    elif report.status == ReportStatus.PUBLISHED:
        flash(_("Votre retour d'expérience est publié."), "success")
    else:
        flash(_("Brouillon enregistré."), "info")  # the draft banner says who sees it
    return redirect(url_for("reports.detail", report_id=report.id), code=303)


@bp.route("/new", methods=["GET", "POST"])
@posting_required
@submitted_once
def create():
    """Write a report; the author's structure is chosen by default."""
    form = ReportForm()
    form.fill_choices(**form_data.report_form_choices(current_user))
    form.structure.default = str(current_user.structure_id or "")  # when a script leaves it out
    if request.method == "GET":
        form.structure.data = str(current_user.structure_id or "")
        if current_user.structure:
            form.department.data = current_user.structure.department_code
        if request.args.get("module"):
            form.modules.data = [request.args["module"][:120]]
        if request.args.get("from", "").strip():
            _start_from(form, request.args.get("from", type=int))
        return _form_page(form)
    return _save(form)


def _start_from(form: ReportForm, report_id: int | None) -> None:
    """« Repartir de ce retour »: a report the viewer can read lends its modules, parcours,
    format and département (never its title, date or text); 404 for any other."""
    if report_id is None or not 0 < report_id < 2**31:
        abort(404)
    earlier = _visible_or_404(report_id)
    form.modules.data = [m.slug for m in earlier.modules]
    form.parcours.data = str(earlier.parcours_id or "")
    form.format.data = earlier.format
    form.department.data = earlier.department_code
    flash(
        _(
            "Nouveau brouillon pré-rempli à partir de « %(title)s » : modules, parcours, "
            "format et département. Le texte est à écrire.",
            title=earlier.title,
        ),
        "info",
    )


@bp.get("/<int:report_id>")
def detail(report_id: int):
    """One report with every field, and related reports."""
    article = cache.peek("reports.article", report_id, current_locale())
    if article is not None:
        # Kept under the current stamp, so the report is published as it was then: its row
        # alone (one statement) serves the rest of the page.
        report = db.session.get(Report, report_id)
        if report is None or not reports.can_view(report, current_user):
            abort(404)  # changed since that stamp was read: the rule still holds
    else:
        report = _visible_or_404(report_id)
        if report.is_published:
            article = _article(report)

    thread = discussions.thread_of(report)
    context = pages.thread_context(thread, request.args.get("quote", type=int))
    return render_template(
        "reports/detail.html",
        report=report,
        **({} if article is not None else _article_files(report)),
        can_attach=attachments.may_attach_to_report(report, current_user),
        discussion=thread,
        **context,
        related=_similar(report) if report.is_published else [],
        section_labels=SECTION_LABELS,
        sections=SECTIONS,
        formats=FORMAT_LABELS,
        can_edit=reports.can_edit(report, current_user),
        article=article,
    )


def _article(report) -> Markup:
    """A published report's header, facts and sections, rendered once per content stamp
    and language in each process (loading its author, place, modules and tags through the
    ORM was a third of the page's time)."""

    def render() -> Markup:
        return Markup(
            render_template(
                "reports/_article.html",
                report=report,
                **_article_files(report),
                section_labels=SECTION_LABELS,
                sections=SECTIONS,
                formats=FORMAT_LABELS,
            )
        )

    return cache.memo("reports.article", render, report.id, current_locale())


def _files_consequence(report) -> str:
    """What deleting a report does to its files (they are not restored with it)."""
    count = len(attachments.of_report(report))
    if not count:
        return ""
    return " " + ngettext(
        "Son fichier joint sera supprimé définitivement, même s'il est restauré.",
        "Ses %(num)d fichiers joints seront supprimés définitivement, même s'il est restauré.",
        count,
    )


def _article_files(report) -> dict:
    """The report's ready files by section ("" for the report as a whole), for its article:
    the same for every reader who may read the report (a file's rule is its report's)."""
    by_section: dict[str, list] = {}
    for attachment in attachments.of_report(report):
        if attachment.ready:
            by_section.setdefault(attachment.section or "", []).append(attachment)
    return {"files_by_section": by_section, "human_size": attachments.human_size}


@dataclass(frozen=True)
class RelatedCard:
    """What « Retours similaires » shows of a report: plain data, kept per process."""

    id: int
    title: str
    session_date: date
    structure_name: str | None


def _similar(report) -> list[RelatedCard]:
    """Reports like this one, from the search index (shared tags and modules if it is
    down): computed once per report, index generation and content stamp in each process,
    not at every view."""
    search = engine()

    def compute() -> list[RelatedCard]:
        ids = search.similar(report)
        found = report_queries.related(report) if ids is None else report_queries.by_ids(ids)
        return [
            RelatedCard(r.id, r.title, r.session_date, r.structure.name if r.structure else None)
            for r in found
        ]

    return cache.memo(
        "reports.similar", compute, report.id, version=(cache.search_generation(), cache.stamp())
    )


@bp.route("/<int:report_id>/edit", methods=["GET", "POST"])
@posting_required
def edit(report_id: int):
    """Edit a report (its author or a moderator); every save keeps a revision."""
    report = _visible_or_404(report_id)
    if not reports.can_edit(report, current_user):
        abort(403)
    form = ReportForm()
    form.fill_choices(**form_data.report_form_choices(current_user, report))
    form.structure.default = str(report.structure_id or "")
    if request.method == "GET":
        form.load(report)
        form.version.data = form.fingerprint()
        if request.args.get("publier") and not report.is_published:
            try:  # sent here by « Publier » on an incomplete draft: what it lacks, shown
                reports.check_complete(report)
            except Invalid as error:
                getattr(form, error.field).errors = [error.message]  # none before validate
        return _form_page(form, report)
    return _save(form, report)


@bp.post("/<int:report_id>/publish")
@posting_required
def publish(report_id: int):
    """« Publier » from « Mes retours »: the draft as it was shown in the list (a draft saved
    again since, in another tab, is not published unseen)."""
    report = _visible_or_404(report_id)
    if not reports.can_edit(report, current_user):
        abort(403)
    back = url_for("writing.my_reports")
    if report.status == ReportStatus.PUBLISHED:
        flash(_("Ce retour d'expérience était déjà publié."), "info")
        return redirect(back, code=303)
    if request.form.get("version") != reports.version_of(report):
        flash(
            _(
                "Ce brouillon a été modifié depuis l'affichage de la liste : relisez-le "
                "avant de le publier."
            ),
            "warning",
        )
        return redirect(back, code=303)
    lock_for_update(report)
    try:
        reports.publish_report(report, current_user)
    except Invalid:
        # Said on the draft's own form, at the field to fill in: from the list, a bare
        # « Indiquez le nombre de porteurs… » named neither the draft nor the way to it.
        flash(
            _(
                "Le brouillon «\u00a0%(title)s\u00a0» n’est pas encore publié : "
                "complétez-le ci-dessous, puis publiez-le.",
                title=report.title,
            ),
            "error",
        )
        return redirect(url_for("reports.edit", report_id=report.id, publier=1), code=303)
    except ServiceError as error:
        flash(error.message, "error")
        return redirect(back, code=303)
    flash(_("Votre retour d'expérience est publié."), "success")
    return redirect(back, code=303)


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
            consequence=(
                _(
                    "Il disparaîtra des listes, de la recherche et des flux. L'équipe de "
                    "modération pourra le restaurer."
                )
                if report.is_published
                else _("Ce brouillon sera supprimé. L'équipe de modération pourra le restaurer.")
            )
            + _files_consequence(report),
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
    except Forbidden as error:  # erased with its author's account
        flash(error.message, "error")
        return redirect(url_for("reports.detail", report_id=report.id), code=303)
    flash(_("Le retour d'expérience est restauré."), "success")
    return redirect(url_for("reports.detail", report_id=report.id), code=303)


@bp.get("/<int:report_id>/history")
def history(report_id: int):
    """Every saved version, newest first: who, when, and what changed, field by field."""
    report = _visible_or_404(report_id)
    revisions = report.revisions
    departments = {d.code: f"{d.name} ({d.code})" for d in territories.departments()}

    def shown(key, value):
        if key == "format":
            return FORMAT_LABELS.get(value, value)
        if key == "status":
            return report_history.STATUS_LABELS.get(value, value)
        if key == "department":
            return departments.get(value, value)
        if key == "participants" and isinstance(value, int):  # as on the report's page
            return activity.small_in_words(value)
        if key == "session_date" and value:  # « 20 novembre 2026 », not 2026-11-20
            try:
                return format_date(date.fromisoformat(value), "long")
            except ValueError:
                return value
        return value

    entries = []
    for index, revision in enumerate(revisions):
        # The first version is the report as first saved: nothing to compare it with.
        changes = (
            report_history.changes(revisions[index - 1].snapshot, revision.snapshot, shown)
            if index
            else []
        )
        if index and not changes:
            continue  # an older save that changed nothing (before fix13, each one was kept)
        entries.append((revision, changes))
    return render_template("reports/history.html", report=report, entries=list(reversed(entries)))


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
    report = _visible_or_404(report_id)
    form = FlagForm()
    form.reason.label.text = _("Pourquoi signalez-vous ce retour d'expérience ?")
    if form.validate_on_submit():
        once.claim()
        try:
            moderation.flag_report(report, current_user, form.reason.data)
        except RateLimited as error:  # the reason typed comes back with the wait
            doom()
            return limited_form(
                error,
                lambda: render_template("discussions/flag.html", form=form, report=report),
            )
        except Invalid as error:
            doom()
            form.reason.errors.append(error.message)
        else:
            flash(
                _("Merci : l'équipe de modération va examiner ce retour d'expérience."), "success"
            )
            return redirect(url_for("reports.detail", report_id=report.id), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("discussions/flag.html", form=form, report=report), status


@bp.get("/feed.atom")
def feed():
    """Atom feed of the latest published reports."""

    return atom_response(
        _("Maillage — derniers retours d'expérience"),
        report_queries.feed_items(ReportFilters()),
        url_for("reports.index", _external=True),
        url_for("reports.feed", _external=True),
    )
