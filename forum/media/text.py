"""Plain text as members upload it: UTF-8 (with or without BOM), else Windows-1252, else
Latin-1 — the encodings of French text files written on Linux, macOS and Windows."""

import codecs
import re

# Allowed: tab, line feed, carriage return. Refused: every other C0 control, DEL and the C1
# controls (a Latin-1 or UTF-8 file holding them is binary, or a misdeclared encoding).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Tried in order; Latin-1 decodes any byte, so it is last and its C1 controls are refused
# by FORBIDDEN. Windows-1252 comes first because it is what French Windows writes (’ € œ).
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def detect_encoding(data: bytes, complete: bool = True) -> str | None:
    """The first of ENCODINGS that decodes `data` into text without forbidden control
    characters, or None: the content is not text. With `complete` false, `data` is the head
    of a longer file, and a multibyte character cut at its end is not an error."""
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        try:
            text = decoder.decode(data, final=complete)
        except UnicodeDecodeError:
            continue
        if not FORBIDDEN.search(text):
            return encoding
    return None


def decode_text(data: bytes) -> str:
    """`data` as text, in the first encoding of ENCODINGS that reads it (BOM removed);
    never raises (Latin-1 reads any byte): control characters are the caller's to drop."""
    for encoding in (detect_encoding(data), *ENCODINGS):
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover
