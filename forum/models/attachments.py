"""Files attached to a report (or one of its five sections) or to a discussion message:
the photo of the paperboard, the adapted handout, the planning grid.

The row is written in the request that receives the upload, with the raw file stored
under `raw_key`; the `media` worker then processes it (images re-encoded without their
metadata into `variants`, documents' text extracted into `text`) and sets `status` to
ready or failed. A file is never served before that (an unprocessed photo still carries
its GPS position)."""

import enum
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.discussions import Post
from forum.models.reports import Report
from forum.models.users import User


class AttachmentStatus(enum.StrEnum):
    """Where the processing of a file stands (values stored as is)."""

    PENDING = "pending"  # stored raw, waiting for the media worker: not served yet
    READY = "ready"  # variants made / text extracted: served
    FAILED = "failed"  # could not be decoded after all: shown to its author only


class Attachment(db.Model):
    """One file, on a report (optionally in one section) or on a message, never both."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint("(report_id IS NULL) <> (post_id IS NULL)", name="attachment_one_parent"),
        # An id is never given again (SQLite would reuse a deleted one): an old link, or a
        # browser's cached copy, must never show another member's file.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), index=True
    )
    section: Mapped[str | None] = mapped_column(String(20))  # forum.models.SECTIONS key
    uploader_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    filename: Mapped[str] = mapped_column(String(160))  # safe, readable, canonical extension
    kind: Mapped[str] = mapped_column(String(12))  # image, document, text
    mime: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(60), default="")  # « Photo JPEG », « PDF »…
    size: Mapped[int] = mapped_column(BigInteger)  # bytes as uploaded (counted in quotas)
    raw_key: Mapped[str | None] = mapped_column(String(200))  # until processed (or kept)
    file_key: Mapped[str | None] = mapped_column(String(200))  # what a download serves
    variants: Mapped[list] = mapped_column(JSON, default=list)  # [{width, mime, key, bytes}]
    width: Mapped[int | None]
    height: Mapped[int | None]
    alt: Mapped[str] = mapped_column(String(300), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str | None] = mapped_column(Text)  # extracted from a document, for search
    status: Mapped[str] = mapped_column(
        String(10), default=AttachmentStatus.PENDING.value, index=True
    )
    error: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]

    report: Mapped[Report | None] = relationship()
    post: Mapped[Post | None] = relationship()
    uploader: Mapped[User | None] = relationship()

    @property
    def is_image(self) -> bool:
        return self.kind == "image"

    @property
    def ready(self) -> bool:
        return self.status == AttachmentStatus.READY

    def variant(self, width: int) -> dict | None:
        """The stored variant of this width in WebP first, else any mime; None if none."""
        same = [v for v in self.variants or [] if v.get("width") == width]
        return next((v for v in same if v.get("mime") == "image/webp"), None) or next(
            iter(same), None
        )
