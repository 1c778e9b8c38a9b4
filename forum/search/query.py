"""The query box: text with "phrases", -exclusions and OR, plus field filters
(tag: module: departement: region: structure: type: avant: apres:). Never raises."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from whoosh import qparser
from whoosh.query import AndNot, Every, Not, NullQuery, Query

from forum.search.analysis import (
    CORRECTED_WORD_CHARS,
    inclusive_dots,
    inclusive_forms,
    inverted,
    normalise,
    verb_forms,
)
from forum.search.schema import build_schema
from forum.text import slugify

MAX_QUERY_CHARS = 500

FIELD_ALIASES = {
    "tag": "tag",
    "defi": "tag",
    "module": "module",
    "departement": "department",
    "dep": "department",
    "region": "region",
    "structure": "structure",
    "type": "kind",
    "avant": "before",
    "apres": "after",
}
# « -tag:financement » (leave out), « tag:financement OR tag:mobilite » (either): the
# filters as typed, with an optional minus, and the OR between two of the same name.
SIGNED_FILTER_RE = re.compile(r'(?<!\S)(-?)([A-Za-zéèÉ]+):(?:"([^"]*)"|(\S+))')
_OR_BETWEEN = re.compile(r"\s+OR\s+")
_EMPTY_FILTER = re.compile(r'(?<!\S)-?([A-Za-zéèÉ]+):(?:""|(?=\s|$))')
KINDS = {
    "retour": "report",
    "retours": "report",
    "report": "report",
    "reports": "report",
    "discussion": "discussion",
    "discussions": "discussion",
    "message": "post",
    "messages": "post",
    "post": "post",
    "posts": "post",
}


@dataclass
class ParsedQuery:
    text: str = ""
    query: Query | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    before: date | None = None
    after: date | None = None
    notices: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)  # « regoin: », a misspelt filter
    # « tag:a OR tag:b »: (field, [values]) the document holds at least one of
    any_of: list[tuple[str, list[str]]] = field(default_factory=list)
    # « -tag:a », « -type:discussion »: {field: [values]} the document holds none of
    excluded: dict[str, list[str]] = field(default_factory=dict)
    bad_dates: list[str] = field(default_factory=list)  # « apres:2025-02-30 », as typed
    typed_ou: bool = False  # « OU » was typed (read as OR): the page shows it back so

    def as_typed(self, text: str) -> str:
        """`text` (the words searched, or their correction) with the operator the member
        typed: « finacement OU mobilite » was shown back as « finacement OR mobilite » (a
        third fresh tester)."""
        if not self.typed_ou or not text:
            return text
        return _outside_quotes(text, lambda part: re.sub(r"(?<!\S)OR(?!\S)", "OU", part))


def _parser() -> qparser.MultifieldParser:
    parser = qparser.MultifieldParser(
        ["title", "tags_text", "names", "body", "files"], build_schema(), group=qparser.AndGroup
    )
    # Only what the help page promises: no wildcards, ranges, boosts or raw field access
    # (each is slow or exposes internals).
    for plugin in (
        qparser.WildcardPlugin,
        qparser.RangePlugin,
        qparser.BoostPlugin,
        qparser.FieldsPlugin,
        qparser.EveryPlugin,
    ):
        parser.remove_plugin_class(plugin)
    parser.add_plugin(qparser.PlusMinusPlugin())
    return parser


_PARSER = None


def parser() -> qparser.MultifieldParser:
    global _PARSER
    if _PARSER is None:
        _PARSER = _parser()
    return _PARSER


def _fold(name: str) -> str:
    return slugify(name).replace("-", "")


_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def _parse_date(value: str, name: str = "after") -> date | None:
    """The day « apres:value » (`name` "after") or « avant:value » ("before") means: a
    day (2025-03-04), or a year or a month, whose first day « apres: » takes and whose
    last « avant: » takes (« apres:2025 » is 1 January 2025, « avant:2025-03 » 31 March:
    a facilitator types a year, and it was refused, a fresh tester of issue 17). None
    when it is none of those (or a month 13, a year before 1)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    found = _YEAR_MONTH.fullmatch(value)
    if not found:
        return None
    year, month = int(found.group(1)), int(found.group(2) or 0)
    if year < 1 or month > 12 or (found.group(2) and month < 1):
        return None
    if name == "after":
        return date(year, month or 1, 1)
    if not month or month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def respell(text: str, corrections: dict[str, str]) -> str:
    """`text` with each word found in `corrections` replaced, everything else as typed:
    the minus of an exclusion, quotes, OR (a tester saw « finacement -porteurs » corrected
    to « financement porteurs », the excluded word then required and highlighted). Both
    backends' « did you mean » build their correction through it."""

    def word_or_compound(match: re.Match) -> str:
        parts = re.findall(r"\w+", match.group(0))
        if not any(part in corrections for part in parts):
            return match.group(0)
        # A compound with a misspelt part is not sure to be one: its words, separately
        # (« tier-lieu » → « tiers lieu »; the judged set's misspellings need it).
        return " ".join(_cased(part, corrections.get(part, part)) for part in parts)

    return re.sub(r"\w+(?:-\w+)*", word_or_compound, text)


