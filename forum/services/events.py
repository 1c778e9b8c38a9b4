"""Events that may notify people, recorded in the writer's transaction and fanned out later.

Posting only inserts one row here; who is told (watchers of the discussion, its tags and
category, mentioned members, the parent's author…) is worked out after the response by
forum.services.notifications, so 500 watchers cost the poster nothing.
"""

from flask import current_app, has_app_context
from sqlalchemy import insert

from forum.extensions import db
from forum.models import EventOutbox


def record(kind: str, object_id: int, actor_id: int | None) -> None:
    db.session.execute(
        insert(EventOutbox).values(kind=kind, object_id=object_id, actor_id=actor_id)
    )
    db.session.info["events_dirty"] = True


def wake() -> None:
    if has_app_context():
        worker = current_app.extensions.get("notifications")
        if worker is not None:
            worker.notify()


def _after_commit(session) -> None:
    if session.info.pop("events_dirty", False):
        wake()


def _after_rollback(session) -> None:
    session.info.pop("events_dirty", None)


def _register() -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_rollback", _after_rollback)


_register()
