"""French analysis, one pipeline for documents and queries.

1. Each word is normalised: Unicode NFKC (decomposed accents typed on a Mac composed again,
   ligatures such as « ﬁ » and full-width forms replaced), œ/æ spelt out, the typographic
   hyphens and inclusive-writing dots made one character each.
2. Words are letters and digits, accents included whether composed or not; an apostrophe
   splits (elision: « l'école » → l, école), so does any other punctuation.
3. A hyphen between letters or digits joins a compound: its parts are indexed at consecutive
   positions (so that « tiers-lieux » and « tiers lieux » are the same phrase), none of them
   dropped as a stop word (« rendez-vous »), plus the joined word at the first part's
   position (« tierslieux »).
4. Inclusive writing with a middle dot indexes both forms at one position:
   « agriculteur·rice·s » → agriculteurs, agricultrices. A word that may be a verb's third
   person plural (« financent », « testent ») is indexed with its infinitive at the same
   position (verb_forms), and a query for it asks for either.
5. Stop words (French articles, pronouns… and question words: « comment », « quand »,
   « faire »…) are dropped, the rest stemmed (Snowball French), then accents folded:
   stemming needs the accents (it strips « ées », « ement »), so folding comes last and
   financer/financement/financées meet, and « ecole » finds « École ».

ANALYSIS_VERSION is part of the index settings fingerprint: change it whenever what this
module produces changes, and existing indexes are rebuilt on their own.
"""

import re
import unicodedata

from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

ANALYSIS_VERSION = 7  # 4: « élus » meets « élu » (_singular_us); 5: « financent » (verb_forms);
# 6: names and défis in the words a correction is made of (fields.spelling_words), soft
# hyphens and zero-width spaces dropped (_TYPOGRAPHY), « mobilisons » (_first_person_plural);
# 7: « été » the season is a word (SEASON_WORDS)
# The lengths of a word « did you mean » may correct (both backends): shorter ones have too
# many neighbours; longer ones are no French word (the longest common ones have 25
# letters) but a pasted code or a key held down, and Whoosh's Levenshtein automaton grows
# with the word — one 500-letter word kept a worker busy 4 to 7 s.
CORRECTED_WORD_CHARS = (4, 40)
# At most this many unknown words corrected in one query (both backends): past it, the text
# is no query with typos (a pasted list, forty made-up words) and no correction is offered.
# Each correction costs Whoosh one Levenshtein walk of its word list: 37 unknown words took
# 3.4 s on the demo index (a tester of issue 17), one of them 30–200 ms.
MAX_CORRECTED_WORDS = 6

# Whoosh's French list misses common words; elisions are split off by the tokeniser below.
EXTRA_STOP_WORDS = {
    "les", "où", "des", "aux", "du", "au", "ces", "ses", "ce", "cet", "cette", "leurs",
    "leur", "nos", "vos", "est", "sont", "être", "avoir", "a", "ont", "pas", "plus",
    "très", "qui", "que", "quoi", "dont", "lors", "entre", "comme", "aussi", "ainsi", "donc",
    "car", "mais", "ou", "et", "ni", "or", "on", "nous", "vous", "ils", "elles", "il", "elle",
    "se", "sa", "son", "sur", "sous", "dans", "par", "pour", "avec", "sans", "un", "une",
    "de", "la", "le", "l", "d", "qu", "n", "s", "c", "j", "m", "t", "y", "en", "ne",
    "jusqu", "lorsqu", "puisqu", "quoiqu",
}  # fmt: skip
# Questions typed in plain French: these words say how the question is asked, not what it
# is about, so they never make a word required (« comment mobiliser les porteurs »).
QUESTION_WORDS = {
    "comment", "quand", "pourquoi", "quel", "quelle", "quels", "quelles", "combien",
    "lequel", "laquelle", "lesquels", "lesquelles", "faire", "fait", "faut", "peut",
    "peuvent", "doit", "doivent", "est-ce", "ça", "cela", "ceci", "quelqu", "quelque",
    "quelques", "chose", "choses", "avez", "ai", "as", "avons", "ont", "êtes", "suis",
    "sommes", "moi", "toi", "je", "tu", "me", "te", "mon", "ma", "mes", "ton", "ta", "tes",
    "votre", "notre", "idée", "idées", "conseil", "conseils", "exemple", "exemples",
    "possible", "bien", "bon", "bonne", "mieux", "alors", "encore", "toujours", "jamais",
    "si", "tout", "tous", "toute", "toutes",
}  # fmt: skip
# « été » is the participle of « être » and the summer: Whoosh's list drops it, and a tester
# searching « été » (a summer childcare, the season's sessions) was told it held no word
# precise enough, « garderie d'été » found as « garderie ». Searched for, it meets its
# participle too (ranked as a common word): better than never meeting the season.
SEASON_WORDS = frozenset({"été", "étés"})
FRENCH_STOP_WORDS = (frozenset(stoplists["fr"]) | EXTRA_STOP_WORDS | QUESTION_WORDS) - SEASON_WORDS

