"""Notification e-mails: plain text and HTML alternatives carrying the message itself.

The HTML part only ever contains stored, sanitised HTML (forum/markup.py), never the
Markdown a member typed; the text part is drawn from that same HTML."""

import html
import re
from dataclasses import dataclass

from flask import render_template, url_for
from flask_babel import force_locale
from markupsafe import Markup, escape
from sqlalchemy import select

from forum.extensions import db
from forum.mail import send_mail
from forum.models import SECTIONS, Notification, Post, User

EXCERPT_MAX = 2000  # characters of text; a longer message is cut, and shown as text
WITH_BODY = frozenset(
    {"mention", "reply_to_post", "reply_to_discussion", "answer_accepted", "new_post"}
)
_LINK = re.compile(r'<a\s([^>]*)href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_RELATIVE = re.compile(r'href="/(?!/)')
_BLOCK_END = re.compile(r"</(p|li|h\d|blockquote|pre|tr)>|<br\s*/?>")
_ITEM = re.compile(r"<li>")
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class MailItem:
    """One notification as an e-mail shows it."""

    description: str
    url: str
    author: str = ""
    text: str = ""  # the message as plain text
    html: Markup | None = None  # the same, stored sanitised HTML (None: show the text)


def absolute_links(stored_html: str) -> str:
    """Our sanitised HTML with its site-relative links (mentions) made absolute, as an
    e-mail needs; call within a request context (forum.urls.request_context)."""
    root = url_for("main.index", _external=True).rstrip("/")
    return _RELATIVE.sub(f'href="{root}/', stored_html or "")


def html_to_text(stored_html: str) -> str:
    """Our own sanitised HTML as readable plain text: links keep their address, list items
    their dash, paragraphs their blank line."""

    def link(match):
        href, label = html.unescape(match.group(2)), _TAG.sub("", match.group(3))
        if 'class="mention"' in match.group(1) or html.unescape(label) == href:
            return label  # « @alice » says enough
        return f"{label} ({href})"

    text = _LINK.sub(link, stored_html or "")
    text = _ITEM.sub("- ", text)
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    return _BLANKS.sub("\n\n", text).strip()


def _cut(text: str) -> str:
    if len(text) <= EXCERPT_MAX:
        return text
    return text[:EXCERPT_MAX].rsplit(" ", 1)[0] + " […]"


def _body_html(n: Notification) -> tuple[str, str]:
    """(author name, stored HTML) of what the notification is about, or ("", "")."""
    if n.kind in WITH_BODY and n.post is not None and n.post.visible:
        return (n.post.author.display_name if n.post.author else ""), n.post.body_html
    if n.kind == "new_discussion" and n.discussion is not None:
        opening = db.session.scalar(
            select(Post).where(Post.id.in_(Post.opening_ids([n.discussion_id])))
        )
        if opening is not None and opening.visible:
            return (opening.author.display_name if opening.author else ""), opening.body_html
    if n.kind == "new_report" and n.report is not None:
        author = n.report.author.display_name if n.report.author else ""
        for name in SECTIONS:
            if n.report.section_html(name):
                return author, n.report.section_html(name)
    return "", ""


def mail_item(n: Notification, description: str, url: str) -> MailItem:
    """The notification with its message text (call only once visible_to said yes)."""
    author, stored = _body_html(n)
    if not stored:
        return MailItem(description, url)
    stored = absolute_links(stored)
    text = html_to_text(stored)
    cut = _cut(text)
    shown = Markup(stored) if cut == text else None  # stored HTML is sanitised already
    return MailItem(description, url, author, cut, shown)


def paragraphs(text: str) -> Markup:
    """Plain text as escaped HTML paragraphs (for a cut message)."""
    return Markup("").join(
        Markup("<p>%s</p>") % Markup("<br>").join(escape(line) for line in block.split("\n"))
        for block in text.split("\n\n")
    )


def send(user: User, subject: str, intro: str, items: list[MailItem], unsubscribe: str) -> None:
    """One e-mail to `user`, text and HTML, with the one-click unsubscribe header."""
    with force_locale(user.locale or "fr"):
        context = dict(
            user=user,
            intro=intro,
            items=items,
            unsubscribe=unsubscribe,
            settings=url_for("users.account", _external=True, _anchor="email"),
            paragraphs=paragraphs,
        )
        text = render_template("mail/notifications.txt", **context)
        body_html = render_template("mail/notifications.html", **context)
    send_mail(
        user.email,
        subject,
        text,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        html=body_html,
    )
