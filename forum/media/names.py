"""A file's name as shown and offered for download: readable, harmless, with the extension
of what the file really is."""

import re
import unicodedata

from forum.media.kinds import FileKind

MAX_NAME = 120  # characters, extension included: readable in a list, short in a header
DEFAULT_STEM = "fichier"

# Characters Windows refuses in a file name (the download must save there too).
RESERVED = re.compile(r'[<>:"|?*]')
SPACES = re.compile(r"\s+")
# What counts as an extension to replace: 1 to 5 letters or digits, a letter at least
# (« notes.odt », « scan.jpeg »; not the « 2024 » of « CR 12.03.2024 »).
EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,5})$")
WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def safe_filename(name: str | None, kind: FileKind | None = None) -> str:
    """`name` as uploaded, made safe to show and to put in a Content-Disposition header.

    NFC (a name typed on a Mac keeps its accents, composed); only its last path part
    (« ../../etc/passwd » gives « passwd », « C:\\\\Users\\\\a\\\\b.pdf » gives « b.pdf »);
    control and invisible format characters removed (NUL, bidirectional overrides that
    disguise « gpj.exe » as « exe.jpg »); characters Windows refuses replaced by « _ »;
    spaces collapsed; no leading dot (hidden file, « .. »), no trailing dot or space. The
    extension becomes `kind`'s canonical one when given (« photo.pdf » that is a JPEG gives
    « photo.jpg »); the result is at most MAX_NAME characters, extension kept, and never
    empty (« fichier.pdf »)."""
    text = unicodedata.normalize("NFC", name or "")
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    text = SPACES.sub(" ", RESERVED.sub("_", text)).strip(" .")
    stem, extension = text, ""
    found = EXTENSION.search(text)
    if found and re.search(r"[A-Za-z]", found.group(1)) and found.start() > 0:
        stem, extension = text[: found.start()], found.group(1).lower()
    if kind is not None:
        extension = kind.extension
    suffix = f".{extension}" if extension else ""
    stem = stem[: MAX_NAME - len(suffix)].rstrip(" .")
    if not stem or stem.lower() in WINDOWS_DEVICES:
        stem = f"{DEFAULT_STEM}-{stem}" if stem else DEFAULT_STEM
    return stem + suffix
