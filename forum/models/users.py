"""Member accounts, their open sessions, roles and login throttling records."""

from datetime import datetime

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from forum.extensions import db
from forum.models.base import utcnow

ROLES = ("member", "moderator", "admin")
STRUCTURE_ROLES = ("member", "referent")  # a member of a structure, or its référent·e


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
    # E-mail choices per kind are NotificationSetting rows; these say when digests went out.
    digest_sent_at: Mapped[datetime | None]
    # Set by an administrator: the member can no longer log in; what they wrote stays.
    suspended_at: Mapped[datetime | None]
    structure_role: Mapped[str] = mapped_column(
        String(12), default="member", server_default="member"
    )
    # Whether other members may write to this one through Maillage (never seeing the
    # address). None: not chosen, which means yes for a référent·e and no for the others.
    accepts_contact: Mapped[bool | None]
    weekly_digest_sent_at: Mapped[datetime | None]

    structure: Mapped["Structure | None"] = relationship(  # noqa: F821
        back_populates="members", foreign_keys=[structure_id]
    )

    # Not columns: the session this request runs in, set by forum.services.sessions when it
    # opens or loads one (the token itself is never stored, only its hash).
    session_token = None  # str
    current_session = None  # UserSession

    def get_id(self) -> str:
        """What the Flask session and the remember-me cookie hold: "<user id>.<token>" of
        the open UserSession; ending that row ends both. Raises RuntimeError if no session
        was opened (forum.services.sessions.open_session) or loaded for this object."""
        if not self.session_token:
            raise RuntimeError("No session opened for this member: call sessions.open_session")
        return f"{self.id}.{self.session_token}"

    def __eq__(self, other):
        """The same account row (UserMixin compares get_id(), which names a session)."""
        if isinstance(other, User):
            return self.id is not None and self.id == other.id
        return NotImplemented

    __hash__ = UserMixin.__hash__

    def set_password(self, password: str) -> None:
        """Store a salted hash of `password` (werkzeug's scrypt unless the configuration's
        PASSWORD_HASH_METHOD says otherwise: the tests' config takes a cheap one)."""
        method = current_app.config.get("PASSWORD_HASH_METHOD") if has_app_context() else None
        self.password_hash = generate_password_hash(password, method=method or "scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_moderator(self) -> bool:
        return self.role in ("moderator", "admin")

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def is_referent(self) -> bool:
        """The référent·e of their structure (its first contact)."""
        return self.structure_id is not None and self.structure_role == "referent"

    @property
    def contactable(self) -> bool:
        """Accepts messages relayed by Maillage: their choice, else yes for a référent·e."""
        if self.accepts_contact is not None:
            return self.accepts_contact
        return self.is_referent

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


class UserSession(db.Model):
    """One browser logged in to an account ("device" in the interface). Its token, hashed
    here, is what the Flask session and the remember-me cookie carry: deleting the row logs
    that browser out, whatever cookie it kept. Rows older than REMEMBER_COOKIE_DURATION no
    longer open anything and are dropped at the next login (anyone's)."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex
    remember: Mapped[bool] = mapped_column(default=False)  # « Rester connecté » was ticked
    device: Mapped[str] = mapped_column(String(80), default="")  # "Firefox, Windows"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)  # within SESSION_TOUCH_SECONDS
