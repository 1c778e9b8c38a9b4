"""The writing side of the Whoosh backend: drain the outbox into the index, rebuild it
from the database, compare the two.

Nothing here runs inside a write request: writers only add outbox rows (see
forum.services.indexing); this drains them after the response, in a background thread per
process (forum.background.Worker), or from `flask search sync` (cron).
"""

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from whoosh.index import LockError

from forum.extensions import db
from forum.models import SearchOutbox
from forum.search import documents, threads
from forum.search.store import IndexStore, IndexUnavailable, log_failure

HEAL_RETRY_SECONDS = 60  # after a failed automatic rebuild


@dataclass
class Source:
    """One kind of indexed object: how to load, filter and turn it into a document."""

    by_ids: Callable[[Iterable[int]], dict]
    visible: Callable[[object], bool]
    document: Callable[[object], dict]
    all_visible: Callable[[], Iterator]


def sources() -> dict[str, Source]:
    return {
        "report": Source(
            documents.reports_by_id,
            documents.visible,
            documents.report_document,
            documents.all_visible_reports,
        ),
        "discussion": Source(
            threads.discussions_by_id,
            threads.discussion_visible,
            threads.discussion_document,
            threads.all_visible_discussions,
        ),
        "post": Source(
            threads.posts_by_id,
            threads.post_visible,
            threads.post_document,
            threads.all_visible_posts,
        ),
    }


