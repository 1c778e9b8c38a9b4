"""What a search does with a parsed query, whichever backend answers it (Whoosh in
forum.search.reader, PostgreSQL in forum.search.pg): which filters apply, when a query
with few results is widened to most of its words, and when a correction replaces it.
Each backend evaluates; the rules live here once, so both pages behave alike."""

from dataclasses import dataclass
from datetime import date

from whoosh import query as wq

from forum.search.query import ParsedQuery, parse, resolve_filters, sure_correction
from forum.search.results import SearchResults
from forum.search.vocabulary import Vocabulary

FEW_RESULTS = 3  # fewer results than this: widen to most words, and look for a correction
OR_FIELDS = ("kind", "region", "department", "structure")  # one value per document
AND_FIELDS = ("tag", "module")  # several per document: each chosen value must be present


def required_clauses(query) -> list:
    """The words (or phrases) a plain query requires, each as its query over the fields:
    [] when the query is not a plain conjunction (OR, exclusions, a single word)."""
    if not isinstance(query, wq.And):
        return []
    clauses = list(query.subqueries)
    if any(isinstance(c, (wq.Not, wq.AndNot)) for c in clauses):
        return []
    return clauses


def excluded_words(query) -> list:
    """What a query's words exclude at its top level, each as its query over the fields:
    [covoiturage] for « mobilité -covoiturage », « -covoiturage » or « NOT covoiturage
    mobilité »; [] when nothing is excluded (an exclusion inside an OR stays where it is).

    A result is a group (a report or discussion with its messages, forum.search.groups):
    each backend leaves out every group one of whose documents holds an excluded word, so
    that « financent » and « -financent » share out the results between them. Excluding
    only the documents kept a discussion whose reply said « financent » (found by its
    opening): a tester of issue 17 counted 23 + 98 results for 119 in all."""
    if isinstance(query, wq.AndNot):
        return [query.b]
    if isinstance(query, wq.And):
        return [c.query for c in query.subqueries if isinstance(c, wq.Not)]
    return []


def widened(results: SearchResults, matched_all: int) -> None:
    """Record that a query was widened to most of its words: the notice "most_words",
    and how many results held every word (they come first) — none, or a few: the page
    says which, never « none » when there was one."""
    results.all_words = matched_all
    results.notices.append("most_words")


def period(parsed: ParsedQuery, date_from: date | None, date_to: date | None):
    """The session dates a search keeps, (first day, last day), each None when open: the
    box's « apres: » / « avant: » and the form's « du … au » together, the narrower of
    each (both days included). Both backends filter by it; the page names it."""
    lower = max(filter(None, [date_from, parsed.after]), default=None)
    upper = min(filter(None, [date_to, parsed.before]), default=None)
    return lower, upper


