"""Tell the search backend what a transaction changed, in that transaction.

A session hook (switched on by `init_app`) notices every report (or report body),
discussion and message created, changed or deleted in a flush and hands them to
`forum.search.engine().record`: the Whoosh backend writes outbox rows through the same
connection (drained after the commit), the PostgreSQL backend writes the documents
themselves just before the commit. Code that changes reports with bulk statements (tag
merges, renames, demo loads) calls `enqueue_reports` itself.
"""

from collections.abc import Iterable

from flask import Flask, current_app, has_app_context
from sqlalchemy import insert, inspect, or_, select
from sqlalchemy.orm import Session

from forum.background import listen, wake_after_commit
from forum.models import (
    ChallengeTag,
    Discussion,
    KitModule,
    Parcours,
    Post,
    Report,
    ReportBody,
    SearchOutbox,
    Structure,
    User,
    report_modules,
    report_tags,
)

# Names a report's document carries (see forum.search.documents.report_names): renaming
# one of these re-indexes the reports that show it. {model: (attributes, reports query)}
_NAMED = {
    User: (("display_name",), lambda ids: select(Report.id).where(Report.author_id.in_(ids))),
    Structure: (("name",), lambda ids: select(Report.id).where(Report.structure_id.in_(ids))),
    Parcours: (
        ("title", "place"),
        lambda ids: select(Report.id).where(Report.parcours_id.in_(ids)),
    ),
    KitModule: (
        ("title",),
        lambda ids: select(report_modules.c.report_id).where(report_modules.c.module_id.in_(ids)),
    ),
}


def init_app(app: Flask) -> None:
    """Write outbox rows from every flush of `db.session`, and wake the search drainer
    (app.extensions["search"]) after each commit that wrote some."""
    listen("after_flush", _after_flush)
    wake_after_commit("search_dirty", "search")


def enqueue(session: Session, kind: str, object_ids: Iterable[int]) -> None:
    """Queue these objects ("report", "discussion" or "post") for the index, in the
    session's transaction."""
    _record(session, {(kind, oid) for oid in object_ids})


def _record(session: Session, keys: set[tuple[str, int]]) -> None:
    """Hand the changed objects to this app's search backend (forum.search: outbox rows
    for Whoosh, documents written before the commit for PostgreSQL); outside an app (a
    bare script), outbox rows, which any backend accepts."""
    if not keys:
        return
    backend = current_app.extensions.get("search") if has_app_context() else None
    if backend is not None:  # forum.search.engine(), without importing it (an import cycle)
        backend.record(session, keys)
        return
    rows = [{"kind": kind, "object_id": oid} for kind, oid in sorted(keys)]
    session.connection().execute(insert(SearchOutbox), rows)
    session.info["search_dirty"] = True


def enqueue_reports(session: Session, report_ids: Iterable[int]) -> None:
    """Queue these reports for the index (after bulk statements the hook cannot see)."""
    enqueue(session, "report", report_ids)


def reports_with_tag(session: Session, tag: ChallengeTag) -> list[int]:
    """Ids of the reports carrying this challenge tag (to re-index them after a change)."""
    return list(
        session.scalars(select(report_tags.c.report_id).where(report_tags.c.tag_id == tag.id))
    )


def _changed(obj, *names: str) -> bool:
    """Did a flush change one of these attributes (new and deleted objects count as changed)?"""
    state = inspect(obj)
    if state.pending or state.deleted or obj in state.session.new:
        return True
    return any(state.attrs[name].history.has_changes() for name in names)


def _after_flush(session: Session, flush_context) -> None:
    keys: set[tuple[str, int]] = set()
    reports_visibility: set[int] = set()  # their threads' replies follow their visibility
    discussions_retitled: set[int] = set()  # their replies' documents carry title and tags
    renamed: dict[type, set[int]] = {}
    for obj in session.dirty:  # a new row names no report yet; a deleted one, see its FKs
        named = _NAMED.get(type(obj))
        if named and obj.id is not None and _changed(obj, *named[0]):
            renamed.setdefault(type(obj), set()).add(obj.id)
    for model, ids in renamed.items():
        found = session.connection().execute(_NAMED[model][1](sorted(ids)))
        keys.update(("report", rid) for (rid,) in found)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Report) and obj.id is not None:
            keys.add(("report", obj.id))
            if _changed(obj, "status", "deleted_at"):
                reports_visibility.add(obj.id)
        elif isinstance(obj, ReportBody) and obj.report_id is not None:
            keys.add(("report", obj.report_id))
        elif isinstance(obj, Post) and obj.id is not None:
            keys.add(("post", obj.id))
            keys.add(("discussion", obj.discussion_id))  # it may be the opening post
        elif isinstance(obj, Discussion) and obj.id is not None:
            # A reply only bumps post_count and last_post_at: nothing indexed changes then.
            if _changed(obj, "title", "tags", "modules", "deleted_at"):
                keys.add(("discussion", obj.id))
                discussions_retitled.add(obj.id)
    if reports_visibility or discussions_retitled:
        posts = session.connection().execute(
            select(Post.id)
            .join(Discussion, Discussion.id == Post.discussion_id)
            .where(
                or_(
                    Discussion.report_id.in_(reports_visibility),
                    Discussion.id.in_(discussions_retitled),
                )
            )
        )
        keys.update(("post", pid) for (pid,) in posts)
    _record(session, keys)
