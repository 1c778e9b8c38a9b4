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