# Letters and digits, accents composed or not (combining marks are not \w in Python), and
# the invisible characters _TYPOGRAPHY drops (a soft hyphen must not split a word).
_PIECE = r"[\w\u0300-\u036f\u00ad\u200b-\u200f\u2060\ufeff]+"
# Joiners: hyphen (and its Unicode variants) for compounds, middle dot for inclusive writing.
_JOINERS = "\\-\u2010\u2011\u00b7\u22c5\u2219\u2027\u2022"
WORD_RE = re.compile(rf"{_PIECE}(?:[{_JOINERS}]{_PIECE})*")
_TYPOGRAPHY = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u22c5": "·",
        "\u2219": "·",
        "\u2027": "·",
        "\u2022": "·",
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "_": " ",
        # Invisible in a word pasted from a web page or a word processor: soft hyphen,
        # zero-width space, non-joiner and joiner, direction marks, word joiner, BOM
        # (« fi\u00adnancement », « mobi\u200dlité » found nothing).
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u200e": None,
        "\u200f": None,
        "\u2060": None,
        "\ufeff": None,
    }
)


# Inclusive writing typed with a full stop, on keyboards without « · »: only the endings
# inclusive writing uses, so that « www.example.org » or « 3.5 » stay as they are.
_INCLUSIVE_SUFFIX = r"(?:e|es|rice|rices|trice|trices|euse|euses|se|ses|ve|ves|ère|ères|ere|eres|ne|nes|le|les|te|tes)"
INCLUSIVE_DOTS = re.compile(rf"(?<=[^\W\d_])\.({_INCLUSIVE_SUFFIX})(?:\.([sx]))?(?![\w.])")


def inclusive_dots(text: str) -> str:
    """« agriculteur.rice.s » → « agriculteur·rice·s » (same length: offsets keep)."""
    return INCLUSIVE_DOTS.sub(
        lambda m: "·" + m.group(1) + ("·" + m.group(2) if m.group(2) else ""), text
    )


