"""What a notification says, naming its object: a registry {(kind, object): wording}.

The object is "report" when the notification is about a report or the thread under one
(« votre retour d'expérience »), else "discussion". Wordings take %(who)s (the actor's
name), %(de_who)s (the same after French « de », elided: « d'Élodie », see forum.i18n.de),
%(title)s and %(reason)s. In another language %(de_who)s is that language's « de %(name)s »
(English: « from Élodie »)."""

from flask_babel import gettext as _

from forum.i18n import current_locale, de, lazy
from forum.models import Notification

WORDING = {
    ("mention", "discussion"): lazy("%(who)s vous a mentionné dans la discussion « %(title)s »"),
    ("mention", "report"): lazy(
        "%(who)s vous a mentionné dans les échanges du retour d'expérience « %(title)s »"
    ),
    ("reply_to_post", "discussion"): lazy(
        "%(who)s a répondu à votre message dans la discussion « %(title)s »"
    ),
    ("reply_to_post", "report"): lazy(
        "%(who)s a répondu à votre message sur le retour d'expérience « %(title)s »"
    ),
    ("reply_to_discussion", "discussion"): lazy(
        "%(who)s a répondu à votre discussion « %(title)s »"
    ),
    ("reply_to_discussion", "report"): lazy(
        "%(who)s a répondu à votre retour d'expérience « %(title)s »"
    ),
    ("answer_accepted", "discussion"): lazy(
        "Votre réponse a été acceptée dans la discussion « %(title)s »"
    ),
    ("answer_accepted", "report"): lazy(
        "Votre réponse a été acceptée sur le retour d'expérience « %(title)s »"
    ),
    ("new_post", "discussion"): lazy("Nouveau message %(de_who)s dans la discussion « %(title)s »"),
    ("new_post", "report"): lazy(
        "Nouveau message %(de_who)s sur le retour d'expérience « %(title)s »"
    ),
    ("new_discussion", "discussion"): lazy("Nouvelle discussion %(de_who)s : « %(title)s »"),
    ("new_report", "report"): lazy("Nouveau retour d'expérience %(de_who)s : « %(title)s »"),
    ("post_hidden", "discussion"): lazy(
        "L'équipe de modération a masqué votre message dans la discussion « %(title)s ». "
        "Motif : %(reason)s"
    ),
    ("post_hidden", "report"): lazy(
        "L'équipe de modération a masqué votre message sur le retour d'expérience "
        "« %(title)s ». Motif : %(reason)s"
    ),
}


def object_of(n: Notification) -> str:
    """The object named: "report" for a report or its thread, else "discussion"."""
    if n.report_id is not None or (n.discussion is not None and n.discussion.report_id):
        return "report"
    return "discussion"


def title_of(n: Notification) -> str:
    """The title of what the notification is about."""
    if n.discussion is not None:
        return n.discussion.title
    return n.report.title if n.report is not None else ""


def of_name(name: str) -> str:
    """« de » + name in the current language: French elides (« d'Élodie »), English says
    « from Élodie »."""
    if current_locale().startswith("fr"):
        return de(name)
    return _("de %(name)s", name=name)


def describe(n: Notification) -> str:
    """One sentence naming who did what, and on which object, in the current language."""
    who = n.actor.display_name if n.actor else _("Un membre")
    wording = WORDING.get((n.kind, object_of(n))) or WORDING.get((n.kind, "discussion"))
    if wording is None:
        return title_of(n)
    return str(wording) % {
        "who": who,
        "de_who": of_name(who if n.actor else _("un membre")),
        "title": title_of(n),
        "reason": n.reason or "",
    }
