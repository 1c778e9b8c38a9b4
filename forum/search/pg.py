"""The PostgreSQL backend: search documents in the database itself (`search_document`,
`search_word`), written in the transaction that changes what they reflect, so every app
server sharing the database reads the same index at once. It implements
forum.search.SearchBackend, with the Whoosh backend's query syntax, features and page.

Both backends run the same analysis (forum.search.analysis: NFKC, ligatures, compounds,
inclusive writing, stop words, Snowball French stems, accents folded last): documents are
turned into weighted `tsvector` values here, in Python, and queries into `tsquery` values
from the terms of the same parsed query (forum.search.query). PostgreSQL stores, matches
(GIN) and ranks (`ts_rank_cd` with field weights); the two backends therefore agree on
which word meets which. The text search configuration `maillage_fr` (french over unaccent,
migration 0016) is PostgreSQL's own approximation of that analysis, for queries typed by
hand in psql; the app never relies on it.

Nothing here builds SQL from what was typed: a query becomes a `tsquery` value made of
quoted lexemes, bound as a parameter (PostgreSQL documentation, « tsquery » input syntax).
"""

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from flask import Flask
from sqlalchemy import (
    case,
    cast,
    delete,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, aliased
from whoosh import query as wq

from forum.background import listen
from forum.cache import stamp
from forum.extensions import db
from forum.models import SearchDocument, SearchOutbox, SearchWord
from forum.pagination import require_page
from forum.search import documents
from forum.search.analysis import (
    FRENCH_STOP_WORDS,
    MAX_CORRECTED_WORDS,
    french_analyzer,
    normalise,
)
from forum.search.groups import load_hits
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
from forum.search.query import (
    CORRECTION_CANDIDATES,
    ParsedQuery,
    allowed_edits,
    closest_correction,
    correctable,
    parse,
    respell,
)
from forum.search.results import PER_PAGE, SearchResults
from forum.search.schema import FACET_FIELDS
from forum.search.writer import sources

# Field → tsvector weight: title and names (A), sections and message text (B), tags (C),
# attached documents (D). ts_rank_cd takes the weights as {D, C, B, A}: the Whoosh field
# boosts (title 2, names 2, tags 1.5, body 1, files 0.7) divided by 2.
FIELD_WEIGHTS = (("title", "A"), ("names", "A"), ("tags_text", "C"), ("body", "B"), ("files", "D"))
TEXT_FIELDS = {name for name, _ in FIELD_WEIGHTS}
RANK_WEIGHTS = "{0.35, 0.75, 0.5, 1.0}"
MAX_POSITION = 16383  # tsvector positions (PostgreSQL documentation, 8.11.1)
MAX_POSITIONS_PER_WORD = 256  # idem: more are dropped
MAX_LEXEME_CHARS = 200  # a lexeme may hold 2,047 bytes; longer « words » are noise
MAX_FILE_CHARS = 200_000  # attached text indexed per document (a tsvector holds < 1 MB)
FIELD_GAP = 8  # positions between fields: a phrase never spans two of them
_ANALYZER = french_analyzer()
# Trigram similarity of a correction's candidates: a swap in a four-letter word leaves one
# trigram of nine in common (« fiox »/« foix » 0.11). Through the trigram index, 3–46 ms a
# word on 110,000 words where reading them all took 146–181 ms (benchmarks/RESULTS.md).
CORRECTION_SIMILARITY = "0.1"
_PENDING = "search_documents"  # session.info: keys to write before this commit
FACET_COLUMNS = {
    "kind": SearchDocument.kind,
    "region": SearchDocument.region,
    "department": SearchDocument.department,
    "structure": SearchDocument.structure,
}
ARRAY_COLUMNS = {"module": SearchDocument.modules, "tag": SearchDocument.tags}
# GROUPING(kind, modules, tags) of each grouping set of `_fill`'s combinations: a bit per
# column left out (kind 4, modules 2, tags 1).
COMBINATION = {"scalars": 0b011, "modules": 0b101, "tags": 0b110}


def _fill_sql() -> str:
    """The statement of PostgresBackend._fill around `m`, the matching documents with their
    score (its SELECT replaces {m}). Rows: (0, '', '', total, NULL…); (0, facet, value,
    count, NULL…), several rows of one value are summed; (1, NULL, NULL, NULL, key,
    group_code, best, last, score, day) for each matching document of the page's groups,
    in page order.

    Facet counts are groups per value. Nearly every document is a group of its own (a
    report or discussion without matching messages): those are counted with count(*);
    count(DISTINCT group), which sorts the rows once per facet, only for the few groups of
    several documents. The documents alone are counted in one pass over `m`, per
    combination of the four scalar values, per set of modules and per set of tags
    (GROUPING SETS: 610 rows for the 49,390 documents of a broad query), then each facet
    from those rows, instead of six passes over `m`, one per facet."""
    scalars = ", ".join(FACET_COLUMNS)
    facets = []
    for name in FACET_COLUMNS:
        facets.append(
            f"SELECT '{name}' AS facet, CAST({name} AS TEXT) AS value, "
            f"CAST(sum(n) AS BIGINT) AS n FROM combos "
            f"WHERE left_out = {COMBINATION['scalars']} AND {name} IS NOT NULL GROUP BY {name}"
        )
    for name, column in ARRAY_COLUMNS.items():
        # A document's slugs are distinct (documents.py: one per related row).
        facets.append(
            f"SELECT '{name}', u.value, CAST(sum(u.n) AS BIGINT) FROM (SELECT "
            f"unnest({column.key}) AS value, n FROM combos WHERE left_out = "
            f"{COMBINATION[column.key]}) AS u GROUP BY u.value"
        )
    for name in FACET_COLUMNS:
        facets.append(
            f"SELECT '{name}', CAST({name} AS TEXT), count(DISTINCT group_code) FROM shared "
            f"WHERE {name} IS NOT NULL GROUP BY {name}"
        )
    for name, column in ARRAY_COLUMNS.items():
        facets.append(
            f"SELECT '{name}', u.value, count(DISTINCT u.group_code) FROM (SELECT "
            f"unnest({column.key}) AS value, group_code FROM shared) AS u GROUP BY u.value"
        )
    facet_rows = "\n    UNION ALL ".join(facets)
    return f"""WITH m AS MATERIALIZED ({{m}}),
g AS (SELECT group_code, max(score) AS best,
             coalesce(max(day) FILTER (WHERE kind <> 'post'), max(day)) AS last,
             count(*) AS documents
      FROM m GROUP BY group_code),
several AS (SELECT group_code FROM g WHERE documents > 1),
combos AS (SELECT {scalars}, modules, tags, grouping(kind, modules, tags) AS left_out,
                  count(*) AS n
           FROM m WHERE group_code NOT IN (SELECT group_code FROM several)
           GROUP BY GROUPING SETS (({scalars}), (modules), (tags))),
shared AS (SELECT * FROM m WHERE group_code IN (SELECT group_code FROM several)),
page AS (SELECT group_code, best, last FROM g ORDER BY best DESC, last DESC, group_code
         LIMIT %(fill_limit)s OFFSET %(fill_offset)s)
SELECT 0 AS part, '' AS facet, '' AS value, count(*) AS n, CAST(NULL AS TEXT) AS key,
       CAST(NULL AS BIGINT) AS group_code, CAST(NULL AS FLOAT) AS best,
       CAST(NULL AS INTEGER) AS last, CAST(NULL AS FLOAT) AS score,
       CAST(NULL AS INTEGER) AS day
FROM g
UNION ALL
SELECT 0, f.facet, f.value, f.n, NULL, NULL, NULL, NULL, NULL, NULL FROM (
    {facet_rows}
) AS f
UNION ALL
SELECT 1, NULL, NULL, NULL, m.key, page.group_code, page.best, page.last, m.score, m.day
FROM m JOIN page ON m.group_code = page.group_code
ORDER BY part, best DESC, last DESC, group_code, score DESC, day DESC, key"""


FILL_SQL = _fill_sql()


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL backend was chosen for a database that is not PostgreSQL."""


def _field(table, clause):
    """The column of `table` (SearchDocument or an alias of it) that holds `clause.field`."""
    name = ARRAY_COLUMNS[clause.field].key if clause.field in ARRAY_COLUMNS else None
    return getattr(table, name or FACET_COLUMNS[clause.field].key)


def _holds(table, clause):
    """« the document holds one of `clause.values` » as SQL on `table`. One value is an
    equality, not an IN list of one: a statement with an IN list is compiled for every
    search (its length is in its text, see _statement), ~1.6 ms of Python."""
    column, values = _field(table, clause), list(clause.values)
    if clause.field in ARRAY_COLUMNS:
        return column.overlap(values) if len(values) > 1 else column.contains(values)
    return column.in_(values) if len(values) > 1 else column == values[0]


# --------------------------------------------------------------------- documents → rows
def _lexeme(word: str) -> str:
    """A word as a quoted tsquery/tsvector lexeme: quotes doubled, backslashes escaped."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_text(doc: dict) -> str:
    """The weighted tsvector of an index document (forum.search.documents, threads), in
    PostgreSQL's input syntax: "'lexem':1A,4A 'other':2B". Positions follow the analyser's
    (alternates share one), fields one after another with a gap."""
    positions: dict[str, list[str]] = {}
    base = 1
    for name, weight in FIELD_WEIGHTS:
        value = doc.get(name) or ""
        if name == "files":
            value = value[:MAX_FILE_CHARS]
        last = base
        for token in _ANALYZER(value, positions=True):
            word = token.text
            if not word or len(word) > MAX_LEXEME_CHARS:
                continue
            position = min(base + token.pos, MAX_POSITION)
            last = max(last, position)
            found = positions.setdefault(word, [])
            if len(found) < MAX_POSITIONS_PER_WORD:
                found.append(f"{position}{weight}")
        base = min(last + FIELD_GAP, MAX_POSITION)
    return " ".join(f"{_lexeme(w)}:{','.join(p)}" for w, p in positions.items())


def _row(doc: dict) -> dict:
    day = int(doc["day"])
    return {
        "key": doc["key"],
        "kind": doc["kind"],
        "object_id": int(doc["rid"]),
        "group_code": int(doc["group"]),
        "day": day,
        "region": doc.get("region"),
        "department": doc.get("department"),
        "structure": doc.get("structure"),
        "modules": [v for v in (doc.get("module") or "").split(",") if v],
        "tags": [v for v in (doc.get("tag") or "").split(",") if v],
        "document": doc["__tsvector"],
        "digest": doc["digest"],
    }


def _prepared(doc: dict) -> dict:
    doc["__tsvector"] = tsvector_text(doc)
    return _row(doc)


def _upsert(connection, rows: list[dict], words: set[str]) -> None:
    """Write these rows (insert or replace by key) and add the words to the vocabulary."""
    if rows:
        statement = insert(SearchDocument).values(
            [{**r, "document": cast(r["document"], SearchDocument.document.type)} for r in rows]
        )
        columns = {c: statement.excluded[c] for c in rows[0] if c != "key"}
        connection.execute(statement.on_conflict_do_update(index_elements=["key"], set_=columns))
    if words:
        values = [{"word": w} for w in sorted(words) if len(w) <= 100]
        if values:
            connection.execute(insert(SearchWord).values(values).on_conflict_do_nothing())


def write_documents(connection, keys: Iterable[tuple[str, int]]) -> int:
    """Make the stored documents of these objects ((kind, id) pairs) what they are now in
    this transaction: written if visible, deleted otherwise. Returns how many were
    written or deleted. Keys are taken in order so that concurrent writers lock rows in
    the same order (no deadlock between two servers)."""
    by_kind: dict[str, set[int]] = {}
    for kind, object_id in sorted(set(keys)):
        by_kind.setdefault(kind, set()).add(object_id)
    rows, gone, words = [], [], set()
    for kind, ids in by_kind.items():
        source = sources().get(kind)
        if source is None:
            continue
        found = source.by_ids(ids)
        for object_id in sorted(ids):
            obj = found.get(object_id)
            if source.visible(obj):
                doc = source.document(obj)
                words.update(doc["spell"].split())
                rows.append(_prepared(doc))
            else:
                gone.append(f"{kind}:{object_id}")
    rows.sort(key=lambda r: r["key"])
    for start in range(0, len(rows), 200):
        _upsert(connection, rows[start : start + 200], words if start == 0 else set())
    if gone:
        connection.execute(delete(SearchDocument).where(SearchDocument.key.in_(sorted(gone))))
    return len(rows) + len(gone)


def _write_pending(session: Session) -> None:
    """before_commit: write the documents of what this transaction changed, in it."""
    if not session.info.get(_PENDING):
        return
    session.flush()  # its after_flush hook may add keys
    while keys := session.info.pop(_PENDING, None):
        with session.no_autoflush:
            write_documents(session.connection(), keys)


def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


# --------------------------------------------------------------------- query → tsquery
class _Everything:
    """Stands for whoosh's Every(): every document (no condition)."""


EVERYTHING = _Everything()


def to_tsquery(query) -> "str | _Everything | None":
    """A parsed query (forum.search.query: whoosh query objects) as tsquery text made of
    quoted lexemes; EVERYTHING for "every document"; None for "nothing can match"."""
    if query is None or query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
        return None
    if isinstance(query, wq.Every):
        return EVERYTHING
    if isinstance(query, wq.Term):
        if query.fieldname not in TEXT_FIELDS or not query.text:
            return None
        word = query.text.decode() if isinstance(query.text, bytes) else str(query.text)
        return _lexeme(word)
    if isinstance(query, wq.Phrase):
        if query.fieldname not in TEXT_FIELDS:
            return None
        words = [_lexeme(w) for w in query.words if w]
        if not words:
            return None
        return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"
    if isinstance(query, wq.AndNot):
        positive, negative = to_tsquery(query.a), to_tsquery(query.b)
        if negative is None or negative is EVERYTHING:
            return positive if negative is None else None
        if positive is EVERYTHING:
            return f"!({negative})"
        return None if positive is None else f"({positive}) & !({negative})"
    if isinstance(query, wq.Not):
        inner = to_tsquery(query.query)
        if inner is None:
            return EVERYTHING
        return None if inner is EVERYTHING else f"!({inner})"
    if isinstance(query, wq.And):
        parts = [to_tsquery(q) for q in query.subqueries]
        if any(p is None for p in parts):
            return None
        parts = list(dict.fromkeys(p for p in parts if p is not EVERYTHING))
        if not parts:
            return EVERYTHING
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"
    if isinstance(query, (wq.Or, wq.DisjunctionMax)):
        parts = [to_tsquery(q) for q in query.subqueries]
        if any(p is EVERYTHING for p in parts):
            return EVERYTHING
        parts = list(dict.fromkeys(p for p in parts if p is not None))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"
    # Anything else the parser may make: its words, any of them.
    words = sorted(
        {
            (t.decode() if isinstance(t, bytes) else str(t))
            for f, t in query.all_terms()
            if f in TEXT_FIELDS
        }
    )
    return " | ".join(_lexeme(w) for w in words) if words else None


def _matches(tsquery_text: str, table=SearchDocument):
    return table.document.op("@@")(cast(tsquery_text, TSQUERY))


# --------------------------------------------------------------------- the backend
class PostgresBackend:
    """Search over `search_document` in the app's PostgreSQL database (see
    forum.search.SearchBackend for what each method promises)."""

    in_transaction = True  # documents are written by the writing transaction itself

    def __init__(self, app: Flask):
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        backend = str(url).split(":", 1)[0].split("+", 1)[0]
        if backend != "postgresql":
            raise PostgresUnavailable(
                "FORUM_SEARCH_BACKEND=postgres demande une base PostgreSQL "
                f"(FORUM_DATABASE_URL désigne « {backend} ») : gardez FORUM_SEARCH_BACKEND=whoosh "
                "sur SQLite. / The postgres search backend needs a PostgreSQL database; "
                "keep whoosh on SQLite."
            )
        self.app = app
        listen("before_commit", _write_pending)
        listen("after_rollback", _forget_pending)

    # ------------------------------------------------------------------ writing side
    def record(self, session: Session, keys: Iterable[tuple[str, int]]) -> None:
        """These objects changed in the session's transaction: their documents are
        written just before it commits (nothing to drain afterwards)."""
        keys = set(keys)
        if keys:
            session.info.setdefault(_PENDING, set()).update(keys)

    def notify(self) -> None:
        """Nothing to wake: documents were written with the change itself."""

    def sync(self) -> int:
        """No outbox to drain; rows a Whoosh setup left in it are dropped (they describe
        changes already written here). Returns 0, the number of changes applied."""
        db.session.execute(delete(SearchOutbox))
        db.session.commit()
        return 0

    def rebuild(self, progress=None) -> int:
        """Rewrite every document from the database in one transaction (readers see the
        old ones until it commits; writers meanwhile wait for it, then write theirs).
        Returns the document count."""
        connection = db.session.connection()
        connection.execute(delete(SearchDocument))
        connection.execute(delete(SearchWord))
        total = documents.count_visible_reports()
        count, batch, words = 0, [], set()
        for source in sources().values():
            for obj in source.all_visible():
                doc = source.document(obj)
                words.update(doc["spell"].split())
                batch.append(_prepared(doc))
                count += 1
                if len(batch) >= 500:
                    _upsert(connection, batch, set())
                    batch = []
                if progress:
                    progress(count, max(total, count))
        _upsert(connection, batch, set())
        for chunk in _chunks(sorted(words), 5000):
            _upsert(connection, [], set(chunk))
        db.session.commit()
        return count

    def check(self, fix: bool = False) -> dict[str, list[str]]:
        """Missing, stale (digest differs) and extra documents, as "report:12" keys;
        with `fix`, rewrite them (and commit)."""
        stored = dict(db.session.execute(select(SearchDocument.key, SearchDocument.digest)).all())
        missing, stale = [], []
        for source in sources().values():
            for obj in source.all_visible():
                doc = source.document(obj)
                got = stored.pop(doc["key"], None)
                if got is None:
                    missing.append(doc["key"])
                elif got != doc["digest"]:
                    stale.append(doc["key"])
        found = {"missing": missing, "stale": stale, "extra": sorted(stored)}
        if fix and any(found.values()):
            keys = []
            for key in missing + stale + found["extra"]:
                kind, _, object_id = key.partition(":")
                keys.append((kind, int(object_id)))
            write_documents(db.session.connection(), keys)
            db.session.commit()
        return found

    def settings(self) -> dict:
        """What the stored documents depend on besides the data: the analysis (shared
        with Whoosh) and the weights."""
        from forum.search.schema import settings as whoosh_settings

        base = whoosh_settings()
        return {
            "backend": "postgres",
            "analysis": base["analysis"],
            "weights": dict(FIELD_WEIGHTS),
            "fingerprint": "pg-" + base["fingerprint"],
        }

    def shutdown(self) -> None:
        """No thread, no files: nothing to release."""

    # ------------------------------------------------------------------ reading side
    def generation(self) -> str:
        """The content stamp (forum.cache): every transaction that changes a document
        raises it, on any server."""
        try:
            return f"pg:{stamp()}"
        except SQLAlchemyError:
            return ""

    def available(self) -> bool:
        """Whether the documents table answers."""
        try:
            db.session.execute(select(SearchDocument.key).limit(1)).first()
            return True
        except SQLAlchemyError:
            db.session.rollback()
            return False

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
        """One page of results, as the Whoosh backend gives them (forum.search.reader)."""
        parsed = parse(raw)
        results = SearchResults(
            page=page, per_page=per_page, parsed=parsed, notices=list(parsed.notices)
        )
        found = self._search(results, parsed, filters, date_from, date_to, sort, vocabulary)
        require_page(found.page, found.total, found.per_page)
        return found

    def _base(self, results, parsed, filters, date_from, date_to, vocabulary) -> list:
        """The conditions of the filters and dates (without the words)."""
        conditions = []
        for clause in filter_clauses(results, parsed, filters, vocabulary):
            if not clause.excluded:
                conditions.append(_holds(SearchDocument, clause))
                continue
            # Neither the document nor the head of its group (policy.GROUP_HEADS) holds
            # the value; a document without the field holds none.
            head = aliased(SearchDocument)
            excluded_groups = select(head.group_code).where(
                head.kind.in_(GROUP_HEADS), _holds(head, clause)
            )
            conditions.append(
                or_(_field(SearchDocument, clause).is_(None), ~_holds(SearchDocument, clause))
            )
            conditions.append(SearchDocument.group_code.not_in(excluded_groups))
        lower, upper = period(parsed, date_from, date_to)
        if lower or upper:
            conditions.append(SearchDocument.kind == "report")
        if lower:
            conditions.append(SearchDocument.day >= int(lower.strftime("%Y%m%d")))
        if upper:  # « avant: » and the form's « au » both include their day
            conditions.append(SearchDocument.day <= int(upper.strftime("%Y%m%d")))
        return conditions

    def _search(
        self, results, parsed, filters, date_from, date_to, sort, vocabulary, corrected=False
    ) -> SearchResults:
        base = self._base(results, parsed, filters, date_from, date_to, vocabulary)
        query = parsed.query
        ts = to_tsquery(query) if query is not None else EVERYTHING
        conditions = list(base)
        score = literal(0.0)
        if ts is None:
            conditions.append(literal(False))
        elif ts is not EVERYTHING:
            conditions.append(_matches(ts))
            if sort != "date":
                score = _rank_expr(ts)
        for excluded in map(to_tsquery, excluded_words(query)):
            if excluded is None or excluded is EVERYTHING:
                continue  # nothing to leave out; everything: the query matches nothing
            # the whole group of a document holding it (policy.excluded_words)
            holder = aliased(SearchDocument)
            holding = select(holder.group_code).where(_matches(excluded, holder))
            conditions.append(SearchDocument.group_code.not_in(holding))
        clauses = [c for c in (to_tsquery(q) for q in required_clauses(query)) if c]
        self._fill(results, conditions, score, parsed)
        # Few results for every word: widen to most of them. The page above is then
        # replaced; it was cheap (fewer than FEW_RESULTS matches), and counting first for
        # every query cost a whole extra pass over the matches (220 ms for `porteurs`).
        total = results.total
        if total < FEW_RESULTS and len(clauses) > 1 and all(c is not EVERYTHING for c in clauses):
            coverage = sum((case((_matches(c), 1), else_=0) for c in clauses), literal(0))
            wider = [*base, coverage >= minimum_should_match(len(clauses))]
            if self._count(wider) > total:
                widened(results, total)
                either = "(" + " | ".join(clauses) + ")"
                score = cast(coverage, db.Float) * 1000.0 + (
                    _rank_expr(either) if sort != "date" else literal(0.0)
                )
                self._fill(results, wider, score, parsed)
        typed = matched_as_typed(results, parsed)
        if typed is not None:
            results.suggestion = self._suggest(parsed, base, typed)
            fixed = None if corrected else take_correction(results, parsed)
            if fixed is not None:
                return self._search(
                    results, fixed, filters, date_from, date_to, sort, vocabulary, corrected=True
                )
        return results

    def _count(self, conditions: list) -> int:
        """How many results (groups) match."""
        return db.session.scalar(
            select(func.count(func.distinct(SearchDocument.group_code))).where(*conditions)
        )

    def _fill(self, results: SearchResults, conditions: list, score, parsed) -> None:
        """Total, facet counts and the page of results, in one statement: the matching
        documents are read once (`m`: the tsvector of each is fetched and ranked there, the
        costly part of a broad query), then counted per group and per facet value, and
        grouped for the page (FILL_SQL). Only `m` depends on the query: it is compiled
        here, the rest of the statement is a constant text (building it with SQLAlchemy's
        constructs on every search took ~5 ms of Python)."""
        m = select(
            SearchDocument.key,
            SearchDocument.group_code,
            SearchDocument.day,
            SearchDocument.kind,
            SearchDocument.region,
            SearchDocument.department,
            SearchDocument.structure,
            SearchDocument.modules,
            SearchDocument.tags,
            score.label("score"),
        ).where(*conditions)
        connection = db.session.connection()
        sql, params = _statement(m, connection.dialect)
        params["fill_limit"] = results.per_page
        params["fill_offset"] = (results.page - 1) * results.per_page
        rows = connection.exec_driver_sql(sql, params).all()
        counts: dict[str, dict[str, int]] = {name: {} for name in FACET_FIELDS}
        total = 0
        grouped: dict[int, list[str]] = {}
        for part, facet, value, n, key, code, *_ in rows:
            if part == 1:
                grouped.setdefault(int(code), []).append(key)
            elif facet == "":
                total = int(n)
            elif value:
                counts[facet][value] = counts[facet].get(value, 0) + int(n)
        results.total = total
        results.facets = {name: counts[name] for name in FACET_FIELDS}
        results.hits = load_hits(list(grouped.items()), query_words(parsed)) if grouped else []

    def _suggest(self, parsed: ParsedQuery, base: list, found: int) -> str | None:
        """A correction made of words of the index (trigram similarity, then at most
        query.allowed_edits edits), offered only when it finds more than what was typed; a
        word that matches documents by itself is not corrected (`_finds`)."""
        corrections: dict[str, str] = {}
        tokens = re.findall(r"\w+", parsed.text)
        candidates = {
            normalise(token) for token in tokens if correctable(normalise(token), FRENCH_STOP_WORDS)
        }
        if not candidates:
            return None
        known = set(
            db.session.scalars(select(SearchWord.word).where(SearchWord.word.in_(candidates)))
        )
        if len(candidates - known) > MAX_CORRECTED_WORDS:
            return None  # no query with typos (analysis.MAX_CORRECTED_WORDS)
        for token in tokens:
            word = normalise(token)
            if word not in candidates or word in known or self._finds(token):
                continue  # a word found through its stem or infinitive is no typo
            best = self._closest_word(word)
            if best and best != word:
                corrections[token] = best
        if not corrections:
            return None
        text_ = respell(parsed.text, corrections)
        corrected = parse(text_).query
        ts = to_tsquery(corrected) if corrected is not None else None
        if ts is None or ts is EVERYTHING:
            return None
        if self._count([*base, _matches(ts)]) <= found:
            return None
        return text_

    def _closest_word(self, word: str) -> str | None:
        """The indexed word closest to `word` within query.allowed_edits (ties as
        query.closest_correction breaks them), or None; never a stop word (it would be
        dropped from the query). Candidates: the CORRECTION_CANDIDATES (200) most similar
        words of a length within
        reach with a trigram similarity of CORRECTION_SIMILARITY or more. pg_trgm's default
        0.3 missed swaps in short words (« leiux » and « lieux » 0.2, « cajrac » and
        « cajarc » 0.27, « fiox » and « foix » 0.11: Whoosh corrected them, PostgreSQL
        not), and taking the first of its candidates within reach preferred « crise »
        (two edits) to « creuse » (one) for « cruese » (two fresh testers of issue 17)."""
        reach = allowed_edits(word)
        similarity = func.similarity(SearchWord.word, word)
        # For this transaction only (set_config's `true`): `%` through the trigram index
        # at CORRECTION_SIMILARITY instead of pg_trgm's 0.3.
        db.session.execute(
            select(func.set_config("pg_trgm.similarity_threshold", CORRECTION_SIMILARITY, True))
        )
        options = db.session.scalars(
            select(SearchWord.word)
            .where(
                SearchWord.word.op("%")(word),
                func.length(SearchWord.word).between(len(word) - reach, len(word) + reach),
            )
            .order_by(similarity.desc(), SearchWord.word)
            .limit(CORRECTION_CANDIDATES)
        ).all()
        # the fewest edits (« cruese »: « creuse », one swap, before « crise », two)
        return closest_correction(options, word, FRENCH_STOP_WORDS)

    def _finds(self, word: str) -> bool:
        """Does `word` alone match a document (« hésitent » through « hésiter »)? One
        statement; asked only of the few unknown words of a search with few results."""
        alone = parse(word).query
        ts = to_tsquery(alone) if alone is not None else None
        if ts is None or ts is EVERYTHING:
            return False
        return bool(db.session.scalar(select(SearchDocument.key).where(_matches(ts)).limit(1)))

    def similar(self, report, limit: int = 5) -> list[int] | None:
        """Ids of the published reports most like this one: its most frequent words that
        some other reports share but not most (more like this), and its tags."""
        try:
            return self._similar(report, limit)
        except SQLAlchemyError:
            db.session.rollback()
            return None

    def _similar(self, report, limit: int) -> list[int]:
        text_ = report.title + "\n" + documents.report_text(report)
        counts = Counter(t.text for t in _ANALYZER(text_) if len(t.text) > 2)
        candidates = [w for w, _ in counts.most_common(30)]
        size = db.session.scalar(select(func.count()).select_from(SearchDocument)) or 0
        ceiling = max(2, size // 5)
        words = []
        for word in candidates:
            df = db.session.scalar(
                select(func.count())
                .select_from(SearchDocument)
                .where(_matches(_lexeme(word)))
                .limit(ceiling + 1)
            )
            if 1 < df <= ceiling:
                words.append(word)
            if len(words) == 8:
                break
        words += sorted({t.text for tag in report.tags for t in _ANALYZER(tag.label)})
        if not words:
            return []
        ts = " | ".join(_lexeme(w) for w in dict.fromkeys(words))
        rows = db.session.scalars(
            select(SearchDocument.object_id)
            .where(
                SearchDocument.kind == "report",
                SearchDocument.object_id != report.id,
                _matches(ts),
            )
            .order_by(_rank_expr(ts).desc(), SearchDocument.object_id)
            .limit(limit)
        ).all()
        return [int(r) for r in rows]


_STATEMENTS: dict = {}  # (dialect, SQLAlchemy cache key of `m`) → (FILL_SQL around it, compiled)
_STATEMENTS_KEPT = 256


def _statement(m, dialect) -> tuple[str, dict]:
    """FILL_SQL around `m` and its parameters. Searches of one shape (same conditions and
    score, other words or values) differ only by bound values: the text is made once per
    shape and kept (SQLAlchemy's own cache key tells the shapes apart; compiling `m`
    again took ~0.8 ms per search). A shape with an IN list is compiled each time (the
    list's length is in its text)."""
    key = m._generate_cache_key()
    if key is None or any(b.expanding for b in key.bindparams):
        compiled = m.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        return FILL_SQL.replace("{m}", str(compiled)), dict(compiled.params)
    shape = (dialect.name, dialect.driver, key.key)
    kept = _STATEMENTS.get(shape)
    if kept is None:
        compiled = m.compile(dialect=dialect, cache_key=key)
        kept = (FILL_SQL.replace("{m}", str(compiled)), compiled)
        if len(_STATEMENTS) >= _STATEMENTS_KEPT:
            _STATEMENTS.clear()
        _STATEMENTS[shape] = kept
    sql, compiled = kept
    return sql, dict(compiled.construct_params(extracted_parameters=key.bindparams))


def _rank_expr(ts: str):
    """ts_rank_cd with the field weights (PostgreSQL documentation, 12.3.3)."""
    return func.ts_rank_cd(
        text(f"'{RANK_WEIGHTS}'::float4[]"), SearchDocument.document, cast(ts, TSQUERY)
    )


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]