def normalise(text: str) -> str:
    """A word or a text in the one spelling analysis works on: NFKC, lower case, œ and æ
    spelt out, hyphens and inclusive dots unified (Unicode TR15 for NFKC)."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).lower()


# Feminine endings of French inclusive writing (« agriculteur·rice », « porteur·euse »,
# « actif·ve », « fermier·ère »): (suffix written after the dot, masculine ending it
# replaces, feminine ending). Anything else is appended (« élu·e », « citoyen·ne »).
_FEMININE = (
    ("trice", "teur", "trice"),
    ("rice", "teur", "trice"),
    ("euse", "eur", "euse"),
    ("se", "eur", "euse"),
    ("ve", "f", "ve"),
    ("ère", "er", "ère"),
    ("ere", "er", "ère"),
)


def inclusive_forms(word: str) -> list[str]:
    """'agriculteur·rice·s' -> ['agriculteurs', 'agricultrices']; a word without a middle
    dot -> [word]. The masculine form comes first (the one a query keeps)."""
    if "·" not in word:
        return [word]
    parts = [p for p in word.split("·") if p]
    if len(parts) < 2:
        return [word.replace("·", "")]
    base, suffix, *rest = parts
    plural = ""
    if rest and rest[-1] in ("s", "x"):
        plural = rest[-1]
    elif not rest and len(suffix) > 2 and suffix.endswith("s"):
        suffix, plural = suffix[:-1], "s"  # « agriculteur·rices »
    feminine = base + suffix
    for written, masculine_end, feminine_end in _FEMININE:
        if suffix == written and base.endswith(masculine_end):
            feminine = base[: -len(masculine_end)] + feminine_end
            break
    return [base + plural, feminine + plural]


# Subject pronouns put after the verb in a question (« peut-on », « doivent-ils »,
# « fonctionne-t-il », « est-ce »); « nous » and « vous » are left out: « rendez-vous ».
_INVERTED_PRONOUNS = {"je", "tu", "il", "elle", "on", "ils", "elles", "ce"}


def inverted(parts: list[str]) -> bool:
    """Are these hyphen-joined parts a verb and its subject in a question (« peut-on »,
    « fonctionne-t-il »)? Then they are separate words, stop words dropped, rather than a
    compound whose parts all count (a tester: « peut-on animer en visio ? » found 1 report,
    « animer en visio » 28)."""
    if len(parts) == 2:
        return parts[1] in _INVERTED_PRONOUNS
    return len(parts) == 3 and parts[1] == "t" and parts[2] in _INVERTED_PRONOUNS


# « -ent » words shorter than this are left alone: « parent », « moment », « client »,
# « argent », « talent » have no verb behind them, and their short roots meet other words.
_VERB_MIN_CHARS = 7


def verb_forms(word: str) -> list[str]:
    """[word, its -er infinitive] for a normalised word that may be a verb's third person
    plural, else [word]: « financent » → ["financent", "financer"].

    Snowball French never strips « -ent » (a noun ending, too: « président », « accident »),
    so « les collectivités financent » stayed apart from « financement » and « financer »
    (a tester of issue 17). A word of _VERB_MIN_CHARS letters or more ending in « ent »
    that the stemmer leaves ending in « ent » gets the -er infinitive as an alternate; for
    a noun or an adjective the alternate is a stem nothing else has (« accident » →
    « accid ») or a close one (« président » → « présid », « résident » → « résid »). Only
    the first group (-er, nine verbs in ten) is covered: « prennent » is not « prendre »."""
    if "·" in word or word in FRENCH_STOP_WORDS:
        return [word]  # « comment », « doivent », « peuvent »: dropped, nothing added
    if word.endswith("ons"):
        return _first_person_plural(word)
    if len(word) < _VERB_MIN_CHARS or not word.endswith("ent"):
        return [word]
    if not stem(word).endswith("ent"):
        return [word]  # Snowball took it (« financement » → financ, « document » → docu)
    return [word, word[:-3] + "er"]


# « -ons » words shorter than this are left alone: « saisons », « maisons », « raisons »
# would meet « saisir », « maïs », « raisonner » through a made-up infinitive.
_ONS_MIN_CHARS = 8


def _first_person_plural(word: str) -> list[str]:
    """[word, its -er infinitive] for « nous mobilisons » (verb_forms' rule for « -ons »):
    Snowball strips only the plural « s » (« mobilisons » → « mobilison »), so « comment
    nous mobilisons les porteurs » met neither « mobiliser » nor « mobilisation » (a
    fresh tester of issue 17). A word of _ONS_MIN_CHARS letters or more ending in « ons »
    but not « ions » (« actions », « réunions », « nous organisions »: nouns, or the
    imperfect) that the stemmer leaves ending in « on » gets the -er infinitive, spelt
    back: « commençons » → « commencer », « partageons » → « partager ». A noun's
    alternate is a stem nothing else has (« chansons » → « chans »), at worst a close word
    (« échelons » → « échel », as « échelle »)."""
    if len(word) < _ONS_MIN_CHARS or word.endswith("ions") or not stem(word).endswith("on"):
        return [word]
    root = word[:-3]
    if root.endswith("ge"):  # « partageons »: the e keeps the g soft
        root = root[:-1]
    elif root.endswith("ç"):  # « commençons »: the cedilla keeps the c soft
        root = root[:-1] + "c"
    return [word, root + "er"]


class FrenchTokenizer(Tokenizer):
    """Steps 1 to 4 of the module docstring, with stop words dropped (step 5) except
    inside compounds. Positions count kept words; alternates (joined compounds, feminine
    forms, infinitives) share the position of the word they stand for. Offsets cover the whole word as
    written in the original text, so highlighting works on NFD text too."""

    def __init__(self, stoplist=FRENCH_STOP_WORDS, alternates=True):
        self.stoplist = stoplist
        # False: each word as written only, never a made-up form beside it (the spelling
        # field: an infinitive made for « chansons », « chanser », became the correction
        # of « chanter »).
        self.alternates = alternates

    def __eq__(self, other):
        return (
            type(other) is type(self)
            and other.stoplist == self.stoplist
            and other.alternates == self.alternates
        )

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        query = mode == "query" or not self.alternates  # the word as typed, no alternates
        pos = start_pos
        value = inclusive_dots(value)
        for match in WORD_RE.finditer(value) if tokenize else [_Whole(value)]:
            word = normalise(match.group())
            if not word:
                continue  # invisible characters alone
            parts = [p for p in word.split("-") if p]
            emitted = []  # (text, is an alternate at the previous position, may stop)
            if inverted(parts):  # « peut-on », « fonctionne-t-il »: words of a question
                for part in parts:
                    forms = verb_forms(part)
                    emitted.append((forms[0], False, True))
                    if not query:
                        emitted += [(form, True, True) for form in forms[1:]]
            elif len(parts) > 1:
                masculine = []
                for part in parts:
                    forms = inclusive_forms(part)
                    masculine.append(forms[0])
                    emitted.append((forms[0], False, False))
                    if not query:
                        emitted += [(form, True, False) for form in forms[1:]]
                if not query:
                    emitted.insert(1, ("".join(masculine), True, False))
            else:
                forms = inclusive_forms(word)
                if len(forms) == 1:
                    forms = verb_forms(word)
                emitted.append((forms[0], False, True))
                if not query:
                    emitted += [(form, True, True) for form in forms[1:]]
            dropped = False
            for text, alternate, may_stop in emitted:
                if alternate and dropped:
                    continue  # « comment » dropped: not its « commer » either
                stopped = may_stop and text in self.stoplist
                dropped = not alternate and stopped and removestops
                if stopped and removestops:
                    continue  # a dropped stop word takes no position
                token.text = text
                token.stopped = stopped
                token.boost = 1.0
                if keeporiginal:
                    token.original = match.group()
                if positions:
                    token.pos = pos - 1 if alternate else pos
                if chars:
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                if not alternate:
                    pos += 1
                yield token


class _Whole:
    """The whole value as one match (tokenize=False)."""

    def __init__(self, value: str):
        self.value = value

    def group(self) -> str:
        return self.value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self.value)


_stemmer = FrenchStemmer()

# Unaccented endings typed on a phone or an old keyboard, with the accent the stemmer needs:
# "mobilite" must stem like "mobilité", "creees" like "créées".
_ACCENT_RESTORE = (("ites", "ités"), ("ite", "ité"), ("ees", "ées"), ("ee", "ée"))


# Plurals in -x that Snowball leaves apart from their singular (« lieux » / « lieu »,
# « jeux » / « jeu »); adjectives in -eux (« heureux ») are not among them.
_PLURAL_X = re.compile(r"(?:ieux|eaux|jeux|feux|voeux|cheveux|neveux)$")


def stem(word: str) -> str:
    """Snowball French stem of a lower-case word, accents restored on common unaccented
    endings first, and the plurals in -x of _PLURAL_X made singular; a stem ending in
    « us » loses its « s » (_singular_us)."""
    if _PLURAL_X.search(word) and len(word) > 3:
        word = word[:-1]
    if word.isascii():
        for plain, accented in _ACCENT_RESTORE:
            if word.endswith(plain) and len(word) > len(plain) + 2:
                return _singular_us(_stemmer.stem(word[: -len(plain)] + accented))
    return _singular_us(_stemmer.stem(word))


def _singular_us(stemmed: str) -> str:
    """Snowball keeps the « s » after a « u » (its step 4 spares « us »), so « élus »,
    « revenus », « contenus », « individus » stayed apart from « élu », « revenu »,
    « contenu », « individu » (while « élue », « élues » met « élu »). The « s » goes from
    every such stem of four letters or more; words whose singular ends in « us »
    (« refus », « virus », « inclus ») lose it in every form alike, so they still meet
    themselves. Three letters or fewer (« bus », « jus », « dus ») are left as they are."""
    return stemmed[:-1] if stemmed.endswith("us") and len(stemmed) > 3 else stemmed


def french_analyzer():
    """Documents and queries: normalise, split (compounds, inclusive writing), drop stop
    words, stem, fold accents."""
    return (
        FrenchTokenizer() | StemFilter(stemfn=stem, cachesize=100_000) | CharsetFilter(accent_map)
    )


def fold(word: str) -> str:
    """What analysis makes of one word (no stop-word removal): for comparisons."""
    return "".join(t.text for t in french_analyzer()(word, removestops=False, mode="query"))


def folding_analyzer():
    """Unstemmed words as written (normalised), for spelling suggestions."""
    return (
        FrenchTokenizer(stoplist=frozenset(), alternates=False)
        | LowercaseFilter()
        | StopFilter(stoplist=FRENCH_STOP_WORDS, minsize=3)
    )
