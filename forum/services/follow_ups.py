"""« Que sont devenus les projets ? »: a parcours' structures tell, for the cohort as a
whole and never per person, how many projects were dropped, are maturing, have started
or were oriented elsewhere (issue 16, point 4). Every answer is kept; the latest counts."""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import ORIENTATIONS, FollowUp, Parcours, User, parcours_structures
from forum.services.errors import Invalid

# Without a declared cohort, no answer may name more projects than this.
MAX_PROJECTS = 500
OUTCOMES = ("abandoned", "maturing", "started", "oriented")


@dataclass
class FollowUpInput:
    """The form's values: four counts (integers ≥ 0), where the oriented projects went
    (names from ORIENTATIONS), a free comment."""

    abandoned: int
    maturing: int
    started: int
    oriented: int
    oriented_to: list[str] = field(default_factory=list)
    comment: str = ""


def orientation_labels() -> dict[str, str]:
    """The curated list of where projects are oriented, in French (translated)."""
    return {
        "incubateur": _("un incubateur"),
        "dla": _("le DLA (Dispositif local d’accompagnement)"),
        "france-active": _("France Active"),
        "autre-structure": _("une autre structure d’accompagnement"),
        "autre": _("autre"),
    }


def can_answer(user, parcours: Parcours) -> bool:
    """Members of one of the parcours' structures answer for it (one statement)."""
    if user is None or not user.is_authenticated or user.structure_id is None:
        return False
    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(parcours_structures)
            .where(
                parcours_structures.c.parcours_id == parcours.id,
                parcours_structures.c.structure_id == user.structure_id,
            )
        )
    )


def current(parcours: Parcours) -> FollowUp | None:
    """The latest answer for the parcours, or None."""
    return db.session.scalar(
        select(FollowUp)
        .where(FollowUp.parcours_id == parcours.id)
        .order_by(FollowUp.id.desc())
        .limit(1)
    )


def history(parcours: Parcours) -> list[FollowUp]:
    """Every answer for the parcours, newest first."""
    return list(
        db.session.scalars(
            select(FollowUp).where(FollowUp.parcours_id == parcours.id).order_by(FollowUp.id.desc())
        )
    )


def record(parcours: Parcours, author: User, data: FollowUpInput) -> FollowUp:
    """Store an answer (a new row: earlier answers stay as history) and flush. Raises
    Invalid naming the field: a negative count, an unknown orientation, more projects than
    the cohort (its declared size, else MAX_PROJECTS), orientations without an oriented
    project."""
    for name in OUTCOMES:
        if getattr(data, name) is None or getattr(data, name) < 0:
            raise Invalid(name, _("Indiquez un nombre entier positif ou nul."))
    limit = parcours.cohort_size or MAX_PROJECTS
    total = sum(getattr(data, name) for name in OUTCOMES)
    if total > limit:
        raise Invalid(
            "abandoned",
            _(
                "%(total)d projets au total, c’est plus que la cohorte (%(limit)d).",
                total=total,
                limit=limit,
            ),
        )
    unknown = [value for value in data.oriented_to if value not in ORIENTATIONS]
    if unknown:
        raise Invalid("oriented_to", _("Orientation inconnue."))
    if data.oriented_to and not data.oriented:
        raise Invalid("oriented", _("Indiquez combien de projets ont été orientés."))
    answer = FollowUp(
        parcours_id=parcours.id,
        author_id=author.id,
        abandoned=data.abandoned,
        maturing=data.maturing,
        started=data.started,
        oriented=data.oriented,
        oriented_to=",".join(v for v in ORIENTATIONS if v in set(data.oriented_to)),
        comment=(data.comment or "").strip()[:4000],
    )
    db.session.add(answer)
    db.session.flush()
    return answer
