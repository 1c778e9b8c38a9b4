"""The challenge-tag taxonomy (défis)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow


class ChallengeTag(db.Model):
    """A recurring challenge of the field. Members' proposals wait for a moderator."""

    __tablename__ = "challenge_tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    approved: Mapped[bool] = mapped_column(default=True, index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    proposed_by: Mapped["User | None"] = relationship()  # noqa: F821
