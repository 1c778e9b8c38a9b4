"""French analysis: tokenise, lowercase, drop stop words, stem (Snowball), then fold accents.

Stemming needs the accents (the French stemmer strips "ées", "ement"…), so folding comes
last: financer/financement/financées meet, and "ecole" finds "École".
"""

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.snowball.french import FrenchStemmer
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

# Whoosh's French list misses common words; elisions are split off by the tokeniser below.
EXTRA_STOP_WORDS = {
    "les",
    "où",
    "des",
    "aux",
    "du",
    "au",
    "ces",
    "ses",
    "ce",
    "cet",
    "cette",
    "leurs",
    "leur",
    "nos",
    "vos",
    "est",
    "sont",
    "été",
    "être",
    "avoir",
    "a",
    "ont",
    "pas",
    "plus",
    "très",
    "qui",
    "que",
    "quoi",
    "dont",
    "lors",
    "entre",
    "comme",
    "aussi",
    "ainsi",
    "donc",
    "car",
    "mais",
    "ou",
    "et",
    "ni",
    "or",
    "on",
    "nous",
    "vous",
    "ils",
    "elles",
    "il",
    "elle",
    "se",
    "sa",
    "son",
    "sur",
    "sous",
    "dans",
    "par",
    "pour",
    "avec",
    "sans",
    "un",
    "une",
    "de",
    "la",
    "le",
    "l",
    "d",
    "qu",
    "n",
    "s",
    "c",
    "j",
    "m",
    "t",
    "y",
    "en",
}
FRENCH_STOP_WORDS = frozenset(stoplists["fr"]) | EXTRA_STOP_WORDS

# Words are letters and digits; apostrophes split (l'école -> l, école), hyphens split too.
TOKEN_PATTERN = r"\w+"

_stemmer = FrenchStemmer()

# Unaccented endings typed on a phone or an old keyboard, with the accent the stemmer needs:
# "mobilite" must stem like "mobilité", "creees" like "créées".
_ACCENT_RESTORE = (("ites", "ités"), ("ite", "ité"), ("ees", "ées"), ("ee", "ée"))


def stem(word: str) -> str:
    if word.isascii():
        for plain, accented in _ACCENT_RESTORE:
            if word.endswith(plain) and len(word) > len(plain) + 2:
                return _stemmer.stem(word[: -len(plain)] + accented)
    return _stemmer.stem(word)


def french_analyzer():
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=FRENCH_STOP_WORDS, minsize=1)
        | StemFilter(stemfn=stem, cachesize=100_000)
        | CharsetFilter(accent_map)
    )


def folding_analyzer():
    """Unstemmed but accent-folded words, for spelling suggestions."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=FRENCH_STOP_WORDS, minsize=3)
    )
