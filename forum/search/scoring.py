"""Boolean evaluation and BM25F ranking of a parsed query with numpy, over whole segments.

Whoosh matches and scores one posting at a time in Python; on 50,000 reports a common word
means tens of thousands of Python steps per field (a 70-230 ms results page). Here each
term's postings are decoded a block at a time into numpy arrays, the query tree becomes
bitmap operations, and BM25F is a few vectorised lines. Phrases (which need positions)
and any query type not handled below fall back to Whoosh's own matcher for that node.
"""

import math
from collections import OrderedDict
from threading import Lock

import numpy as np
from whoosh import query as wq

K1 = 1.2
B = 0.75
FIELD_BOOSTS = {"title": 2.0, "tags_text": 1.5, "names": 2.0, "body": 1.0, "files": 0.7}


class SegmentStats:
    """Per immutable segment: field lengths, for BM25's length normalisation."""

    def __init__(self, reader):
        size = reader.doc_count_all()
        self.lengths = {}
        for field in FIELD_BOOSTS:
            self.lengths[field] = np.fromiter(
                (reader.doc_field_length(n, field, 0) for n in range(size)),
                dtype=np.float32,
                count=size,
            )


def _raw_matcher(reader, field: str, term: str):
    try:
        matcher = reader.postings(field, term)
    except Exception:  # term absent from this segment
        return None
    while hasattr(matcher, "child") and not hasattr(matcher, "_read_data"):
        matcher = matcher.child  # deletions are applied by the live mask instead
    return matcher


