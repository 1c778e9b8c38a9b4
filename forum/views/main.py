"""Home page, language switch and health check."""

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, session
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import text

from forum import cache
from forum.extensions import db
from forum.i18n import current_locale
from forum.search import engine
from forum.services import calendar, home
from forum.services.contact import log_retention
from forum.services.reports import draft_readers
from forum.urls import safe_next

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    """Home page. What is the same for every reader (latest reports, modules, challenges,
    totals) is built once per content stamp and language in each process."""
    grid = cache.memo(
        "home.grid",
        lambda: Markup(render_template("main/_home_grid.html", **home.grid_context())),
        current_locale(),
    )
    return render_template(
        "main/index.html",
        grid=grid,
        next_events=calendar.upcoming_near(current_user),  # issue 15: the calendar
        **cache.memo("home.totals", home.totals),
    )


@bp.get("/accessibilite")
def accessibility():
    """Déclaration d'accessibilité (RGAA)."""
    return render_template("main/accessibility.html")


@bp.get("/confidentialite")
def privacy():
    """Politique de confidentialité : ce qui est conservé, pourquoi, combien de temps."""
    return render_template(
        "main/privacy.html",
        drafts_statement=_drafts_statement(draft_readers()),
        contact_log_days=log_retention().days,
    )


def _drafts_statement(readers: set[str]) -> str:
    """Who reads a member's drafts, in words, from the rule the code applies."""
    if not readers:
        return _("Vos brouillons ne sont visibles que par vous.")
    if readers == {"admin"}:
        return _("Vos brouillons ne sont visibles que par vous et les administrateurs.")
    if readers == {"moderator", "admin"}:
        return _(
            "Vos brouillons ne sont visibles que par vous et par l’équipe de modération "
            "(modérateurs et administrateurs)."
        )
    # A rule this page does not know how to say: fail loudly rather than say something false.
    raise RuntimeError(f"Lecteurs des brouillons non décrits : {sorted(readers)}")


@bp.post("/language")
def set_language():
    """Switch the interface language (saved on the account for members)."""
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            current_user.locale = locale
    return redirect(safe_next(request.form.get("next")) or "/", code=303)


@bp.get("/healthz")
def healthz():
    """Readiness: the database answers (else 503); the search index is reported, not
    required: without it pages still work and search says it is being rebuilt. `search`
    names the backend ("whoosh" or "postgres"), so that a load balancer or a person can
    see that every server of a deployment uses the same one."""
    backend = current_app.config.get("SEARCH_BACKEND", "whoosh")
    index = "ok" if engine().available() else "unavailable"
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any driver error means not ready
        db.session.rollback()
        current_app.logger.exception("Health check failed")
        return (
            jsonify(status="error", database="unreachable", index=index, search=backend),
            503,
        )
    return jsonify(
        status="ok" if index == "ok" else "degraded", database="ok", index=index, search=backend
    )
