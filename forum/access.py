"""Route guards: who may post, moderate or administer."""

from functools import wraps

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required


def role_required(check):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required(lambda user: user.is_admin)
moderator_required = role_required(lambda user: user.is_moderator)


def posting_required(view):
    """Logged in and approved: accounts awaiting approval can read, not write."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.can_post:
            if request.method == "GET":
                flash(
                    _(
                        "Votre compte attend la validation d'un administrateur : "
                        "vous pourrez publier dès qu'il sera validé."
                    ),
                    "warning",
                )
                return redirect(url_for("main.index"))
            abort(403)
        return view(*args, **kwargs)

    return wrapped
