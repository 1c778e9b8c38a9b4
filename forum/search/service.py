"""The search engine's small interface: sync, rebuild, check, search, similar.

Nothing here runs inside a write request: writers only add outbox rows (see
forum.services.indexing); this module drains them after the response, in a background
thread per process, or from `flask search sync` (cron).
"""

import os
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from flask import Flask, current_app
from sqlalchemy import delete, select
from whoosh.index import LockError

from forum.background import Worker
from forum.extensions import db
from forum.models import SearchOutbox
from forum.search import documents
from forum.search.analysis import french_analyzer
from forum.search.engine import IndexStore, IndexUnavailable
from forum.search.facets import FacetCache
from forum.search.query import ParsedQuery, parse
from forum.search.scoring import QueryEvaluator

PER_PAGE = 10
_ANALYZER = french_analyzer()
OR_FIELDS = ("kind", "region", "department", "structure")  # one value per document
AND_FIELDS = ("tag", "module")  # several per document: each chosen value must be present


@dataclass
class Hit:
    report: object
    snippet: str


@dataclass
class SearchResults:
    status: str = "ok"  # or "unavailable"
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    notices: list[str] = field(default_factory=list)
    parsed: ParsedQuery | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class SearchEngine:
    """One per app; holds the index store, the facet cache and the drainer thread."""

    def __init__(self, app: Flask):
        self.app = app
        self.store = IndexStore(app.config["SEARCH_DIR"])
        self.facets = FacetCache()
        self.worker = Worker(
            app,
            "search-drainer",
            self.sync,
            enabled=app.config.get("SEARCH_BACKGROUND", True),
            interval=app.config.get("SEARCH_SYNC_INTERVAL", 30),
        )

    @property
    def _background(self) -> bool:
        return self.worker.enabled

    @_background.setter
    def _background(self, value: bool) -> None:
        self.worker.enabled = value

    # ----------------------------------------------------------------- writing side
    def notify(self) -> None:
        """Something was enqueued: let this process's drainer run soon (never inline)."""
        self.worker.notify()

    def shutdown(self) -> None:
        """Stop this process's drainer (tests, clean exits)."""
        self.worker.shutdown()

    def sync(self, batch: int = 500, max_batches: int = 1000) -> int:
        """Drain the outbox into the index; returns how many rows were processed.
        If another process holds the index lock, return at once: it will do the work."""
        try:
            ix = self.store.open()
        except IndexUnavailable:
            self.store.ensure() if not self.store.root.exists() else None
            if not self.store.exists():
                return 0
            ix = self.store.open()
        done = 0
        for _ in range(max_batches):
            rows = db.session.execute(
                select(SearchOutbox.id, SearchOutbox.object_id)
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
                ids = {row.object_id for row in rows}
                reports = documents.reports_by_id(ids)
                for report_id in ids:
                    report = reports.get(report_id)
                    if documents.visible(report):
                        writer.update_document(**documents.report_document(report))
                    else:
                        writer.delete_by_term("key", f"report:{report_id}")
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            # Only what was processed goes: rows added meanwhile stay for the next round.
            db.session.execute(
                delete(SearchOutbox).where(SearchOutbox.id.in_([r.id for r in rows]))
            )
            db.session.commit()
            done += len(rows)
        return done

    def rebuild(self, progress=None) -> int:
        """Build a new generation from the database, then swap it in; readers keep the old
        index meanwhile, and drainers wait (the old index's lock is held) so no change is lost."""
        held = None
        try:
            held = self.store.writer(self.store.open(), wait=60)
        except IndexUnavailable:
            held = None
        path, ix = self.store.create_generation()
        try:
            # Both cores: documents are built here and indexed by two worker processes,
            # each leaving its own segment (merging them would cost more than it saves).
            procs = max(1, min(self.app.config.get("SEARCH_REBUILD_PROCS", 2), os.cpu_count() or 1))
            writer = ix.writer(procs=procs, limitmb=128, multisegment=procs > 1)
            count = 0
            total = documents.count_visible_reports()
            for report in documents.all_visible_reports():
                writer.add_document(**documents.report_document(report))
                count += 1
                if progress:
                    progress(count, total)
            writer.commit()
            self.store.publish_generation(path)
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

    def check(self, fix: bool = False) -> dict[str, list[int]]:
        """Compare the index with the database: missing, stale (changed) and extra entries."""
        searcher = self.store.open().searcher()
        try:
            indexed = {
                fields["rid"]: fields.get("digest") for fields in searcher.all_stored_fields()
            }
        finally:
            searcher.close()
        missing, stale = [], []
        for report in documents.all_visible_reports():
            expected = documents.report_document(report)["digest"]
            got = indexed.pop(report.id, None)
            if got is None:
                missing.append(report.id)
            elif got != expected:
                stale.append(report.id)
        extra = sorted(indexed)
        report = {"missing": missing, "stale": stale, "extra": extra}
        if fix and (missing or stale or extra):
            from forum.services.indexing import enqueue_reports

            enqueue_reports(db.session, missing + stale + extra)
            db.session.commit()
            self.sync()
        return report

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
    ) -> SearchResults:
        parsed = parse(raw)
        results = SearchResults(
            page=page, per_page=per_page, parsed=parsed, notices=list(parsed.notices)
        )
        try:
            searcher = self.store.searcher()
            facets = self.facets.for_searcher(searcher)
        except IndexUnavailable:
            results.status = "unavailable"
            return results

        chosen = {k: list(v) for k, v in (filters or {}).items() if v}
        for name, values in parsed.filters.items():
            chosen.setdefault(name, []).extend(values)
        mask = facets.live.copy()
        evaluator = QueryEvaluator(
            searcher, facets.leaves, self.facets.stats, facets.size, facets.live
        )
        if parsed.query is not None:
            mask &= evaluator.mask(parsed.query)
        for name, values in chosen.items():
            if name in AND_FIELDS:
                for value in values:
                    mask &= facets.term_mask(name, value)
            elif name in OR_FIELDS:
                any_of = np.zeros(facets.size, dtype=bool)
                for value in values:
                    any_of |= facets.term_mask(name, value)
                mask &= any_of
        lower = max(filter(None, [date_from, parsed.after]), default=None)
        upper = min(filter(None, [date_to, parsed.before]), default=None)
        if lower:
            mask &= facets.day >= int(lower.strftime("%Y%m%d"))
        if upper:
            inclusive = date_to is not None and upper == date_to
            limit = int(upper.strftime("%Y%m%d"))
            mask &= (facets.day <= limit) if inclusive else (facets.day < limit)

        matches = np.flatnonzero(mask)
        results.total = int(len(matches))
        results.facets = {
            name: facets.counts(name, matches)
            for name in ("kind", "module", "tag", "region", "department", "structure")
        }
        start = (page - 1) * per_page
        if start >= results.total:
            docnums = []
        elif sort == "date" or parsed.query is None:
            order = np.argsort(-facets.day[matches], kind="stable")
            docnums = matches[order[start : start + per_page]].tolist()
        else:
            scores = evaluator.scores(parsed.query, matches)
            wanted = min(start + per_page, len(matches))
            top = np.argpartition(-scores, wanted - 1)[:wanted]
            top = top[np.lexsort((-facets.day[matches[top]], -scores[top]))]
            docnums = matches[top[start:]].tolist()
        ids = [searcher.stored_fields(n)["rid"] for n in docnums]
        results.hits = self._hits(ids, parsed)
        if results.total < 3 and parsed.query is not None:
            results.suggestion = self._suggest(searcher, parsed)
        return results

    def _hits(self, ids: list[int], parsed: ParsedQuery) -> list[Hit]:
        from forum.search.snippets import snippet

        reports = documents.reports_by_id(ids)
        terms = _query_words(parsed)
        return [
            Hit(reports[i], snippet(documents.report_text(reports[i]), terms))
            for i in ids
            if i in reports
        ]

    def _suggest(self, searcher, parsed: ParsedQuery) -> str | None:
        from forum.search.snippets import suggest

        return suggest(searcher, parsed.text)

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the reports most like this one: its most distinctive words, ranked by
        BM25F over the index (more like this). None when the index is unavailable."""
        from whoosh.query import Or, Term

        try:
            searcher = self.store.searcher()
            facets = self.facets.for_searcher(searcher)
        except IndexUnavailable:
            return None
        own = searcher.document_number(key=f"report:{report.id}")
        text = report.title + "\n" + documents.report_text(report)
        # Its most distinctive words that other reports share (a word only it uses cannot
        # lead anywhere).
        reader = searcher.reader()
        candidates = searcher.key_terms_from_text("body", text, numterms=30)
        words = [w for w, _ in candidates if reader.doc_frequency("body", w) > 1][:8]
        # Shared challenges count too: the tag labels are indexed in tags_text.
        tag_words = {token.text for tag in report.tags for token in _ANALYZER(tag.label)}
        query = Or(
            [Term("body", word) for word in words] + [Term("tags_text", w) for w in tag_words]
        )
        evaluator = QueryEvaluator(
            searcher, facets.leaves, self.facets.stats, facets.size, facets.live
        )
        matches = np.flatnonzero(evaluator.mask(query) & facets.live)
        if own is not None:
            matches = matches[matches != own]
        if not len(matches):
            return []
        scores = evaluator.scores(query, matches)
        top = matches[np.argsort(-scores, kind="stable")[:limit]]
        return [searcher.stored_fields(int(n))["rid"] for n in top]

    def available(self) -> bool:
        try:
            self.store.searcher()
            return True
        except IndexUnavailable:
            return False


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
