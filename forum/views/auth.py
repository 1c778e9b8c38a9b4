"""Register, log in and out, reset a forgotten password."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from forum import once
from forum.errors import limited_form
from forum.extensions import db
from forum.forms.accounts import LoginForm, RegisterForm, ResetPasswordForm, ResetRequestForm
from forum.models import Structure
from forum.once import submitted_once
from forum.services import Invalid, accounts, memberships, sessions, structures, territories
from forum.urls import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _log_in(user, remember: bool) -> None:
    """Open a session for this browser (ending the one it had, if any) and log it in."""
    if current_user.is_authenticated and current_user.current_session is not None:
        sessions.end_session(current_user, current_user.current_session.id)
    sessions.open_session(user, remember=remember, user_agent=request.user_agent.string)
    login_user(user, remember=remember)


def _form_page(template: str, form, **context):
    """Re-show a form with its errors: 400 when it was submitted and refused."""
    status = 400 if request.method == "POST" else 200
    return render_template(template, form=form, **context), status


@bp.route("/register", methods=["GET", "POST"])
@submitted_once
def register():
    """Create an account (awaiting approval when registration is by approval)."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    # Proposals waiting for validation too: a colleague may have proposed the structure.
    pending = [s.id for s in structures.pending_structures()]
    form.set_choices(structures.all_structures(include=pending), territories.departments())
    if form.validate_on_submit():
        try:
            once.claim()
            request_made = None
            if form.proposing:  # « ma structure n'est pas dans la liste »
                structure = structures.new_proposal(form.proposal())
            elif form.structure.data:
                structure = db.session.get(Structure, int(form.structure.data))
            else:
                structure = None
            user = accounts.register_user(
                form.email.data, form.password.data, form.display_name.data
            )
            if form.proposing:
                structures.join_as_referent(user, structure)
            else:  # one with members is asked, as from « Mon compte »
                request_made = memberships.choose_structure(user, structure)
        except Invalid as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            _log_in(user, remember=False)
            if form.proposing:
                flash(
                    _(
                        "Votre structure est enregistrée ; elle apparaîtra dans l'annuaire une "
                        "fois validée par l'équipe de modération."
                    ),
                    "info",
                )
            if request_made is not None:
                flash(memberships.sent_notice(request_made), "info")
            if user.approved:
                flash(_("Bienvenue sur Maillage, %(name)s !", name=user.display_name), "success")
            else:
                flash(
                    _(
                        "Votre compte est créé. Un administrateur doit le valider avant que "
                        "vous puissiez publier ; en attendant, vous pouvez tout lire."
                    ),
                    "warning",
                )
            return redirect(url_for("main.index"), code=303)
    return _form_page("auth/register.html", form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in; one message for a wrong e-mail or password, so accounts cannot be probed."""
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(
                form.email.data, form.password.data, request.remote_addr or ""
            )
        except accounts.TooManyAttempts as error:  # the address typed stays in the form
            return limited_form(error, lambda: render_template("auth/login.html", form=form))
        except accounts.AccountSuspended as error:
            form.email.errors.append(error.message)
            return _form_page("auth/login.html", form)
        if user is not None:
            _log_in(user, remember=bool(form.remember.data))
            flash(_("Vous êtes connecté."), "success")
            return redirect(safe_next(request.args.get("next")) or url_for("main.index"), code=303)
        form.password.errors.append(_("Adresse e-mail ou mot de passe incorrect."))
    return _form_page("auth/login.html", form)


@bp.post("/logout")
def logout():
    """Log out (POST only, so a link or an image cannot log anyone out): this browser's
    session ends, so a copy of its remember-me cookie no longer opens anything."""
    if current_user.is_authenticated and current_user.current_session is not None:
        sessions.end_session(current_user, current_user.current_session.id)
    logout_user()
    flash(_("Vous êtes déconnecté."), "info")
    return redirect(url_for("main.index"), code=303)


@bp.route("/reset", methods=["GET", "POST"])
def reset_request():
    """Ask for a reset link by e-mail."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        accounts.request_password_reset(
            form.email.data,
            lambda token: url_for("auth.reset_password", token=token, _external=True),
        )
        flash(
            _(
                "Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de "
                "passe vient d'y être envoyé. Il est valable une heure."
            ),
            "info",
        )
        return redirect(url_for("auth.login"), code=303)
    return _form_page("auth/reset_request.html", form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from a signed, expiring, single-use link; every session of
    the account ends (whoever had the old password is logged out everywhere)."""
    try:
        user = accounts.user_from_reset_token(token)
    except Invalid as error:
        return render_template("auth/reset_invalid.html", message=error.message), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        accounts.set_password(user, form.password.data)
        if current_user.is_authenticated and current_user.id == user.id:
            logout_user()  # its session has just ended with the others
        flash(_("Votre mot de passe a été changé. Vous pouvez vous connecter."), "success")
        return redirect(url_for("auth.login"), code=303)
    return _form_page("auth/reset_password.html", form, token=token)
