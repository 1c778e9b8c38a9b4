"""The type of an uploaded file, decided from its content (its first bytes, and the central
directory of a ZIP), never from its name or the type its browser declared."""

import csv
import io
import re
from typing import BinaryIO

from flask_babel import LazyString
from flask_babel import lazy_gettext as lazy

from forum.media.archives import ArchiveLimits, zip_document_kind
from forum.media.errors import UnsupportedFile
from forum.media.kinds import CSV, HEIC, HEIF, JPEG, PDF, PNG, TEXT, WEBP, FileKind
from forum.media.text import detect_encoding

# How much of the start of a file `sniff` wants: every signature below fits in 300 bytes;
# the rest is for telling text from binary and CSV from plain text on a sample.
HEAD_BYTES = 64 * 1024

EXECUTABLE = lazy("programme exécutable")
ARCHIVE = lazy("archive compressée")
MEDIA = lazy("vidéo ou son")
# Signatures at offset 0 of formats that are refused, named so the member knows what to do.
REFUSED_SIGNATURES: tuple[tuple[bytes, LazyString], ...] = (
    (b"MZ", EXECUTABLE),  # Windows .exe, .dll
    (b"\x7fELF", EXECUTABLE),  # Linux
    (b"\xfe\xed\xfa\xce", EXECUTABLE),  # Mach-O, both byte orders and widths, and fat
    (b"\xfe\xed\xfa\xcf", EXECUTABLE),
    (b"\xce\xfa\xed\xfe", EXECUTABLE),
    (b"\xcf\xfa\xed\xfe", EXECUTABLE),
    (b"\xca\xfe\xba\xbe", EXECUTABLE),
    (b"\x00asm", EXECUTABLE),  # WebAssembly
    (b"#!", lazy("script exécutable")),
    (b"GIF8", lazy("image GIF")),
    (b"II*\x00", lazy("image TIFF")),
    (b"MM\x00*", lazy("image TIFF")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     lazy("ancien format Microsoft Office (.doc, .xls, .ppt) ; enregistrez-le au format "
          ".docx, .xlsx, .pptx ou OpenDocument")),
    (b"Rar!\x1a\x07", ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", ARCHIVE),
    (b"\x1f\x8b", ARCHIVE),  # gzip
    (b"\xfd7zXZ\x00", ARCHIVE),
    (b"{\\rtf", lazy("document RTF ; enregistrez-le au format .odt, .docx ou PDF")),
    (b"%!PS", lazy("document PostScript ; enregistrez-le en PDF")),
    (b"OggS", MEDIA),
    (b"ID3", MEDIA),
    (b"fLaC", MEDIA),
    (b"\x1aE\xdf\xa3", MEDIA),  # Matroska, WebM
)  # fmt: skip

# ISO base media file format brands (ISO/IEC 23008-12 for HEIF, and its HEVC ones).
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
HEIF_BRANDS = {b"mif1", b"msf1"}
AVIF_BRANDS = {b"avif", b"avis"}

# The starts that make a browser treat content as HTML (WHATWG MIME Sniffing, § 7.1), plus
# SVG and XML. Such text is refused even though it would be served as text/plain.
MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br"
    r"|p|!--|svg|\?xml|!doctype\s+svg)(?=[\s>/]|$)",
    re.IGNORECASE,
)


