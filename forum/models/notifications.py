"""Notifications, each member's settings for them, and the outbox of events they are made from."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.calendar import CalendarEvent
from forum.models.discussions import Discussion, Post
from forum.models.reports import Parcours, Report
from forum.models.structures import Structure
from forum.models.users import User


class Notification(db.Model):
    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    discussion_id: Mapped[int | None] = mapped_column(
        ForeignKey("discussion.id", ondelete="CASCADE")
    )
    post_id: Mapped[int | None] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    calendar_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("calendar_event.id", ondelete="CASCADE")
    )
    # « Que sont devenus les projets ? » asked of a parcours' structures (issue 16)
    parcours_id: Mapped[int | None] = mapped_column(ForeignKey("parcours.id", ondelete="CASCADE"))
    # A request to join a structure, and its answer (migration 0018).
    structure_id: Mapped[int | None] = mapped_column(ForeignKey("structure.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None]
    # A moderator's, told to the author; or the detail of the event that made it (what
    # changed in a calendar event: forum.services.calendar_changes).
    reason: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    discussion: Mapped[Discussion | None] = relationship()
    post: Mapped[Post | None] = relationship()
    report: Mapped[Report | None] = relationship()
    calendar_event: Mapped[CalendarEvent | None] = relationship()
    parcours: Mapped[Parcours | None] = relationship()
    structure: Mapped[Structure | None] = relationship()


class NotificationSetting(db.Model):
    """How a member wants e-mails of one kind (see forum/services/notification_settings.py):
    immediate, daily, weekly or never. No row: the kind's default."""

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))


class EventOutbox(db.Model):
    """Something happened that may notify people; fanned out after the response."""

    __tablename__ = "event_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int]
    actor_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What the notifications need to say and cannot read from the object afterwards (what
    # changed in a calendar event: its old time and place); kept as their `reason`.
    detail: Mapped[str | None] = mapped_column(Text)
