"""Cache-busting static URLs: a content hash in the URL lets browsers keep files for a year."""

import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, request, url_for

ONE_YEAR = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    static_root = Path(app.static_folder)

    @cache
    def digest(filename: str) -> str:
        return hashlib.sha256((static_root / filename).read_bytes()).hexdigest()[:12]

    def asset_url(filename: str) -> str:
        return url_for("static", filename=filename, v=digest(filename))

    app.jinja_env.globals["asset_url"] = asset_url

    @app.after_request
    def long_cache_for_versioned_assets(response):
        if (
            request.endpoint == "static"
            and response.direct_passthrough
            and response.status_code == 200
        ):
            # Our files are a few KB: buffer them (closing the file) so they can be compressed.
            response.direct_passthrough = False
            response.make_sequence()
        if request.endpoint == "static" and request.args.get("v"):
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        return response
