"""Security headers and safe redirects."""

from urllib.parse import urlsplit

from flask import Flask, request

from forum.i18n import lazy

NUL_MESSAGE = lazy("La requête contient des caractères non valides (octet nul).")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def _has_nul(multidict) -> bool:
    return any(
        "\x00" in key or "\x00" in value
        for key, values in multidict.lists()
        for value in values
        if isinstance(value, str)
    )


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul_bytes():
        # PostgreSQL text cannot hold NUL and no human types one: refuse early, calmly.
        if (
            "\x00" in request.path
            or _has_nul(request.args)
            or (request.method == "POST" and _has_nul(request.form))
        ):
            from forum.errors import render_error

            return render_error(400, str(NUL_MESSAGE))

    @app.after_request
    def set_security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response


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
