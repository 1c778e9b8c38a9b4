"""Demo data for `flask seed-demo`: realistic structures, facilitators and their reports."""

from sqlalchemy import func, select

from forum.demo import corpus
from forum.extensions import db
from forum.models import Structure, User
from forum.services import reference

DEMO_PASSWORD = "maillage-demo"
DEMO_ADMIN = ("admin@example.org", "Équipe Maillage")


def seed(extra_reports: int | None = None, only_if_empty: bool = False) -> dict[str, int]:
    """Create the demo network; with `only_if_empty`, leave a database with members alone."""
    if only_if_empty and db.session.scalar(select(func.count(User.id))):
        return {"skipped (database not empty)": 0}
    reference.bootstrap()
    summary = {"structures": _seed_structures(), "members": _seed_members()}
    return summary


def _seed_structures() -> int:
    created = 0
    for data in corpus.STRUCTURES:
        if db.session.scalar(select(Structure.id).where(Structure.slug == data["slug"])):
            continue
        db.session.add(
            Structure(
                slug=data["slug"],
                name=data["name"],
                kind=data["kind"],
                department_code=data["department"],
                website=data["website"],
                description=data["description"],
            )
        )
        created += 1
    db.session.commit()
    return created


def _seed_members() -> int:
    from werkzeug.security import generate_password_hash

    # One hash for every demo account: hashing is deliberately slow.
    password_hash = generate_password_hash(DEMO_PASSWORD)
    by_slug = {s.slug: s for s in db.session.scalars(select(Structure))}
    people = [
        dict(email=DEMO_ADMIN[0], display_name=DEMO_ADMIN[1], structure=None, bio="", role="admin")
    ] + [dict(f, role="member") for f in corpus.FACILITATORS]
    people[2]["role"] = "moderator"
    created = 0
    for person in people:
        if db.session.scalar(select(User.id).where(User.email == person["email"])):
            continue
        db.session.add(
            User(
                email=person["email"],
                display_name=person["display_name"],
                bio=person["bio"],
                structure=by_slug.get(person["structure"]),
                role=person["role"],
                password_hash=password_hash,
            )
        )
        created += 1
    db.session.commit()
    return created
