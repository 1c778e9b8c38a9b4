"""The network's calendar: parcours sessions and meetings, who registers to them, and each
member's private feed address."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.modules import KitModule
from forum.models.reports import Parcours, Report
from forum.models.structures import Structure
from forum.models.territories import Department
from forum.models.users import User

# « séance de parcours », « échange de pratiques », « journée de transfert / formation »,
# « autre » (issue 15, URL and form contract).
EVENT_KINDS = ("seance", "echange", "transfert", "autre")
VISIBILITIES = ("public", "members")
# participant, co-animateur·rice, observateur·rice
REGISTRATION_ROLES = ("participant", "coanimation", "observation")
CONFIRMED, WAITING = "confirmed", "waiting"

calendar_event_modules = Table(
    "calendar_event_module",
    db.metadata,
    Column("event_id", ForeignKey("calendar_event.id", ondelete="CASCADE"), primary_key=True),
    Column("module_id", ForeignKey("kit_module.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_calendar_event_module_module_event", "module_id", "event_id"),
)


class CalendarEvent(db.Model):
    """A session of a parcours or a meeting of the network. Times are naive UTC (shown in
    Europe/Paris); `sequence` is the RFC 5545 SEQUENCE, raised at every change."""

    __tablename__ = "calendar_event"
    __table_args__ = (
        Index("ix_calendar_event_starts_at", "starts_at"),
        Index("ix_calendar_event_department_starts", "department_code", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    department_code: Mapped[str | None] = mapped_column(ForeignKey("department.code"))
    commune: Mapped[str] = mapped_column(String(120), default="")
    online: Mapped[bool] = mapped_column(default=False)
    online_url: Mapped[str] = mapped_column(String(500), default="")
    structure_id: Mapped[int | None] = mapped_column(
        ForeignKey("structure.id", ondelete="SET NULL"), index=True
    )
    parcours_id: Mapped[int | None] = mapped_column(
        ForeignKey("parcours.id", ondelete="SET NULL"), index=True
    )
    session_number: Mapped[int | None]
    capacity: Mapped[int | None]  # None: unlimited
    registration_open: Mapped[bool] = mapped_column(default=True)
    visibility: Mapped[str] = mapped_column(String(10), default="public")
    description_md: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    creator_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]
    # The retour of this session: the draft made when it ended, or a report linked later.
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="SET NULL"), index=True
    )

    department: Mapped[Department | None] = relationship(lazy="joined")
    structure: Mapped[Structure | None] = relationship()
    parcours: Mapped[Parcours | None] = relationship()
    creator: Mapped[User | None] = relationship()
    report: Mapped[Report | None] = relationship()
    modules: Mapped[list[KitModule]] = relationship(
        secondary=calendar_event_modules, order_by=KitModule.position
    )
    registrations: Mapped[list["EventRegistration"]] = relationship(
        back_populates="event",
        order_by="EventRegistration.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class EventRegistration(db.Model):
    """« Je viens »: a member registered to an event, confirmed or on the waiting list
    (promoted in `id` order when a seat frees)."""

    __tablename__ = "event_registration"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("calendar_event.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reminded_at: Mapped[datetime | None]

    event: Mapped[CalendarEvent] = relationship(back_populates="registrations")
    user: Mapped[User] = relationship()


class CalendarFeedToken(db.Model):
    """A member's private feed address: only the SHA-256 of its secret is kept. Revoking
    deletes the row; a new address replaces the old one."""

    __tablename__ = "calendar_feed_token"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
