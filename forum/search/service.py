"""The search engine's small interface: sync, rebuild, check, search, similar.

Nothing here runs inside a write request: writers only add outbox rows (see
forum.services.indexing); this module drains them after the response, in a background
thread per process, or from `flask search sync` (cron).
"""

import os
import shutil
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from flask import Flask, current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from whoosh import query as wq
from whoosh.index import LockError

from forum.background import Worker
from forum.extensions import db
from forum.models import SearchOutbox
from forum.pagination import page_count, require_page
from forum.search import documents
from forum.search.analysis import french_analyzer
from forum.search.engine import IndexStore, IndexUnavailable
from forum.search.facets import FacetCache
from forum.search.groups import Hit, group_counts, group_matches, load_hits, page_leaders
from forum.search.query import ParsedQuery, parse, resolve_filters
from forum.search.scoring import QueryEvaluator

PER_PAGE = 10
FEW_RESULTS = 3  # fewer results than this: widen to most words, and look for a correction
HEAL_RETRY_SECONDS = 60  # after a failed automatic rebuild
_ANALYZER = french_analyzer()
OR_FIELDS = ("kind", "region", "department", "structure")  # one value per document
AND_FIELDS = ("tag", "module")  # several per document: each chosen value must be present


@dataclass
class SearchResults:
    status: str = "ok"  # or "unavailable"
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    corrected: str | None = None  # the corrected query the results are for, if any
    notices: list[str] = field(default_factory=list)
    unknown_filters: list[tuple[str, str]] = field(default_factory=list)  # (field, value)
    parsed: ParsedQuery | None = None

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)


