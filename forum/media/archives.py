"""ZIP-based documents (OpenDocument, Office Open XML): which one a ZIP holds, read from
its central directory within limits, so that a zip bomb is refused before anything is
decompressed.

Only two members are ever decompressed here, each bounded: ``mimetype`` (OpenDocument) and
``[Content_Types].xml`` (Office Open XML). The limits hold the *declared* sizes of the
central directory, which is what Python's zipfile (used by every extraction library) trusts
when it decompresses: it stops at a member's declared size and raises on a CRC mismatch.
"""

import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from flask_babel import lazy_gettext as lazy

from forum.media.errors import UnsupportedFile
from forum.media.kinds import DOCX, ODP, ODS, ODT, PPTX, XLSX, FileKind

KIB = 1024
MIB = 1024 * KIB

EOCD = b"PK\x05\x06"  # end of central directory record, 22 bytes + a comment of ≤ 65,535
EOCD_SIZE = 22
ZIP64_LOCATOR = b"PK\x06\x07"  # 20 bytes, just before the end record
ZIP64_EOCD = b"PK\x06\x06"

OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}
# The content type of each format's main part (ECMA-376 part 1, §11.3, §12.3, §13.3).
OFFICE_MAIN_PARTS = {
    b"wordprocessingml.document.main+xml": DOCX,
    b"spreadsheetml.sheet.main+xml": XLSX,
    b"presentationml.presentation.main+xml": PPTX,
}

BROKEN = lazy("Le fichier est endommagé ou incomplet : enregistrez-le à nouveau puis réessayez.")


@dataclass(frozen=True)
class ArchiveLimits:
    """What a ZIP-based document may declare before it is refused as a zip bomb.

    - `max_members`: entries of the central directory. A long Office or OpenDocument file
      holds a few hundred (one part per slide, image, sheet); 2,000 is far above that.
    - `max_directory_bytes`: size of the central directory itself, checked before Python's
      zipfile parses it (it builds one object per entry: this bounds that memory).
    - `max_uncompressed_bytes`: the sum of the declared uncompressed sizes (100 MiB: ten
      times the 10 MB upload limit of issue 14; the extraction libraries hold whole XML
      parts in memory).
    - `max_ratio`: uncompressed / compressed size of one member, checked for members over
      `ratio_grace_bytes`. 100 is Apache POI's default (ZipSecureFile's minimum inflate
      ratio of 0.01), which real Office files stay under; deflate's own maximum is about
      1,032 (D. Fifield, « A better zip bomb », 2019)."""

    max_members: int = 2000
    max_directory_bytes: int = 1 * MIB
    max_uncompressed_bytes: int = 100 * MIB
    max_ratio: int = 100
    ratio_grace_bytes: int = 1 * MIB


def zip_document_kind(stream: BinaryIO, size: int, limits: ArchiveLimits) -> FileKind:
    """The OpenDocument or Office Open XML kind of the ZIP in `stream` (seekable, `size`
    bytes). Raises UnsupportedFile: ``archive_limits`` (over `limits`), ``encrypted``,
    ``corrupt``, ``type`` (a ZIP of anything else, a macro-enabled or template file)."""
    try:
        members, directory_bytes = _directory_size(stream, size)
        if members > limits.max_members or directory_bytes > limits.max_directory_bytes:
            raise _too_many(limits)
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            _check_limits(infos, limits)
            if any(info.flag_bits & 0x1 for info in infos):
                raise UnsupportedFile(
                    lazy("Le fichier est protégé par un mot de passe : enregistrez-le sans "
                         "protection puis réessayez."),
                    "encrypted",
                )  # fmt: skip
            names = {info.filename for info in infos}
            if "mimetype" in names:
                return _opendocument(_read_member(archive, "mimetype", 200))
            if "[Content_Types].xml" in names:
                return _office(_read_member(archive, "[Content_Types].xml", 1 * MIB))
    except UnsupportedFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError,
            OSError, ValueError, NotImplementedError) as error:  # fmt: skip
        raise UnsupportedFile(BROKEN, "corrupt") from error
    raise UnsupportedFile(
        lazy("Ce type de fichier n'est pas accepté : archive compressée. Joignez les fichiers "
             "un par un."),
    )  # fmt: skip


