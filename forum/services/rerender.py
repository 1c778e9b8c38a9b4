"""Stored HTML made again from its Markdown, after the renderer changed (forum.markup).

Every text members write is kept twice: its Markdown, as typed, and its HTML, rendered
and sanitised once when it was saved. A change of the renderer (a link found whole, a
list under a line of text) reaches new texts only; `flask markup rerender` brings the
stored ones up to date. Only rows whose HTML differs are written: their search documents
are queued again by the indexing hook, and the content stamp moves (forum.cache), as for
any edit. No revision is recorded: the texts, as typed, are unchanged."""

from collections.abc import Callable, Iterator

from sqlalchemy import select

from forum.extensions import db
from forum.markup import render_markdown
from forum.models import SECTIONS, CalendarEvent, KitModule, Post, ReportBody
from forum.services.discussions import render_post


def _markdown(text: str) -> str:
    return str(render_markdown(text or ""))


# What is rendered from what: (label, model, [(Markdown column, HTML column)], renderer)
TEXTS: tuple[tuple[str, type, list[tuple[str, str]], Callable[[str], str]], ...] = (
    ("messages", Post, [("body_md", "body_html")], render_post),
    (
        "retours",
        ReportBody,
        [(f"{name}_md", f"{name}_html") for name in SECTIONS],
        _markdown,
    ),
    ("rendez-vous", CalendarEvent, [("description_md", "description_html")], _markdown),
    ("modules", KitModule, [("description_md", "description_html")], _markdown),
)


def _rows(model: type, batch: int) -> Iterator:
    """Every row of `model`, `batch` at a time, in primary-key order."""
    key = model.__mapper__.primary_key[0]
    last = None
    while True:
        query = select(model).order_by(key).limit(batch)
        if last is not None:
            query = query.where(key > last)
        rows = list(db.session.scalars(query))
        if not rows:
            return
        yield from rows
        last = getattr(rows[-1], key.key)


def rerender(batch: int = 500, dry_run: bool = False) -> dict[str, tuple[int, int]]:
    """Render every stored text again; write the HTML that differs (not with `dry_run`),
    flushing each `batch` rows. Returns {label of TEXTS: (rows read, rows changed)}; the
    caller commits."""
    counts: dict[str, tuple[int, int]] = {}
    for label, model, columns, render in TEXTS:
        read = changed = 0
        for row in _rows(model, batch):
            read += 1
            fresh = {html: render(getattr(row, md) or "") for md, html in columns}
            if any(getattr(row, html) != value for html, value in fresh.items()):
                changed += 1
                if not dry_run:
                    for html, value in fresh.items():
                        setattr(row, html, value)
            if read % batch == 0:
                db.session.flush()
        db.session.flush()
        counts[label] = (read, changed)
    return counts
