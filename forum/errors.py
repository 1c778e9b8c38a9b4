"""French (and English) error pages; a CSRF failure is a plain 400."""

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from forum.i18n import lazy

MESSAGES = {
    400: (
        lazy("Requête invalide"),
        lazy("La requête n'a pas pu être comprise. Vérifiez le formulaire et réessayez."),
    ),
    403: (
        lazy("Accès refusé"),
        lazy("Vous n'avez pas les droits nécessaires pour cette page."),
    ),
    404: (
        lazy("Page introuvable"),
        lazy("Cette page n'existe pas, ou plus."),
    ),
    405: (
        lazy("Méthode non autorisée"),
        lazy("Cette adresse ne s'utilise pas ainsi."),
    ),
    413: (
        lazy("Contenu trop volumineux"),
        lazy("Ce que vous avez envoyé dépasse la taille autorisée."),
    ),
    429: (
        lazy("Trop de tentatives"),
        lazy("Trop de tentatives en peu de temps. Patientez quelques minutes puis réessayez."),
    ),
    500: (
        lazy("Erreur interne"),
        lazy("Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez plus tard."),
    ),
    503: (
        lazy("Service indisponible"),
        lazy("Le service est momentanément indisponible. Réessayez dans un instant."),
    ),
}


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    return (
        render_template(
            "errors/error.html", code=code, title=str(title), message=detail or str(message)
        ),
        code,
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(
            400, _("Le formulaire a expiré ou n'est pas valide. Rechargez la page et réessayez.")
        )

    @app.errorhandler(HTTPException)
    def http_error(error):
        if error.code in MESSAGES:
            # abort(code, description=_("…")) carries a French explanation; keep it.
            custom = error.description if error.description != type(error).description else None
            return render_error(error.code, custom)
        return error

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        from forum.extensions import db

        db.session.rollback()
        return render_error(500)
