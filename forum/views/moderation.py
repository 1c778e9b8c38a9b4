"""The moderators' queue: open flags on messages and reports, proposed challenge tags, and
the log of every moderator action."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forum.access import moderator_required
from forum.extensions import db
from forum.forms.discussions import HideForm
from forum.models import Flag
from forum.services import contact, moderation, structures, tags

bp = Blueprint("moderation", __name__, url_prefix="/moderation")


@bp.get("/")
@moderator_required
def index():
    """Flags waiting for a decision, and what moderators did lately."""
    pending = structures.pending_structures()
    return render_template(
        "moderation/index.html",
        flags=moderation.open_flags(),
        proposals=tags.proposed_tags(),
        pending_structures=pending,
        lookalikes=structures.lookalikes(pending),  # « ressemble à : … », to merge
        contacts=contact.recent_messages(),
        log=moderation.describe_log(moderation.recent_log()),
        hide_form=HideForm(),
    )


@bp.post("/flags/<int:flag_id>/resolve")
@moderator_required
def resolve(flag_id: int):
    """Mark a flag handled without acting on its message or report."""
    flag = db.session.get(Flag, flag_id) or abort(404)
    if moderation.resolve_flag(flag, current_user):
        flash(_("Signalement traité."), "success")
    else:
        flash(_("Ce signalement était déjà traité."), "info")
    return redirect(url_for("moderation.index"), code=303)