class SearchEngine:
    """One per app; holds the index store, the facet cache and the drainer thread."""

    def __init__(self, app: Flask):
        self.app = app
        self._heal_failed_at = -HEAL_RETRY_SECONDS
        self.store = IndexStore(app.config["SEARCH_DIR"], mmap=app.config.get("SEARCH_MMAP", False))
        self.facets = FacetCache()
        self.worker = Worker(
            app,
            "search-drainer",
            self.sync,
            enabled=app.config.get("SEARCH_BACKGROUND", True),
            interval=app.config.get("SEARCH_SYNC_INTERVAL", 30),
        )

    # ----------------------------------------------------------------- writing side
    def notify(self) -> None:
        """Something was enqueued: let this process's drainer run soon (never inline)."""
        self.worker.notify()

    def shutdown(self) -> None:
        """Stop this process's drainer and close its searcher (tests, clean exits)."""
        self.worker.shutdown()
        self.store.close()

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
                _log_failure(self.app.logger, "Search index damaged while writing: rebuilding")
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
            source = documents.sources().get(kind)
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
                _log_failure(
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
            for source in documents.sources().values():
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
        for source in documents.sources().values():
            for obj in source.all_visible():
                doc = source.document(obj)
                got = indexed.pop(doc["key"], None)
                if got is None:
                    missing.append(doc["key"])
                elif got != doc["digest"]:
                    stale.append(doc["key"])
        found = {"missing": missing, "stale": stale, "extra": sorted(indexed)}
        if fix and any(found.values()):
            from forum.services.indexing import enqueue

            for key in missing + stale + found["extra"]:
                kind, _, object_id = key.partition(":")
                enqueue(db.session, kind, [int(object_id)])
            db.session.commit()
            self.sync()
        return found

    # ------------------------------------------------------------------ reading side
    def search(
        self,
        raw: str,
        filters: dict[str, list[str]] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = PER_PAGE,
        vocabulary=None,
    ) -> SearchResults:
        """One page of results (a report or discussion each, with its matching messages),
        the total of results, facet counts. Filters may name things (forum.search.vocabulary,
        loaded here unless the caller already has it); past the last page raises PastLastPage."""
        parsed = parse(raw)
        results = SearchResults(
            page=page, per_page=per_page, parsed=parsed, notices=list(parsed.notices)
        )
        found = None
        with self._reading():
            found = self._search(results, parsed, filters, date_from, date_to, sort, vocabulary)
        if found is None:
            results.status = "unavailable"
            return results
        # Outside _reading, which turns any error into "unavailable": past the last page is
        # the caller's 404, the same rule as every other list.
        require_page(found.page, found.total, found.per_page)
        return found

    def _search(
        self, results, parsed, filters, date_from, date_to, sort, vocabulary, corrected=False
    ) -> SearchResults:
        searcher = self.store.searcher()
        facets = self.facets.for_searcher(searcher)

        chosen = _chosen_filters(results, parsed, filters, vocabulary)
        evaluator = self._evaluator(searcher, facets)
        query = parsed.query
        base = facets.live.copy()  # the filters and dates, without the words
        for name, values in chosen.items():
            if name in AND_FIELDS:
                for value in values:
                    base &= facets.term_mask(name, value)
            elif name in OR_FIELDS:
                any_of = np.zeros(facets.size, dtype=bool)
                for value in values:
                    any_of |= facets.term_mask(name, value)
                base &= any_of
        lower = max(filter(None, [date_from, parsed.after]), default=None)
        upper = min(filter(None, [date_to, parsed.before]), default=None)
        if lower or upper:  # the date of the session: only reports have one
            base &= facets.term_mask("kind", "report")
        if lower:
            base &= facets.day >= int(lower.strftime("%Y%m%d"))
        if upper:
            inclusive = date_to is not None and upper == date_to
            limit = int(upper.strftime("%Y%m%d"))
            base &= (facets.day <= limit) if inclusive else (facets.day < limit)
        mask = base & evaluator.mask(query) if query is not None else base

        matches = np.flatnonzero(mask)
        coverage = None
        clauses = _required_clauses(query)
        if len(matches) < FEW_RESULTS and len(clauses) > 1:
            # Every word required leaves (almost) nothing: rank by how many of the words a
            # document holds (at least half of them), then by BM25F.
            coverage = np.zeros(facets.size, dtype=np.int32)
            for clause in clauses:
                coverage += evaluator.mask(clause)
            enough = coverage >= _minimum_should_match(len(clauses))
            wider = np.flatnonzero(base & enough)
            if len(wider) > len(matches):
                matches, query = wider, wq.Or(clauses)
                results.notices.append("most_words")
            else:
                coverage = None
        self._group_results(
            results, searcher, facets, evaluator, parsed, matches, sort, query, coverage
        )
        if results.total < FEW_RESULTS and parsed.query is not None:
            results.suggestion = self._suggest(searcher, parsed, evaluator, results.total)
            if results.total == 0 and results.suggestion and not corrected:
                # Nothing at all for what was typed, and a correction made of words of the
                # index finds some: show those, saying so (« mobilté » → « mobilité »).
                fixed = parse(results.suggestion)
                fixed.filters, fixed.before, fixed.after = (
                    parsed.filters,
                    parsed.before,
                    parsed.after,
                )
                results.corrected, results.suggestion = results.suggestion, None
                results.notices.append("corrected")
                return self._search(
                    results, fixed, filters, date_from, date_to, sort, vocabulary, corrected=True
                )
        return results

    def _group_results(
        self, results, searcher, facets, evaluator, parsed, matches, sort, query, coverage
    ):
        """Fold the matching documents into results (a report or discussion with its
        messages), count results and facet values per result, load one page of them.
        `coverage` (words matched per document) ranks first when the query was widened."""
        scores = None
        if sort != "date" and query is not None and len(matches):
            scores = evaluator.scores(query, matches)
            if coverage is not None:  # more of the words first, BM25F among equals
                scores = scores + coverage[matches].astype(np.float32) * 1000.0
        grouping = group_matches(
            matches, facets.group, facets.term_mask("kind", "post"), facets.day, scores
        )
        results.total = grouping.total
        results.facets = {
            name: group_counts(facets.masks[name], facets.terms[name], grouping)
            for name in ("kind", "module", "tag", "region", "department", "structure")
        }
        start = (results.page - 1) * results.per_page
        page = []
        for leader in page_leaders(grouping, facets.day, scores, start, results.per_page):
            keys = [searcher.stored_fields(n)["key"] for n in grouping.members(leader)]
            page.append((int(grouping.codes[leader]), keys))
        results.hits = load_hits(page, _query_words(parsed))

    def _evaluator(self, searcher, facets) -> QueryEvaluator:
        return QueryEvaluator(
            searcher,
            facets.leaves,
            self.facets.stats,
            facets.size,
            facets.live,
            self.facets.postings,
        )

    def _suggest(self, searcher, parsed: ParsedQuery, evaluator, found: int) -> str | None:
        """A correction made of words of the index, offered only when it finds more than
        what was typed (all its words required)."""
        from forum.search.snippets import suggest

        text = suggest(searcher, parsed.text)
        if text is None:
            return None
        corrected = parse(text).query
        if corrected is None:
            return None
        if int(np.count_nonzero(evaluator.mask(corrected) & evaluator.live)) <= found:
            return None
        return text

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the reports most like this one: its most distinctive words, ranked by
        BM25F over the index (more like this). None when the index is unavailable."""
        with self._reading():
            return self._similar(report, limit)
        return None

    def _similar(self, report, limit: int) -> list[int]:
        from whoosh.query import Or, Term

        searcher = self.store.searcher()
        facets = self.facets.for_searcher(searcher)
        own = searcher.document_number(key=f"report:{report.id}")
        text = report.title + "\n" + documents.report_text(report)
        # Its most distinctive words that other reports share (a word only it uses cannot
        # lead anywhere).
        reader = searcher.reader()
        candidates = searcher.key_terms_from_text("body", text, numterms=30)
        # Words shared with some reports but not most: the very common ones discriminate
        # little and cost the most to read (their postings cover the whole index).
        ceiling = max(2, reader.doc_count() // 5)
        words = [w for w, _ in candidates if 1 < reader.doc_frequency("body", w) <= ceiling][:8]
        # Shared challenges count too: the tag labels are indexed in tags_text.
        tag_words = {token.text for tag in report.tags for token in _ANALYZER(tag.label)}
        query = Or(
            [Term("body", word) for word in words] + [Term("tags_text", w) for w in tag_words]
        )
        evaluator = self._evaluator(searcher, facets)
        matches = np.flatnonzero(
            evaluator.mask(query) & facets.live & facets.term_mask("kind", "report")
        )
        if own is not None:
            matches = matches[matches != own]
        if not len(matches):
            return []
        scores = evaluator.scores(query, matches)
        top = matches[np.argsort(-scores, kind="stable")[:limit]]
        keys = [searcher.stored_fields(int(n))["key"] for n in top]
        return [int(k.partition(":")[2]) for k in keys if k.startswith("report:")]

    def generation(self) -> str:
        """What the index holds now, as a short string that changes whenever a document is
        added, changed or removed, or the index is rebuilt ("" when unavailable): the key
        of anything computed from it (similar reports, conditional GETs of search)."""
        with self._reading():
            searcher = self.store.searcher()
            return f"{searcher._maillage_generation}:{searcher.reader().generation()}"
        return ""

    def available(self) -> bool:
        with self._reading():
            self.store.searcher()
            return True
        return False

    @contextmanager
    def _reading(self):
        """Around every read of the index: a missing or damaged index means "unavailable"
        (the caller falls through), never a failed page, and wakes the drainer to rebuild."""
        try:
            yield
        except IndexUnavailable:
            self.notify()
        except SQLAlchemyError:
            raise  # the database, not the index: forum.errors answers 503 or 500
        except Exception:
            # Files damaged under an open searcher surface as arbitrary decoding errors.
            _log_failure(current_app.logger, "Index read failed; treated as unavailable")
            self.store.close()
            self.notify()


def _log_failure(logger, message: str, *args) -> None:
    """Log the current exception with its traceback as text: a record holding the traceback
    object would keep whoosh's frames, and the files they leave open, alive."""
    logger.error(message + "\n%s", *args, traceback.format_exc().rstrip())


def _required_clauses(query) -> list:
    """The words (or phrases) a plain query requires, each as its query over the fields:
    [] when the query is not a plain conjunction (OR, exclusions, a single word)."""
    if not isinstance(query, wq.And):
        return []
    clauses = list(query.subqueries)
    if any(isinstance(c, (wq.Not, wq.AndNot)) for c in clauses):
        return []
    return clauses


def _minimum_should_match(words: int) -> int:
    """At least half of the words, rounded up (2 of 3, 2 of 4, 3 of 5): Elasticsearch's
    `minimum_should_match: 50%` convention."""
    return max(1, -(-words // 2))


def _chosen_filters(results, parsed, filters, vocabulary) -> dict[str, list[str]]:
    """The page's filters (URL parameters and those typed in the box) as the index holds
    them; values that name nothing are kept (they match nothing) and pointed out."""
    from forum.search.vocabulary import Vocabulary

    chosen = {k: list(v) for k, v in (filters or {}).items() if v}
    for name, values in parsed.filters.items():
        chosen.setdefault(name, []).extend(values)
    if not chosen:
        return chosen
    vocabulary = vocabulary or Vocabulary.load()
    chosen, results.unknown_filters = resolve_filters(chosen, vocabulary.resolve)
    return chosen


def _query_words(parsed: ParsedQuery) -> set[str]:
    if parsed.query is None:
        return set()
    return {
        text
        for fieldname, text in parsed.query.all_terms(phrases=True)
        if fieldname in ("body", "title")
    }


def engine() -> SearchEngine:
    return current_app.extensions["search"]


def init_app(app: Flask) -> None:
    app.extensions["search"] = SearchEngine(app)
