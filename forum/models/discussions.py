"""Discussions between structures: categories, threads (open ones and one per report),
threaded posts with revisions."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Select, String, Table, Text, and_, func, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.modules import KitModule
from forum.models.reports import Report
from forum.models.tags import ChallengeTag
from forum.models.users import User

discussion_tags = Table(
    "discussion_tag",
    db.metadata,
    Column("discussion_id", ForeignKey("discussion.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "tag_id", ForeignKey("challenge_tag.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)
discussion_modules = Table(
    "discussion_module",
    db.metadata,
    Column("discussion_id", ForeignKey("discussion.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "module_id", ForeignKey("kit_module.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)
discussion_reports = Table(
    "discussion_report",
    db.metadata,
    Column("discussion_id", ForeignKey("discussion.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Category(db.Model):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Discussion(db.Model):
    """An open discussion, or the thread under one report (report_id set, no category)."""

    __tablename__ = "discussion"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), index=True)
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), unique=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    post_count: Mapped[int] = mapped_column(default=0)
    locked: Mapped[bool] = mapped_column(default=False)
    pinned: Mapped[bool] = mapped_column(default=False)
    accepted_post_id: Mapped[int | None]
    deleted_at: Mapped[datetime | None]

    category: Mapped[Category | None] = relationship()
    report: Mapped[Report | None] = relationship()
    author: Mapped[User | None] = relationship()
    tags: Mapped[list[ChallengeTag]] = relationship(
        secondary=discussion_tags, order_by=ChallengeTag.label
    )
    modules: Mapped[list[KitModule]] = relationship(
        secondary=discussion_modules, order_by=KitModule.position
    )
    linked_reports: Mapped[list[Report]] = relationship(secondary=discussion_reports)

    @property
    def is_report_thread(self) -> bool:
        return self.report_id is not None

    @hybrid_property
    def is_listed(self) -> bool:
        """A discussion of its own (not a report's thread, which lives under its report)
        and not deleted: what lists, feeds and search show everyone. In Python on a row
        and in SQL on the class (`select(Discussion).where(Discussion.is_listed)`)."""
        return self.report_id is None and self.deleted_at is None

    @is_listed.inplace.expression
    @classmethod
    def _is_listed_expression(cls):
        return and_(cls.report_id.is_(None), cls.deleted_at.is_(None))


class Post(db.Model):
    """A message; replies point at their parent (an adjacency list)."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    discussion_id: Mapped[int] = mapped_column(
        ForeignKey("discussion.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    body_md: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    hidden_at: Mapped[datetime | None]

    discussion: Mapped[Discussion] = relationship()
    author: Mapped[User | None] = relationship()

    @hybrid_property
    def visible(self) -> bool:
        """Shown to everyone: neither deleted nor hidden by a moderator. In Python on a row
        and in SQL on the class (`select(Post).where(Post.visible)`)."""
        return self.deleted_at is None and self.hidden_at is None

    @visible.inplace.expression
    @classmethod
    def _visible_expression(cls):
        return and_(cls.deleted_at.is_(None), cls.hidden_at.is_(None))

    @classmethod
    def opening_ids(cls, discussion_ids) -> Select:
        """SELECT of the opening post's id of each discussion in `discussion_ids` (a list
        or a subquery): its first post, the lowest id. The one place that says which post
        opens a discussion (a report's thread has none: see discussions.first_post_id)."""
        return (
            select(func.min(cls.id))
            .where(cls.discussion_id.in_(discussion_ids))
            .group_by(cls.discussion_id)
        )


class PostRevision(db.Model):
    __tablename__ = "post_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    body_md: Mapped[str] = mapped_column(Text)
