"""Language choice and locale-aware formatting (French first, English second)."""

from flask import Flask, current_app, request, session
from flask_babel import format_date, format_datetime, get_locale, lazy_gettext
from flask_login import current_user

from forum.models.base import utcnow

lazy = lazy_gettext


def select_locale() -> str:
    """The member's saved language, else the visitor's choice, else Accept-Language, else fr."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_locale() -> str:
    return str(get_locale() or "fr")


def init_templates(app: Flask) -> None:
    app.jinja_env.globals["current_locale"] = current_locale
    app.jinja_env.globals["now_utc"] = utcnow
    app.jinja_env.filters["date"] = lambda value, fmt="long": (
        format_date(value, fmt) if value else ""
    )
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else ""
    )
