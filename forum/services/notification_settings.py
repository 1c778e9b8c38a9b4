"""How each member wants to be e-mailed, per kind of notification: the registry of kinds
and modes, reading and saving the choices, one-click unsubscribe."""

from dataclasses import dataclass

from sqlalchemy import delete, select

from forum.extensions import db
from forum.i18n import lazy
from forum.models import NotificationSetting, User

MODES = {
    "immediate": lazy("Immédiatement"),
    "daily": lazy("Résumé quotidien"),
    "weekly": lazy("Résumé hebdomadaire"),
    "never": lazy("Jamais"),
}
DIGEST_MODES = ("daily", "weekly")


@dataclass(frozen=True)
class Kind:
    """A row of the settings table: what it covers, and which notifications it governs."""

    label: object  # a lazy string
    notifications: tuple[str, ...]
    default: str = "daily"
    modes: tuple[str, ...] = tuple(MODES)  # what the account page offers for this row


# Order = order of the rows on the account page. A kind added here with no row stored for a
# member takes its default; a notification kind found nowhere here follows "watched".
KINDS: dict[str, Kind] = {
    "reply": Kind(
        lazy("Réponses à vos discussions, retours d'expérience et messages"),
        ("reply_to_discussion", "reply_to_post"),
    ),
    "mention": Kind(lazy("Mentions de votre nom (@)"), ("mention",)),
    "accepted": Kind(lazy("Vos réponses acceptées"), ("answer_accepted",)),
    "watched": Kind(
        lazy("Nouveautés de ce que vous suivez : défis, modules, catégories, discussions"),
        ("new_post", "new_discussion", "new_report"),
    ),
    # The « contact messages » relay of structures (branch st-structures) notifies with
    # kind "contact_message".
    "contact": Kind(lazy("Messages de contact adressés à votre structure"), ("contact_message",)),
    "moderation": Kind(
        lazy("Décisions de modération sur vos messages"), ("post_hidden", "post_shown")
    ),
    # a photo or document refused by its processing after « visible dans quelques secondes »
    "files": Kind(
        lazy("Vos fichiers refusés après leur envoi (photo illisible, document abîmé)"),
        ("attachment_refused",),
        "immediate",
    ),
    # issue 15: the calendar (changes and cancellations of an event one is registered to,
    # a seat freed from the waiting list)
    "events": Kind(
        lazy(
            "Vos rendez-vous : changement d’heure ou de lieu, annulation, place libérée, "
            "retour à compléter après une séance"
        ),
        ("event_changed", "event_cancelled", "event_seat_freed", "report_draft_waiting"),
        "immediate",
    ),
    # joining a structure that has members is a request it accepts
    "membership": Kind(
        lazy(
            "Demandes pour rejoindre votre structure, la réponse à la vôtre, le rôle de "
            "référent·e qui vous revient"
        ),
        (
            "structure_join_requested",
            "structure_join_accepted",
            "structure_join_refused",
            "structure_referent_named",
        ),
        "immediate",
    ),
    # issue 15: the reminder two days before an event, with its .ics: sent or not (it
    # cannot wait for a digest, so none is offered).
    "reminders": Kind(
        lazy(
            "Rappel deux jours avant un rendez-vous où vous êtes inscrit·e (avec le fichier .ics)"
        ),
        ("event_reminder",),
        "immediate",
        ("immediate", "never"),
    ),
    # issue 16, point 4: « Que sont devenus les projets ? », asked of a parcours' structures
    # 3, 6 and 12 months after its end, until someone answers
    "follow_ups": Kind(
        lazy(
            "« Que sont devenus les projets ? » : nouvelles demandées 3, 6 et 12 mois "
            "après un parcours de votre structure"
        ),
        ("follow_up_due",),
        "immediate",
    ),
}
SETTING_OF = {n: name for name, kind in KINDS.items() for n in kind.notifications}


def setting_kind(notification_kind: str) -> str:
    """The settings row that governs a notification kind."""
    return SETTING_OF.get(notification_kind, "watched")


def defaults() -> dict[str, str]:
    """{kind: mode} for a member who never chose."""
    return {name: kind.default for name, kind in KINDS.items()}


def modes_of(user: User) -> dict[str, str]:
    """{kind: mode} chosen by this member (defaults filled in); one query."""
    return modes_for([user.id])[user.id]


def modes_for(user_ids) -> dict[int, dict[str, str]]:
    """{user_id: {kind: mode}} for several members at once; one query."""
    ids = set(user_ids)
    result = {uid: defaults() for uid in ids}
    if not ids:
        return result
    rows = db.session.execute(
        select(
            NotificationSetting.user_id, NotificationSetting.kind, NotificationSetting.mode
        ).where(NotificationSetting.user_id.in_(ids))
    )
    for uid, kind, mode in rows:
        if kind in KINDS and mode in KINDS[kind].modes:
            result[uid][kind] = mode
    return result


def mode_for(modes: dict[str, str], notification_kind: str) -> str:
    """How a notification of this kind is e-mailed, given a member's {kind: mode}."""
    return modes.get(setting_kind(notification_kind), "daily")


class InvalidSetting(ValueError):
    """A kind or a mode that does not exist."""


def save_modes(user: User, modes: dict[str, str]) -> None:
    """Store the member's {kind: mode} (kinds left out keep their current mode); raises
    InvalidSetting for an unknown kind or mode."""
    for kind, mode in modes.items():
        if kind not in KINDS or mode not in KINDS[kind].modes:
            raise InvalidSetting(f"{kind}={mode}")
    current = modes_of(user) | modes
    db.session.execute(delete(NotificationSetting).where(NotificationSetting.user_id == user.id))
    db.session.add_all(
        NotificationSetting(user_id=user.id, kind=kind, mode=mode) for kind, mode in current.items()
    )
    db.session.flush()


def set_all(user: User, mode: str) -> None:
    """One mode for every kind; a kind that does not offer it (a digest for reminders)
    keeps its default, unless the mode is « never »."""
    save_modes(
        user,
        {
            name: mode if mode in kind.modes or mode == "never" else kind.default
            for name, kind in KINDS.items()
        },
    )


def unsubscribe_all(user: User) -> None:
    """No e-mail of any kind any more (the one-click link in every e-mail)."""
    set_all(user, "never")


def sends_email(user: User) -> bool:
    """Whether any kind is e-mailed to this member."""
    return any(mode != "never" for mode in modes_of(user).values())
