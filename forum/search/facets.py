"""Facet counts and filter masks from the index's own postings, kept per segment.

Segments are immutable, so each segment's term masks are built once (one pass over the
postings of the facet fields) and reused; deletions are applied through a live mask.
Counting then costs a few vectorised numpy operations per request instead of a Python
loop over every matching document.
"""

import threading

import numpy as np

from forum.search.schema import FACET_FIELDS
from forum.search.scoring import PostingsCache


class SegmentFacets:
    def __init__(self, reader):
        size = reader.doc_count_all()
        self.size = size
        self.terms: dict[str, list[str]] = {}
        self.masks: dict[str, np.ndarray] = {}
        for field in FACET_FIELDS:
            terms = (
                [t.decode() if isinstance(t, bytes) else t for t in reader.lexicon(field)]
                if field in reader.indexed_field_names()
                else []
            )
            matrix = np.zeros((len(terms), size), dtype=bool)
            for row, term in enumerate(terms):
                ids = np.fromiter(reader.postings(field, term).all_ids(), dtype=np.int64)
                matrix[row, ids] = True
            self.terms[field], self.masks[field] = terms, matrix
        self.day = np.zeros(size, dtype=np.int32)
        if "day" in reader.indexed_field_names():
            for term in reader.lexicon("day"):
                text = term.decode() if isinstance(term, bytes) else term
                ids = np.fromiter(reader.postings("day", text).all_ids(), dtype=np.int64)
                self.day[ids] = int(text)
        # The result each document is shown under (forum.search.groups); -1 when the
        # segment predates the column or the document has none.
        self.group = np.full(size, -1, dtype=np.int64)
        if "group" in reader.schema and reader.has_column("group"):
            self.group[:] = np.fromiter(reader.column_reader("group"), dtype=np.int64, count=size)


def _segment_key(reader):
    segment = getattr(reader, "segment", lambda: None)()
    return segment.segment_id() if segment is not None else id(reader)


class FacetIndex:
    """All segments of one searcher generation, concatenated in docnum order."""

    def __init__(self, searcher, cache: dict):
        leaves = [(r, o) for r, o in searcher.reader().leaf_readers() if r.doc_count_all()]
        parts = []
        self.leaves = []  # (reader, docnum offset, segment key), for the scorer
        for reader, offset in leaves:
            key = _segment_key(reader)
            if key not in cache:
                cache[key] = SegmentFacets(reader)
            parts.append((cache[key], reader, offset))
            self.leaves.append((reader, offset, key))
        self.size = sum(p.size for p, _, _ in parts)
        self.live = np.ones(self.size, dtype=bool)
        for _facets, reader, offset in parts:
            if reader.has_deletions():
                deleted = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                self.live[offset + deleted] = False
        self.terms: dict[str, list[str]] = {}
        self.masks: dict[str, np.ndarray] = {}
        for field in FACET_FIELDS:
            vocabulary = sorted({t for facets, _, _ in parts for t in facets.terms[field]})
            position = {t: i for i, t in enumerate(vocabulary)}
            matrix = np.zeros((len(vocabulary), self.size), dtype=bool)
            for facets, _, offset in parts:
                for row, term in enumerate(facets.terms[field]):
                    matrix[position[term], offset : offset + facets.size] = facets.masks[field][row]
            self.terms[field], self.masks[field] = vocabulary, matrix
        self.day = (
            np.concatenate([f.day for f, _, _ in parts]) if parts else np.zeros(0, dtype=np.int32)
        )
        group = (
            np.concatenate([f.group for f, _, _ in parts]) if parts else np.zeros(0, dtype=np.int64)
        )
        # A document without a group is a result on its own: a code no other one has.
        alone = group < 0
        group[alone] = -1 - np.flatnonzero(alone)
        self.group = group
        self.keep = {_segment_key(r) for r, _ in leaves}

    def term_mask(self, field: str, value: str) -> np.ndarray:
        try:
            return self.masks[field][self.terms[field].index(value)]
        except ValueError:
            return np.zeros(self.size, dtype=bool)

    def counts(self, field: str, matches: np.ndarray) -> dict[str, int]:
        """Per term of `field`, how many of the matching docnums carry it."""
        if not len(matches) or not self.terms[field]:
            return {}
        sums = self.masks[field][:, matches].sum(axis=1)
        return {term: int(n) for term, n in zip(self.terms[field], sums) if n and term}


class FacetCache:
    """Per process: the FacetIndex of the current searcher, and the per-segment pieces."""

    def __init__(self):
        self._segments: dict = {}
        self.stats: dict = {}  # per-segment field lengths (forum.search.scoring)

        self.postings = PostingsCache()
        self._current = None
        self._lock = threading.Lock()

    def for_searcher(self, searcher) -> FacetIndex:
        with self._lock:
            if self._current is None or self._current[0] is not searcher:
                facets = FacetIndex(searcher, self._segments)
                for key in set(self._segments) - facets.keep:
                    del self._segments[key]  # merged away
                for key in set(self.stats) - facets.keep:
                    del self.stats[key]
                self._current = (searcher, facets)
            return self._current[1]
