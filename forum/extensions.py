"""Flask extensions, created unbound and initialised by the app factory."""

from datetime import UTC, datetime

from flask import current_app, session
from flask_babel import Babel
from flask_compress import Compress
from flask_login import LoginManager as BaseLoginManager
from flask_login.utils import encode_cookie
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so Alembic can alter them on SQLite (batch mode) and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class LoginManager(BaseLoginManager):
    """Flask-Login's, setting the remember-me cookie without datetime.utcnow() (deprecated
    in Python 3.12, hence an error under -W error; see docs FINDINGS). The cookie lasts
    REMEMBER_COOKIE_DURATION; the session it names is checked in the database at each
    request (forum.services.sessions), so the cookie alone opens nothing once ended."""

    def _set_cookie(self, response) -> None:
        config = current_app.config
        duration = config["REMEMBER_COOKIE_DURATION"]
        response.set_cookie(
            config.get("REMEMBER_COOKIE_NAME", "remember_token"),
            value=encode_cookie(str(session["_user_id"])),
            max_age=duration,
            expires=datetime.now(UTC) + duration,
            domain=config.get("REMEMBER_COOKIE_DOMAIN"),
            path=config.get("REMEMBER_COOKIE_PATH", "/"),
            secure=config.get("REMEMBER_COOKIE_SECURE", False),
            httponly=config.get("REMEMBER_COOKIE_HTTPONLY", True),
            samesite=config.get("REMEMBER_COOKIE_SAMESITE"),
        )


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
compress = Compress()


def release_session() -> None:
    """End this context's database session, even when its connection died under it (the
    rollback then raises; the pool replaces the connection on next use)."""
    try:
        db.session.remove()
    except SQLAlchemyError as error:
        current_app.logger.warning("Database session released with an error: %s", error.code)