def postings(reader, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """All (docnum, term frequency) of a term in one segment, block by block."""
    matcher = _raw_matcher(reader, field, term)
    if matcher is None:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    if not hasattr(matcher, "_read_data"):  # another codec: the slow, generic way
        ids, weights = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
        return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float32)
    id_chunks, weight_chunks = [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        deltas, weights = matcher._data[0], matcher._data[1]
        count = matcher._blocklength
        id_chunks.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        if weights is None:
            weight_chunks.append(np.ones(count, dtype=np.float32))
        elif isinstance(weights, float):
            weight_chunks.append(np.full(count, weights, dtype=np.float32))
        else:
            weight_chunks.append(np.asarray(weights, dtype=np.float32))
        matcher._next_block()
    if not id_chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(id_chunks), np.concatenate(weight_chunks)


class PostingsCache:
    """Decoded postings per (segment, field, term), shared by the requests of a process.

    Segments never change once written (deletions go through the live mask), so an entry
    never goes stale; it only goes unused when its segment is merged away. Bounded by the
    number of postings held (8 bytes each): decoding a common term's blocks (unpickle and
    inflate) is what a cold query or a "similar reports" list mostly spends its time on."""

    def __init__(self, max_postings: int = 4_000_000):
        self.max_postings = max_postings
        self.size = 0
        self._entries: "OrderedDict[tuple, tuple[np.ndarray, np.ndarray]]" = OrderedDict()
        self._lock = Lock()

    def get(self, reader, segment_key, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        key = (segment_key, field, term)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        ids, tfs = postings(reader, field, term)
        ids, tfs = ids.astype(np.int32), tfs.astype(np.float32)
        with self._lock:
            self._entries[key] = (ids, tfs)
            self.size += len(ids)
            while self.size > self.max_postings and len(self._entries) > 1:
                _, (old_ids, _old_tfs) = self._entries.popitem(last=False)
                self.size -= len(old_ids)
        return ids, tfs


class QueryEvaluator:
    """Evaluates one query against one searcher generation."""

    def __init__(
        self,
        searcher,
        leaves,
        stats_cache: dict,
        size: int,
        live: np.ndarray,
        postings_cache: "PostingsCache | None" = None,
    ):
        self.searcher = searcher
        self.postings_cache = postings_cache
        self.leaves = leaves  # [(reader, offset, segment key)]
        self.stats_cache = stats_cache
        self.size = size
        self.live = live
        self._term_cache = {}
        # Masks of the query nodes already evaluated in this request: the most-words
        # fallback re-reads each clause of the all-words query (phrases cost most: their
        # positions are checked by Whoosh, one document at a time).
        self._mask_cache: dict[int, tuple[object, np.ndarray]] = {}

    def term(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        key = (field, text)
        if key not in self._term_cache:
            ids, tfs = [], []
            for reader, offset, segment_key in self.leaves:
                if self.postings_cache is not None:
                    seg_ids, seg_tfs = self.postings_cache.get(reader, segment_key, field, text)
                else:
                    seg_ids, seg_tfs = postings(reader, field, text)
                ids.append(seg_ids.astype(np.int64) + offset)
                tfs.append(seg_tfs)
            self._term_cache[key] = (
                np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64),
                np.concatenate(tfs) if tfs else np.zeros(0, dtype=np.float32),
            )
        return self._term_cache[key]

    def mask(self, q) -> np.ndarray:
        """The documents matching query node `q`, as a boolean array over the searcher's
        document numbers. Remembered per node for this evaluator (read-only arrays)."""
        known = self._mask_cache.get(id(q))
        if known is not None and known[0] is q:
            return known[1]
        result = self._mask(q)
        result.flags.writeable = False
        self._mask_cache[id(q)] = (q, result)  # the node is kept: its id is not reused
        return result

    def _mask(self, q) -> np.ndarray:
        if isinstance(q, wq.Term):
            result = np.zeros(self.size, dtype=bool)
            result[self.term(q.fieldname, q.text)[0]] = True
            return result
        if isinstance(q, wq.Every):
            return self.live.copy()
        if isinstance(q, wq.And):
            result = self.live.copy()
            for sub in q.subqueries:
                result &= self.mask(sub)
            return result
        if isinstance(q, wq.Or):
            result = np.zeros(self.size, dtype=bool)
            for sub in q.subqueries:
                result |= self.mask(sub)
            return result
        if isinstance(q, wq.AndNot):
            return self.mask(q.a) & ~self.mask(q.b)
        if isinstance(q, wq.Not):
            return self.live & ~self.mask(q.query)
        # Phrases and anything else: Whoosh's matcher, for this node only.
        result = np.zeros(self.size, dtype=bool)
        docs = np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64)
        result[docs] = True
        return result

    def positive_terms(self, q) -> list[tuple[str, str]]:
        """The (field, term) pairs that should add to the score (not the excluded ones)."""
        if isinstance(q, (wq.Not,)):
            return []
        if isinstance(q, wq.AndNot):
            return self.positive_terms(q.a)
        if isinstance(q, wq.Term):
            return [(q.fieldname, q.text)]
        if isinstance(q, wq.Phrase):
            return [(q.fieldname, word) for word in q.words]
        if hasattr(q, "subqueries"):
            return [t for sub in q.subqueries for t in self.positive_terms(sub)]
        return []

    def _lengths(self, field: str) -> np.ndarray:
        parts = []
        for reader, _, key in self.leaves:
            if key not in self.stats_cache:
                self.stats_cache[key] = SegmentStats(reader)
            parts.append(self.stats_cache[key].lengths[field])
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def scores(self, q, candidates: np.ndarray) -> np.ndarray:
        """BM25F scores of the candidate docnums (same order)."""
        reader = self.searcher.reader()
        docs = max(1, reader.doc_count())
        total = np.zeros(self.size, dtype=np.float32)
        for field, text in set(self.positive_terms(q)):
            ids, tfs = self.term(field, text)
            if not len(ids):
                continue
            df = reader.doc_frequency(field, text)
            idf = math.log(docs / (df + 1)) + 1
            lengths = self._lengths(field)
            average = max(reader.field_length(field) / docs, 1.0)
            norm = K1 * ((1 - B) + B * lengths[ids] / average)
            total[ids] += FIELD_BOOSTS.get(field, 1.0) * idf * (tfs * (K1 + 1)) / (tfs + norm)
        return total[candidates]
