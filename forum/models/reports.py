"""Retours d'expérience (session reports), the parcours they belong to, and revisions."""

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.modules import KitModule
from forum.models.structures import Structure
from forum.models.tags import ChallengeTag
from forum.models.territories import Department
from forum.models.users import User

FORMATS = ("presentiel", "distanciel", "hybride")
SECTIONS = ("context", "proceedings", "worked", "difficulties", "advice")
# What the activity figures read of a report besides its date and département (see Report).
ACTIVITY = ("status", "deleted_at", "structure_id", "parcours_id", "participants")


class ReportStatus(enum.StrEnum):
    """Where a report stands. A `str` enum whose values are the strings stored in
    `report.status`: members compare equal to them, so the column and migrations keep
    plain strings and rows read back as `str` still compare with the members."""

    DRAFT = "draft"  # only its author and moderators read it
    PUBLISHED = "published"  # everyone reads it, unless deleted
    ERASED = "erased"  # its author deleted their account and its words; never restorable


report_modules = Table(
    "report_module",
    db.metadata,
    Column("report_id", ForeignKey("report.id", ondelete="CASCADE"), primary_key=True),
    Column("module_id", ForeignKey("kit_module.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_report_module_module_report", "module_id", "report_id"),
)

report_tags = Table(
    "report_tag",
    db.metadata,
    Column("report_id", ForeignKey("report.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("challenge_tag.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_report_tag_tag_report", "tag_id", "report_id"),
)

parcours_structures = Table(
    "parcours_structure",
    db.metadata,
    Column("parcours_id", ForeignKey("parcours.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "structure_id", ForeignKey("structure.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Parcours(db.Model):
    """A cohort going through the six sessions, run by one structure or several together."""

    __tablename__ = "parcours"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(120), default="")
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"), index=True)
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    cohort_size: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    structures: Mapped[list[Structure]] = relationship(
        secondary=parcours_structures, order_by=Structure.name
    )
    reports: Mapped[list["Report"]] = relationship(
        back_populates="parcours", order_by=lambda: (Report.session_date, Report.id)
    )


class Report(db.Model):
    """A facilitator's write-up of one session."""

    __tablename__ = "report"
    # Nearly every report is published and not deleted, so status/deleted_at make poor
    # index keys: index what the lists sort by and the selective filters instead.
    __table_args__ = (
        Index("ix_report_published_at", "published_at"),
        Index("ix_report_session_date", "session_date"),
        # The activity figures (issue 16) read a published report's date, place,
        # structure, parcours and porteurs from these two indexes alone, never its row:
        # the whole network's aggregates over 50,000 reports scan one narrow index, in
        # département order (the map, a région; the reports list by département uses
        # its first two columns, as before) or in date order (sessions per month,
        # periods). Dates, not status, lead the second: with status first, a per-parcours
        # lookup took it for the most selective and scanned 50,000 rows per parcours.
        Index("ix_report_department_session", "department_code", "session_date", *ACTIVITY),
        Index("ix_report_activity", "session_date", "department_code", *ACTIVITY),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    session_date: Mapped[date]
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"))
    structure_id: Mapped[int | None] = mapped_column(ForeignKey("structure.id"), index=True)
    parcours_id: Mapped[int | None] = mapped_column(
        ForeignKey("parcours.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    format: Mapped[str] = mapped_column(String(12))
    # None: not known yet (a draft made after a session, issue 15); required to publish.
    participants: Mapped[int | None]
    # The sections (names of SECTIONS, comma-separated, in SECTIONS order) its author lets
    # a bilan quote (issue 16); nothing is quoted without it.
    quotable: Mapped[str] = mapped_column(String(80), default="", server_default="")
    status: Mapped[str] = mapped_column(String(12), default=ReportStatus.DRAFT.value)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    deleted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    department: Mapped[Department] = relationship(lazy="joined")
    structure: Mapped[Structure | None] = relationship()
    parcours: Mapped[Parcours | None] = relationship(back_populates="reports")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    modules: Mapped[list[KitModule]] = relationship(
        secondary=report_modules, order_by=KitModule.position
    )
    tags: Mapped[list[ChallengeTag]] = relationship(
        secondary=report_tags, order_by=ChallengeTag.label
    )
    body: Mapped["ReportBody | None"] = relationship(
        back_populates="report", cascade="all, delete-orphan", uselist=False
    )
    revisions: Mapped[list["ReportRevision"]] = relationship(
        back_populates="report", order_by="ReportRevision.id", cascade="all, delete-orphan"
    )

    @hybrid_property
    def is_published(self) -> bool:
        """Visible to everyone: published and not deleted. The one rule, in Python on a
        row (`report.is_published`) and in SQL on the class or an alias
        (`select(Report).where(Report.is_published)`)."""
        return self.status == ReportStatus.PUBLISHED and self.deleted_at is None

    @is_published.inplace.expression
    @classmethod
    def _is_published_expression(cls):
        return and_(cls.status == ReportStatus.PUBLISHED.value, cls.deleted_at.is_(None))

    @property
    def quotable_sections(self) -> list[str]:
        """The section names a bilan may quote, in SECTIONS order."""
        chosen = set(self.quotable.split(",")) if self.quotable else set()
        return [name for name in SECTIONS if name in chosen]

    def section_html(self, name: str) -> str:
        return getattr(self.body, f"{name}_html") if self.body else ""

    def section_md(self, name: str) -> str:
        return getattr(self.body, f"{name}_md") if self.body else ""


class ReportBody(db.Model):
    """The five sections (Markdown as typed, HTML as rendered and sanitised).

    Kept out of `report` so that lists, counts and filters scan narrow rows: with the
    text inline, a filtered count over 50,000 reports read every ~5 KB row.
    """

    __tablename__ = "report_body"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )
    context_md: Mapped[str] = mapped_column(Text, default="")
    context_html: Mapped[str] = mapped_column(Text, default="")
    proceedings_md: Mapped[str] = mapped_column(Text, default="")
    proceedings_html: Mapped[str] = mapped_column(Text, default="")
    worked_md: Mapped[str] = mapped_column(Text, default="")
    worked_html: Mapped[str] = mapped_column(Text, default="")
    difficulties_md: Mapped[str] = mapped_column(Text, default="")
    difficulties_html: Mapped[str] = mapped_column(Text, default="")
    advice_md: Mapped[str] = mapped_column(Text, default="")
    advice_html: Mapped[str] = mapped_column(Text, default="")

    report: Mapped[Report] = relationship(back_populates="body")


class ReportRevision(db.Model):
    """A snapshot of a report as saved, kept at every save for the history page."""

    __tablename__ = "report_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    snapshot: Mapped[dict] = mapped_column(JSON)

    report: Mapped[Report] = relationship(back_populates="revisions")
    editor: Mapped[User | None] = relationship()
