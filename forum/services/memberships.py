"""Who belongs to a structure, and how one joins it.

Belonging to a structure opens its detailed bilan (forum.services.activity.can_see_bilan),
filing retours and events under it (forum.services.affiliation), answering its parcours'
follow-ups and receiving its contact messages. So choosing a structure (« Mon compte »,
registration, the structure's page) no longer makes anyone its member at once (issue 16's
tester read another structure's bilan that way):

- a structure with no member yet is joined at once (its first member);
- otherwise a request is recorded (`StructureRequest`, one pending per member: a new one
  withdraws the previous one) and the member stays where they were until it is accepted;
- who decides (`may_admit`): the structure's référent·e(s); when it has none, any of its
  members; moderators and administrators always — never the requester themselves;
- accepting sets the member's structure through `set_structure`, the one path of every
  change of structure; leaving (choosing none) is immediate.

The deciders are told of a request, the requester of its answer (events REQUESTED and
DECIDED, fanned out in forum/services/notification_kinds.py).
"""

from datetime import timedelta

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import and_, exists, false, or_, select, true, update
from sqlalchemy.orm import aliased, joinedload
from sqlalchemy.orm.attributes import flag_modified

from forum.extensions import db
from forum.models import Notification, Structure, StructureRequest, User
from forum.models.base import utcnow
from forum.services import events, hold
from forum.services.errors import Conflict, Forbidden, NotFound, RateLimited

REQUESTED = "structure_request_created"  # event kinds
DECIDED = "structure_request_decided"
JOIN_REQUESTED = "structure_join_requested"  # notification reasons
JOIN_ACCEPTED = "structure_join_accepted"
JOIN_REFUSED = "structure_join_refused"
HANDED_OVER = "structure_referent_handed_over"  # event kind: a référent·e left
REFERENT_NAMED = "structure_referent_named"  # notification reason: told the successor
# A request refused or withdrawn less than this long ago cannot be made again to the same
# structure: each new one told (and e-mailed) its deciders again (issue 16's tester).
ASK_AGAIN_AFTER = timedelta(days=7)


def _has_referent(structure_id) -> object:
    """EXISTS a référent·e, not suspended, of the structure `structure_id` (a value or a column of an
    enclosing query, however deep: correlated explicitly — nested in admit_clause's EXISTS,
    auto-correlation had put a second `notification` in its FROM, true as soon as any
    structure anyone was notified about had a référent·e)."""
    referent = aliased(User)
    return exists(
        select(referent.id)
        .where(
            referent.structure_id == structure_id,
            referent.structure_role == "referent",
            referent.suspended_at.is_(None),  # a suspended one cannot answer (tester)
        )
        .correlate_except(referent)
    )


def may_admit(user, structure: Structure | None) -> bool:
    """Whether `user` may accept or refuse requests to join `structure`: moderators and
    administrators; the structure's référent·e(s); any of its members when it has no
    référent·e who may answer (none, or only suspended ones). One statement at most."""
    if user is None or not user.is_authenticated or structure is None:
        return False
    if user.is_moderator:
        return True
    if user.structure_id != structure.id:
        return False
    if user.structure_role == "referent":
        return True
    return not db.session.scalar(select(_has_referent(structure.id)))


def admit_clause(user, structure_id) -> object:
    """`may_admit` as an SQL condition on a structure id column (for the notifications'
    badge): `user` needs `id` (a value or a bound parameter) and `is_moderator`."""
    if user.is_moderator:
        return true()
    if user.id is None:
        return false()
    me = aliased(User)
    return exists(
        select(me.id).where(
            me.id == user.id,
            me.structure_id == structure_id,
            or_(me.structure_role == "referent", ~_has_referent(structure_id)),
        )
    )


