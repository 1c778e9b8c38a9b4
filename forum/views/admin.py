"""Administration: accounts awaiting approval."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from forum import once
from forum.access import admin_required
from forum.extensions import db
from forum.models import User
from forum.once import submitted_once
from forum.services import accounts, lock_for_update

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


@bp.route("/categories", methods=["GET", "POST"])
@admin_required
@submitted_once
def categories():
    """Discussion categories: list them and add one."""
    from forum.forms.discussions import CategoryForm
    from forum.services import discussions

    form = CategoryForm()
    if form.validate_on_submit():
        once.claim()
        discussions.save_category(None, form.name.data, form.description.data or "")
        flash(_("Catégorie ajoutée."), "success")
        return redirect(url_for("admin.categories"), code=303)
    status = 400 if form.errors else 200
    return render_template(
        "admin/categories.html", form=form, categories=discussions.categories()
    ), status


@bp.route("/categories/<int:category_id>/edit", methods=["GET", "POST"])
@admin_required
def edit_category(category_id: int):
    """Rename or describe a category (its address stays)."""
    from forum.forms.discussions import CategoryForm
    from forum.models import Category
    from forum.services import discussions

    category = db.get_or_404(Category, category_id)
    form = CategoryForm(obj=category if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = form.fingerprint()
    if form.validate_on_submit():
        lock_for_update(category)
        stored = CategoryForm(formdata=None, obj=category)
        if form.is_stale(stored) and (conflict := form.differences(stored)):
            form.version.data = stored.fingerprint()
            return render_template(
                "admin/category_edit.html", form=form, category=category, conflict=conflict
            ), 409
        discussions.save_category(category, form.name.data, form.description.data or "")
        flash(_("Catégorie enregistrée."), "success")
        return redirect(url_for("admin.categories"), code=303)
    status = 400 if form.errors else 200
    return render_template("admin/category_edit.html", form=form, category=category), status
