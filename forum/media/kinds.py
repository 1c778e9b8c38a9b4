"""The kinds of file Maillage accepts: what each is, its MIME type, extension and label."""

from dataclasses import dataclass
from typing import Literal

from flask_babel import LazyString
from flask_babel import lazy_gettext as lazy

Family = Literal["image", "document", "text"]


@dataclass(frozen=True)
class FileKind:
    """One accepted type, decided from the content by `forum.media.sniff`.

    `key` is the stable name stored with a file (``jpeg``, ``pdf``, ``docx``…); `kind` the
    family that decides how it is processed and served (``image``: re-encoded variants;
    ``document``: served as an attachment, text extracted; ``text``: plain text and CSV);
    `mime` the Content-Type to serve it with; `extension` the canonical one, without a dot;
    `label` the French name shown next to the file (« Photo JPEG »)."""

    key: str
    kind: Family
    mime: str
    extension: str
    label: LazyString

    def __str__(self) -> str:
        return str(self.label)


JPEG = FileKind("jpeg", "image", "image/jpeg", "jpg", lazy("Photo JPEG"))
PNG = FileKind("png", "image", "image/png", "png", lazy("Image PNG"))
WEBP = FileKind("webp", "image", "image/webp", "webp", lazy("Image WebP"))
HEIC = FileKind("heic", "image", "image/heic", "heic", lazy("Photo HEIC"))
HEIF = FileKind("heif", "image", "image/heif", "heif", lazy("Image HEIF"))
PDF = FileKind("pdf", "document", "application/pdf", "pdf", lazy("PDF"))
ODT = FileKind(
    "odt", "document", "application/vnd.oasis.opendocument.text", "odt",
    lazy("Texte OpenDocument"),
)  # fmt: skip
ODS = FileKind(
    "ods", "document", "application/vnd.oasis.opendocument.spreadsheet", "ods",
    lazy("Classeur OpenDocument"),
)  # fmt: skip
ODP = FileKind(
    "odp", "document", "application/vnd.oasis.opendocument.presentation", "odp",
    lazy("Présentation OpenDocument"),
)  # fmt: skip
DOCX = FileKind(
    "docx", "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
    lazy("Document Word"),
)  # fmt: skip
XLSX = FileKind(
    "xlsx", "document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsx", lazy("Classeur Excel"),
)  # fmt: skip
PPTX = FileKind(
    "pptx", "document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
    lazy("Présentation PowerPoint"),
)  # fmt: skip
# Text may arrive in UTF-8, Windows-1252 or Latin-1: `forum.media.text.decode_text` reads it,
# and whoever stores it as UTF-8 serves it with "; charset=utf-8".
TEXT = FileKind("text", "text", "text/plain", "txt", lazy("Texte"))
CSV = FileKind("csv", "text", "text/csv", "csv", lazy("Tableau CSV"))

KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (JPEG, PNG, WEBP, HEIC, HEIF, PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, TEXT, CSV)
}
