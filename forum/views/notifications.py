"""In-app notifications, bookmarks, and the e-mail unsubscribe link (no login needed)."""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.extensions import csrf
from forum.services import bookmarks, notification_settings, notifications, reports
from forum.services.notification_wording import describe_line, lines
from forum.transactions import record_read

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@login_required
def index():
    """My notifications, newest first, several new messages in one discussion on one line
    (notification_wording.lines); showing them marks nothing read (opening one does)."""
    items = notifications.for_user(current_user)
    return render_template(
        "notifications/index.html",
        lines=lines(items),
        unread=any(n.read_at is None for n in items),
        describe_line=describe_line,
        open_url=notifications.open_url,
    )


@bp.get("/notifications/<int:notification_id>", endpoint="open")
@login_required
def open_one(notification_id: int):
    """Open one notification: an explicit read marker (it is marked read), then on to the
    exact message it is about."""
    n = notifications.own_notification(current_user, notification_id)
    if n is None:
        abort(404)
    if n.read_at is None:
        record_read(partial(notifications.mark_line_read, n))
    if not notifications.visible_to(n, current_user):
        flash(_("Ce contenu n'est plus disponible."), "info")
        return redirect(url_for("notifications.index"), code=303)
    return redirect(notifications.link(n), code=303)


@bp.post("/notifications/read")
@login_required
def read_all():
    """« Tout marquer comme lu »."""
    notifications.mark_all_read(current_user)
    flash(_("Toutes vos notifications sont marquées comme lues."), "success")
    return redirect(url_for("notifications.index"), code=303)


@bp.get("/bookmarks")
@login_required
def bookmark_list():
    """Reports and posts I kept."""
    return render_template("notifications/bookmarks.html", items=bookmarks.of_user(current_user))


@bp.post("/reports/<int:report_id>/bookmark")
@login_required
def bookmark_report(report_id: int):
    report = reports.get_report(report_id)
    if report is None or not reports.can_view(report, current_user):
        abort(404)
    added = bookmarks.toggle(current_user, report_id=report.id)
    flash(_("Ajouté à vos favoris.") if added else _("Retiré de vos favoris."), "info")
    return redirect(url_for("reports.detail", report_id=report.id), code=303)


@bp.route("/notifications/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the credential; mail clients POST it with no session
def unsubscribe(token: str):
    """Stop e-mails from a link in any message, without logging in (RFC 8058 one-click)."""
    user = notifications.user_from_unsubscribe_token(token)
    if user is None:
        abort(400, description=_("Ce lien de désinscription n'est pas valide."))
    if request.method == "POST":
        notification_settings.unsubscribe_all(user)
        return render_template("notifications/unsubscribed.html", user=user)
    return render_template("notifications/unsubscribe.html", user=user, token=token)
