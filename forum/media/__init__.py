"""Uploaded files, as a library: what a file is (`sniff`, from its content), its safe name
(`safe_filename`), photos re-encoded without their metadata (`forum.media.images`), the text
inside documents (`forum.media.extract`).

Pure functions over bytes and streams, with their limits as parameters: no request, no
database, no configuration read here; services pass the configured limits in. Refusals
are `UnsupportedFile` (a French message for the member), extraction failures
`ExtractionFailed` (for the log). `images` and `extract` load Pillow and the document
libraries: import them where files are processed, not with the app.
"""

from forum.media.archives import ArchiveLimits
from forum.media.errors import ExtractionFailed, UnsupportedFile
from forum.media.kinds import KINDS, FileKind
from forum.media.names import safe_filename
from forum.media.sniff import HEAD_BYTES, sniff

__all__ = [
    "HEAD_BYTES",
    "KINDS",
    "ArchiveLimits",
    "ExtractionFailed",
    "FileKind",
    "UnsupportedFile",
    "safe_filename",
    "sniff",
]