def _cased(typed: str, word: str) -> str:
    """`word` (a correction, lower case) with the case `typed` had: « Dordognne » →
    « Dordogne », « CAE » stays upper case (a correction in lower case read « voici les
    résultats pour « dordogne » », a fresh tester of issue 17)."""
    if typed == word or not typed[:1].isupper():
        return word
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    return word[:1].upper() + word[1:]


def respelled(raw: str, text: str, corrected: str) -> str:
    """`raw` (a whole box: words and filters) with the words that `corrected` changed in
    `text` (its words, as ParsedQuery.text) replaced the same way; `corrected` itself when
    the two do not pair word for word."""
    before, after = re.findall(r"\w+", text), re.findall(r"\w+", corrected)
    if len(before) != len(after):
        return corrected
    return respell(raw, {b: a for b, a in zip(before, after, strict=True) if b != a})


def edits(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
    substring): insertions, deletions, substitutions and swaps of two neighbours each count
    one (« élsu » is one edit from « élus »). Compares the strings as given."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current.append(best)
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word: str) -> int:
    """How far a « did you mean » may stray from a word (both backends): one edit under six
    letters (two would turn « dent » into « deux », « talent » into « tient »: a tester),
    two from six letters on."""
    return 1 if len(word) < 6 else 2


def correctable(word: str, stop_words=frozenset()) -> bool:
    """May « did you mean » correct `word` (normalised), on both backends? Of a length in
    CORRECTED_WORD_CHARS, not a stop word, and holding no digit: a year or a number is
    no typo (« hiver 2027 » was offered « hiver 2025 », a fresh tester of issue 17)."""
    shortest, longest = CORRECTED_WORD_CHARS
    return (
        shortest <= len(word) <= longest
        and word not in stop_words
        and not any(c.isdigit() for c in word)
    )


# How many indexed words each backend weighs for one unknown word (closest_correction):
# Whoosh's five most frequent within two edits left out the closest one for a short word
# (« tanr »: « tarn », one swap, was not among them).
CORRECTION_CANDIDATES = 200


def closest_correction(options, word: str, stop_words=frozenset()) -> str | None:
    """Of `options` (indexed words, in any order), the one a correction of `word` takes, on
    both backends: within allowed_edits as `edits` counts them (a swap is one), never a
    stop word (it would be dropped from the query); the fewest edits first, then among
    equals the same letters swapped (« tanr » → « tarn », not « tant »), then a word the
    typed one misses letters of (« finacement » → « financement », not « finalement »: a
    fresh tester; a letter left out is the commonest slip of typing, Damerau 1964,
    « A technique for computer detection and correction of spelling errors »), the
    longest beginning in common, the first in alphabetical order. The order of `options`
    plays no part: Whoosh gives its candidates by frequency, PostgreSQL by trigram
    similarity, and ties went one way on one backend, the other way on the other (a
    tester of issue 17)."""
    reach = allowed_edits(word)
    within = [o for o in options if edits(o, word) <= reach and o not in stop_words]
    return min(
        within,
        key=lambda o: (
            edits(o, word),
            sorted(o) != sorted(word),
            not _letters_left_out(word, o),
            -_common_start(o, word),
            o,
        ),
        default=None,
    )


