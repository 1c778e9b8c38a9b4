"""Support structures (incubators, tiers-lieux, associations…) that run the programme."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import utcnow
from forum.models.territories import Department

STRUCTURE_KINDS = (
    "incubateur",
    "tiers-lieu",
    "association",
    "pole-territorial",
    "collectivite",
    "autre",
)


class Structure(db.Model):
    __tablename__ = "structure"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    members: Mapped[list["User"]] = relationship(  # noqa: F821
        back_populates="structure", order_by="User.display_name"
    )
