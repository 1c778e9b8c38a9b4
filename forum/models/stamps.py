"""The content stamp: one number, raised by every transaction that changes what pages show.

Several processes (gunicorn workers, servers) cache aggregates and answer conditional GETs
from it: a cached value is used only while the stamp it was computed under is still the
one in the database (forum/cache.py).
"""

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db


class ContentStamp(db.Model):
    """A single row (id 1); `version` only grows."""

    __tablename__ = "content_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=1)