def deciders(structure: Structure) -> list[int]:
    """Ids of the members told of a request to join `structure`: its référent·e(s), else
    all its members (moderators may decide too, but are not told of every request);
    suspended accounts are neither."""
    rows = db.session.execute(
        select(User.id, User.structure_role).where(
            User.structure_id == structure.id, User.suspended_at.is_(None)
        )
    ).all()
    referents = [uid for uid, role in rows if role == "referent"]
    return referents or [uid for uid, _role in rows]


def referent_of(structure: Structure) -> User | None:
    """The structure's référent·e (the longest-registered one if several), or None; one
    statement."""
    return db.session.scalar(
        select(User)
        .where(User.structure_id == structure.id, User.structure_role == "referent")
        .order_by(User.created_at, User.id)
        .limit(1)
    )


def _has_members(structure: Structure) -> bool:
    return bool(
        db.session.scalar(select(exists(select(User.id).where(User.structure_id == structure.id))))
    )


def pending_request_of(user: User) -> StructureRequest | None:
    """The member's pending request (with its structure), or None."""
    return db.session.scalar(
        select(StructureRequest)
        .options(joinedload(StructureRequest.structure))
        .where(StructureRequest.user_id == user.id, StructureRequest.status == "pending")
    )


def pending_requests(structure: Structure) -> list[StructureRequest]:
    """The pending requests to join `structure`, oldest first, with their members."""
    return list(
        db.session.scalars(
            select(StructureRequest)
            .options(joinedload(StructureRequest.user))
            .where(
                StructureRequest.structure_id == structure.id,
                StructureRequest.status == "pending",
            )
            .order_by(StructureRequest.created_at, StructureRequest.id)
        )
    )


def _close_pending(user: User, status: str = "withdrawn") -> None:
    db.session.execute(
        update(StructureRequest)
        .where(StructureRequest.user_id == user.id, StructureRequest.status == "pending")
        .values(status=status, decided_at=utcnow(), decided_by_id=user.id)
        .execution_options(synchronize_session="fetch")
    )


def set_structure(user: User, structure: Structure | None) -> User | None:
    """Make `user` a member of `structure` (None: of none), as a plain member when it
    changes; joining one withdraws their pending request. The one path of every change of
    structure (a proposal, structures.join_as_referent, goes through it too) but a merge.

    A référent·e who leaves hands the role over (`hand_over`): returns the member who
    takes it (told after the commit), or None (not a référent·e, nobody left, no change).
    Leaving is serialised per structure (`_hold`): two members leaving at once, one the
    référent·e, could hand the role to the other as they left (tester, issue 16), leaving
    a référent·e of nothing and a structure without one. Flushed."""
    successor = None
    if (structure.id if structure else None) != user.structure_id:
        if user.structure_id is not None:
            _hold(user.structure_id)
            # What the member's row says now, not when the request loaded it: another
            # member leaving may just have handed them the role.
            db.session.refresh(user, ["structure_id", "structure_role"])
        if user.is_referent:
            successor = hand_over(user)
        user.structure_role = "member"
        flag_modified(user, "structure_role")  # written even when it reads « member »
    user.structure = structure
    if structure is not None:
        _close_pending(user)
    db.session.flush()
    return successor


def _hold(structure_id: int) -> None:
    """Take the structure's row for this transaction (forum.services.hold): a second
    member leaving it waits for the first's commit, then reads what it committed."""
    hold(Structure, structure_id)