def _letters_left_out(typed: str, word: str) -> bool:
    """Is `typed` `word` with letters left out (its letters, in order, all in `word`)?"""
    letters = iter(word)
    return len(typed) < len(word) and all(c in letters for c in typed)


def _common_start(a: str, b: str) -> int:
    """How many characters `a` and `b` begin with in common."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# Shorter words are offered a correction, never given one: one letter away, a short word is
# often another real word (« tarte » / « carte », « vache » / « cache »: a tester).
SURE_CORRECTION_CHARS = 6


def sure_correction(typed: str, corrected: str) -> bool:
    """May `corrected` replace `typed` without asking (policy.take_correction)? Only when
    each word it changes is one edit away and has SURE_CORRECTION_CHARS letters or more —
    or only lacked the « s » or « x » of its plural (« tier-lieu » → « tiers lieu ») —
    accents and case aside (« mobilté » → « mobilité », « financemnt »). Two edits
    (« document » → « dorment », « œuvre » → « heure ») or a short word (« tarte » →
    « carte ») are only offered as « vouliez-vous dire »."""
    before = [_plain(w) for w in re.findall(r"\w+", typed)]
    after = [_plain(w) for w in re.findall(r"\w+", corrected)]
    if len(before) != len(after):
        return False
    return all(
        edits(x, y) <= 1 and (len(x) >= SURE_CORRECTION_CHARS or y in (x + "s", x + "x"))
        for x, y in zip(before, after, strict=True)
        if x != y
    )


def _plain(word: str) -> str:
    folded = unicodedata.normalize("NFKD", normalise(word))
    return "".join(c for c in folded if not unicodedata.combining(c))


# Typographic quotes are quotes: « … » (French, with their inner spaces), “ … ” (a phone's
# default), „ … “; a fresh tester of issue 17 found « “voiture partagée” » read as two words.
_TYPOGRAPHIC_QUOTES = re.compile("«[\\s\u00a0\u202f]*|[\\s\u00a0\u202f]*»|[“”„‟]")
# A dash a word processor or a phone put for the minus typed before a word (« – »,
# « — », « − »): « financement –Gironde » searched for Gironde instead of leaving it out
# (a fresh tester of issue 17). Only before a word, never inside one (« 2024–2025 »).
_DASH_AS_MINUS = re.compile("(^|[\\s(])[\u2013\u2014\u2212](?=[^\\s\u2013\u2014\u2212])")


# The operators in French, written in capitals as the English ones are: « élus OU mairie »,
# « tag:mobilite OU tag:financement », « covoiturage ET gare ». In lower case « ou » and
# « et » stay common words (a tester's « élus ou mairie » found only reports with both).
_FRENCH_OPERATORS = {"OU": "OR", "ET": "AND"}
_FRENCH_OPERATOR = re.compile(r"(?<!\S)(OU|ET)(?!\S)")
# « ou », « Ou » (a capital first letter, as a phone types it): not « OU », the operator
_LOWER_OU = re.compile(r"(?<=[\w\"])\s+(?:ou|Ou|oU)\s+(?=[\w\"-])")


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    """`text` with `change` applied to its parts outside double quotes (a phrase is words)."""
    parts = text.split('"')
    return '"'.join(change(part) if i % 2 == 0 else part for i, part in enumerate(parts))


def french_operators(raw: str, result: "ParsedQuery | None" = None) -> str:
    """« OU » and « ET » in capitals, outside quotes, read as OR and AND. With `result`, a
    lower-case « ou » between two words (and no OR) adds the `lowercase_ou` notice: the page
    says how to ask for either word. Returns the text to parse."""
    text = _outside_quotes(
        raw, lambda part: _FRENCH_OPERATOR.sub(lambda m: _FRENCH_OPERATORS[m.group(1)], part)
    )
    if result is not None and text != raw and re.search(r"(?<!\S)OU(?!\S)", raw):
        result.typed_ou = True
    if result is not None and not re.search(r"(?<!\S)OR(?!\S)", text):
        if any(_LOWER_OU.search(part) for part in text.split('"')[::2]):
            result.notices.append("lowercase_ou")
    return text


def parse(raw: str) -> ParsedQuery:
    """Split the box into filters and text, then parse the text; degrade, never fail."""
    result = ParsedQuery()
    # One spelling whatever the keyboard: accents typed decomposed (a Mac) are composed.
    raw = unicodedata.normalize("NFC", (raw or "").replace("\x00", " "))
    raw = _TYPOGRAPHIC_QUOTES.sub('"', raw)
    raw = _DASH_AS_MINUS.sub(r"\1-", raw)
    raw = french_operators(raw, result)
    if len(raw) > MAX_QUERY_CHARS:
        # At the last space before the limit: a word or a filter cut in two would be read
        # as another one (« tag:financ » names nothing, and leaves nothing found).
        cut = raw[: MAX_QUERY_CHARS + 1].rsplit(None, 1)[0]
        raw = cut if len(cut) > MAX_QUERY_CHARS // 2 else raw[:MAX_QUERY_CHARS]
        result.notices.append("too_long")

    text = _take_filters(raw, result)
    if result.after and result.before and result.after > result.before:
        # apres:2026-01-01 avant:2025-01-01: nothing can match (both days are included)
        result.notices.append("empty_period")
    text = " ".join(text.split())
    result.text = text
    if text:
        result.query = _parse_text(text, result)
        if result.query is None:
            result.notices.append("no_words")  # only very common words, or punctuation
    return result


def _filter_value(name: str, value: str) -> str:
    return KINDS.get(_fold(value), value) if name == "kind" else value


def _take_filters(raw: str, result: ParsedQuery) -> str:
    """Move the box's filters into `result` and return the rest, the words. A filter is
    `name:value` or `name:"a value"`; with a minus in front it leaves its value out
    (`excluded`); two or more of the same name joined by OR form one « any of » group;
    the others add up (`filters`). A misspelt name is said and dropped; `https://…` and
    `note:` stay words."""
    found = []  # (start, end, minus, name, value)
    for match in SIGNED_FILTER_RE.finditer(raw):
        minus, typed = match.group(1), match.group(2)
        value = (match.group(3) if match.group(3) is not None else match.group(4)).strip()
        name = FIELD_ALIASES.get(_fold(typed))
        if name is None and value and not value.startswith("/") and len(typed) > 1:
            # « regoin:occitanie »: a filter misspelt. Said so, and left out of the words
            # (searching « regoin occitanie » would only lead to a silly correction).
            result.unknown_names.append(typed)
            found.append((match.start(), match.end(), "", None, ""))
        elif name is not None and value:
            found.append((match.start(), match.end(), minus, name, value))
    words, position, index = [], 0, 0
    while index < len(found):
        start, end, minus, name, value = found[index]
        words.append(_drop_or(raw[position:start], result, after=index > 0, before=True))
        group, last = [value], index
        while (
            name not in (None, "before", "after")
            and not minus
            and last + 1 < len(found)
            and found[last + 1][3] == name
            and not found[last + 1][2]
            and _OR_BETWEEN.fullmatch(raw[found[last][1] : found[last + 1][0]])
        ):
            last += 1
            group.append(found[last][4])
        end = found[last][1]
        if name in ("before", "after"):
            day = _parse_date(value, name)
            if day is None:
                if "bad_date" not in result.notices:
                    result.notices.append("bad_date")
                result.bad_dates.append(value[:40])
            elif minus:
                result.notices.append("excluded_date")  # « -apres: »: said, not silent
            else:
                # Two of a kind add up, as other filters do: the narrower period holds.
                held = getattr(result, name)
                if held is not None:
                    day = max(held, day) if name == "after" else min(held, day)
                setattr(result, name, day)
        elif name is not None:
            values = [_filter_value(name, v) for v in group]
            if minus:
                result.excluded.setdefault(name, []).extend(values)
            elif len(values) > 1:
                result.any_of.append((name, values))
            else:
                # A code, slug or name as typed: resolve_filters finds what the index holds.
                result.filters.setdefault(name, []).extend(values)
        words.append(" ")
        position, index = end, last + 1
    words.append(_drop_or(raw[position:], result, after=bool(found), before=False))
    text = "".join(words)
    # « tag: » with nothing after it: a filter begun and not finished, dropped and said
    # (searched as the word « tag » it found nothing, silently).
    empty = _EMPTY_FILTER.findall(text)
    if any(FIELD_ALIASES.get(_fold(name)) for name in empty):
        result.notices.append("empty_filter")
        text = _EMPTY_FILTER.sub(
            lambda m: " " if FIELD_ALIASES.get(_fold(m.group(1))) else m.group(0), text
        )
    return text


_OR_FIRST = re.compile(r"^\s*OR(?=\s|$)")
_OR_LAST = re.compile(r"(?:^|(?<=\s))OR\s*$")


def _drop_or(words: str, result: ParsedQuery, after: bool, before: bool) -> str:
    """The words between two filters without an OR that touches one: « tag:a OR mot »,
    « tag:a OR region:b » cannot be « either » (a filter narrows; only two filters of one
    name, or two words, make an OR). The OR is dropped and said (`or_filter`): searched
    as a word between others, it silently joined the wrong two."""
    dropped = False
    if after and _OR_FIRST.search(words):
        words, dropped = _OR_FIRST.sub(" ", words, count=1), True
    if before and _OR_LAST.search(words):
        words, dropped = _OR_LAST.sub(" ", words, count=1), True
    if dropped and "or_filter" not in result.notices:
        result.notices.append("or_filter")
    return words


# A word joined by hyphens (or inclusive-writing dots) outside quotes: « tiers-lieux »,
# « -tiers-lieux », « agriculteur·rice·s ». Only a hyphen at the start of a term excludes.
_JOINED = re.compile(
    r'(?<![\w"])(-?)([\w\u0300-\u036f]+(?:[-\u2010\u2011·\u22c5\u2219\u2027\u2022][\w\u0300-\u036f]+)+)'
)


# A word standing alone outside quotes (not a compound's part, not a field's value).
_SINGLE = re.compile(
    r"(?<![\w\u0300-\u036f:·\-\u2010\u2011])(-?)([\w\u0300-\u036f]+)"
    r"(?![\w\u0300-\u036f:·\-\u2010\u2011])"
)


def _protect_compounds(text: str) -> str:
    """Hyphenated compounds become phrases of their parts, or the word written solid
    (« tiers-lieux » → ("tiers-lieux" OR tierslieux), the first read by the analyser as the
    phrase tiers lieux), inclusive words an OR of their two forms, a possible verb in
    « -ent » an OR of it and its infinitive (« financent » → (financent OR financer),
    analysis.verb_forms); text already inside quotes is left as it is."""
    pieces = text.split('"')
    for i in range(0, len(pieces), 2):  # even pieces are outside quotes
        pieces[i] = _JOINED.sub(_protect_one, pieces[i])
    pieces = '"'.join(pieces).split('"')  # the compounds made phrases are quoted now
    for i in range(0, len(pieces), 2):
        pieces[i] = _SINGLE.sub(_verb_one, pieces[i])
    return '"'.join(pieces)


def _verb_one(match: re.Match) -> str:
    sign, word = match.group(1), match.group(2)
    forms = verb_forms(normalise(word))
    if len(forms) == 1:
        return match.group()
    return _either(sign, [word, *forms[1:]])


def _either(sign: str, forms: list[str]) -> str:
    """Any of the forms: « (a OR b) »; excluded, each of them: « -a -b » (whoosh reads
    « -(a OR b) » alone as a plain search for them: a tester's « -financent » found the
    documents that hold it)."""
    if sign:
        return " ".join(f"-{form}" for form in forms)
    return f"({' OR '.join(forms)})"


def _protect_one(match: re.Match) -> str:
    sign, word = match.group(1), match.group(2)
    parts = [p for p in re.split(r"[-\u2010\u2011]", word) if p]
    if inverted([normalise(p) for p in parts]):
        return sign + " ".join(parts)  # « peut-on »: a question's words, not a compound
    if any(dot in word for dot in "·\u22c5\u2219\u2027\u2022") and "-" not in word:
        return _either(sign, inclusive_forms(normalise(word)))
    if sign:
        return f'{sign}"{word}"'
    joined = re.sub(r"[^\w\u0300-\u036f]", "", word)
    return f'("{word}" OR {joined})'  # also written solid: « coconstruction »


def resolve_filters(
    filters: dict[str, list[str]], lookup: Callable[[str, str], list[str]]
) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Each filter value as the index holds it, through `lookup(field, value)` (codes,
    slugs, names); returns them and the (field, value) pairs nothing matched. Those stay in
    the filters, where they match no document: an unknown filter is never ignored."""
    resolved: dict[str, list[str]] = {}
    unknown: list[tuple[str, str]] = []
    for name, values in filters.items():
        for value in values:
            found = lookup(name, value)
            if not found:
                unknown.append((name, value))
                found = [value]
            chosen = resolved.setdefault(name, [])
            chosen.extend(v for v in found if v not in chosen)
    return resolved, unknown


