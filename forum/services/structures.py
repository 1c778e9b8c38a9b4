"""Support structures: directory queries, admin edits, members' proposals and merges.

A member whose structure is not in the directory proposes it: it is theirs at once (their
reports carry it) but stays "pending", shown « en attente de validation », out of the
directory and of the territories' coverage, until a moderator validates it or merges it
into an existing structure (members, reports and parcours move there).
"""

from collections.abc import Iterable
from difflib import SequenceMatcher

from flask_babel import gettext as _
from sqlalchemy import or_, select, update
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.models import ContactMessage, Department, Report, Structure, User, parcours_structures
from forum.services import accounts, memberships, moderation
from forum.services.errors import Conflict, Invalid
from forum.services.indexing import enqueue_reports
from forum.text import collation_key, slugify


def unique_slug(model, text: str) -> str:
    base = slugify(text)
    slug, n = base, 2
    while db.session.scalar(select(model.id).where(model.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def all_structures(include: Iterable[int | None] = ()) -> list[Structure]:
    """Validated structures, plus the pending ones named in `include` (a member's own, a
    report's): what forms offer."""
    wanted = [i for i in include if i]
    condition = Structure.status == "validated"
    if wanted:
        condition = or_(condition, Structure.id.in_(wanted))
    structures = db.session.scalars(select(Structure).where(condition))
    return sorted(structures, key=lambda s: collation_key(s.name))


def pending_structures() -> list[Structure]:
    """Proposals waiting for a moderator, oldest first, with their members."""
    return list(
        db.session.scalars(
            select(Structure)
            .where(Structure.status == "pending")
            .options(selectinload(Structure.members))
            .order_by(Structure.created_at)
        )
    )


# Words that say nothing about which structure it is: articles, and the kinds of structure
# (« Tiers-lieu La Grange » and « La Grange » are the same place).
_STOP_WORDS = frozenset("a au aux d de des du en et l la le les sur".split())
_KIND_WORDS = (
    "asso association cae collectif collectivite cooperatif cooperative ess incubateur lieu "
    "pole reseau scic scop territorial tiers tierslieu"
)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def name_words(name: str) -> frozenset[str]:
    """The words of a structure's name: accents, case, articles and plural endings left
    out (« Les Granges » → {grange})."""
    words = slugify(name, 300).split("-")
    return frozenset(_singular(w) for w in words if w and w not in _STOP_WORDS)


_KINDS = name_words(_KIND_WORDS)


def names_alike(a: str, b: str) -> bool:
    """Same or very similar structure names: the same words once articles and kinds of
    structure are set aside, one name's words all within the other's, or a typo apart;
    never when their numbers differ (« Tiers-lieu 1 », « Tiers-lieu 2 »)."""
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b:
        return False
    if {w for w in words_a if w.isdigit()} != {w for w in words_b if w.isdigit()}:
        return False
    own_a, own_b = (words_a - _KINDS) or words_a, (words_b - _KINDS) or words_b
    if own_a <= own_b or own_b <= own_a:
        return True
    joined_a, joined_b = " ".join(sorted(words_a)), " ".join(sorted(words_b))
    return SequenceMatcher(None, joined_a, joined_b).ratio() >= 0.85


def lookalikes(proposals: list[Structure]) -> dict[int, list[Structure]]:
    """For each proposal, the other structures of its département with the same or a very
    similar name (validated ones first): what a moderator may want to merge it into."""
    departments = {p.department_code for p in proposals}
    if not departments:
        return {}
    neighbours = list(
        db.session.scalars(
            select(Structure)
            .where(Structure.department_code.in_(departments))
            .order_by(Structure.status != "validated", Structure.name)
        )
    )
    return {
        proposal.id: [
            other
            for other in neighbours
            if other.id != proposal.id
            and other.department_code == proposal.department_code
            and names_alike(proposal.name, other.name)
        ]
        for proposal in proposals
    }


def filter_structures(region: str = "", department: str = "", kind: str = "") -> list[Structure]:
    """The directory: every filter optional, unknown values simply match nothing."""
    query = (
        select(Structure)
        .join(Structure.department)
        .where(Structure.status == "validated")
        .order_by(Structure.name)
    )
    if region:
        query = query.where(Department.region_code == region)
    if department:
        query = query.where(Structure.department_code == department)
    if kind:
        query = query.where(Structure.kind == kind)
    return list(db.session.scalars(query.options(selectinload(Structure.members))))


def get_by_slug(slug: str) -> Structure | None:
    return db.session.scalar(select(Structure).where(Structure.slug == slug))


def save_structure(structure: Structure | None, **fields) -> Structure:
    """Create (structure=None) or update a structure from validated fields."""
    if db.session.get(Department, fields["department_code"]) is None:
        raise Invalid("department", _("Département inconnu."))
    if structure is None:
        structure = Structure(slug=unique_slug(Structure, fields["name"]))
        db.session.add(structure)
    for name, value in fields.items():
        setattr(structure, name, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    return structure


def _check_new(fields: dict) -> None:
    accounts.check_team_likeness(fields["name"], "name")
    if db.session.get(Department, fields["department_code"] or "") is None:
        raise Invalid("department", _("Choisissez le département de la structure."))
    same = db.session.scalars(
        select(Structure).where(Structure.department_code == fields["department_code"])
    )
    slug = slugify(fields["name"])
    for other in same:
        if slugify(other.name) == slug:
            if other.status == "pending":
                message = _(
                    "« %(name)s » a déjà été proposée pour ce département et attend sa "
                    "validation : choisissez-la dans la liste des structures.",
                    name=other.name,
                )
            else:
                message = _(
                    "« %(name)s » figure déjà dans l'annuaire pour ce département : "
                    "choisissez-la dans la liste.",
                    name=other.name,
                )
            raise Invalid("name", message)


def new_proposal(fields: dict) -> Structure:
    """A pending structure from a proposal's validated fields, added to the session (the
    caller attaches its proposer and commits). Raises Invalid for an unknown
    département or a structure already listed there under the same name."""
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    _check_new(fields)
    structure = Structure(slug=unique_slug(Structure, fields["name"]), status="pending", **fields)
    db.session.add(structure)
    return structure


def propose_structure(proposer: User, fields: dict) -> Structure:
    """A member proposes their structure: it becomes theirs at once, they its référent·e."""
    structure = new_proposal(fields)
    join_as_referent(proposer, structure)
    db.session.flush()
    return structure


def join_as_referent(user: User, structure: Structure) -> None:
    """Make `user` the first member of `structure`, a proposal of theirs, and its
    référent·e (flushed, not committed); their pending request elsewhere is withdrawn.
    Leaving a structure they were the référent·e of hands the role over
    (memberships.hand_over).
    Raises Conflict if `structure` has other members (joining it is a request:
    memberships.choose_structure)."""
    if structure.id is not None and any(m.id != user.id for m in structure.members):
        raise Conflict(
            _(
                "« %(name)s » a déjà des membres : demandez-leur de vous accepter.",
                name=structure.name,
            )
        )
    memberships.set_structure(user, structure)  # hands over a role they leave
    user.structure_role = "referent"


def set_referent(structure: Structure, member: User, moderator: User) -> None:
    """Name `member` the référent·e of their structure; any other one becomes a member."""
    if member.structure_id != structure.id:
        raise Invalid("member", _("Choisissez un membre de la structure."))
    db.session.execute(
        update(User)
        .where(User.structure_id == structure.id, User.id != member.id)
        .values(structure_role="member")
    )
    member.structure_role = "referent"
    moderation.log(moderator, "set_referent", "structure", structure.id, member.display_name)
    db.session.flush()


def validate_structure(structure: Structure, moderator: User) -> bool:
    """A moderator validates a proposal; False (nothing logged) when it already was."""
    if not structure.is_pending:
        return False
    structure.status = "validated"
    moderation.log(moderator, "validate_structure", "structure", structure.id, structure.name)
    db.session.flush()
    return True


def merge_structures(source: Structure, target: Structure, moderator: User) -> int:
    """Move members, reports, parcours, contact records and requests to join of `source`
    to `target`, then delete `source`. Moved members stay members; a référent·e becomes
    one of `target` only if it had none. Returns the number of reports moved."""
    if source.id == target.id:
        raise Invalid("target", _("Une structure ne peut pas être fusionnée avec elle-même."))
    if target.is_pending:
        raise Invalid("target", _("Choisissez une structure validée."))
    has_referent = db.session.scalar(
        select(User.id).where(User.structure_id == target.id, User.structure_role == "referent")
    )
    if has_referent:
        db.session.execute(
            update(User).where(User.structure_id == source.id).values(structure_role="member")
        )
    db.session.execute(
        update(User).where(User.structure_id == source.id).values(structure_id=target.id)
    )
    memberships.move_requests(source, target)
    report_ids = list(db.session.scalars(select(Report.id).where(Report.structure_id == source.id)))
    enqueue_reports(db.session, report_ids)  # the structure's name is searchable
    db.session.execute(
        update(Report).where(Report.structure_id == source.id).values(structure_id=target.id)
    )
    already = select(parcours_structures.c.parcours_id).where(
        parcours_structures.c.structure_id == target.id
    )
    db.session.execute(
        update(parcours_structures)
        .where(
            parcours_structures.c.structure_id == source.id,
            parcours_structures.c.parcours_id.not_in(already),
        )
        .values(structure_id=target.id)
    )
    db.session.execute(
        parcours_structures.delete().where(parcours_structures.c.structure_id == source.id)
    )
    db.session.execute(
        update(ContactMessage)
        .where(ContactMessage.structure_id == source.id)
        .values(structure_id=target.id)
    )
    moderation.log(
        moderator, "merge_structure", "structure", target.id, f"{source.name} → {target.name}"
    )
    db.session.expire_all()
    db.session.delete(db.session.get(Structure, source.id))
    db.session.flush()
    return len(report_ids)
