"""Atom feeds, rendered from one template over entries of any kind."""

from dataclasses import dataclass
from datetime import datetime

from flask import Response, render_template, url_for

from forum.models import SECTIONS


@dataclass
class Entry:
    title: str
    url: str
    author: str
    published: datetime
    updated: datetime
    html: str
    tags: list


def report_entry(report) -> Entry:
    return Entry(
        title=report.title,
        url=url_for("reports.detail", report_id=report.id, _external=True),
        author=report.author.display_name if report.author else "ancien membre",
        published=report.published_at or report.created_at,
        updated=report.updated_at,
        html="".join(report.section_html(name) for name in SECTIONS),
        tags=list(report.tags),
    )


def discussion_entry(discussion, opening_html: str) -> Entry:
    return Entry(
        title=discussion.title,
        url=url_for("discussions.detail", discussion_id=discussion.id, _external=True),
        author=discussion.author.display_name if discussion.author else "ancien membre",
        published=discussion.created_at,
        updated=discussion.last_post_at,
        html=opening_html,
        tags=list(discussion.tags),
    )


def atom_response(title: str, items, alternate: str, self_url: str, discussions=()) -> Response:
    """Reports (and discussions, with their opening post's HTML) newest first.

    `self_url` is the feed's canonical address, built by the view with `url_for`: never the
    request URL, whose query string is whatever the client sent (U+FFFE, control characters)
    and would make the feed's `<id>` unstable and its XML invalid.
    """
    entries = [report_entry(r) for r in items] + [
        discussion_entry(d, html) for d, html in discussions
    ]
    entries.sort(key=lambda e: e.published, reverse=True)
    xml = render_template(
        "feeds/atom.xml",
        title=title,
        entries=entries[:30],
        alternate=alternate,
        self_url=self_url,
    )
    return Response(xml, mimetype="application/atom+xml")
