"""Small text helpers shared by forms, templates, services and search."""

import re
import unicodedata

# C0 controls but tab, newline and carriage return; DEL; C1 controls; the two non-characters
# XML 1.0 forbids. They have no business in a title or a report, and they break Atom feeds.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_control_characters(value):
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


# Unicode's explicit directional formatting characters (UAX #9, §2.1–2.2): embeddings,
# overrides and isolates, with their terminators. Left in a one-line text, they reorder
# what the page shows after it: a title with a right-to-left override showed the date
# after it backwards in a list (« 92:31 à 6202 erbmecéd »: a fresh tester). The marks
# (U+200E, U+200F, U+061C) only orient neutral characters and stay.
DIRECTIONAL_FORMATTING = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_directional_formatting(value):
    """`value` without the directional formatting characters of DIRECTIONAL_FORMATTING;
    anything but a string is returned as it is."""
    return DIRECTIONAL_FORMATTING.sub("", value) if isinstance(value, str) else value


def is_blank(value: str | None) -> bool:
    """True when `value` shows nothing: only white space (Unicode's, no-break and ideographic
    spaces included) and invisible format characters (zero-width spaces and joiners, word
    joiner, BOM: Unicode category Cf). A name, message or report made of those is empty."""
    return not value or all(c.isspace() or unicodedata.category(c) == "Cf" for c in value)


def slugify(text: str, max_length: int = 100) -> str:
    """ASCII, lowercase, hyphenated: 'Pôle Sud Gironde' -> 'pole-sud-gironde'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-") or "x"


def spreadsheet_safe(value):
    """A value a spreadsheet program will show and never run as a formula: a string
    beginning with = + - @ or a tab / carriage return gets a leading apostrophe; other
    values are returned unchanged. Source: OWASP, « CSV Injection »
    (https://owasp.org/www-community/attacks/CSV_Injection). Used by every CSV and XLSX
    export (openpyxl also stores a string beginning with = as a formula)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def collation_key(text: str) -> tuple[str, str]:
    """A key that sorts French names alphabetically: accents, case and ligatures aside
    first (« Évaluation » between « Emploi » and « Financement », « Cœur » as « coeur »),
    then the text as written to order ties. Python (and SQL's default collation) order by
    code point, which put « É » after « Z » (a fresh tester of issue 17). Returns
    (folded, text)."""
    spelt = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    folded = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode().casefold()
    return (folded, text)
