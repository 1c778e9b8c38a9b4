"""Maillage: the knowledge-exchange forum of "premiers pas" support structures."""

from pathlib import Path

from flask import Flask, g
from flask_login import current_user
from jinja2 import BytecodeCache, StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

ROOT = Path(__file__).resolve().parent.parent


class ProcessBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, shared by every app
    built in it (the tests build one per test: compiling the same templates again was a
    sixth of the suite's time). Jinja checks each entry against the template source's
    checksum (jinja2.bccache.Bucket), so an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        """Fill `bucket` from memory when this template was compiled before."""
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        """Keep what Jinja just compiled."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_BYTECODE = ProcessBytecodeCache()


def create_app(overrides: dict | None = None, env: str | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, CLI, error pages."""
    # config.py is the deployment's settings at the repository root, not part of the
    # installed package: imported when an app is built, so that `import forum` works from
    # anywhere (a benchmark's helper process, a script run from another folder).
    from config import get_config

    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.jinja_options = {**app.jinja_options, "bytecode_cache": TEMPLATE_BYTECODE}
    app.config.from_object(get_config(env))
    if overrides:
        app.config.update(overrides)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # Several workers share one SQLite file: wait for a lock instead of failing at once.
        options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
        options.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options

    if app.config.get("PROXY_HOPS"):
        # The visitor's address and scheme as the HTTPS proxy saw them (login throttles,
        # request log, secure cookies): werkzeug's ProxyFix, trusting that many proxies.
        hops = int(app.config["PROXY_HOPS"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    # Ahead of CSRF protection, which reads the body first: upload pages take bigger ones.
    from forum.views.attachments import raise_upload_limit

    app.before_request(raise_upload_limit)
    configure_extensions(app)
    configure_blueprints(app)
    configure_templates(app)

    # here, not at the top: any `import forum.x` runs this file first (forum -> layers -> forum)
    from forum import cache, cli, errors, request_log, search, security, storage, transactions
    from forum.services import indexing

    search.init_app(app)
    storage.init_app(app)  # uploaded files: a local folder or an S3-compatible store
    indexing.init_app(app)  # report changes -> search outbox, drained by forum.search
    cache.init_app(app)
    init_notifications(app)
    init_media(app)
    security.init_app(app)
    request_log.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    transactions.init_app(app)  # last: its after_request hook runs first (commit, then headers)
    return app


def init_media(app: Flask) -> None:
    """Uploaded files (stored by forum.storage): the per-process worker that processes
    them after the response (images re-encoded, documents' text extracted)."""
    from forum.background import Worker
    from forum.services import attachments

    app.extensions["media"] = Worker(
        app, "media", attachments.process_pending, enabled=app.config["MEDIA_BACKGROUND"]
    )
    attachments.init_app(app)  # uploads wake that worker after their commit


def init_notifications(app: Flask) -> None:
    """The per-process fan-out worker, and the unread count every page header shows."""
    # here, not at the top: any `import forum.x` runs this file first (forum -> layers -> forum)
    from forum.background import Worker
    from forum.services import events, notifications

    app.extensions["notifications"] = Worker(
        app,
        "notifications",
        notifications.process_events,
        enabled=app.config.get("NOTIFICATIONS_BACKGROUND", True),
    )
    events.init_app(app)  # recorded events wake that worker after their commit

    @app.context_processor
    def unread_notifications():
        if current_user.is_authenticated:
            # Kept in `g` too: a thread page marks its notifications read only when the
            # header counted some (forum/pages.py), with no statement of its own.
            g.unread_notifications = notifications.unread_count(current_user)
            return {"unread_notifications": g.unread_notifications}
        return {"unread_notifications": 0}


def configure_extensions(app: Flask) -> None:
    # here, not at the top: any `import forum.x` runs this file first (forum -> layers -> forum)
    from forum import i18n
    from forum.extensions import babel, compress, csrf, db, login_manager, migrate
    from forum.services import sessions

    db.init_app(app)
    compress.init_app(app)  # rural connections: every page gzip- or brotli-compressed
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = i18n.lazy("Connectez-vous pour accéder à cette page.")
    login_manager.login_message_category = "info"
    sessions.init_app(app)  # the user loader checks the open session (one query)


def configure_blueprints(app: Flask) -> None:
    class IdConverter(IntegerConverter):
        """Ids fit a 32-bit integer column: anything larger is simply not found (404)."""

        def __init__(self, url_map, *args, **kwargs):
            kwargs.setdefault("max", 2**31 - 1)
            super().__init__(url_map, *args, **kwargs)

    app.url_map.converters["int"] = IdConverter
    # here, not at the top: any `import forum.x` runs this file first (forum -> layers -> forum)
    from forum.views import (
        activity,
        admin,
        attachments,
        auth,
        calendar,
        discussions,
        main,
        members,
        moderation,
        modules,
        notifications,
        parcours,
        reports,
        search,
        structures,
        tags,
        territories,
        users,
        writing,
    )

    for module in (
        main,
        activity,
        auth,
        users,
        members,
        writing,
        structures,
        reports,
        modules,
        tags,
        parcours,
        calendar,
        territories,
        search,
        discussions,
        notifications,
        moderation,
        admin,
        attachments,
    ):
        app.register_blueprint(module.bp)


def configure_templates(app: Flask) -> None:
    # here, not at the top: any `import forum.x` runs this file first (forum -> layers -> forum)
    from forum import i18n, static_assets
    from forum.fragments import report_cards
    from forum.markup import render_markdown
    from forum.models import ReportStatus
    from forum.text import strip_control_characters

    i18n.init_templates(app)
    if app.testing:
        app.jinja_env.undefined = StrictUndefined  # a misspelt variable fails the tests
    app.jinja_env.filters["xml_safe"] = strip_control_characters
    app.jinja_env.globals["report_cards"] = report_cards
    app.jinja_env.filters["markdown"] = render_markdown  # sanitised: see forum/markup.py
    app.jinja_env.globals["ReportStatus"] = ReportStatus  # states by name, not bare strings
    static_assets.init_app(app)