def hand_over(referent: User) -> User | None:
    """`referent` leaves their structure (a change of structure, their account deleted):
    its longest-registered other member becomes its référent·e, so that a structure with
    members always has one to decide on requests and answer contact messages, unless
    another référent·e remains. The caller holds the structure (`_hold`). The successor is
    told (event HANDED_OVER, after the commit). Returns the successor, or None when nobody
    takes the role. Flushed."""
    others = (  # a suspended account can answer nothing: neither stays nor takes the role
        select(User.id)
        .where(
            User.structure_id == referent.structure_id,
            User.id != referent.id,
            User.suspended_at.is_(None),
        )
        .order_by(User.created_at, User.id)
    )
    if db.session.scalar(others.where(User.structure_role == "referent").limit(1)) is not None:
        return None  # another référent·e stays
    for candidate in db.session.scalars(others.limit(5)):
        # Only while they are still a member (their own leaving may be committing).
        named = db.session.execute(
            update(User)
            .where(User.id == candidate, User.structure_id == referent.structure_id)
            .values(structure_role="referent")
            .execution_options(synchronize_session=False)
        )
        if named.rowcount == 1:
            successor = db.session.get(User, candidate)
            db.session.refresh(successor, ["structure_role"])
            events.record(HANDED_OVER, successor.id, referent.id)
            return successor
    return None


def _lock_member(user: User) -> None:
    """Hold the member's row until the commit (PostgreSQL), so that two requests of theirs
    at once cannot both pass the one-pending check; no refresh: the caller may have
    changed the row already."""
    db.session.execute(select(User.id).where(User.id == user.id).with_for_update())


def _refuse_if_asked_lately(user: User, structure: Structure) -> None:
    """Raise RateLimited when the member's request to `structure` was refused or
    withdrawn less than ASK_AGAIN_AFTER ago (one statement)."""
    last = db.session.execute(
        select(StructureRequest.status, StructureRequest.decided_at)
        .where(
            StructureRequest.user_id == user.id,
            StructureRequest.structure_id == structure.id,
            StructureRequest.status.in_(("refused", "withdrawn")),
            StructureRequest.decided_at > utcnow() - ASK_AGAIN_AFTER,
        )
        .order_by(StructureRequest.decided_at.desc())
        .limit(1)
    ).first()
    if last is None:
        return
    again = format_date(last.decided_at + ASK_AGAIN_AFTER, "long")
    if last.status == "refused":
        message = _(
            "Votre demande pour rejoindre « %(name)s » a été refusée il y a moins de "
            "7 jours : vous pourrez la refaire à partir du %(date)s.",
            name=structure.name,
            date=again,
        )
    else:
        message = _(
            "Vous avez retiré votre demande pour rejoindre « %(name)s » il y a moins de "
            "7 jours : vous pourrez la refaire à partir du %(date)s.",
            name=structure.name,
            date=again,
        )
    raise RateLimited(message, field="structure")


def choose_structure(user: User, structure: Structure | None) -> StructureRequest | None:
    """The member chose `structure` (None: no structure). Leaving, or joining a structure
    with no member yet, happens at once (returns None); the same structure changes
    nothing (None); a structure with members gets a request, pending, which replaces the
    member's previous one (returned; the same pending request if they chose it again).
    Raises RateLimited when a request of theirs to it was refused or withdrawn less than
    ASK_AGAIN_AFTER ago. Flushed; the deciders are told after the commit."""
    if structure is None:
        set_structure(user, None)
        return None
    if structure.id == user.structure_id:
        return None
    if user.structure_id is not None:
        _hold(user.structure_id)  # structure, then member: set_structure's order
    _lock_member(user)
    current = pending_request_of(user)
    if current is not None and current.structure_id == structure.id:
        return current
    _refuse_if_asked_lately(user, structure)
    db.session.refresh(structure, with_for_update={"of": Structure})  # two first members
    if not _has_members(structure):
        set_structure(user, structure)
        user.structure_role = "referent"  # its first member answers for it (tester)
        db.session.flush()
        # Requests made while it had members (its last one left since) wait for an
        # answer: its new référent·e is told of each (second tester: nobody was).
        for waiting in pending_requests(structure):
            events.record(REQUESTED, waiting.id, waiting.user_id)
        return None
    _close_pending(user)
    request = StructureRequest(user=user, structure=structure)
    db.session.add(request)
    db.session.flush()
    events.record(REQUESTED, request.id, user.id)
    return request


