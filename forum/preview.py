"""« Aperçu »: Markdown fields shown as they will read, through the same sanitiser, with
nothing saved. Without JavaScript the form's « Aperçu » button (name="action",
value="preview") sends the form back to its own view, which shows it again with the
preview and the typed text (the one-time token is not used); with JavaScript,
static/js/writing.js asks POST /preview for each field and shows the result in place."""

from flask import request
from markupsafe import Markup

from forum.markup import render_markdown
from forum.services.discussions import render_post

MAX_PREVIEW_BYTES = 200 * 1024  # above the largest Markdown field (a 100 KB section)
KINDS = ("markdown", "post")


def requested() -> bool:
    """True when the form was sent with its « Aperçu » button."""
    return request.method == "POST" and request.form.get("action") == "preview"


def render(text: str, kind: str = "markdown") -> Markup:
    """The text as readers will see it: a post links its @mentions, like a saved post."""
    if kind == "post":
        return Markup(render_post(text or ""))  # sanitised by render_markdown inside
    return render_markdown(text or "")


def previews(form, names, kind: str = "markdown") -> list[tuple[str, str, Markup]]:
    """(field id, label, rendered HTML) for each named field of `form` that holds text."""
    shown = []
    for name in names:
        field = form[name]
        text = (field.data or "")[:MAX_PREVIEW_BYTES]
        if text.strip():
            shown.append((field.id, str(field.label.text), render(text, kind)))
    return shown