def minimum_should_match(words: int) -> int:
    """At least half of the words, rounded up (2 of 3, 2 of 4, 3 of 5): Elasticsearch's
    `minimum_should_match: 50%` convention."""
    return max(1, -(-words // 2))


def chosen_filters(
    results: SearchResults, parsed: ParsedQuery, filters: dict | None, vocabulary
) -> dict[str, list[str]]:
    """The page's filters (URL parameters and those typed in the box) as the index holds
    them, {field: [value, …]}; values that name nothing are kept (they match nothing) and
    recorded in `results.unknown_filters`; those typed in the box, as understood, in
    `results.typed_filters` (« structure:coop » may be three structures: the page names
    them). `vocabulary` is loaded when None."""
    chosen = {k: list(v) for k, v in (filters or {}).items() if v}
    for name, values in parsed.filters.items():
        chosen.setdefault(name, []).extend(values)
    if not chosen:
        return chosen
    vocabulary = vocabulary or Vocabulary.load()
    chosen, results.unknown_filters = resolve_filters(chosen, vocabulary.resolve)
    # Every filter in effect, typed in the box or ticked in the sidebar, as the search
    # takes them, for the page's « Filtres de la recherche » line (it named the box's
    # only, and a sidebar filter beside them went unsaid: two fresh testers of issue 17).
    missing = {value for _name, value in results.unknown_filters}
    results.typed_filters = [
        (name, values, "all" if name in AND_FIELDS else "any")
        for name in chosen
        if (values := [v for v in chosen[name] if v not in missing])
    ]
    return chosen


@dataclass(frozen=True)
class FilterClause:
    """One condition of a search's filters, as the index holds values: the document's
    `field` holds at least one of `values` — or, `excluded`, none of them. A search keeps
    the documents meeting every clause."""

    field: str
    values: tuple[str, ...]
    excluded: bool = False


# The documents a result is shown under (forum.search.groups): a report or a discussion,
# whose messages are grouped with it. An excluded value held by such a head leaves out its
# whole group — « -tag:mobilite » must not bring a report back through one of its
# messages, which carry no défi of their own; « -type:discussion » leaves out their
# messages too, « -type:message » only the messages.
GROUP_HEADS = ("report", "discussion")


def filter_clauses(
    results: SearchResults, parsed: ParsedQuery, filters: dict | None, vocabulary
) -> list[FilterClause]:
    """Every filter of the page as clauses each backend evaluates alike: a value of a
    one-per-document field (OR_FIELDS) chosen several times means any of them; each value
    of a several-per-document field (AND_FIELDS) must be there; « tag:a OR tag:b » is one
    clause of either; « -tag:a » one excluded clause, applied to whole results (see
    GROUP_HEADS). Values that name nothing are kept
    (they match nothing; excluded, they leave nothing out) and recorded in
    `results.unknown_filters`."""
    clauses = []
    for name, values in chosen_filters(results, parsed, filters, vocabulary).items():
        if name in AND_FIELDS:
            clauses += [FilterClause(name, (value,)) for value in values]
        elif name in OR_FIELDS:
            clauses.append(FilterClause(name, tuple(values)))
    groups = [(name, values, False) for name, values in parsed.any_of]
    groups += [(name, values, True) for name, values in parsed.excluded.items()]
    if groups:
        vocabulary = vocabulary or Vocabulary.load()
    for name, values, excluded in groups:
        if name not in AND_FIELDS + OR_FIELDS:
            continue
        resolved, unknown = resolve_filters({name: values}, vocabulary.resolve)
        results.unknown_filters += unknown
        clauses.append(FilterClause(name, tuple(resolved.get(name, [])), excluded))
        if resolved.get(name):  # the page names « tag:a OR tag:b » and « -region:… » too
            results.typed_filters.append((name, resolved[name], "none" if excluded else "any"))
    return clauses


def query_words(parsed: ParsedQuery) -> set[str]:
    """The words and phrases of the query's text fields (body, title, files): what a
    snippet highlights and a correction starts from."""
    if parsed.query is None:
        return set()
    return {
        text
        for fieldname, text in parsed.query.all_terms(phrases=True)
        if fieldname in ("body", "title", "files")
    }


def matched_as_typed(results: SearchResults, parsed: ParsedQuery) -> int | None:
    """How many results held every word typed, when that is few enough (under FEW_RESULTS)
    to look for a correction: the total, or for a query widened to most of its words
    (`widened`) the results that held them all. None: no correction is looked for (many
    results, or no words). A typo among several words was neither corrected nor offered
    (a tester of issue 17): the widened page had many results, all of them through the
    other words."""
    if parsed.query is None:
        return None
    if "most_words" in results.notices:
        return results.all_words if results.all_words < FEW_RESULTS else None
    return results.total if results.total < FEW_RESULTS else None


def take_correction(results: SearchResults, parsed: ParsedQuery) -> ParsedQuery | None:
    """When nothing at all matched what was typed and `results.suggestion` (a correction
    made of words of the index) exists, the corrected query to run instead, with the same
    filters and dates; `results` then says so (`corrected`, the « corrected » notice,
    « mobilté » → « mobilité »). None otherwise: the suggestion stays a « did you mean »."""
    if "wildcard" in parsed.notices:  # « finan* »: no « final* » (a tester)
        results.suggestion = None
    if results.total or not results.suggestion:
        return None
    if not sure_correction(parsed.text, results.suggestion):
        return None  # two edits away: offered, not imposed (« document » is no « dorment »)
    fixed = parse(results.suggestion)
    fixed.filters, fixed.before, fixed.after = parsed.filters, parsed.before, parsed.after
    # « -region:occitanie », « tag:a OR tag:b »: kept too (they were dropped: a tester).
    fixed.excluded, fixed.any_of = parsed.excluded, parsed.any_of
    results.corrected, results.suggestion = results.suggestion, None
    results.notices.append("corrected")
    return fixed
