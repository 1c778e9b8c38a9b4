"""Under which structure and parcours a member may file something: a retour d'expérience,
a calendar event, a new parcours. One rule for all, used by their services (which refuse)
and their forms (which only offer what the rule allows):

- a member acts for their own structure, and for the parcours that structure runs;
- moderators act for any structure and parcours;
- a new parcours is carried by the member's own structure, partners possibly beside it
  (`check_carriers`);
- what an object already carries stays allowed when it is edited (its author has since
  changed structure, or a moderator filed it), so an edit never fails on a field the
  editor did not touch.

A report filed under another structure would count in that structure's bilan for its
funders (forum.services.activity): the rule is what keeps those figures theirs.
"""

from flask_babel import gettext as _
from sqlalchemy import select

from forum.extensions import db
from forum.models import Parcours, Structure, User, parcours_structures
from forum.services import structures as structure_service
from forum.services.errors import Invalid
from forum.text import collation_key


class TrustedCaller:
    """No member acting: seed data, scripts and test fixtures that write rows the rule
    does not apply to, the caller answering for them. Services that take an actor accept
    the one instance, TRUSTED_CALLER, in its place; there is no default, so a caller that
    forgets the actor fails loudly instead of skipping the rule."""

    def __repr__(self) -> str:
        return "TRUSTED_CALLER"


TRUSTED_CALLER = TrustedCaller()


def may_act_for(
    user: User, structure: Structure | None = None, parcours: Parcours | None = None
) -> bool:
    """Whether `user` may file something under `structure` and `parcours` (None: no
    constraint from that side). Moderators may for any."""
    if user.is_moderator:
        return True
    if structure is not None and structure.id != user.structure_id:
        return False
    if parcours is not None:
        return user.structure_id is not None and user.structure_id in {
            s.id for s in parcours.structures
        }
    return True


def resolve(
    user: User,
    structure_id: int | None,
    parcours_id: int | None,
    kept: tuple[Structure | None, Parcours | None] = (None, None),
) -> tuple[Structure | None, Parcours | None]:
    """The rows for a form's structure and parcours ids (None: none chosen), as
    (structure, parcours). `kept` is what the edited object carries already, allowed
    whatever the rule says. Raises Invalid("structure" | "parcours", French message) for an
    unknown id or one `user` may not act for."""
    kept_structure, kept_parcours = kept
    structure = _row(Structure, structure_id, "structure", _("Structure inconnue."))
    if structure not in (None, kept_structure) and not may_act_for(user, structure=structure):
        raise Invalid(
            "structure",
            _("Choisissez votre structure : vous ne pouvez pas publier au nom d’une autre."),
        )
    parcours = _row(Parcours, parcours_id, "parcours", _("Parcours inconnu."))
    if parcours not in (None, kept_parcours) and not may_act_for(user, parcours=parcours):
        raise Invalid("parcours", _("Ce parcours n’est pas mené par votre structure."))
    return structure, parcours


def check_carriers(user: User | TrustedCaller, structures: list[Structure]) -> None:
    """Refuse a parcours (new, or edited) whose `structures` do not include one `user` may
    act for: partners may carry it beside the member's own structure, never instead of it
    (a parcours declared for another structure alone would show « Porté par » it and
    count in its bilan). Moderators may declare one for any; TRUSTED_CALLER (seed data,
    scripts) is not checked. Raises Invalid("structures", French message)."""
    if user is TRUSTED_CALLER:
        return
    if not any(may_act_for(user, structure=s) for s in structures):
        raise Invalid(
            "structures",
            _(
                "Cochez votre structure parmi celles qui portent le parcours : vous ne "
                "pouvez pas en déclarer un au nom d’autres structures seules."
            ),
        )


def _row(model, row_id: int | None, field: str, unknown: str):
    """The row of `model` with this id, None for no id; Invalid(field, unknown) if none."""
    if row_id is None:
        return None
    row = db.session.get(model, row_id)
    if row is None:
        raise Invalid(field, unknown)
    return row


def structure_choices(user: User, kept: Structure | None = None) -> list[Structure]:
    """The structures a form offers `user`: every one in the directory to a moderator;
    their own (even pending) to a member; plus `kept`, what the edited object carries."""
    include = [user.structure_id, kept.id if kept else None]
    if user.is_moderator:
        return structure_service.all_structures(include=include)
    ids = {i for i in include if i is not None}
    if not ids:
        return []
    structures = db.session.scalars(select(Structure).where(Structure.id.in_(ids)))
    return sorted(structures, key=lambda s: collation_key(s.name))


def parcours_choices(user: User, kept: Parcours | None = None) -> list[Parcours]:
    """The parcours a form offers `user`, newest first: all to a moderator, those their
    structure runs to a member; plus `kept`."""
    query = select(Parcours).order_by(Parcours.start_date.desc(), Parcours.id.desc())
    if not user.is_moderator:
        runs = select(parcours_structures.c.parcours_id).where(
            parcours_structures.c.structure_id == user.structure_id
        )
        condition = Parcours.id.in_(runs)
        if kept is not None:
            condition = condition | (Parcours.id == kept.id)
        query = query.where(condition)
    return list(db.session.scalars(query))
