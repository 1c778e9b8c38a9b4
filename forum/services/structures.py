"""Support structures: directory queries and admin edits."""

import re
import unicodedata

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.models import Department, Structure
from forum.services import ServiceError


def slugify(text: str, max_length: int = 100) -> str:
    """ASCII, lowercase, hyphenated: 'Pôle Sud Gironde' -> 'pole-sud-gironde'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-") or "x"


def unique_slug(model, text: str) -> str:
    base = slugify(text)
    slug, n = base, 2
    while db.session.scalar(select(model.id).where(model.slug == slug)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def all_structures() -> list[Structure]:
    return list(db.session.scalars(select(Structure).order_by(Structure.name)))


def filter_structures(region: str = "", department: str = "", kind: str = "") -> list[Structure]:
    """The directory: every filter optional, unknown values simply match nothing."""
    query = select(Structure).join(Structure.department).order_by(Structure.name)
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
        raise ServiceError(_("Département inconnu."), field="department")
    if structure is None:
        structure = Structure(slug=unique_slug(Structure, fields["name"]))
        db.session.add(structure)
    for name, value in fields.items():
        setattr(structure, name, value.strip() if isinstance(value, str) else value)
    db.session.commit()
    return structure
