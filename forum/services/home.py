"""What the home page shows: latest reports, active tags, the kit's modules, totals."""

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Report, Structure, User
from forum.services import form_data, report_queries, tags


def totals() -> dict[str, int]:
    """{"report_count", "structure_count", "member_count"}: published reports, validated
    structures (those /structures/ lists) and accounts. Plain ints, kept per content stamp."""
    return {
        "structure_count": db.session.scalar(
            select(func.count(Structure.id)).where(Structure.status == "validated")
        ),
        "member_count": db.session.scalar(select(func.count(User.id))),
        "report_count": db.session.scalar(select(func.count(Report.id)).where(Report.is_published)),
    }


def grid_context() -> dict:
    """The part of the home page that is the same for every reader: the 8 latest
    published reports, the six modules with their counts, the 12 most met challenges."""
    counts = tags.published_counts()
    active = sorted(
        (t for t in tags.approved_tags() if counts.get(t.id)), key=lambda t: -counts[t.id]
    )[:12]
    return {
        "latest": report_queries.latest(8),
        "active_tags": active,
        "tag_counts": counts,
        "modules": form_data.modules(),
        "module_counts": report_queries.module_counts(),
    }
