"""The reading side of the Whoosh backend: results pages, similar reports, the index
generation. A missing or damaged index reads as "unavailable", never as a failed page."""

from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

import numpy as np
from flask import current_app
from sqlalchemy.exc import SQLAlchemyError
from whoosh import query as wq
from whoosh.query import Or, Term

from forum.pagination import require_page
from forum.search import documents
from forum.search.analysis import french_analyzer
from forum.search.facets import FacetCache
from forum.search.groups import group_counts, group_matches, load_hits, page_leaders
from forum.search.policy import (
    FEW_RESULTS,
    GROUP_HEADS,
    excluded_words,
    filter_clauses,
    matched_as_typed,
    minimum_should_match,
    period,
    query_words,
    required_clauses,
    take_correction,
    widened,
)
from forum.search.query import ParsedQuery, parse
from forum.search.results import PER_PAGE, SearchResults
from forum.search.scoring import QueryEvaluator
from forum.search.snippets import suggest
from forum.search.store import IndexStore, IndexUnavailable, log_failure

_ANALYZER = french_analyzer()


def _whole_groups(group: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """A mask of `documents` (a boolean mask, one per document) and of every document of
    their groups (a report or discussion with its messages): what an excluded value or
    word leaves out. A document indexed before groups existed (negative code) brings only
    itself."""
    codes = group[documents]
    return documents | np.isin(group, codes[codes >= 0])


def _results_up_to(group: np.ndarray, matches: np.ndarray, limit: int) -> int:
    """How many results (groups: a report or discussion with its messages) these matching
    documents make, counted up to `limit` (`limit` means « that many or more »). Counted
    as the PostgreSQL backend counts them, so both widen the same queries: Whoosh counted documents, and a phrase found in two reports
    and a message under one of them was « 3 » here, « 2 » there (a fresh tester of issue
    17: « voiture partagée » gave 2 results on Whoosh, 31 widened on PostgreSQL). A
    document indexed before groups existed (negative code) is a result of its own. At most
    `limit` passes over the codes, no sort."""
    codes = group[matches]
    codes = np.where(codes < 0, -1 - matches, codes)
    distinct = 0
    while len(codes) and distinct < limit:
        codes = codes[codes != codes[0]]
        distinct += 1
    return distinct


class SearchReader:
    """Answers queries from one app's index; `wake` asks the writer to rebuild an index
    found missing or damaged."""

    def __init__(self, store: IndexStore, wake: Callable[[], None]):
        self.store, self.wake = store, wake
        self.facets = FacetCache()

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

        clauses = filter_clauses(results, parsed, filters, vocabulary)
        evaluator = self._evaluator(searcher, facets)
        query = parsed.query
        base = facets.live.copy()  # the filters and dates, without the words
        heads = None
        for clause in clauses:
            any_of = np.zeros(facets.size, dtype=bool)
            for value in clause.values:
                any_of |= facets.term_mask(clause.field, value)
            if clause.excluded:
                if heads is None:
                    heads = np.zeros(facets.size, dtype=bool)
                    for kind in GROUP_HEADS:
                        heads |= facets.term_mask("kind", kind)
                # the groups whose head holds the value go with it (policy.GROUP_HEADS)
                any_of |= _whole_groups(facets.group, any_of & heads)
                base &= ~any_of
            else:
                base &= any_of
        lower, upper = period(parsed, date_from, date_to)
        if lower or upper:  # the date of the session: only reports have one
            base &= facets.term_mask("kind", "report")
        if lower:
            base &= facets.day >= int(lower.strftime("%Y%m%d"))
        if upper:  # « avant: » and the form's « au » both include their day
            base &= facets.day <= int(upper.strftime("%Y%m%d"))
        mask = base & evaluator.mask(query) if query is not None else base
        for excluded in excluded_words(query):  # the whole group of a document holding it
            mask &= ~_whole_groups(facets.group, evaluator.mask(excluded))

        matches = np.flatnonzero(mask)
        coverage = None
        clauses = required_clauses(query)
        several = len(clauses) > 1
        matched_all = _results_up_to(facets.group, matches, FEW_RESULTS) if several else 0
        if several and matched_all < FEW_RESULTS:
            # Every word required leaves (almost) nothing: rank by how many of the words a
            # document holds (at least half of them), then by BM25F.
            coverage = np.zeros(facets.size, dtype=np.int32)
            for clause in clauses:
                coverage += evaluator.mask(clause)
            enough = coverage >= minimum_should_match(len(clauses))
            wider = np.flatnonzero(base & enough)
            if _results_up_to(facets.group, wider, matched_all + 1) > matched_all:
                widened(results, matched_all)
                matches, query = wider, wq.Or(clauses)
            else:
                coverage = None
        self._group_results(
            results, searcher, facets, evaluator, parsed, matches, sort, query, coverage
        )
        typed = matched_as_typed(results, parsed)
        if typed is not None:
            results.suggestion = self._suggest(searcher, parsed, evaluator, base, typed)
            fixed = None if corrected else take_correction(results, parsed)
            if fixed is not None:
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
        results.hits = load_hits(page, query_words(parsed))

    def _evaluator(self, searcher, facets) -> QueryEvaluator:
        return QueryEvaluator(
            searcher,
            facets.leaves,
            self.facets.stats,
            facets.size,
            facets.live,
            self.facets.postings,
        )

    def _suggest(self, searcher, parsed: ParsedQuery, evaluator, base, found: int) -> str | None:
        """A correction made of words of the index, offered only when it finds more than
        what was typed (all its words required) under the same filters and dates (`base`,
        a mask of the documents they keep): a filtered search with few results was offered
        a « correction » that only found more outside its filters (a tester of issue 17;
        the postgres backend counted under the filters already)."""

        def finds(word: str) -> bool:
            alone = parse(word).query
            return alone is not None and bool((evaluator.mask(alone) & evaluator.live).any())

        text = suggest(searcher, parsed.text, finds)
        if text is None:
            return None
        corrected = parse(text).query
        if corrected is None:
            return None
        if int(np.count_nonzero(evaluator.mask(corrected) & base)) <= found:
            return None
        return text

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the reports most like this one: its most distinctive words, ranked by
        BM25F over the index (more like this). None when the index is unavailable."""
        with self._reading():
            return self._similar(report, limit)
        return None

    def _similar(self, report, limit: int) -> list[int]:
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
        """Whether the index can be read now."""
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
            self.wake()
        except SQLAlchemyError:
            raise  # the database, not the index: forum.errors answers 503 or 500
        except Exception:
            # Files damaged under an open searcher surface as arbitrary decoding errors.
            log_failure(current_app.logger, "Index read failed; treated as unavailable")
            self.store.close()
            self.wake()
