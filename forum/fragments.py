"""Rendered fragments the same for every reader, kept per content stamp and language.

A list of report cards shows titles, dates, places, structures, authors, modules and
challenges: nothing of who reads it. Rendering 20 cards (a macro and a few `url_for` each)
is most of a list page's time, so each process keeps the markup of the pages it served,
keyed by their report ids, until the content stamp moves (forum/cache.py).
"""

from flask import render_template
from markupsafe import Markup

from forum import cache
from forum.i18n import current_locale
from forum.services import attachments


def report_cards(items, heading: str = "h2") -> Markup:
    """`<li>` cards for `items` (a report_queries.CardList, or any list of reports), with
    titles in `heading` elements. A CardList's markup is kept per content stamp, ids,
    heading and language; its reports are then not even loaded."""

    def render() -> Markup:
        return Markup(render_template("_macros/report_cards.html", items=items, heading=heading))

    key = getattr(items, "key", None)
    if key is None:
        return render()
    return cache.memo("fragments.report_cards", render, key, heading, current_locale())


def module_shelf(module, kind: str | None) -> Markup:
    """The « Supports partagés » section of a kit module (its ready files of published
    reports, optionally of one kind from attachments.SHELF_KINDS), rendered once per
    content stamp, module, kind and language in each process: it shows nothing of who
    reads it, and a file becoming ready, hidden or deleted raises the stamp like any
    content change (forum/cache.py). It was a quarter of the module page's time."""

    def render() -> Markup:
        return Markup(
            render_template(
                "modules/_shelf.html",
                module=module,
                shelf=attachments.shelf(module.id, kind),
                shelf_kind=kind,
                human_size=attachments.human_size,
            )
        )

    return cache.memo("fragments.module_shelf", render, module.id, kind, current_locale())
