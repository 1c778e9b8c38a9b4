"""Administration: accounts awaiting approval, members (roles, suspension), categories."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forum import once
from forum.access import admin_required
from forum.extensions import db
from forum.forms.discussions import CategoryForm
from forum.models import ROLES, Category, User
from forum.once import submitted_once
from forum.pagination import page_number
from forum.services import ServiceError, accounts, discussions, lock_for_update
from forum.services import members as members_service

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


def _members_list_args(source, prefix: str = "") -> dict:
    """The list's search, role, status and page, to come back to the same view (the
    action forms carry them as list_q, list_role… beside their own `role`)."""
    args = {key: (source.get(prefix + key) or "")[:100] for key in ("q", "role", "status")}
    args["page"] = page_number({"page": source.get(prefix + "page")})
    return {key: value for key, value in args.items() if value not in ("", 1)}


@bp.get("/members")
@admin_required
def members():
    """Every member: search by name or e-mail, filter by role or status, act on each."""
    args = _members_list_args(request.args)
    page = members_service.list_members(
        args.get("q", ""), args.get("role", ""), args.get("status", ""), args.get("page", 1)
    )
    return render_template(
        "admin/members.html",
        page=page,
        args=args,
        roles=ROLES,
        role_label=members_service.role_label,
    )


def _member_action(user_id: int, action) -> Response:
    """Run one administration action on a member, say what happened, back to the list."""
    user = db.get_or_404(User, user_id)
    try:
        message = action(user)
    except ServiceError as error:  # Conflict (the last admin), Forbidden (oneself), Invalid
        flash(error.message, "error")
    else:
        flash(message, "success")
    return redirect(url_for("admin.members", **_members_list_args(request.form, "list_")), code=303)


@bp.post("/members/<int:user_id>/role")
@admin_required
def member_role(user_id: int):
    """Make a member a member, a moderator or an administrator."""

    def change(user: User) -> str:
        role = request.form.get("role", "")
        if not members_service.set_role(current_user, user, role):
            return _("%(name)s avait déjà ce rôle.", name=user.display_name)
        return _(
            "%(name)s est maintenant : %(role)s.",
            name=user.display_name,
            role=members_service.role_label(role),
        )

    return _member_action(user_id, change)


@bp.post("/members/<int:user_id>/suspend")
@admin_required
def member_suspend(user_id: int):
    """Suspend a member: no more logins, their sessions end, their content stays."""

    def suspend(user: User) -> str:
        members_service.suspend(current_user, user, request.form.get("reason", ""))
        return _("Le compte de %(name)s est suspendu.", name=user.display_name)

    return _member_action(user_id, suspend)


@bp.post("/members/<int:user_id>/reinstate")
@admin_required
def member_reinstate(user_id: int):
    """Let a suspended member log in again."""

    def reinstate(user: User) -> str:
        members_service.reinstate(current_user, user)
        return _("Le compte de %(name)s est rétabli.", name=user.display_name)

    return _member_action(user_id, reinstate)
