"""French (and English) error pages; a CSRF failure is a plain 400; a database or a file
store that does not answer is a 503 with Retry-After, not a 500."""

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import Flask, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_url
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError, PendingRollbackError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from forum.extensions import db, login_manager, release_session
from forum.i18n import lazy
from forum.pagination import PastLastPage
from forum.services.errors import ServiceError
from forum.storage import StorageUnavailable
from forum.transactions import doom
from forum.urls import safe_next

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
    401: (
        lazy("Connexion nécessaire"),
        lazy(
            "Vous n'êtes plus connecté·e (votre session a pris fin, ou vous vous êtes "
            "déconnecté·e dans un autre onglet) : ce que vous avez envoyé n'a pas été "
            "enregistré."
        ),
    ),
    405: (
        lazy("Méthode non autorisée"),
        lazy("Cette adresse ne s'utilise pas ainsi."),
    ),
    409: (
        lazy("Opération impossible"),
        lazy("Ce que vous demandez n'est plus possible en l'état. Rechargez la page."),
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


# Posted fields never shown back (secrets, bookkeeping) and the shortest text worth keeping
# of a field that is not one of FIELD_LABELS' (a choice's value, a date: nothing typed).
NOT_SHOWN_BACK = ("password", "csrf", "token", "version", "confirm", "action", "parent_id")
KEPT_TEXT_CHARS = 20
# The fields members write in, named: given back whatever their length (a fresh tester
# lost a report's title « Séance 3 Figeac » and a reply of 19 characters).
FIELD_LABELS = {
    "body": lazy("Message"),
    "title": lazy("Titre"),
    "context": lazy("Contexte"),
    "proceedings": lazy("Déroulé"),
    "worked": lazy("Ce qui a marché"),
    "difficulties": lazy("Difficultés"),
    "advice": lazy("Conseils"),
    "reason": lazy("Motif"),
    "description": lazy("Description"),
    "bio": lazy("Présentation"),
    "summary": lazy("Résumé"),
    "objectives": lazy("Objectifs"),
    "tools": lazy("Outils"),
    "comment": lazy("Commentaire"),
    "subject": lazy("Objet"),
    "name": lazy("Nom"),
    "label": lazy("Libellé"),
    "commune": lazy("Commune"),
    "place": lazy("Lieu"),
    "alt": lazy("Description des images"),
    "new_tags": lazy("Nouveaux défis"),
}


OTHER_TEXT = lazy("Autre texte saisi")


def typed_text() -> list[tuple[str, str]]:
    """The text a refused form carried (a reply to a discussion locked meanwhile, an edit
    of a message deleted in another tab…): [(field name, text)], so that the error page
    gives it back to copy instead of losing it: the fields of FIELD_LABELS whatever their
    length, others of KEPT_TEXT_CHARS or more, never a password."""
    if request.method != "POST" or request.content_length is None:
        return []
    try:
        form = request.form
    except Exception:  # an unreadable body: nothing to give back
        return []
    kept = []
    for name in form:
        if any(word in name.lower() for word in NOT_SHOWN_BACK):
            continue
        value = "\n".join(v for v in form.getlist(name) if isinstance(v, str)).replace("\x00", "")
        if name in FIELD_LABELS:
            if value.strip():
                kept.append((str(FIELD_LABELS[name]), value))
        elif len(value.strip()) >= KEPT_TEXT_CHARS and any(c.isspace() for c in value.strip()):
            # Words someone wrote, under a label of ours: a field's name (« modules ») is
            # not French, and a choice's code (« emergence-interconnaissance ») not text.
            kept.append((str(OTHER_TEXT), value))
    return kept[:12]


def render_error(code: int, detail: str | None = None, link: tuple[str, str] | None = None):
    """The French error page; `link` is an extra (href, label) way out besides the home page.
    A refused form's text is shown back on it (see typed_text): nothing typed is lost."""
    title, message = MESSAGES.get(code, MESSAGES[500])
    return (
        render_template(
            "errors/error.html",
            code=code,
            title=str(title),
            message=detail or str(message),
            link=link,
            typed=typed_text() if code < 500 else [],
        ),
        code,
    )


def _too_large_upload(per_file: int, files: int) -> str:
    """What a form with files too large for one sending says (its body was not read, so
    its text cannot be shown back): the limits, and the way back to the typed text. A
    fresh tester of issue 17 lost a report's advice to a 120 MB file and a bare « dépasse
    la taille autorisée »."""
    return _(
        "Les fichiers joints dépassent ce qu’un envoi peut porter : %(size)d Mo par "
        "fichier, %(count)d fichiers au plus. Revenez au formulaire avec le bouton "
        "«\u00a0Retour\u00a0» de votre navigateur : ce que vous aviez écrit y est en général encore. "
        "Retirez le fichier trop lourd (ou réduisez-le), puis envoyez à nouveau.",
        size=per_file // 1024**2 or 1,
        count=files,
    )


def retry_headers(error: Exception) -> dict[str, str]:
    """{"Retry-After": seconds} for a RateLimited that knows when it lifts, else {}: for
    the error page and for the forms that come back with a 429."""
    seconds = getattr(error, "retry_after", None)
    return {"Retry-After": str(seconds)} if seconds else {}


def limited_form(error: Exception, render: Callable[[], str]) -> tuple[str, int, dict]:
    """A form refused by a rate limit (a RateLimited), given back as typed: the reason
    flashed above it, status 429 (RFC 6585 §4) and Retry-After when known. `render` draws
    the form page; it is called after the flash, so the page shows it. Returns a Flask
    response tuple (body, 429, headers)."""
    flash(str(getattr(error, "message", error)), "error")
    return render(), 429, retry_headers(error)


def last_page_url(last: int) -> str:
    """This request's URL with `page` set to `last` (dropped for page 1), its other
    arguments kept. Arguments named like url_for's options (`_anchor`...) are dropped."""
    args = {k: v for k, v in request.args.to_dict(flat=False).items() if not k.startswith("_")}
    args.pop("page", None)
    if last > 1:
        args["page"] = [str(last)]
    return url_for(request.endpoint, **{**args, **(request.view_args or {})})


def signed_out():
    """What a signed-out visitor gets from a page for members: a page to read (GET) sends
    to the login page, which comes back to it (Flask-Login's own behaviour); anything sent
    (a report, a reply: POST) gets a 401 page that gives the text back to copy, with a
    sign-in link back to the page it was sent from. A fresh tester wrote a report, her
    session ended meanwhile, and « Publier » led to an empty login page, the text lost."""
    if request.method in ("GET", "HEAD"):
        flash(str(login_manager.login_message), login_manager.login_message_category)
        return redirect(login_url(login_manager.login_view, next_url=request.url))
    doom()
    back = return_path()
    return render_error(
        401,
        None,
        (
            login_url(login_manager.login_view, next_url=back),
            _(
                "Se connecter, puis revenir à la page (ouvrez-le dans un autre onglet pour garder celle-ci)"
            ),
        ),
    )


def return_path() -> str:
    """The page to come back to after signing in or reloading a form: this page when it
    can be read (a GET, or a POST to an address that also answers GET: /reports/new), else
    the page the form was sent from (a local Referer), else the home page — never an
    address that only takes a POST (a third fresh tester signed in through the header's
    link of a 401 page and met a 405 at /discussions/2/reply)."""
    if request.method in ("GET", "HEAD"):
        return request.full_path.rstrip("?")
    try:
        current_app.url_map.bind("localhost").match(request.path, method="GET")
        return request.path
    except HTTPException:
        pass
    return _local_path(request.referrer) or url_for("main.index")


def _local_path(url: str | None) -> str | None:
    """The path and query of `url` when it is a page of this site (a Referer), else None:
    urls.safe_next's rule once the host is checked to be ours."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != request.host:
        return None
    return safe_next(parts.path + (f"?{parts.query}" if parts.query else ""))


def init_app(app: Flask) -> None:
    login_manager.unauthorized_handler(signed_out)

    app.jinja_env.globals["return_path"] = return_path

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        doom()
        return render_error(
            400,
            _("Le formulaire a expiré ou n'est pas valide. Rechargez la page et réessayez."),
            (return_path(), _("Revenir au formulaire")),
        )

    @app.errorhandler(HTTPException)
    def http_error(error):
        doom()  # abort(403) after a write: nothing of it is kept
        if error.code == 413 and g.get("upload_limits"):
            return render_error(413, _too_large_upload(*g.upload_limits))
        if error.code in MESSAGES:
            # abort(code, description=_("…")) carries a French explanation; keep it.
            custom = error.description if error.description != type(error).description else None
            return render_error(error.code, custom)
        return error

    @app.errorhandler(ServiceError)
    def domain_error(error: ServiceError):
        """A domain error no view handled (a locked discussion, a new account posting too
        fast, an invalid reply…): what was started is rolled back and the error page says
        what happened, with the status of its kind (Invalid 400, Forbidden 403…)."""
        db.session.rollback()
        body, code = render_error(error.status, error.message)
        return body, code, retry_headers(error)

    @app.errorhandler(PastLastPage)
    def past_last_page(error):
        message = _("Cette liste s'arrête à la page %(last)d.", last=error.last)
        return render_error(
            404, message, (last_page_url(error.last), _("Aller à la dernière page"))
        )

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)

        db.session.rollback()
        return render_error(500)

    @app.errorhandler(SQLAlchemyError)
    def database_error(error):
        if not database_unreachable(error):
            return unexpected_error(error)
        # One line, no traceback: during a database restart every request lands here.
        app.logger.warning(
            "Database unavailable on %s %s: %s",
            request.method,
            request.path,
            (str(getattr(error, "orig", None) or error) or type(error).__name__).splitlines()[0],
        )

        release_session()
        # The page is rendered as for a visitor: the member's account (the header, the
        # unread count) cannot be read without the database. The session cookie is kept.
        g._login_user = login_manager.anonymous_user()
        body, code = render_error(503)
        return body, code, {"Retry-After": str(RETRY_AFTER_SECONDS)}

    @app.errorhandler(StorageUnavailable)
    def storage_unavailable(error):
        """The file store does not answer or refuses us (S3 down, wrong keys, full disk):
        one log line that says which and what to check, a French 503, and nothing the
        request wrote is kept (no row without its file)."""
        app.logger.warning("Storage unavailable on %s %s: %s", request.method, request.path, error)
        doom()
        message = _("Les fichiers sont momentanément inaccessibles. Réessayez dans un instant.")
        body, code = render_error(503, message)
        return body, code, {"Retry-After": str(RETRY_AFTER_SECONDS)}

    @app.teardown_appcontext
    def end_session(_exc):
        # Runs before Flask-SQLAlchemy's own teardown (registered earlier): when the server
        # went away mid-transaction, the rollback on release raises, and an error raised in
        # teardown would reach gunicorn as a bare 500 after our 503 was already chosen.
        release_session()


RETRY_AFTER_SECONDS = 5


# What a database that does not answer looks like. SQLite reports a missing table or a
# syntax error as OperationalError too: those are bugs or a forgotten `db upgrade`, not an
# outage, and must stay loud 500s. PostgreSQL: SQLSTATE classes 08 (connection), 57
# (operator intervention: shutdown, restart), 53 (insufficient resources); None when the
# connection itself could not be made.
SQLITE_OUTAGES = ("unable to open database file", "database is locked", "disk i/o error")
POSTGRES_OUTAGE_CLASSES = ("08", "57", "53")


def database_unreachable(error: SQLAlchemyError) -> bool:
    """Connection refused or lost, server shutting down or starting up, locked: errors
    that go away on their own (the pool's pre-ping reconnects on a later request)."""
    if isinstance(error, PendingRollbackError):
        # A statement lost the connection earlier in the request and its error was
        # handled; the next statement raises this.
        return error.code == "8s2b"
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    if not isinstance(error, OperationalError):
        return False
    if type(error.orig).__module__.startswith("sqlite3"):
        message = str(error.orig).lower()
        return any(outage in message for outage in SQLITE_OUTAGES)
    sqlstate = getattr(error.orig, "sqlstate", None)
    return sqlstate is None or sqlstate[:2] in POSTGRES_OUTAGE_CLASSES
