"""What the home page shows."""

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Structure, User


def home_context() -> dict:
    return {
        "structure_count": db.session.scalar(select(func.count(Structure.id))),
        "member_count": db.session.scalar(select(func.count(User.id))),
        "structures": list(
            db.session.scalars(select(Structure).order_by(Structure.created_at.desc()).limit(6))
        ),
    }
