"""Member accounts, roles and login throttling records."""

import hashlib
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from forum.extensions import db
from forum.models.base import utcnow

ROLES = ("member", "moderator", "admin")


class User(UserMixin, db.Model):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL
    __table_args__ = {"sqlite_autoincrement": True}  # a deleted member's id is never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    display_name: Mapped[str] = mapped_column(String(80))
    handle: Mapped[str | None] = mapped_column(String(80), unique=True)  # for @mentions
    bio: Mapped[str] = mapped_column(Text, default="")
    structure_id: Mapped[int | None] = mapped_column(ForeignKey("structure.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="fr")
    role: Mapped[str] = mapped_column(String(20), default="member")
    approved: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    email_mode: Mapped[str] = mapped_column(String(12), default="digest", server_default="digest")
    digest_sent_at: Mapped[datetime | None]

    structure: Mapped["Structure | None"] = relationship(back_populates="members")  # noqa: F821

    def get_id(self) -> str:
        """What the session and the remember-me cookie hold: the id bound to this account
        row (e-mail and creation time), so that a cookie never opens another account."""
        return f"{self.id}.{self.session_binding}"

    @property
    def session_binding(self) -> str:
        created = self.created_at.replace(microsecond=0).isoformat() if self.created_at else ""
        return hashlib.sha256(f"{self.email}|{created}".encode()).hexdigest()[:16]

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_moderator(self) -> bool:
        return self.role in ("moderator", "admin")

    @property
    def can_post(self) -> bool:
        """Accounts awaiting approval may read but not write."""
        return self.approved


class LoginFailure(db.Model):
    """One failed login; counted per e-mail and per IP over a sliding window."""

    __tablename__ = "login_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    ip: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
