"""The writer's tools: « Mes retours » (my drafts and published reports) and the Markdown
preview that the forms' « Aperçu » button asks for when JavaScript runs."""

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import preview as previewing
from forum.models import ReportStatus
from forum.services import reports

bp = Blueprint("writing", __name__)


@bp.get("/my/reports")
@login_required
def my_reports():
    """My drafts and published reports with their status; publish a draft, or start a new
    one from any of them."""
    mine = reports.reports_of(current_user)
    return render_template(
        "reports/mine.html",
        drafts=[r for r in mine if r.status == ReportStatus.DRAFT],
        published=[r for r in mine if r.status == ReportStatus.PUBLISHED],
        version_of=reports.version_of,
    )


@bp.post("/preview")
@login_required
def preview():
    """Render `text` (Markdown) through the same sanitiser as a save: an HTML fragment.
    CSRF-checked like every POST; `kind=post` links @mentions as a message does."""
    text = request.form.get("text", "")
    if len(text.encode()) > previewing.MAX_PREVIEW_BYTES:
        return Response(
            _("Ce texte est trop long pour l'aperçu (200 Ko au plus)."),
            status=413,
            mimetype="text/plain",
        )
    kind = request.form.get("kind", "markdown")
    if kind not in previewing.KINDS:
        kind = "markdown"
    html = previewing.render(text, kind)
    response = Response(str(html), mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"
    return response
