"""Administration: accounts awaiting approval."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from forum.access import admin_required
from forum.extensions import db
from forum.models import User
from forum.services import accounts

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/accounts")
@admin_required
def pending_accounts():
    """Accounts waiting for approval."""
    return render_template("admin/accounts.html", users=accounts.pending_users())


@bp.post("/accounts/<int:user_id>/approve")
@admin_required
def approve(user_id: int):
    """Let a pending account post."""
    user = db.get_or_404(User, user_id)
    accounts.approve_user(user)
    flash(_("Le compte de %(name)s est validé.", name=user.display_name), "success")
    return redirect(url_for("admin.pending_accounts"), code=303)
