"""What a member follows: a challenge, a module, a category or a discussion."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.base import utcnow


class Watch(db.Model):
    """A member follows (or mutes) a discussion, tag, module or category."""

    __tablename__ = "watch"
    __table_args__ = (UniqueConstraint("user_id", "target", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]
    muted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
