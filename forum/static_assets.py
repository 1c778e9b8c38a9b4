"""Content-hashed static URLs: /static/css/maillage.49e1069df925.css is kept for a year and
never re-checked, so a repeat visit asks nothing for CSS, JS or the icon.

`asset_url("css/maillage.css")` puts the first 12 hex digits of the file's SHA-256 in its
name; the static view strips them again. A name whose hash is current is served
`public, max-age=31536000, immutable`; an old hash (a page cached before a deploy) still
gets today's file, but marked `no-cache`, so that no cache keeps it under the old name.
Plain names stay available, revalidated as Flask does by default.
"""

import hashlib
import re
from functools import cache
from pathlib import Path

from flask import Flask, request, url_for
from werkzeug.exceptions import NotFound

ONE_YEAR = 365 * 24 * 3600
HASHED = re.compile(r"(?P<stem>.+)\.(?P<hash>[0-9a-f]{12})(?P<ext>\.[A-Za-z0-9]+)")


def hashed_name(filename: str, digest: str) -> str:
    """'css/maillage.css', '49e1069df925' -> 'css/maillage.49e1069df925.css'."""
    stem, dot, ext = filename.rpartition(".")
    return f"{stem}.{digest}.{ext}" if dot else f"{filename}.{digest}"


def init_app(app: Flask) -> None:
    """Register asset_url() for templates, the hash-aware static view and its caching."""
    static_root = Path(app.static_folder)

    @cache
    def _digest(filename: str, mtime_ns: int) -> str:
        return hashlib.sha256((static_root / filename).read_bytes()).hexdigest()[:12]

    def digest(filename: str) -> str | None:
        """The file's content hash (recomputed when the file changes); None if absent."""
        path = static_root / filename
        try:
            mtime = path.stat().st_mtime_ns
        except (OSError, ValueError):
            return None
        return _digest(filename, mtime) if path.is_file() else None

    def asset_url(filename: str) -> str:
        return url_for("static", filename=hashed_name(filename, digest(filename)))

    app.jinja_env.globals["asset_url"] = asset_url

    def static(filename: str):
        """A static file by its plain or content-hashed name."""
        match = HASHED.fullmatch(filename)
        if match is None:
            return app.send_static_file(filename)
        plain = match["stem"] + match["ext"]
        current = digest(plain)
        if current is None:
            raise NotFound()
        response = app.send_static_file(plain)
        if current == match["hash"] and response.status_code == 200:
            response.cache_control.no_cache = None  # Flask's default: revalidate each time
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        return response

    app.view_functions["static"] = static

    @app.after_request
    def buffer_static_files(response):
        """Our files are a few KB: buffer them (closing the file) so they can be compressed."""
        if (
            request.endpoint == "static"
            and response.direct_passthrough
            and response.status_code == 200
        ):
            response.direct_passthrough = False
            response.make_sequence()
        return response

    base = type(app.session_interface)

    class StaticWithoutVaryCookie(base):
        """A static file is the same whoever asks: no `Vary: Cookie` (Flask-Login reads the
        session on every response), which would make a cache keep one copy per cookie."""

        def save_session(self, app, session, response):
            super().save_session(app, session, response)
            if request.endpoint == "static":
                kept = [v for v in response.vary if v.lower() != "cookie"]
                response.headers["Vary"] = ", ".join(kept)

    app.session_interface = StaticWithoutVaryCookie()
