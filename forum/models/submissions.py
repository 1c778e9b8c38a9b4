"""One-time form submissions: the token a creating form carries, and what it created."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.base import utcnow


class FormSubmission(db.Model):
    """A creating form's token, stored in the transaction that creates the object: a second
    POST with the same token (double click, retry on a slow line) finds it and creates
    nothing. `result_url` is where the first one went; kept a day."""

    __tablename__ = "form_submission"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE")
    )  # None for the registration form
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    result_url: Mapped[str | None] = mapped_column(String(500))
