"""What a member keeps of the discussions: bookmarks (reports and posts) and read markers."""

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.discussions import Post
from forum.models.reports import Report


class ReadMarker(db.Model):
    """Up to when a member has read a discussion (for unread markers)."""

    __tablename__ = "read_marker"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    discussion_id: Mapped[int] = mapped_column(
        ForeignKey("discussion.id", ondelete="CASCADE"), primary_key=True
    )
    last_post_id: Mapped[int] = mapped_column(default=0)


class Bookmark(db.Model):
    __tablename__ = "bookmark"
    __table_args__ = (
        UniqueConstraint("user_id", "report_id", name="uq_bookmark_user_report"),
        UniqueConstraint("user_id", "post_id", name="uq_bookmark_user_post"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    report: Mapped[Report | None] = relationship()
    post: Mapped[Post | None] = relationship()