_BOOST = re.compile(r"(?<=[\w\"])[\^~]\d*(?:\.\d+)?")  # mobilité^2, mobilité~2: not ours
_EDGE_OPERATORS = re.compile(r"^(?:(?:AND|OR)\s+)+|(?:\s+(?:AND|OR|NOT))+$")
_NEGATIVE_PHRASE = re.compile(r'(?<!\S)-"([^"]*)"')


# « mobili?é », « ?ransport »: a question mark inside or before a word is a wildcard; after
# a word or alone (« comment financer un parcours ? », « financent? ») it ends a question.
_WILDCARD_MARK = re.compile(r"\?(?=[\w\u0300-\u036f])")


def _tidy(text: str, result: ParsedQuery) -> str:
    """Syntax the help does not promise, read as plain words: boosts and fuzziness marks
    dropped, an operator with nothing on one side dropped, wildcards dropped (said so)."""
    text = _BOOST.sub("", text)
    if "*" in text or _WILDCARD_MARK.search(text):
        result.notices.append("wildcard")
    text = text.replace("*", " ").replace("?", " ")
    text = _EDGE_OPERATORS.sub("", text.strip())
    if text.strip() in ("AND", "OR", "NOT"):
        return ""
    # « -"garde d'enfants" »: whoosh's minus takes a word, not a phrase.
    return _NEGATIVE_PHRASE.sub(r'NOT "\1"', text)


def _parse_text(text: str, result: ParsedQuery) -> Query | None:
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: read the words as words
        result.notices.append("unbalanced_quotes")
    text = _tidy(text, result)
    if not text.strip():
        return None
    text = _protect_compounds(inclusive_dots(text))
    tokens = text.split()
    if tokens and all(t.startswith("-") and len(t) > 1 for t in tokens):
        excluded = _parse_text(" OR ".join(t[1:] for t in tokens), result)
        return AndNot(Every(), excluded) if excluded is not None else None  # "-transport"
    try:
        query = parser().parse(text)
    except Exception:  # whoosh's parser has odd corners; fall back to plain words
        query = None
    if _only_negative(query):
        return AndNot(Every(), query.query)  # "-transport": everything but
    if _empty(query):
        words = re.sub(r"[^\w\s]", " ", text)
        try:
            query = parser().parse(words) if words.strip() else None
        except Exception:
            query = None
    return None if _empty(query) else query


def _empty(query) -> bool:
    return query is None or query is NullQuery or isinstance(query, type(NullQuery))


def _only_negative(query: Query) -> bool:
    return isinstance(query, Not)
