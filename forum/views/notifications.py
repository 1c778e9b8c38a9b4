"""In-app notifications, bookmarks, and the e-mail unsubscribe link (no login needed)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.extensions import csrf, db
from forum.services import bookmarks, notifications, reports

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@login_required
def index():
    """My notifications, newest first; opening the page marks them read."""
    items = notifications.for_user(current_user)
    unread = {n.id for n in items if n.read_at is None}
    notifications.mark_all_read(current_user)
    return render_template(
        "notifications/index.html",
        items=items,
        unread=unread,
        describe=notifications.describe,
        link=notifications.link,
    )


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
        user.email_mode = "none"
        db.session.commit()
        return render_template("notifications/unsubscribed.html", user=user)
    return render_template("notifications/unsubscribe.html", user=user, token=token)
