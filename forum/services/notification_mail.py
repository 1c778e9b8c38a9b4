"""Notification e-mails: plain text and HTML alternatives carrying the message itself.

The HTML part only ever contains stored, sanitised HTML (forum/markup.py), never the
Markdown a member typed; the text part is drawn from that same HTML."""

import html
import re
from dataclasses import dataclass

from flask_babel import force_locale
from markupsafe import Markup, escape
from sqlalchemy import select

from forum.extensions import db
from forum.mail import send_mail
from forum.models import SECTIONS, Notification, Post, User
from forum.services.notification_kinds import MODERATION_KINDS
from forum.services.notification_wording import render_text
from forum.urls import absolute_url, external_url

EXCERPT_MAX = 2000  # characters of text; a longer message is cut, and shown as text
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
    """Our sanitised HTML with its site-relative links (mentions: "/users/3", script root
    included) made absolute on FORUM_BASE_URL, as an e-mail needs."""
    return _RELATIVE.sub(f'href="{absolute_url("/")}', stored_html or "")


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
    """(author name, stored HTML) of what the notification is about, or ("", ""): the
    message it targets, else the opening message of its discussion, else the first section
    of its report. Never for a moderation decision (the message was hidden)."""
    if n.kind in MODERATION_KINDS:
        return "", ""
    if n.post_id is not None:
        if n.post is not None and n.post.visible:
            return (n.post.author.display_name if n.post.author else ""), n.post.body_html
        return "", ""
    if n.discussion is not None:
        opening = db.session.scalar(
            select(Post).where(Post.id.in_(Post.opening_ids([n.discussion_id])))
        )
        if opening is not None and opening.visible:
            return (opening.author.display_name if opening.author else ""), opening.body_html
        return "", ""
    if n.report is not None:
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


def send(user: User, items: list[MailItem], unsubscribe: str, digest: bool = False) -> None:
    """One e-mail to `user`, text and HTML, with the one-click unsubscribe header (RFC
    8058): one immediate notification, or a digest of several. Subject, text and HTML come
    from templates/mail/notifications.*, in the member's language; links are absolute on
    FORUM_BASE_URL (`unsubscribe` too). Raises what forum.mail.send_mail raises."""
    with force_locale(user.locale or "fr"):
        context = dict(
            user=user,
            digest=digest,
            items=items,
            unsubscribe=unsubscribe,
            settings=external_url("users.account", _anchor="email"),
            paragraphs=paragraphs,
        )
        subject = render_text("mail/notifications_subject.txt", **context).strip()
        text = render_text("mail/notifications.txt", **context)
        body_html = render_text("mail/notifications.html", **context)
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
