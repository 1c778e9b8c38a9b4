"""What a search returns, whichever backend answered it."""

from dataclasses import dataclass, field

from forum.pagination import page_count
from forum.search.groups import Hit
from forum.search.query import ParsedQuery, respelled

PER_PAGE = 10


@dataclass
class SearchResults:
    """One page of results, their total, facet counts and what the page tells about the
    query (a correction, a suggestion, notices, filters that name nothing)."""

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
    # The filters typed in the box as the index holds them: (field, [value, …])
    # the box's filters as understood, for the page to say: (field, values, how they
    # combine: "any" one of them, "all" of them — two défis or modules —, "none" of them)
    typed_filters: list[tuple[str, list[str], str]] = field(default_factory=list)
    # Widened to most of the words (notice "most_words"): how many held every word (first)
    all_words: int = 0
    parsed: ParsedQuery | None = None

    def suggestion_query(self, typed: str) -> str | None:
        """The box's text for the « vouliez-vous dire » link: `typed` (the whole box,
        filters included) with the corrected words replaced; the link dropped the filters
        typed in the box (« hésitent tag:gouvernance » led to « habitent »: a tester)."""
        if not self.suggestion or self.parsed is None:
            return None
        return respelled(typed, self.parsed.text, self.suggestion)

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)
