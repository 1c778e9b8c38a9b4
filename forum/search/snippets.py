"""Highlighted snippets (plain text from the database, escaped, matches in <mark>) and
"vouliez-vous dire" suggestions."""

import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape
from whoosh import highlight
from whoosh.highlight import htmlescape

from forum.search.analysis import (
    FRENCH_STOP_WORDS,
    MAX_CORRECTED_WORDS,
    french_analyzer,
    normalise,
)
from forum.search.query import (
    CORRECTION_CANDIDATES,
    allowed_edits,
    closest_correction,
    correctable,
    respell,
)

_ANALYZER = french_analyzer()
_FRAGMENTER = highlight.ContextFragmenter(maxchars=240, surround=60)


class MarkFormatter(highlight.HtmlFormatter):
    """Matches in a bare <mark>; the text around them is HTML-escaped by HtmlFormatter."""

    def format_token(self, text, token, replace=False):
        return "<mark>%s</mark>" % htmlescape(highlight.get_text(text, token, replace))


_FORMATTER = MarkFormatter(between=" … ")
SNIPPET_CHARS = 240


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def _candidate_passages(text: str, terms: set[str], limit: int = 2) -> str:
    """The first paragraphs that can contain a match (stems are folded prefixes of words),
    so that only they go through the analyser: most of a report never needs analysing."""
    picked = [p for p in text.split("\n\n") if any(t in _fold(p) for t in terms)][:limit]
    return "\n\n".join(picked)


def snippet(text: str, terms: set[str]) -> Markup:
    """Up to two fragments around the matches; the opening lines when nothing matched."""
    return _snippet(text, frozenset(terms))


@lru_cache(maxsize=1024)
def _snippet(text: str, terms: frozenset[str]) -> Markup:
    """`snippet`, kept per process: it depends on nothing but the text and the terms, so a
    result shown again (the next visitor, the back button, a popular query) is not
    analysed again (highlighting was half of a results page's time)."""
    if terms:
        try:
            passages = _candidate_passages(text, terms)
            # Analysed as a document is (mode="index"): the alternates a word is indexed
            # with (feminine forms, infinitives) match too, not only its first form.
            fragments = passages and highlight.highlight(
                passages, terms, _ANALYZER, _FRAGMENTER, _FORMATTER, top=2, mode="index"
            )
        except Exception:  # a snippet is a nicety: never fail a results page over it
            fragments = ""
        if fragments:
            return Markup(fragments)
    opening = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] if len(text) > SNIPPET_CHARS else text
    return escape(opening + (" …" if len(text) > SNIPPET_CHARS else ""))


_WORD = re.compile(r"\w+")


def suggest(searcher, text: str, finds=None) -> str | None:
    """Replace each word absent from the index by its closest frequent neighbour. A word
    written nowhere but found through its stem or its infinitive (« hésitent » beside
    « hésitations ») is no typo: `finds(word) -> bool`, when given, says whether the word
    alone matches a document, and such a word is left as it is (it was offered
    « habitent »: a tester)."""
    corrector = searcher.corrector("spell")
    reader = searcher.reader()
    unknown = {}  # token → normalised word, in the order typed
    for token in _WORD.findall(text):
        word = normalise(token)
        if correctable(word, FRENCH_STOP_WORDS) and not reader.doc_frequency("spell", word):
            unknown.setdefault(token, word)
    if len(unknown) > MAX_CORRECTED_WORDS:
        return None  # no query with typos: not worth seconds of Levenshtein walks
    if finds is not None:
        unknown = {token: word for token, word in unknown.items() if not finds(token)}
    if len(unknown) > MAX_CORRECTED_WORDS:
        return None  # no query with typos: not worth seconds of Levenshtein walks
    corrections: dict[str, str] = {}
    for token, word in unknown.items():
        # The closest of the few likeliest (Whoosh ranks by frequency within the distance:
        # « habitnt » got « habiter », two edits, before « habitent », one).
        # Whoosh counts a swap as two edits (Levenshtein), query.edits as one: a short
        # word's swap (« leiux », one edit allowed) is looked for at two, then kept only
        # within the allowed edits as query.edits counts them (the PostgreSQL backend's
        # rule too: a tester of issue 17 saw the backends disagree).
        reach = allowed_edits(word)
        options = corrector.suggest(word, limit=CORRECTION_CANDIDATES, maxdist=max(reach, 2))
        best = closest_correction(options, word, FRENCH_STOP_WORDS)
        if best and best != word:
            corrections[token] = best
    return respell(text, corrections) if corrections else None
