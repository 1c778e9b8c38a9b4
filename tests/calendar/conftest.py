"""Fixtures of the calendar tests: members of two structures, an event made through the
real form, and a helper to post the event form."""

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from forum.extensions import db
from forum.models import CalendarEvent
from forum.services.calendar import PARIS, EventInput, create_event
from tests.views.test_write_once import form_fields


def local(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M")


def soon(days=10, hour=9) -> datetime:
    """A Paris wall-clock time `days` from now at `hour`:00."""
    now = datetime.now(PARIS).replace(tzinfo=None)
    return (now + timedelta(days=days)).replace(hour=hour, minute=30, second=0, microsecond=0)


def event_input(**changes) -> EventInput:
    """An EventInput for calendar.create_event: an afternoon exchange at Figeac starting
    `start` (default soon()), three hours long; `changes` override any field."""
    start = changes.pop("start", soon())
    data = dict(
        kind="echange",
        title="Rencontre du réseau",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        department="46",
        commune="Figeac",
    )
    data.update(changes)
    return EventInput(**data)


def event_form(**changes) -> dict:
    start = changes.pop("start", soon())
    data = {
        "kind": "echange",
        "title": "Échange de pratiques des tiers-lieux",
        "starts_at": local(start),
        "ends_at": local(start + timedelta(hours=3)),
        "department": "46",
        "commune": "Figeac",
        "structure": "",
        "parcours": "",
        "session_number": "",
        "capacity": "",
        "visibility": "public",
        "description": "Au programme : **le module 3**.",
    }
    data.update(changes)
    return data


def post_event(client, path="/events/new", **changes):
    fields = form_fields(client, path)
    return client.post(path, data={**event_form(**changes), **fields})


def last_event() -> CalendarEvent:
    db.session.commit()
    return db.session.scalar(sa.select(CalendarEvent).order_by(CalendarEvent.id.desc()))


@pytest.fixture
def lot(make_structure):
    return make_structure(name="Tiers-lieu du Lot", slug="tiers-lieu-du-lot", department_code="46")


@pytest.fixture
def gironde(make_structure):
    return make_structure(
        name="Incubateur Gironde", slug="incubateur-gironde", department_code="33"
    )


@pytest.fixture
def alice(make_user, lot):
    return make_user(email="alice@example.org", display_name="Alice Martin", structure=lot)


@pytest.fixture
def bob(make_user, gironde):
    return make_user(email="bob@example.org", display_name="Bob Durand", structure=gironde)


@pytest.fixture
def carla(make_user, gironde):
    return make_user(email="carla@example.org", display_name="Carla Roux", structure=gironde)


@pytest.fixture
def make_event(app, alice):
    """make_event(**fields): an event through the real service, committed."""

    def factory(creator=None, **fields):
        event = create_event(creator or alice, event_input(**fields))
        db.session.commit()
        return event

    return factory
