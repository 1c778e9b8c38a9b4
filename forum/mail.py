"""Outgoing e-mail over SMTP; without a server configured (development) it goes to the log."""

import smtplib
from email.header import Header
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import formatdate, make_msgid

from flask import current_app

# Header fields whose value mail clients read as-is (RFC 2369 §2, RFC 8058 §3.1): an RFC 2047
# encoded word there hides the unsubscribe button.
UNFOLDED_HEADERS = frozenset({"list-unsubscribe", "list-unsubscribe-post"})
MAX_LINE = 998  # RFC 5322 §2.1.1: a line MUST NOT exceed 998 characters, CRLF excluded


class MailPolicy(EmailPolicy):
    """The default policy, except that List-Unsubscribe(-Post) stay on one line as written.

    Python folds any header line over 78 characters; an unsubscribe URL has no space to fold
    at, so it becomes `=?utf-8?q?=3Chttps=3A//…?=` (cpython issue 85725). 78 is only a SHOULD
    (RFC 5322 §2.1.1): these fields go out unfolded when they are plain ASCII and the line
    fits in 998 characters, and fall back to the usual folding otherwise, so the message
    stays valid RFC 5322 whatever the URL."""

    def _unfolded(self, name: str, value) -> str | None:
        text = str(value)
        line = f"{name}: {text}"
        if (
            name.lower() in UNFOLDED_HEADERS
            and text.isascii()
            and text.isprintable()  # no CR, LF or other control characters
            and len(line) <= MAX_LINE
        ):
            return line + self.linesep
        return None

    def _encoded_subject(self, name: str, value) -> str | None:
        """A non-ASCII Subject as RFC 2047 encoded words made by email.header.Header, which
        keeps every space inside the encoded text. The default folder can cut a subject
        between an encoded « à » and the next word and lose that space: « Covoiturage à
        Figeac » arrived as « Covoiturage àFigeac » (reproduced with the standard library
        alone, CPython 3.11)."""
        text = str(value)
        if name.lower() != "subject" or text.isascii():
            return None
        encoded = Header(text, "utf-8", header_name=name).encode(linesep=self.linesep)
        return f"{name}: {encoded}{self.linesep}"

    def fold(self, name, value):
        """Fold one header for str output (see the class docstring)."""
        return (
            self._unfolded(name, value)
            or self._encoded_subject(name, value)
            or super().fold(name, value)
        )

    def fold_binary(self, name, value):
        """Fold one header for bytes output, which smtplib sends."""
        line = self._unfolded(name, value) or self._encoded_subject(name, value)
        return line.encode("ascii") if line else super().fold_binary(name, value)


POLICY = MailPolicy()


def send_mail(
    to: str,
    subject: str,
    body: str,
    headers: dict[str, str] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Send one UTF-8 message, plain text, or multipart/alternative when `html` is given
    (text first, HTML preferred by clients that show it); extra `headers` are added as given
    (List-* ones unfolded, see MailPolicy); `attachments`: (text, text subtype, file name)
    each, e.g. an iCalendar file ("calendar"). Raises smtplib.SMTPException or OSError if
    the server fails."""
    config = current_app.config
    message = EmailMessage(policy=POLICY)
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="maillage.local")
    message["Date"] = formatdate(localtime=False, usegmt=True)  # required: RFC 5322 §3.6
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for text, subtype, filename in attachments or ():
        message.add_attachment(text, subtype=subtype, filename=filename)

    if not config["MAIL_SERVER"]:
        current_app.logger.warning("E-mail not sent (no FORUM_MAIL_SERVER):\n%s", message)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(message)