def _directory_size(stream: BinaryIO, size: int) -> tuple[int, int]:
    """(number of entries, bytes) of the central directory, from the end record (ZIP64's
    when the classic one overflows), before zipfile reads it. BadZipFile when not found."""
    tail_start = max(0, size - EOCD_SIZE - 0xFFFF)
    stream.seek(tail_start)
    tail = stream.read(size - tail_start)
    at = tail.rfind(EOCD)
    if at < 0 or len(tail) - at < EOCD_SIZE:
        raise zipfile.BadZipFile("no end of central directory")
    members, directory_bytes = struct.unpack("<10xHI6x", tail[at : at + EOCD_SIZE])
    if members != 0xFFFF and directory_bytes != 0xFFFFFFFF:
        return members, directory_bytes
    locator_at = at - 20
    if locator_at < 0 or tail[locator_at : locator_at + 4] != ZIP64_LOCATOR:
        raise zipfile.BadZipFile("no ZIP64 locator")
    (record_offset,) = struct.unpack("<8xQ4x", tail[locator_at : locator_at + 20])
    stream.seek(record_offset)
    record = stream.read(56)
    if record[:4] != ZIP64_EOCD or len(record) < 56:
        raise zipfile.BadZipFile("no ZIP64 end record")
    members, directory_bytes = struct.unpack("<32xQQ8x", record)
    return members, directory_bytes


def _check_limits(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(infos) > limits.max_members:
        raise _too_many(limits)
    total = 0
    for info in infos:
        total += info.file_size
        if (
            info.file_size > limits.ratio_grace_bytes
            and info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ) or total > limits.max_uncompressed_bytes:
            raise UnsupportedFile(
                lazy("Le fichier est refusé : une fois décompressé, il occuperait une place "
                     "démesurée (bombe de décompression)."),
                "archive_limits",
            )  # fmt: skip


def _too_many(limits: ArchiveLimits) -> UnsupportedFile:
    return UnsupportedFile(
        lazy("Le fichier est refusé : il contient trop d'éléments (plus de %(max)d).",
             max=limits.max_members),
        "archive_limits",
    )  # fmt: skip


def _read_member(archive: zipfile.ZipFile, name: str, max_bytes: int) -> bytes:
    """The member `name`, if it declares at most `max_bytes` (else b"": not a document)."""
    if archive.getinfo(name).file_size > max_bytes:
        return b""
    with archive.open(name) as member:
        return member.read(max_bytes)


def _opendocument(mimetype: bytes) -> FileKind:
    kind = OPENDOCUMENT.get(mimetype.strip())
    if kind is None:
        raise UnsupportedFile(
            lazy("Ce type de fichier n'est pas accepté : seuls les textes, classeurs et "
                 "présentations OpenDocument (.odt, .ods, .odp) le sont."),
        )  # fmt: skip
    return kind


def _office(content_types: bytes) -> FileKind:
    if b"macroEnabled" in content_types:
        raise UnsupportedFile(
            lazy("Ce type de fichier n'est pas accepté : document avec macros. "
                 "Enregistrez-le sans macros (.docx, .xlsx, .pptx) puis réessayez."),
        )  # fmt: skip
    for main_part, kind in OFFICE_MAIN_PARTS.items():
        if main_part in content_types:
            return kind
    raise UnsupportedFile(
        lazy("Ce type de fichier n'est pas accepté : seuls les documents Word, Excel et "
             "PowerPoint (.docx, .xlsx, .pptx) le sont."),
    )  # fmt: skip
