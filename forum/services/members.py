"""Administration of members: list and search them, change roles, suspend and reinstate.

Every change is written to the moderation log. The last administrator can be neither
demoted nor suspended (nobody could undo it). A suspended member cannot log in and their
open sessions end at once; what they wrote stays published.
"""

from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import ROLES, User
from forum.models.base import utcnow
from forum.pagination import Page, require_page
from forum.services import sessions
from forum.services.errors import Conflict, Forbidden, Invalid
from forum.services.moderation import log

PER_PAGE = 25
STATUSES = ("active", "suspended", "pending")


def list_members(query: str = "", role: str = "", status: str = "", page: int = 1) -> Page:
    """Members matching a name, handle or e-mail fragment, a role and a status, by name."""
    statement = select(User)
    words = " ".join((query or "").split())[:100]
    if words:
        pattern = "%" + words.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        statement = statement.where(
            or_(
                User.display_name.ilike(pattern, escape="\\"),
                User.email.ilike(pattern, escape="\\"),
                User.handle.ilike(pattern, escape="\\"),
            )
        )
    if role in ROLES:
        statement = statement.where(User.role == role)
    if status == "suspended":
        statement = statement.where(User.suspended_at.is_not(None))
    elif status == "active":
        statement = statement.where(User.suspended_at.is_(None), User.approved.is_(True))
    elif status == "pending":
        statement = statement.where(User.approved.is_(False))
    total = db.session.scalar(select(func.count()).select_from(statement.subquery()))
    require_page(page, total, PER_PAGE)
    items = db.session.scalars(
        statement.options(joinedload(User.structure))
        .order_by(func.lower(User.display_name), User.id)
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
    ).all()
    return Page(items=list(items), total=total, page=page, per_page=PER_PAGE)


def _other_active_admins(user: User) -> int:
    return db.session.scalar(
        select(func.count(User.id)).where(
            User.role == "admin", User.suspended_at.is_(None), User.id != user.id
        )
    )


def _keep_one_admin(user: User, message: str) -> None:
    if user.role == "admin" and not user.is_suspended and _other_active_admins(user) == 0:
        raise Conflict(message)


def set_role(admin: User, user: User, role: str) -> bool:
    """Give a member the role member, moderator or admin; False when it already was so."""
    if role not in ROLES:
        raise Invalid("role", _("Rôle inconnu : choisissez membre, modérateur ou administrateur."))
    if user.role == role:
        return False
    if role != "admin":
        _keep_one_admin(
            user,
            _("C'est le dernier administrateur : nommez-en un autre avant de changer son rôle."),
        )
    old, user.role = user.role, role
    log(admin, "set_role", "user", user.id, f"{role_label(old)} → {role_label(role)}")
    db.session.flush()
    return True


def suspend(admin: User, user: User, reason: str = "") -> bool:
    """Suspend an account: no more logins, every open session ends; False if it already was."""
    if user.is_suspended:
        return False
    _keep_one_admin(user, _("C'est le dernier administrateur : il ne peut pas être suspendu."))
    if user.id == admin.id:
        raise Forbidden(_("Vous ne pouvez pas suspendre votre propre compte."))
    user.suspended_at = utcnow()
    sessions.end_sessions(user)
    log(admin, "suspend", "user", user.id, " ".join((reason or "").split())[:500])
    db.session.flush()
    return True


def reinstate(admin: User, user: User) -> bool:
    """Let a suspended member log in again; False if they were not suspended."""
    if not user.is_suspended:
        return False
    user.suspended_at = None
    log(admin, "reinstate", "user", user.id)
    db.session.flush()
    return True


def role_label(role: str) -> str:
    """A role in the reader's language."""
    return {
        "member": _("Membre"),
        "moderator": _("Modérateur·rice"),
        "admin": _("Administrateur·rice"),
    }.get(role, role)
