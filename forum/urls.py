"""Addresses on FORUM_BASE_URL, built without a request: e-mail links, stored HTML.

The one place that turns an endpoint into an address outside a request (background
workers, cron, CLI). A werkzeug MapAdapter is bound from the configured base URL (scheme,
host and port, script root), so no fake request context is needed. Pages and redirects
inside a request keep using flask.url_for."""

from urllib.parse import quote, urlsplit

from flask import current_app
from werkzeug.routing import MapAdapter

_ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"  # what flask.url_for leaves unquoted in an anchor


def _adapter() -> MapAdapter:
    """The app's URL map bound on BASE_URL; read at each call, so a change of the setting
    (tests set it per test) is seen at once."""
    base = urlsplit(current_app.config["BASE_URL"])
    return current_app.url_map.bind(
        base.netloc,
        script_name=base.path.rstrip("/") or "/",
        url_scheme=base.scheme or "http",
    )


def _build(endpoint: str, values: dict, anchor: str | None, external: bool) -> str:
    current_app.inject_url_defaults(endpoint, values)
    url = _adapter().build(endpoint, values, force_external=external)
    if anchor:
        url = f"{url}#{quote(anchor, safe=_ANCHOR_SAFE)}"
    return url


def external_url(endpoint: str, _anchor: str | None = None, **values) -> str:
    """The absolute URL of `endpoint` on FORUM_BASE_URL, e.g.
    external_url("notifications.open", notification_id=3) →
    "https://maillage.example/app/notifications/3". Needs an app context, not a request.
    Raises werkzeug.routing.BuildError for an unknown endpoint or missing values."""
    return _build(endpoint, values, _anchor, external=True)


def site_path(endpoint: str, _anchor: str | None = None, **values) -> str:
    """The path of `endpoint` on FORUM_BASE_URL, script root included ("/app/users/3"), for
    links stored in HTML (mentions); absolute_url() makes it whole for an e-mail. Raises
    werkzeug.routing.BuildError like external_url."""
    return _build(endpoint, values, _anchor, external=False)


def absolute_url(path: str) -> str:
    """A site path ("/app/users/3", as site_path gives) made absolute on FORUM_BASE_URL's
    scheme and host; the path keeps its own script root."""
    base = urlsplit(current_app.config["BASE_URL"])
    return f"{base.scheme or 'http'}://{base.netloc}{path}"


def safe_next(target: str | None) -> str | None:
    """Keep only same-site relative paths, so `next` cannot send a user elsewhere."""
    if not target:
        return None
    target = target.strip()
    if "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
