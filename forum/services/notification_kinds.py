"""Who hears of each event, and why: a registry {event kind: handler}.

One small function per event kind (`services/events.py:record(kind, ...)`), registered
with @fans_out(kind, reasons). It loads the event's object and returns a Fan: what the
notifications point to (Target) and, per reason, the members to tell. Its `reasons` are
the notification kinds it may create, most specific first: when one event concerns a
member for several reasons, the first of them wins. The actor is never told of their own
event. Each reason is worded by its template, templates/notifications/reasons/<reason>.txt
(forum/services/notification_wording.py). Adding an event kind = one function here and
the wording of its reasons."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from forum.extensions import db
from forum.models import (
    Attachment,
    AttachmentStatus,
    CalendarEvent,
    Discussion,
    EventRegistration,
    FollowUpReminder,
    Post,
    Report,
    StructureRequest,
    User,
)
from forum.services import follow_ups, memberships, watches
from forum.services.discussions import first_post_id, mentioned_users

# Not fanned out from an event: told by moderation (notifications.notify_hidden). About the
# recipient's own message, which they may no longer read: the thread decides.
MODERATION_KINDS = ("post_hidden",)


@dataclass(frozen=True)
class Target:
    """What the notifications of one event are about: a message (with its discussion), a
    discussion, a report, an event of the calendar, a parcours, or a structure (a request
    to join it)."""

    discussion_id: int | None = None
    post_id: int | None = None
    report_id: int | None = None
    calendar_event_id: int | None = None
    parcours_id: int | None = None
    structure_id: int | None = None


@dataclass
class Fan:
    """A handler's answer: the target, and {reason: user ids} (None and repeats allowed)."""

    target: Target
    told: dict[str, Iterable[int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Handler:
    """A registered event kind: its function and the reasons it may give, in priority."""

    kind: str
    reasons: tuple[str, ...]
    fan: Callable[[int], Fan | None]


HANDLERS: dict[str, Handler] = {}


def fans_out(kind: str, reasons: tuple[str, ...]):
    """Register the decorated function `fan(object_id) -> Fan | None` (None: nobody is told,
    e.g. the object is gone) as the handler of events `kind`. Raises ValueError if the kind
    is registered twice or no reason is given."""
    if kind in HANDLERS:
        raise ValueError(f"event kind {kind!r} already has a handler")
    if not reasons:
        raise ValueError(f"event kind {kind!r} gives no reason")

    def register(fan: Callable[[int], Fan | None]) -> Callable[[int], Fan | None]:
        HANDLERS[kind] = Handler(kind, tuple(reasons), fan)
        return fan

    return register


def reasons() -> list[str]:
    """Every notification kind: those of the registered handlers, then MODERATION_KINDS."""
    found = [r for handler in HANDLERS.values() for r in handler.reasons]
    return list(dict.fromkeys(found + list(MODERATION_KINDS)))


def recipients(handler: Handler, fan: Fan, actor_id: int | None) -> dict[int, str]:
    """{user id: reason}, the most specific reason for each member, the actor left out.
    Raises ValueError when the handler gives a reason it did not declare."""
    unknown = set(fan.told) - set(handler.reasons)
    if unknown:
        raise ValueError(f"{handler.kind} gives undeclared reasons {sorted(unknown)}")
    chosen: dict[int, str] = {}
    for reason in handler.reasons:
        for user_id in fan.told.get(reason, ()):
            if user_id and user_id != actor_id and user_id not in chosen:
                chosen[user_id] = reason
    return chosen


@fans_out("post_created", ("mention", "reply_to_post", "reply_to_discussion", "new_post"))
def post_created(post_id: int) -> Fan | None:
    """A message: those it mentions; for a reply, the watchers of the discussion, its
    author and the author of the message replied to (unless they muted the discussion)."""
    post = db.session.get(Post, post_id)
    if post is None or not post.visible or post.discussion.deleted_at:
        return None
    discussion = post.discussion
    if discussion.report is not None and not discussion.report.is_published:
        return None
    told = {"mention": [u.id for u in mentioned_users(post.body_md)]}
    if post.id != first_post_id(discussion):
        watching, muting = watches.watchers([("discussion", discussion.id)])
        told["new_post"] = watching
        told["reply_to_discussion"] = [discussion.author_id]
        if post.parent_id:
            parent = db.session.get(Post, post.parent_id)
            told["reply_to_post"] = [parent.author_id] if parent else []
        for reason in ("reply_to_discussion", "reply_to_post"):
            told[reason] = [uid for uid in told.get(reason, []) if uid not in muting]
    return Fan(Target(discussion_id=discussion.id, post_id=post.id), told)


@fans_out("discussion_created", ("new_discussion",))
def discussion_created(discussion_id: int) -> Fan | None:
    """A discussion: the watchers of its défis, modules and category."""
    discussion = db.session.get(Discussion, discussion_id)
    if discussion is None or discussion.deleted_at:
        return None
    pairs = [("tag", t.id) for t in discussion.tags] + [
        ("module", m.id) for m in discussion.modules
    ]
    if discussion.category_id:
        pairs.append(("category", discussion.category_id))
    watching, _muting = watches.watchers(pairs)
    return Fan(Target(discussion_id=discussion.id), {"new_discussion": watching})


@fans_out("report_published", ("new_report",))
def report_published(report_id: int) -> Fan | None:
    """A published report: the watchers of its défis and modules."""
    report = db.session.get(Report, report_id)
    if report is None or not report.is_published:
        return None
    watching, _muting = watches.watchers(
        [("tag", t.id) for t in report.tags] + [("module", m.id) for m in report.modules]
    )
    return Fan(Target(report_id=report.id), {"new_report": watching})


@fans_out("answer_accepted", ("answer_accepted",))
def answer_accepted(post_id: int) -> Fan | None:
    """An accepted answer: its author."""
    post = db.session.get(Post, post_id)
    if post is None:
        return None
    target = Target(discussion_id=post.discussion_id, post_id=post.id)
    return Fan(target, {"answer_accepted": [post.author_id]})


@fans_out("attachment_refused", ("attachment_refused",))
def attachment_refused(attachment_id: int) -> Fan | None:
    """A file its processing refused after the upload (forum.services.attachments): its
    uploader, about the report or the message it was added to (its name and the reason
    ride in the event's detail). Nobody when it is gone, or was accepted since."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.status != AttachmentStatus.FAILED.value:
        return None
    if attachment.report_id is not None:
        target = Target(report_id=attachment.report_id)
    else:
        target = Target(discussion_id=attachment.post.discussion_id, post_id=attachment.post_id)
    return Fan(target, {"attachment_refused": [attachment.uploader_id]})


@fans_out("post_shown", ("post_shown",))
def post_shown(post_id: int) -> Fan | None:
    """A message moderation had hidden is visible again: its author (unless it was hidden
    again, or deleted, before the fan-out)."""
    post = db.session.get(Post, post_id)
    if post is None or not post.visible:
        return None
    target = Target(discussion_id=post.discussion_id, post_id=post.id)
    return Fan(target, {"post_shown": [post.author_id]})


def _registered(event_id: int) -> list[int]:
    """Everyone registered to an event, seat or waiting list."""
    return list(
        db.session.scalars(
            select(EventRegistration.user_id).where(EventRegistration.event_id == event_id)
        )
    )


@fans_out("calendar_event_changed", ("event_changed",))
def calendar_event_changed(event_id: int) -> Fan | None:
    """An event's time or place changed (issue 15, point 6): everyone registered."""
    event = db.session.get(CalendarEvent, event_id)
    if event is None or event.cancelled:
        return None
    return Fan(Target(calendar_event_id=event.id), {"event_changed": _registered(event.id)})


@fans_out("calendar_event_cancelled", ("event_cancelled",))
def calendar_event_cancelled(event_id: int) -> Fan | None:
    """An event was cancelled (issue 15, point 6): everyone registered."""
    event = db.session.get(CalendarEvent, event_id)
    if event is None:
        return None
    return Fan(Target(calendar_event_id=event.id), {"event_cancelled": _registered(event.id)})


@fans_out("registration_promoted", ("event_seat_freed",))
def registration_promoted(registration_id: int) -> Fan | None:
    """A seat freed and went to the first of the waiting list (issue 15, point 2): them,
    if they are still registered."""
    registration = db.session.get(EventRegistration, registration_id)
    if registration is None or registration.event.cancelled:
        return None
    target = Target(calendar_event_id=registration.event_id)
    return Fan(target, {"event_seat_freed": [registration.user_id]})


@fans_out("session_report_waiting", ("report_draft_waiting",))
def session_report_waiting(report_id: int) -> Fan | None:
    """A parcours session ended and its draft retour waits (issue 15, point 5): its
    author, the organiser who announced the session."""
    report = db.session.get(Report, report_id)
    if report is None or report.is_published or report.deleted_at is not None:
        return None
    return Fan(Target(report_id=report.id), {"report_draft_waiting": [report.author_id]})


@fans_out("follow_up_due", ("follow_up_due",))
def follow_up_due(reminder_id: int) -> Fan | None:
    """« Que sont devenus les projets ? » fell due for a parcours (issue 16, point 4): the
    members of its structures — nobody if someone answered in the meantime."""
    reminder = db.session.get(FollowUpReminder, reminder_id)
    if reminder is None or follow_ups.current(reminder.parcours) is not None:
        return None
    members = follow_ups.askable_members(reminder.parcours_id)
    return Fan(Target(parcours_id=reminder.parcours_id), {"follow_up_due": members})


# --- requests to join a structure (forum/services/memberships.py) ----------


@fans_out(memberships.REQUESTED, (memberships.JOIN_REQUESTED,))
def structure_request_created(request_id: int) -> Fan | None:
    """A member asked to join a structure that has members: those who decide for it (its
    référent·e(s), else its members), if the request is still pending."""
    request = db.session.get(StructureRequest, request_id)
    if request is None or not request.is_pending:
        return None
    told = {memberships.JOIN_REQUESTED: memberships.deciders(request.structure)}
    return Fan(Target(structure_id=request.structure_id), told)


@fans_out(memberships.DECIDED, (memberships.JOIN_ACCEPTED, memberships.JOIN_REFUSED))
def structure_request_decided(request_id: int) -> Fan | None:
    """A request to join a structure was accepted or refused: the member who made it."""
    request = db.session.get(StructureRequest, request_id)
    if request is None or request.status not in ("accepted", "refused"):
        return None
    reason = memberships.JOIN_ACCEPTED if request.status == "accepted" else memberships.JOIN_REFUSED
    return Fan(Target(structure_id=request.structure_id), {reason: [request.user_id]})


@fans_out(memberships.HANDED_OVER, (memberships.REFERENT_NAMED,))
def referent_handed_over(user_id: int) -> Fan | None:
    """A structure's référent·e left it (or deleted their account) and its
    longest-registered member took the role (memberships.hand_over): that member, if they
    still hold it."""
    successor = db.session.get(User, user_id)
    if successor is None or not successor.is_referent:
        return None
    told = {memberships.REFERENT_NAMED: [successor.id]}
    return Fan(Target(structure_id=successor.structure_id), told)
