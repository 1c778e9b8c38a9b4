"""Régions and départements (reference data)."""

from sqlalchemy import select

from forum.extensions import db
from forum.models import Department, Region


def regions() -> list[Region]:
    return list(db.session.scalars(select(Region).order_by(Region.name)))


def departments() -> list[Department]:
    return list(db.session.scalars(select(Department).order_by(Department.code)))
