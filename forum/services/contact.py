"""Writing to a structure or a member through Maillage, never showing an address.

The message is relayed by e-mail to the members who accept it (a setting; yes by default
for a structure's référent·e); Reply-To names the sender only if they agree. Each message
sent is logged without its text (contact_message): the moderators' log, and the table the
hourly and daily limits count, so that they hold across server processes. Rows older than
FORUM_CONTACT_LOG_DAYS are deleted whenever a new one is logged (privacy page).
"""

import smtplib
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.orm import joinedload

from forum import limits
from forum.extensions import db
from forum.mail import send_mail
from forum.models import ContactMessage, Structure, User
from forum.models.base import utcnow
from forum.services import brakes, lock_for_update
from forum.services.errors import Invalid, RateLimited, Unavailable
from forum.urls import external_url

# (window, most messages a sender may send in it)
LIMITS = ((timedelta(hours=1), 5), (timedelta(days=1), 20))


class ContactLimited(RateLimited):
    """The sender reached the hourly or daily number of messages."""


def accepts(user: User | None, sender: User | None = None) -> bool:
    """May `sender` write to `user` through Maillage? Never to an opted-out member, nor to
    a suspended one (they could not log in to answer)."""
    return (
        user is not None
        and user.approved
        and not user.is_suspended
        and user.contactable
        and (sender is None or user.id != sender.id)
    )


def structure_recipients(structure: Structure, sender: User | None = None) -> list[User]:
    """The members of `structure` who accept messages (the sender left out)."""
    return [m for m in structure.members if accepts(m, sender)]


def log_retention() -> timedelta:
    """How long a message's trace is kept: the setting, never less than the longest limit
    window (the daily limit must still see a day of messages)."""
    days = timedelta(days=current_app.config["CONTACT_LOG_DAYS"])
    return max(days, *(window for window, _most in LIMITS))


def purge_old_messages() -> int:
    """Delete the traces older than the retention (the caller's transaction). Returns how
    many."""
    result = db.session.execute(
        delete(ContactMessage).where(ContactMessage.created_at < utcnow() - log_retention())
    )
    return result.rowcount


def _check_limits(sender: User) -> None:
    """Raise ContactLimited (field "body", `retry_after` in seconds) when `sender` has sent
    the most messages one of LIMITS' sliding windows allows."""
    now = utcnow()
    for window, most in LIMITS:
        sent = select(ContactMessage.created_at).where(
            ContactMessage.sender_id == sender.id, ContactMessage.created_at >= now - window
        )
        wait = brakes.seconds_until_under(sent, most, window, now)
        if wait:
            if window <= timedelta(hours=1):
                message = ngettext(
                    "Vous avez envoyé %(most)d messages dans l’heure : c’est le maximum. "
                    "Réessayez dans %(num)d minute ; votre texte est conservé ci-dessous.",
                    "Vous avez envoyé %(most)d messages dans l’heure : c’est le maximum. "
                    "Réessayez dans %(num)d minutes ; votre texte est conservé ci-dessous.",
                    -(-wait // 60),
                    most=most,
                )
            else:
                message = ngettext(
                    "Vous avez envoyé %(most)d messages en 24 heures : c’est le maximum. "
                    "Réessayez dans %(num)d heure ; votre texte est conservé ci-dessous.",
                    "Vous avez envoyé %(most)d messages en 24 heures : c’est le maximum. "
                    "Réessayez dans %(num)d heures ; votre texte est conservé ci-dessous.",
                    -(-wait // 3600),
                    most=most,
                )
            raise ContactLimited(message, "body", retry_after=wait)


def _compose(
    recipient: User, sender: User, subject: str, body: str, share_email: bool, structure
) -> str:
    """The e-mail text, in the recipient's language."""
    signature = sender.display_name
    if sender.structure is not None:
        signature = f"{sender.display_name} ({sender.structure.name})"
    if structure is not None:
        intro = _(
            "%(sender)s écrit à %(structure)s, dont vous êtes membre, via Maillage :",
            sender=signature,
            structure=structure.name,
        )
    else:
        intro = _("%(sender)s vous écrit via Maillage :", sender=signature)
    if share_email:
        reply = _(
            "Pour répondre, répondez simplement à cet e-mail : votre réponse ira à %(name)s.",
            name=sender.display_name,
        )
    elif accepts(sender):
        reply = _(
            "%(name)s n'a pas partagé son adresse. Pour lui répondre : %(link)s",
            name=sender.display_name,
            link=external_url("users.contact", user_id=sender.id),
        )
    else:
        reply = _(
            "%(name)s n'a pas partagé son adresse. Son profil : %(link)s",
            name=sender.display_name,
            link=external_url("users.profile", user_id=sender.id),
        )
    return "\n".join(
        [
            _("Bonjour %(name)s,", name=recipient.display_name),
            "",
            intro,
            "",
            _("Objet : %(subject)s", subject=subject),
            "",
            body,
            "",
            "—",
            reply,
            _("Votre adresse e-mail n'a pas été communiquée."),
            _(
                "Vous recevez ce message parce que vous acceptez d'être contacté·e via "
                "Maillage. Pour ne plus en recevoir : %(link)s",
                link=external_url("users.account", _anchor="contact"),
            ),
        ]
    )


def send_message(
    sender: User,
    recipients: list[User],
    subject: str,
    body: str,
    share_email: bool = False,
    structure: Structure | None = None,
) -> int:
    """Relay a message by e-mail to each recipient who accepts it, then log it (without its
    text) in the caller's transaction. Raises ContactLimited past the limits, Invalid when nobody can
    receive it, Unavailable when no e-mail could be sent (then nothing is logged).
    Returns the number of e-mails sent."""
    subject = " ".join((subject or "").split())[: limits.CONTACT_SUBJECT_MAX]
    body = (body or "").strip()[: limits.CONTACT_BODY_MAX]
    lock_for_update(sender)  # one sender's messages one at a time: the limits hold
    _check_limits(sender)
    recipients = [r for r in recipients if accepts(r, sender)]
    if not recipients:
        raise Invalid("body", _("Personne ne peut recevoir de message ici pour l'instant."))
    sent = 0
    for recipient in recipients:
        with force_locale(recipient.locale or "fr"):
            text = _compose(recipient, sender, subject, body, share_email, structure)
            mail_subject = f"[Maillage] {subject}"
        headers = {"Reply-To": sender.email} if share_email else None
        try:
            send_mail(recipient.email, mail_subject, text, headers=headers)
        except (smtplib.SMTPException, OSError) as error:
            current_app.logger.error(
                "Contact e-mail not sent to account %s: %r", recipient.id, error
            )
            continue
        sent += 1
    if not sent:
        raise Unavailable(
            _("Le message n'a pas pu être envoyé. Réessayez dans quelques minutes."), "body"
        )
    purge_old_messages()  # as failed logins are at each attempt: no job to schedule
    db.session.add(
        ContactMessage(
            sender_id=sender.id,
            structure_id=structure.id if structure is not None else None,
            recipient_id=recipients[0].id if structure is None else None,
            recipients=sent,
            share_email=bool(share_email),
        )
    )
    db.session.flush()
    return sent


def recent_messages(limit: int = 50) -> list[ContactMessage]:
    """The latest relayed messages for the moderators: who wrote to whom, when (no text)."""
    return list(
        db.session.scalars(
            select(ContactMessage)
            .options(
                joinedload(ContactMessage.sender),
                joinedload(ContactMessage.structure),
                joinedload(ContactMessage.recipient),
            )
            .order_by(ContactMessage.id.desc())
            .limit(limit)
        )
    )
