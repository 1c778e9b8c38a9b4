"""French régions and départements, keyed by their INSEE codes."""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db


class Region(db.Model):
    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    departments: Mapped[list["Department"]] = relationship(
        back_populates="region", order_by="Department.code"
    )


class Department(db.Model):
    __tablename__ = "department"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    region_code: Mapped[str] = mapped_column(ForeignKey("region.code"), index=True)
    region: Mapped[Region] = relationship(back_populates="departments")

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"
