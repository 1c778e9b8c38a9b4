"""Member profiles and the member's own account settings."""

import json
import tempfile

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, logout_user

from forum import pages
from forum.access import posting_required
from forum.extensions import db
from forum.forms.accounts import AccountDeletionForm, PasswordChangeForm, ProfileForm
from forum.forms.notifications import NotificationSettingsForm
from forum.models import Structure, User
from forum.once import submitted_once
from forum.services import (
    Invalid,
    NotFound,
    RateLimited,
    ServiceError,
    accounts,
    attachments,
    memberships,
    privacy,
    reports,
    sessions,
    structures,
)
from forum.services import contact as contact_service
from forum.services import notification_settings as email_settings
from forum.storage import content_disposition

bp = Blueprint("users", __name__)


def _confirms_password(password: str) -> bool:
    """Is this the member's password? Counted and throttled like a login attempt, so that
    a session left open cannot be used to guess it."""
    # Too many attempts raise TooManyAttempts: the error page (429, Retry-After) says so.
    return (
        accounts.authenticate(current_user.email, password, request.remote_addr or "") is not None
    )


@bp.get("/users/<int:user_id>")
def profile(user_id: int):
    """Public profile: name, structure, presentation (never the e-mail address)."""
    user = db.get_or_404(User, user_id)
    return render_template("users/profile.html", user=user)


