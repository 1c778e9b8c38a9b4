"""Reference data loaded by `flask bootstrap`: idempotent upserts."""

from forum.data import territories
from forum.data.categories import CATEGORIES
from forum.extensions import db
from forum.models import Category, Department, Region
from forum.services import modules


def load_territories() -> int:
    """Insert or update every région and département; returns how many rows were written."""
    written = 0
    for code, name in territories.REGIONS:
        region = db.session.get(Region, code)
        if region is None:
            db.session.add(Region(code=code, name=name))
            written += 1
        elif region.name != name:
            region.name = name
            written += 1
    db.session.flush()
    for code, name, region_code in territories.DEPARTMENTS:
        department = db.session.get(Department, code)
        if department is None:
            db.session.add(Department(code=code, name=name, region_code=region_code))
            written += 1
        elif (department.name, department.region_code) != (name, region_code):
            department.name, department.region_code = name, region_code
            written += 1
    db.session.flush()
    return written


def load_categories() -> int:
    """Insert the default discussion categories that are missing."""
    written = 0
    for position, data in enumerate(CATEGORIES, start=1):
        if db.session.scalar(db.select(Category.id).where(Category.slug == data["slug"])) is None:
            db.session.add(Category(position=position, **data))
            written += 1
    db.session.flush()
    return written


def bootstrap() -> dict[str, int]:
    """Load all reference data; safe to run again and again."""
    return {
        "territories": load_territories(),
        "kit": modules.load_defaults(),
        "categories": load_categories(),
    }
