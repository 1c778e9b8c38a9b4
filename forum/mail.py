"""Outgoing e-mail over SMTP; without a server configured (development) it goes to the log."""

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app


def send_mail(to: str, subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    """Send one plain-text UTF-8 message."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="maillage.local")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)

    if not config["MAIL_SERVER"]:
        current_app.logger.warning("E-mail not sent (no FORUM_MAIL_SERVER):\n%s", message)
        return
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(message)
