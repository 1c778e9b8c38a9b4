"""What a notification says: one template per reason, templates/notifications/reasons/.

The sentence of a reason is written, in French, in templates/notifications/reasons/
<reason>.txt and translated through the catalogs; it is the line of the in-app list, the
subject of an immediate e-mail and the heading of the item in the text and HTML parts of
every e-mail (escaped there like any text). Each template gets:
- `object`: "report" when the notification is about a report or the thread under one
  (« votre retour d'expérience »), else "discussion";
- `title`: the title of that discussion or report;
- `n`: the Notification (its actor, `n.reason` for a moderation decision);
- `months`: for a notification about a parcours, the whole months since its end.
- `change`: for `event_changed`, what changed in the event (old and new time and place,
  forum.services.calendar_changes.EventChange), or None.
The macros of templates/notifications/reasons/_names.txt name the actor (« Un membre »
when the account is gone) and say « de » + name, elided in French (« d'Élodie », see
forum.i18n.de), « from Élodie » in English."""

from dataclasses import dataclass

from flask import current_app
from jinja2 import TemplateNotFound

from forum.models import Notification
from forum.services import follow_ups
from forum.services.calendar_changes import REASONS as CHANGE_REASONS
from forum.services.calendar_changes import read_change

REASONS_FOLDER = "notifications/reasons"


def render_text(template: str, **context) -> str:
    """A template rendered with the app's Jinja environment but no context processor: no
    request is needed (background workers, CLI), and no query per rendering. Raises
    jinja2.TemplateNotFound when `template` does not exist."""
    return current_app.jinja_env.get_template(template).render(**context)


def object_of(n: Notification) -> str:
    """The object named: "report" for a report or its thread, else "discussion"."""
    if n.report_id is not None or (n.discussion is not None and n.discussion.report_id):
        return "report"
    return "discussion"


def title_of(n: Notification) -> str:
    """The title of what the notification is about."""
    if n.discussion is not None:
        return n.discussion.title
    if n.calendar_event is not None:
        return n.calendar_event.title
    if n.parcours is not None:
        return n.parcours.title
    if n.structure is not None:  # a request to join it
        return n.structure.name
    return n.report.title if n.report is not None else ""


def template_of(kind: str) -> str:
    """The template that words the notifications of `kind`."""
    return f"{REASONS_FOLDER}/{kind}.txt"


def describe(n: Notification) -> str:
    """One sentence, plain text, naming who did what, and on which object, in the current
    language (force_locale outside a request); a kind with no template says the title."""
    # What changed in a calendar event, for the reasons that carry it (else None).
    change = read_change(n.reason) if n.kind in CHANGE_REASONS else None
    try:
        months = follow_ups.months_after_end(n.parcours, n.created_at) if n.parcours else None
        text = render_text(
            template_of(n.kind),
            n=n,
            object=object_of(n),
            title=title_of(n),
            months=months,
            change=change,
        )
    except TemplateNotFound:
        current_app.logger.warning("No wording for notification kind %r", n.kind)
        return title_of(n)
    return text.strip()


# Kinds told once per discussion in the in-app list when several are alike: a fresh tester
# read seven lines « Bob Testeur a répondu à votre discussion… » in a row.
GROUPED_KINDS = frozenset({"new_post", "reply_to_discussion", "reply_to_post"})


@dataclass(frozen=True)
class NotificationLine:
    """One line of the in-app list: one notification, or several of a GROUPED_KINDS kind
    about one discussion and all read or all unread, newest first (`items`)."""

    items: tuple[Notification, ...]

    @property
    def newest(self) -> Notification:
        return self.items[0]

    @property
    def first_unseen(self) -> Notification:
        """Where opening the line leads: the oldest of its messages, to read them in order."""
        return self.items[-1]

    @property
    def unread(self) -> bool:
        return self.newest.read_at is None


def lines(items: list[Notification]) -> list[NotificationLine]:
    """`items` (newest first) as the list shows them: the notifications of a GROUPED_KINDS
    kind about one discussion, unread ones together and read ones together, make one line
    at the place of the newest of them; any other notification is a line of its own."""
    groups: dict[tuple, list[Notification]] = {}
    order: list[tuple] = []
    for n in items:
        if n.kind in GROUPED_KINDS and n.discussion_id is not None:
            key = (n.kind, n.discussion_id, n.read_at is None)
        else:
            key = ("single", n.id)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(n)
    return [NotificationLine(tuple(groups[key])) for key in order]


def describe_line(line: NotificationLine) -> str:
    """describe() for one notification; for several, how many, on what, and from whom
    (templates/notifications/reasons/grouped/<kind>.txt, given `count`, `names` — the
    authors, newest first, each once — `object` and `title`)."""
    if len(line.items) == 1:
        return describe(line.newest)
    names: list[str] = []
    for n in line.items:
        name = n.actor.display_name if n.actor else None
        if name not in names:
            names.append(name)
    return render_text(
        f"{REASONS_FOLDER}/grouped/{line.newest.kind}.txt",
        count=len(line.items),
        names=names,
        object=object_of(line.newest),
        title=title_of(line.newest),
    ).strip()