@bp.route("/members/<int:user_id>/contact", methods=["GET", "POST"])
@posting_required
@submitted_once
def contact(user_id: int):
    """Write to a member, relayed by e-mail if they accept it; their address never shows."""
    user = db.get_or_404(User, user_id)
    if user.id == current_user.id:
        abort(404)
    recipients = [user] if contact_service.accepts(user, current_user) else []
    return pages.contact_page(
        user.display_name, recipients, url_for("users.profile", user_id=user.id), member=user
    )


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Edit my profile; see and end my open sessions (devices)."""
    form = ProfileForm(obj=None if request.method == "POST" else current_user)
    if request.method == "GET":
        form.structure.data = str(current_user.structure_id or "")
        form.accepts_contact.data = current_user.contactable
    form.set_structure_choices(structures.all_structures(include=[current_user.structure_id]))
    if form.validate_on_submit():
        structure = (
            db.session.get(Structure, int(form.structure.data)) if form.structure.data else None
        )
        before, was_referent = current_user.structure, current_user.is_referent
        try:
            request_made = accounts.update_profile(
                current_user,
                form.display_name.data,
                form.bio.data or "",  # absent from the request: None
                structure,
                form.locale.data,
                bool(form.accepts_contact.data),
            )
        except RateLimited as error:  # asked the same structure again too soon
            form.structure.errors.append(error.message)
            return _account_page(form, _settings_form(), error.status)
        except Invalid as error:  # a name that would pass for the team's
            getattr(form, error.field).errors.append(error.message)
            return _account_page(form, _settings_form(), 400)
        flash(_("Votre profil est enregistré."), "success")
        _flash_structure_change(before, was_referent, current_user.structure)
        if request_made is not None:  # a structure with members: they decide
            flash(memberships.sent_notice(request_made), "info")
        return redirect(url_for("users.account"), code=303)
    status = 400 if request.method == "POST" else 200
    return _account_page(form, _settings_form(), status)


def _flash_structure_change(before, was_referent: bool, after) -> None:
    """Say what « Mon compte » did to the member's structure, not only that the profile is
    saved: left it (and gave up the référent·e role), or joined one at once."""
    if (before.id if before else None) == (after.id if after else None):
        return
    if before is not None:
        flash(_("Vous avez quitté « %(name)s ».", name=before.name), "info")
        if was_referent:
            successor = memberships.referent_of(before)
            if successor is not None:
                message = _(
                    "Vous n’êtes plus la personne référente de « %(name)s » : "
                    "%(successor)s l’est désormais, et en est prévenu·e.",
                    name=before.name,
                    successor=successor.display_name,
                )
            else:
                message = _(
                    "Vous n’êtes plus la personne référente de « %(name)s », qui n’a plus "
                    "de membre.",
                    name=before.name,
                )
            flash(message, "warning")
    if after is not None:
        flash(_("Vous êtes membre de « %(name)s ».", name=after.name), "success")


def _settings_form() -> NotificationSettingsForm:
    return NotificationSettingsForm.for_modes(email_settings.modes_of(current_user))


def _account_page(form: ProfileForm, settings_form: NotificationSettingsForm, status: int):
    return render_template(
        "users/account.html",
        form=form,
        settings_form=settings_form,
        drafts=reports.drafts_of(current_user),
        open_sessions=sessions.open_sessions(current_user),
        structure_request=memberships.pending_request_of(current_user),
        files_used=attachments.used_bytes(current_user),
        files_quota=attachments.Limits.current().quota_bytes,
        human_size=attachments.human_size,
    ), status


@bp.post("/account/notifications")
@login_required
def notification_settings():
    """Save how I want to be e-mailed, kind by kind; errors keep what I chose."""
    settings_form = _settings_form()
    if settings_form.validate_on_submit():
        email_settings.save_modes(current_user, settings_form.modes())
        flash(_("Vos choix d'e-mails sont enregistrés."), "success")
        return redirect(url_for("users.account", _anchor="email"), code=303)
    form = ProfileForm(obj=current_user, formdata=None)
    form.structure.data = str(current_user.structure_id or "")
    form.set_structure_choices(structures.all_structures())
    return _account_page(form, settings_form, 400)


@bp.post("/account/structure-request/withdraw")
@login_required
def withdraw_structure_request():
    """Withdraw my pending request to join a structure (already answered: said so)."""
    try:
        request_made = memberships.withdraw(current_user)
    except NotFound as error:
        flash(error.message, "info")
    else:
        flash(
            _(
                "Votre demande pour rejoindre « %(name)s » est retirée.",
                name=request_made.structure.name,
            ),
            "success",
        )
    return redirect(url_for("users.account"), code=303)


@bp.post("/account/sessions/<int:session_id>/end")
@login_required
def end_session(session_id: int):
    """Log one of my devices out (this one included: then I am logged out here)."""
    here = current_user.current_session.id == session_id
    if not sessions.end_session(current_user, session_id):
        flash(_("Cette session était déjà terminée."), "info")
    elif here:
        logout_user()
        flash(_("Vous êtes déconnecté."), "info")
        return redirect(url_for("main.index"), code=303)
    else:
        flash(_("L'appareil a été déconnecté."), "success")
    return redirect(url_for("users.account", _anchor="sessions"), code=303)


@bp.post("/account/sessions/end-others")
@login_required
def end_other_sessions():
    """Log out every device but this one."""
    ended = sessions.end_sessions(current_user, keep=current_user.current_session)
    if not ended:
        flash(_("Aucun autre appareil n'était connecté."), "info")
    else:
        flash(
            ngettext(
                "%(num)d autre appareil a été déconnecté.",
                "%(num)d autres appareils ont été déconnectés.",
                ended,
            ),
            "success",
        )
    return redirect(url_for("users.account", _anchor="sessions"), code=303)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change my password (the current one is asked again); my other sessions end."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        if _confirms_password(form.current_password.data):
            ended = accounts.set_password(
                current_user, form.password.data, keep=current_user.current_session
            )
            flash(_("Votre mot de passe a été changé."), "success")
            if ended:
                flash(
                    ngettext(
                        "Votre autre appareil connecté a été déconnecté.",
                        "Vos %(num)d autres appareils connectés ont été déconnectés.",
                        ended,
                    ),
                    "info",
                )
            return redirect(url_for("users.account"), code=303)
        form.current_password.errors.append(_("Ce n'est pas votre mot de passe actuel."))
    status = 400 if request.method == "POST" else 200
    return render_template("users/password.html", form=form), status


@bp.get("/account/export")
@login_required
def export_data():
    """Everything held about me as JSON, without the files (the ZIP of export_archive
    holds both; this address stays for scripts that read the JSON)."""
    data = privacy.export_data(current_user)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    filename = f"maillage-mes-donnees-{current_user.handle or current_user.id}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.get("/account/export.zip")
@login_required
def export_archive():
    """Download everything held about me with the files I attached, as a ZIP: the JSON of
    /account/export and a fichiers/ folder (RGPD right of access and portability)."""
    spooled = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # beyond: on disk
    try:
        privacy.export_archive(current_user, spooled)
    except BaseException:
        spooled.close()
        raise
    size = spooled.tell()
    spooled.seek(0)

    def chunks():
        with spooled:  # closed when sent, or when the browser goes away
            while block := spooled.read(256 * 1024):
                yield block

    filename = f"maillage-mes-donnees-{current_user.handle or current_user.id}.zip"
    return Response(
        chunks(),
        mimetype="application/zip",
        headers={
            "Content-Disposition": content_disposition(filename, inline=False),
            "Content-Length": str(size),
            "Cache-Control": "no-store",
        },
    )


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    """Delete my account; I choose whether my contributions stay (anonymous) or go."""
    form = AccountDeletionForm()
    if form.validate_on_submit():
        if not _confirms_password(form.password.data):
            form.password.errors.append(_("Ce n'est pas votre mot de passe."))
        else:
            user = db.session.get(User, current_user.id)
            try:
                privacy.check_can_delete(user)
                logout_user()
                privacy.delete_account(user, form.mode.data)
            except ServiceError as error:  # the last administrator (Conflict), no mode chosen
                flash(error.message, "error")
                return redirect(url_for("users.delete_account"), code=303)
            if form.mode.data == "erase":
                flash(_("Votre compte et vos contributions ont été supprimés."), "success")
            else:
                flash(
                    _(
                        "Votre compte a été supprimé ; vos contributions restent, signées « ancien membre »."
                    ),
                    "success",
                )
            return redirect(url_for("main.index"), code=303)
    status = 400 if request.method == "POST" else 200
    return render_template("users/delete.html", form=form), status
