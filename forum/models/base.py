"""Helpers shared by the models."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Naive UTC: SQLite returns naive datetimes, so we store naive UTC everywhere."""
    return datetime.now(UTC).replace(tzinfo=None)