def sniff(
    head: bytes,
    size: int,
    stream: BinaryIO | None = None,
    *,
    limits: ArchiveLimits = ArchiveLimits(),  # noqa: B008 (frozen, shared on purpose)
) -> FileKind:
    """The kind of a file of `size` bytes that starts with `head` (HEAD_BYTES of it, or all).

    `stream` (seekable, the whole file) is read when `head` is not the whole file and the
    answer needs more: the central directory of a ZIP-based document (at its end), and the
    rest of a text file (decoded whole: call it on files of the upload limit, not more).
    Raises UnsupportedFile with a French message: ``empty`` (no byte, or text of white
    space only), ``type`` (anything not accepted), and for ZIPs ``archive_limits``,
    ``encrypted``, ``corrupt`` (see `forum.media.archives`)."""
    if size <= 0 or not head:
        raise _empty()
    for signature, name in REFUSED_SIGNATURES:
        if head.startswith(signature):
            raise refused(name)
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF":
        raise refused(MEDIA)  # WAVE, AVI
    if head[4:8] == b"ftyp":
        return _iso_media(head)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        whole = len(head) >= size
        if stream is None and not whole:
            raise ValueError("sniff needs the stream of a ZIP-based file bigger than its head")
        source = io.BytesIO(head) if whole else stream
        return zip_document_kind(source, size, limits)
    if len(head) > 262 and head[257:262] == b"ustar":
        raise refused(ARCHIVE)
    return _text(head, size, stream)


def refused(name: str | LazyString | None = None) -> UnsupportedFile:
    """The refusal of a type, named when known (« … : image GIF. »)."""
    if name is None:
        return UnsupportedFile(
            lazy("Ce type de fichier n'est pas accepté. Formats acceptés : photos (JPEG, PNG, "
                 "WebP, HEIC), PDF, documents OpenDocument et Office, texte et CSV."),
        )  # fmt: skip
    return UnsupportedFile(lazy("Ce type de fichier n'est pas accepté : %(name)s.", name=name))


def _empty() -> UnsupportedFile:
    return UnsupportedFile(lazy("Le fichier est vide."), "empty")


def _iso_media(head: bytes) -> FileKind:
    """HEIC or HEIF from the brands of the `ftyp` box; AVIF, MP4, MOV… are refused."""
    box_size = int.from_bytes(head[:4], "big")
    brands = {head[8:12]} | {
        head[at : at + 4] for at in range(16, min(box_size, len(head), 512) - 3, 4)
    }
    if brands & AVIF_BRANDS and not brands & HEIC_BRANDS:
        raise refused(lazy("image AVIF"))
    if brands & HEIC_BRANDS:
        return HEIC
    if brands & HEIF_BRANDS:
        return HEIF
    raise refused(MEDIA)


def _text(head: bytes, size: int, stream: BinaryIO | None) -> FileKind:
    """Plain text or CSV, when the content decodes (UTF-8, Windows-1252, Latin-1) without
    control characters but tab, CR and LF; markup (HTML, SVG, XML) is refused."""
    data = head
    if len(head) < size and stream is not None:
        stream.seek(0)
        data = stream.read()
    complete = len(data) >= size
    encoding = detect_encoding(data, complete)
    if encoding is None:
        raise refused()
    sample = data[:HEAD_BYTES].decode(encoding, errors="ignore")
    if complete and len(data) <= HEAD_BYTES and not sample.strip("\ufeff \t\r\n"):
        raise _empty()
    start = sample.lstrip("\ufeff \t\r\n")[:1024]
    if MARKUP.match(start):
        lowered = start.lower()
        if "<svg" in lowered or "<!doctype svg" in lowered:
            raise refused(lazy("image SVG"))
        if lowered.startswith("<?xml"):
            raise refused(lazy("document XML"))
        raise refused(lazy("page web (HTML)"))
    return CSV if _is_csv(sample, cut=len(data) > HEAD_BYTES) else TEXT


def _is_csv(sample: str, cut: bool) -> bool:
    """True when csv.Sniffer finds a delimiter (, ; tab |) and every non-blank row of the
    sample then has the same number of fields, two at least, over two rows at least."""
    sample = sample[:16384]
    if cut or len(sample) == 16384:
        sample = sample[: sample.rfind("\n") + 1]  # no half line at the end
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        rows = [row for row in csv.reader(io.StringIO(sample), dialect) if any(row)]
    except csv.Error:
        return False
    widths = {len(row) for row in rows}
    return len(rows) >= 2 and len(widths) == 1 and widths.pop() >= 2
