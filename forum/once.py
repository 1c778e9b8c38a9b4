"""Views that create something run once per form token (see services/submissions.py)."""

from functools import wraps

from flask import flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forum.services import submissions

FIELD = "submission_token"
REDIRECTS = (301, 302, 303, 307, 308)


def _token() -> str:
    return request.form.get(FIELD, "") if request.method == "POST" else ""


def _back_to(url: str):
    flash(_("Ce formulaire avait déjà été envoyé : il n'a été enregistré qu'une fois."), "info")
    return redirect(url or url_for("main.index"), code=303)


def submitted_once(view):
    """Decorate a creating view: a POST whose token was already used is sent where the
    first one went; a POST that creates (the view called `claim()`) and redirects records
    its destination for the retries."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        token = _token()
        if token:
            earlier = submissions.earlier_result(token, current_user, wait_seconds=0)
            if earlier is not None:
                if earlier == "":
                    earlier = submissions.earlier_result(token, current_user)
                return _back_to(earlier)
        try:
            response = view(*args, **kwargs)
        except submissions.AlreadySubmitted:
            return _back_to(submissions.earlier_result(token, current_user))
        if g.get("submission_claimed") and getattr(response, "status_code", 200) in REDIRECTS:
            submissions.record_result(token, response.location)
        return response

    return wrapped


def claim() -> None:
    """Claim this request's form token inside the transaction that is about to create
    something; raises submissions.AlreadySubmitted when a concurrent request won."""
    token = _token()
    submissions.claim(token, current_user)
    g.submission_claimed = submissions.is_token(token)
