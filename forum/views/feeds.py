"""Atom feeds, rendered from one template."""

from flask import Response, render_template, request

from forum.models import SECTIONS


def atom_response(title: str, items, alternate: str) -> Response:
    xml = render_template(
        "feeds/atom.xml",
        title=title,
        items=items,
        alternate=alternate,
        self_url=request.url,
        sections=SECTIONS,
    )
    return Response(xml, mimetype="application/atom+xml")
