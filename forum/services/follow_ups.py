"""« Que sont devenus les projets ? »: a parcours' structures tell, for the cohort as a
whole and never per person, how many projects were dropped, are maturing, have started
or were oriented elsewhere (issue 16, point 4). Every answer is kept; the latest counts."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from flask_babel import gettext as _
from sqlalchemy import exists, func, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import (
    ORIENTATIONS,
    FollowUp,
    FollowUpReminder,
    Parcours,
    User,
    parcours_structures,
)
from forum.models.base import utcnow
from forum.services import events as outbox
from forum.services import hold
from forum.services.errors import Conflict, Invalid

# Without a declared cohort, no answer may name more projects than this.
MAX_PROJECTS = 500
OUTCOMES = ("abandoned", "maturing", "started", "oriented")
# When the structures are asked, in months after the parcours' end (issue 16, point 4).
STAGES = (3, 6, 12)
# The last stage is still asked this long after it fell due (cron down, a late migration);
# a parcours that ended longer ago than STAGES[-1] + LAST_STAGE_GRACE is never asked.
LAST_STAGE_GRACE = relativedelta(months=1)
# record(..., based_on=UNCHECKED): no check of what the answer was based on (scripts).
UNCHECKED = "unchecked"


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
    """Members of one of the parcours' structures answer for it (one statement): the rule
    of answerable_clause, which the notifications' list applies in SQL."""
    if user is None or not user.is_authenticated or user.structure_id is None:
        return False
    return bool(db.session.scalar(select(answerable_clause(user, parcours.id))))


def answerable_clause(user, parcours_id):
    """« `user` is a member of one of the structures of the parcours `parcours_id` » as an
    SQL condition; `parcours_id` an int or a column (Notification.parcours_id), `user.id`
    an int or a bound parameter."""
    return exists(
        select(parcours_structures.c.parcours_id)
        .join(User, User.structure_id == parcours_structures.c.structure_id)
        .where(User.id == user.id, parcours_structures.c.parcours_id == parcours_id)
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
    """Every answer for the parcours, newest first, with who gave it (one statement)."""
    return list(
        db.session.scalars(
            select(FollowUp)
            .options(joinedload(FollowUp.author))
            .where(FollowUp.parcours_id == parcours.id)
            .order_by(FollowUp.id.desc())
        )
    )


def record(
    parcours: Parcours, author: User, data: FollowUpInput, based_on: int | None | str = UNCHECKED
) -> FollowUp:
    """Store an answer (a new row: earlier answers stay as history) and flush. Raises
    Invalid naming the field: a negative count, an unknown orientation, more projects than
    the cohort (its declared size, else MAX_PROJECTS), orientations without an oriented
    project. `based_on`: the id of the answer the author's form showed (None: there was
    none); Conflict (409) when another answer came in since, so that two members of the
    structures answering at once do not overwrite each other unknowingly."""
    if based_on != UNCHECKED:
        # The parcours' row first: two answers sent at the same moment both read « no new
        # answer » before either was written, and the second overwrote the first (tester).
        hold(Parcours, parcours.id)
        latest = current(parcours)
        if (latest.id if latest else None) != based_on:
            raise Conflict(
                _(
                    "Une autre réponse a été enregistrée pendant que vous écriviez (voir "
                    "« Réponses précédentes ») : vérifiez les chiffres puis enregistrez à "
                    "nouveau."
                )
            )
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


# --- asking: 3, 6 and 12 months after the end ----------------------------------------


def due_stage(end_date: date, today: date) -> int | None:
    """The stage (months, one of STAGES) at which a parcours that ended on `end_date` is
    to be asked on `today`: the latest stage already reached, or None before the first
    one and once the last one is older than LAST_STAGE_GRACE. Calendar months (3 months
    after 30 November is 28 or 29 February: dateutil's relativedelta)."""
    if today >= end_date + relativedelta(months=STAGES[-1]) + LAST_STAGE_GRACE:
        return None
    reached = [m for m in STAGES if end_date + relativedelta(months=m) <= today]
    return reached[-1] if reached else None


def ask_due(now: datetime | None = None) -> list[int]:
    """Ask the structures of every parcours whose stage fell due (due_stage) and that no
    one answered yet — an answer, even early, ends the asking; each stage is asked at most
    once, and a stage is skipped when a later one was asked. Records a FollowUpReminder per
    parcours asked and queues the event `follow_up_due` (its members are told after the
    commit, in the app and by e-mail per their settings). Parcours rows are claimed (FOR
    UPDATE SKIP LOCKED on PostgreSQL) and (parcours, stage) is unique, so cron running the
    job on every server at once asks once (issue 17, point 3). Returns the ids of the
    reminders made; flushes, the CLI command commits."""
    now = now or utcnow()
    today = now.date()
    # A coarse window in SQL (month arithmetic does not invert: 30 April - 3 months is
    # 30 January, yet 31 January + 3 months is 30 April): three days' slack each side,
    # due_stage decides exactly.
    slack = timedelta(days=3)
    oldest = today - relativedelta(months=STAGES[-1]) - LAST_STAGE_GRACE - slack
    newest = today - relativedelta(months=STAGES[0]) + slack
    candidates = list(
        db.session.scalars(
            select(Parcours)
            .where(
                Parcours.end_date.is_not(None),
                Parcours.end_date > oldest,
                Parcours.end_date <= newest,
                ~exists().where(FollowUp.parcours_id == Parcours.id),
                exists().where(parcours_structures.c.parcours_id == Parcours.id),
            )
            .order_by(Parcours.id)
            .with_for_update(skip_locked=True, of=Parcours)
        )
    )
    asked: dict[int, int] = dict(
        db.session.execute(
            select(FollowUpReminder.parcours_id, func.max(FollowUpReminder.stage))
            .where(FollowUpReminder.parcours_id.in_([p.id for p in candidates]))
            .group_by(FollowUpReminder.parcours_id)
        ).all()
    )
    made = []
    for parcours in candidates:
        stage = due_stage(parcours.end_date, today)
        if stage is None or asked.get(parcours.id, 0) >= stage:
            continue
        reminder = FollowUpReminder(parcours_id=parcours.id, stage=stage, sent_at=now)
        db.session.add(reminder)
        db.session.flush()
        outbox.record("follow_up_due", reminder.id, None)
        made.append(reminder.id)
    return made


def pending_request(parcours: Parcours) -> FollowUpReminder | None:
    """The latest time the parcours' structures were asked, if nobody has answered yet
    (an answer ends the asking); else None. One statement."""
    return db.session.scalar(
        select(FollowUpReminder)
        .where(
            FollowUpReminder.parcours_id == parcours.id,
            ~exists().where(FollowUp.parcours_id == parcours.id),
        )
        .order_by(FollowUpReminder.stage.desc())
        .limit(1)
    )


def askable_members(parcours_id: int) -> list[int]:
    """Ids of the members to ask for a parcours: those of its structures, not suspended."""
    return list(
        db.session.scalars(
            select(User.id)
            .join(parcours_structures, parcours_structures.c.structure_id == User.structure_id)
            .where(parcours_structures.c.parcours_id == parcours_id, User.suspended_at.is_(None))
            .order_by(User.id)
        )
    )


def months_after_end(parcours: Parcours, when: datetime | None = None) -> int:
    """Whole calendar months from the parcours' end to `when` (now by default; 0 if no
    end date)."""
    if parcours.end_date is None:
        return 0
    delta = relativedelta((when or utcnow()).date(), parcours.end_date)
    return max(0, delta.years * 12 + delta.months)