class SearchWriter:
    """Keeps one app's index in step with the database."""

    def __init__(self, app: Flask, store: IndexStore):
        self.app, self.store = app, store
        self._heal_failed_at = -HEAL_RETRY_SECONDS

    def sync(self, batch: int = 500, max_batches: int = 1000) -> int:
        """Drain the outbox into the index; returns how many rows were processed.
        If another process holds the index lock, return at once: it will do the work."""
        try:
            ix = self.store.open()
        except IndexUnavailable:
            # Missing (fresh install, deleted directory) or corrupt: rebuild it from the
            # database here, after the responses. The outbox rows stay and are replayed over
            # the new index below, so nothing written meanwhile is lost.
            if not self.heal():
                return 0
            ix = self.store.open()
        done = 0
        for _ in range(max_batches):
            rows = db.session.execute(
                select(SearchOutbox.id, SearchOutbox.kind, SearchOutbox.object_id)
                .order_by(SearchOutbox.id)
                .limit(batch)
            ).all()
            if not rows:
                break
            try:
                writer = self.store.writer(ix)
            except LockError:
                break
            try:
                by_kind: dict[str, set[int]] = {}
                for row in rows:
                    by_kind.setdefault(row.kind, set()).add(row.object_id)
                indexed = self._write(writer, by_kind)
                writer.commit()
            except BaseException as error:
                try:
                    writer.cancel()
                except Exception:  # damaged files may fail to clean up too
                    pass
                if isinstance(error, (SQLAlchemyError, OSError)) or not isinstance(
                    error, Exception
                ):
                    raise  # the database, a full disk: the outbox keeps the work
                # Anything else is the index failing to read its own files (a segment
                # damaged under a readable table of contents): replace it.
                log_failure(self.app.logger, "Search index damaged while writing: rebuilding")
                self.store.close()
                self.heal(damaged=True)
                return done
            # Delete only the rows whose object still reads as what was just indexed: if a
            # concurrent change slipped between the read and the commit, its row stays and the
            # next round picks it up. (Rows added meanwhile are not in `rows` anyway.)
            db.session.expire_all()
            confirmed = self._write(None, by_kind)
            done_ids = [
                r.id
                for r in rows
                if indexed.get((r.kind, r.object_id)) == confirmed.get((r.kind, r.object_id))
            ]
            db.session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(done_ids)))
            db.session.commit()
            done += len(done_ids)
            if len(done_ids) < len(rows):
                break  # leave the rest to the next round rather than loop on a moving target
        return done

    def _write(self, writer, by_kind: dict[str, set[int]]) -> dict[tuple[str, int], str | None]:
        """Index (or, with writer=None, only describe) the current state of these objects:
        returns each one's digest, None for "not indexable"."""
        state = {}
        for kind, ids in by_kind.items():
            source = sources().get(kind)
            if source is None:
                continue
            found = source.by_ids(ids)
            for object_id in ids:
                obj = found.get(object_id)
                if source.visible(obj):
                    doc = source.document(obj)
                    state[(kind, object_id)] = doc["digest"]
                    if writer is not None:
                        writer.update_document(**doc)
                else:
                    state[(kind, object_id)] = None
                    if writer is not None:
                        writer.delete_by_term("key", f"{kind}:{object_id}")
        return state

    def heal(self, damaged: bool = False) -> bool:
        """Rebuild a missing or unreadable (or, with `damaged`, known broken) index unless
        another process is doing it or a rebuild failed moments ago; returns whether a
        usable index exists afterwards."""
        if time.monotonic() - self._heal_failed_at < HEAL_RETRY_SECONDS:
            return False  # e.g. a full disk: do not start a full rebuild per request
        with self.store.rebuild_lock(blocking=False) as mine:
            if not mine:
                return False
            if not damaged:
                try:
                    self.store.open()
                    return True  # another process rebuilt it while we waited for the lock
                except IndexUnavailable as error:
                    self.app.logger.warning("Search index unavailable (%s): rebuilding", error)
            try:
                # One process only: forking worker processes from this thread is not safe.
                count = self._rebuild(procs=1)
            except (LockError, SQLAlchemyError):
                raise
            except Exception:
                self._heal_failed_at = time.monotonic()
                log_failure(
                    self.app.logger,
                    "Search index rebuild failed; next try in %d s",
                    HEAL_RETRY_SECONDS,
                )
                return False
            self.app.logger.warning("Search index rebuilt: %d document(s)", count)
            return True

    def rebuild(self, progress=None) -> int:
        """Build a new generation from the database, then swap it in; readers keep the old
        index meanwhile, and drainers wait (the old index's lock is held) so no change is lost."""
        with self.store.rebuild_lock(blocking=True):
            procs = self.app.config.get("SEARCH_REBUILD_PROCS", 2)
            return self._rebuild(procs=procs, progress=progress)

    def _rebuild(self, procs: int, progress=None) -> int:
        """Index every visible object into a new generation and publish it."""
        held = None
        try:
            held = self.store.writer(self.store.open(), wait=60)
        except LockError:
            raise
        except Exception:  # missing or damaged: nothing to hold, it is being replaced
            held = None
        path, ix = self.store.create_generation()
        try:
            # Both cores: documents are built here and indexed by two worker processes,
            # each leaving its own segment (merging them would cost more than it saves).
            procs = max(1, min(procs, os.cpu_count() or 1))
            writer = ix.writer(procs=procs, limitmb=128, multisegment=procs > 1)
            count = 0
            total = documents.count_visible_reports()
            for source in sources().values():
                for obj in source.all_visible():
                    writer.add_document(**source.document(obj))
                    count += 1
                    if progress:
                        progress(count, max(total, count))
            writer.commit()
            self.store.publish_generation(path)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)  # a half-built generation is never used
            raise
        finally:
            if held is not None:
                try:
                    held.cancel()
                except Exception:  # the old generation is being retired anyway
                    self.app.logger.warning(
                        "Could not release the old index cleanly", exc_info=True
                    )
        self.store.prune()
        self.store.close()
        return count

    def check(self, fix: bool = False) -> dict[str, list[str]]:
        """Compare the index with the database: missing, stale (changed) and extra entries,
        as keys such as "report:12"."""
        searcher = self.store.open().searcher()
        try:
            indexed = {
                fields["key"]: fields.get("digest") for fields in searcher.all_stored_fields()
            }
        finally:
            searcher.close()
        missing, stale = [], []
        for source in sources().values():
            for obj in source.all_visible():
                doc = source.document(obj)
                got = indexed.pop(doc["key"], None)
                if got is None:
                    missing.append(doc["key"])
                elif got != doc["digest"]:
                    stale.append(doc["key"])
        found = {"missing": missing, "stale": stale, "extra": sorted(indexed)}
        if fix and any(found.values()):
            rows = []
            for key in missing + stale + found["extra"]:
                kind, _, object_id = key.partition(":")
                rows.append({"kind": kind, "object_id": int(object_id)})
            db.session.execute(insert(SearchOutbox), rows)  # drained right below
            db.session.commit()
            self.sync()
        return found
