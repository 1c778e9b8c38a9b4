"""All models, imported here so Alembic and the app see the whole metadata."""

from forum.models.structures import STRUCTURE_KINDS, Structure
from forum.models.territories import Department, Region
from forum.models.users import ROLES, LoginFailure, User

__all__ = [
    "Department",
    "LoginFailure",
    "ROLES",
    "Region",
    "STRUCTURE_KINDS",
    "Structure",
    "User",
]
