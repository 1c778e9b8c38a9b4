"""What became of a parcours' projects, told by its structures (issue 16, point 4)."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.reports import Parcours

# Where « oriented » projects went: a curated list, « autre » last.
ORIENTATIONS = ("incubateur", "dla", "france-active", "autre-structure", "autre")


class FollowUp(db.Model):
    """One answer to « Que sont devenus les projets ? » for a parcours' whole cohort,
    never per person. Every answer is kept (the history); the latest is the current one."""

    __tablename__ = "parcours_follow_up"
    __table_args__ = (Index("ix_parcours_follow_up_parcours_id_id", "parcours_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parcours_id: Mapped[int] = mapped_column(ForeignKey("parcours.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    abandoned: Mapped[int] = mapped_column(default=0)
    maturing: Mapped[int] = mapped_column(default=0)
    started: Mapped[int] = mapped_column(default=0)
    oriented: Mapped[int] = mapped_column(default=0)
    oriented_to: Mapped[str] = mapped_column(
        String(120), default=""
    )  # ORIENTATIONS, comma-separated
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped["User | None"] = relationship()  # noqa: F821  (None: account deleted)


class FollowUpReminder(db.Model):
    """« Que sont devenus les projets ? » asked of a parcours' structures at one stage
    (3, 6 or 12 months after its end: forum/services/follow_ups.py STAGES). One row per
    parcours and stage, unique: the record that it was asked, so that it is asked once
    even when cron runs the job on every server at once."""

    __tablename__ = "parcours_follow_up_reminder"
    __table_args__ = (UniqueConstraint("parcours_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parcours_id: Mapped[int] = mapped_column(ForeignKey("parcours.id", ondelete="CASCADE"))
    stage: Mapped[int]  # months after the parcours' end
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    parcours: Mapped[Parcours] = relationship()
