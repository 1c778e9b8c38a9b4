"""Support structures (incubators, tiers-lieux, associations…) that run the programme."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.territories import Department

STRUCTURE_KINDS = (
    "incubateur",
    "tiers-lieu",
    "association",
    "pole-territorial",
    "collectivite",
    "autre",
)
# A structure a member proposed is usable at once by its members, and shown « en attente de
# validation » until a moderator validates it (or merges it into an existing one). Its
# proposer is its first référent·e (no proposer column: user_account already points here).
STRUCTURE_STATUSES = ("pending", "validated")


class Structure(db.Model):
    __tablename__ = "structure"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"), index=True)
    commune: Mapped[str] = mapped_column(String(120), default="", server_default="")
    status: Mapped[str] = mapped_column(
        String(12), default="validated", server_default="validated", index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    members: Mapped[list["User"]] = relationship(  # noqa: F821
        back_populates="structure",
        order_by="User.display_name",
        foreign_keys="User.structure_id",
    )

    @property
    def is_pending(self) -> bool:
        """Proposed by a member, not yet validated by a moderator."""
        return self.status == "pending"


# A request to join a structure that has members: pending until someone who may admit
# (forum.services.memberships.may_admit) accepts or refuses it, or its author withdraws it
# (choosing another structure withdraws it too). Decided rows stay: a second click on
# « Accepter » is told the request was already decided.
REQUEST_STATUSES = ("pending", "accepted", "refused", "withdrawn")


class StructureRequest(db.Model):
    """A member's request to join a structure that already has members (one pending per
    member: the partial unique index)."""

    __tablename__ = "structure_request"
    __table_args__ = (
        Index(
            "uq_structure_request_pending_user",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    structure_id: Mapped[int] = mapped_column(
        ForeignKey("structure.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user: Mapped["User"] = relationship(foreign_keys=[user_id])  # noqa: F821
    structure: Mapped[Structure] = relationship()
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])  # noqa: F821

    @property
    def is_pending(self) -> bool:
        return self.status == "pending"


class ContactMessage(db.Model):
    """One message relayed by e-mail to a structure's members or to a member: who sent it,
    to whom, how many received it, when. Never its text (what moderators may see, and
    what the hourly and daily limits count, across processes)."""

    __tablename__ = "contact_message"
    __table_args__ = (Index("ix_contact_message_sender_created", "sender_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    structure_id: Mapped[int | None] = mapped_column(
        ForeignKey("structure.id", ondelete="SET NULL")
    )
    recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    recipients: Mapped[int] = mapped_column(default=0)
    share_email: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sender: Mapped["User | None"] = relationship(foreign_keys=[sender_id])  # noqa: F821
    structure: Mapped[Structure | None] = relationship()
    recipient: Mapped["User | None"] = relationship(foreign_keys=[recipient_id])  # noqa: F821