def sent_notice(request: StructureRequest) -> str:
    """What the member is told once their request is recorded (French first)."""
    return _(
        "Demande envoyée à « %(name)s », en attente d’acceptation : vous en serez "
        "membre dès qu’elle sera acceptée.",
        name=request.structure.name,
    )


def withdraw(user: User) -> StructureRequest:
    """The member withdraws their pending request (returned). Raises NotFound when they
    have none (already accepted, refused or withdrawn)."""
    request = pending_request_of(user)
    if request is None:
        raise NotFound(_("Vous n’avez aucune demande en attente."))
    request.status, request.decided_at, request.decided_by_id = "withdrawn", utcnow(), user.id
    db.session.flush()
    return request


_ALREADY = {
    "accepted": lambda: _("Cette demande a déjà été acceptée."),
    "refused": lambda: _("Cette demande a déjà été refusée."),
    "withdrawn": lambda: _("Cette demande a été retirée par la personne qui l’avait faite."),
}


def decide(structure: Structure, request_id: int, decider: User, accept: bool) -> StructureRequest:
    """`decider` accepts (the requester becomes a member, through `set_structure`) or
    refuses a request to join `structure`; the requester is told after the commit.
    Raises Forbidden when the decider may not admit to it (or it is their own request),
    NotFound for no such request to this structure, Conflict when it is no longer pending
    or the requester already is a member."""
    if not may_admit(decider, structure):
        raise Forbidden(
            _(
                "Seules la personne référente de « %(name)s » (ou, sans référent·e, ses "
                "membres) et l’équipe de modération répondent aux demandes pour la rejoindre.",
                name=structure.name,
            )
        )
    request = db.session.scalar(
        select(StructureRequest)
        .where(StructureRequest.id == request_id, StructureRequest.structure_id == structure.id)
        .with_for_update()
    )
    if request is None:
        raise NotFound(_("Cette demande n’existe pas, ou plus."))
    if request.user_id == decider.id:
        raise Forbidden(_("Vous ne pouvez pas répondre à votre propre demande."))
    if not request.is_pending:
        raise Conflict(_ALREADY[request.status]())
    if request.user.structure_id == structure.id:
        raise Conflict(
            _(
                "%(name)s est déjà membre de « %(structure)s ».",
                name=request.user.display_name,
                structure=structure.name,
            )
        )
    # Decided only if still pending at the moment of writing: the row lock above makes a
    # second click wait on PostgreSQL; SQLite has no row lock, but its single writer makes
    # this conditional UPDATE of the second click wait for the first's commit and match
    # nothing (a double click on « Accepter » told the member twice).
    decided = db.session.execute(
        update(StructureRequest)
        .where(StructureRequest.id == request.id, StructureRequest.status == "pending")
        .values(
            status="accepted" if accept else "refused",
            decided_at=utcnow(),
            decided_by_id=decider.id,
        )
        .execution_options(synchronize_session="fetch")
    )
    if decided.rowcount != 1:
        db.session.refresh(request)
        raise Conflict(_ALREADY[request.status]())
    if accept:
        set_structure(request.user, structure)
    events.record(DECIDED, request.id, decider.id)
    return request


def move_requests(source: Structure, target: Structure) -> None:
    """A merge (structures.merge_structures): requests and structure notifications of
    `source` go to `target`; a pending one of someone already in `target` is withdrawn
    (call it once the members moved)."""
    db.session.execute(
        update(StructureRequest)
        .where(StructureRequest.structure_id == source.id)
        .values(structure_id=target.id)
    )
    members = select(User.id).where(User.structure_id == target.id)
    db.session.execute(
        update(StructureRequest)
        .where(
            and_(
                StructureRequest.structure_id == target.id,
                StructureRequest.status == "pending",
                StructureRequest.user_id.in_(members),
            )
        )
        .values(status="withdrawn", decided_at=utcnow())
    )
    db.session.execute(
        update(Notification)
        .where(Notification.structure_id == source.id)
        .values(structure_id=target.id)
    )
