"""Security headers and request-body hygiene (NUL bytes, unparsable multipart parts); safe
redirects are `forum.urls.safe_next`."""

from flask import Flask, Request, request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from forum.errors import render_error
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


def _has_nul_value(multidict) -> bool:
    return any(
        "\x00" in value for _, value in multidict.items(multi=True) if isinstance(value, str)
    )


class FormRequest(Request):
    """A multipart part whose name cannot be parsed arrives under the key None, which
    Flask-WTF's CSRF check and our views do not expect (a 500): no browser sends one, so
    such parts are dropped. A NUL in a form's value is removed (PostgreSQL text cannot hold
    one): a text pasted with one is saved, or shown again with its field's errors, as it
    would be without it, rather than refused whole (a fresh tester lost a report's date and
    département to a 400 page); a NUL in a field's name is still refused (refuse_nul_bytes)."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        for name in ("form", "files"):
            data = self.__dict__[name]
            if None in data:
                self.__dict__[name] = ImmutableMultiDict(
                    (key, value) for key, value in data.items(multi=True) if key is not None
                )
        form = self.__dict__["form"]
        if _has_nul_value(form):
            self.__dict__["form"] = ImmutableMultiDict(
                (key, value.replace("\x00", "") if isinstance(value, str) else value)
                for key, value in form.items(multi=True)
            )


def init_app(app: Flask) -> None:
    app.request_class = FormRequest

    @app.before_request
    def refuse_nul_bytes():
        # PostgreSQL text cannot hold NUL and no human types one: refuse early, calmly.
        # The search box is the exception: what is typed there is read, never stored, and
        # the query parser reads a NUL as a space (a pasted text may carry one).
        args = request.args
        if request.endpoint == "search.index":  # its filters are stored text: refused
            args = MultiDict([(k, v) for k, v in args.items(multi=True) if k != "q"])
        if (
            "\x00" in request.path
            or _has_nul(args)
            or (request.method == "POST" and _has_nul(request.form))
        ):
            return render_error(400, str(NUL_MESSAGE))

    @app.after_request
    def set_security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
