"""Events that may notify people, recorded in the writer's transaction and fanned out later.

Posting only inserts one row here; who is told (watchers of the discussion, its tags and
category, mentioned members, the parent's author…) is worked out after the response by
forum.services.notifications, so 500 watchers cost the poster nothing.
"""

from flask import Flask
from sqlalchemy import insert

from forum.background import wake_after_commit
from forum.extensions import db
from forum.models import EventOutbox


def init_app(app: Flask) -> None:
    """Wake the notifications worker (app.extensions["notifications"]) after each commit
    that recorded an event."""
    wake_after_commit("events_dirty", "notifications")


def record(kind: str, object_id: int, actor_id: int | None, detail: str | None = None) -> None:
    """Queue an event in the current transaction; it is fanned out after the commit.
    `detail`: what its notifications must say that the object will not tell afterwards
    (e.g. an event's old time and place), kept as their `reason`."""
    db.session.execute(
        insert(EventOutbox).values(kind=kind, object_id=object_id, actor_id=actor_id, detail=detail)
    )
    db.session.info["events_dirty"] = True
