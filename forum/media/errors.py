"""What the media library refuses: a file it will not accept, a document it cannot read."""

from flask_babel import LazyString


class UnsupportedFile(ValueError):
    """The file is refused: `message` says why in French (a lazy string, translated when shown),
    `code` names the reason for logs and tests: ``empty``, ``type``, ``archive_limits``
    (too many members or a zip bomb), ``encrypted``, ``corrupt``, ``image_too_large``,
    ``heic_unavailable``. A service turns it into a form error (400) under the file field."""

    def __init__(self, message: str | LazyString, code: str = "type"):
        super().__init__(message)
        self.message = message
        self.code = code


class ExtractionFailed(Exception):
    """The text of an accepted document could not be read (corrupt, encrypted, a library
    error): the caller logs a warning and keeps the file, searchable by its name only.
    The message is for the log, in English."""
