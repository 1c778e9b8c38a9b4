"""What a structure's page shows besides its reports: counts by module and challenge, its
parcours, the discussions its members started (a few queries, whatever its size)."""

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import (
    ChallengeTag,
    Discussion,
    KitModule,
    Parcours,
    Report,
    Structure,
    User,
    parcours_structures,
    report_modules,
    report_tags,
)


def _published_of(structure: Structure):
    return (
        Report.structure_id == structure.id,
        Report.is_published,
    )


def module_counts(structure: Structure) -> list[tuple[KitModule, int]]:
    """(module, published reports of the structure in it), in the kit's order."""
    count = func.count().label("n")
    rows = db.session.execute(
        select(KitModule, count)
        .join(report_modules, report_modules.c.module_id == KitModule.id)
        .join(Report, Report.id == report_modules.c.report_id)
        .where(*_published_of(structure))
        .group_by(KitModule.id)
        .order_by(KitModule.position)
    )
    return [(module, n) for module, n in rows.all()]


def tag_counts(structure: Structure, limit: int = 15) -> list[tuple[ChallengeTag, int]]:
    """(challenge, published reports of the structure meeting it), most met first."""
    count = func.count().label("n")
    rows = db.session.execute(
        select(ChallengeTag, count)
        .join(report_tags, report_tags.c.tag_id == ChallengeTag.id)
        .join(Report, Report.id == report_tags.c.report_id)
        .where(*_published_of(structure))
        .group_by(ChallengeTag.id)
        .order_by(count.desc(), ChallengeTag.label)
        .limit(limit)
    )
    return [(tag, n) for tag, n in rows.all()]


def parcours_of(structure: Structure) -> list[Parcours]:
    """The parcours the structure runs (alone or with others), latest first."""
    return list(
        db.session.scalars(
            select(Parcours)
            .join(parcours_structures, parcours_structures.c.parcours_id == Parcours.id)
            .where(parcours_structures.c.structure_id == structure.id)
            .order_by(Parcours.start_date.desc())
        )
    )


def discussions_of(structure: Structure, limit: int = 10) -> list[Discussion]:
    """Open discussions started by the structure's current members, latest first."""
    return list(
        db.session.scalars(
            select(Discussion)
            .join(User, User.id == Discussion.author_id)
            .where(User.structure_id == structure.id, Discussion.is_listed)
            .order_by(Discussion.created_at.desc())
            .limit(limit)
        )
    )
