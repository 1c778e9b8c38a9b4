"""The storage interface, its errors and its keys: what every backend shares."""

import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO, Protocol, runtime_checkable
from urllib.parse import quote

from werkzeug.http import dump_options_header

MAX_KEY_LENGTH = 200
# Segments of lowercase letters, digits, dot, dash, underscore, separated by single
# slashes; a segment never starts with a dot (no `.`, `..`, hidden or temporary files).
KEY_RE = re.compile(r"[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*")
PREFIX_RE = re.compile(r"[a-z0-9/._-]*")


class StorageError(Exception):
    """Base of the storage errors."""


class InvalidKey(StorageError, ValueError):
    """A key outside the allowed alphabet or shape: refused before touching anything."""


class StoredFileMissing(StorageError, LookupError):
    """No object under this key."""


class StorageUnavailable(StorageError):
    """The storage does not answer or refuses us (network, credentials, full disk): the
    request becomes a 503 (forum/errors.py), not a 500."""


def validate_key(key: str) -> str:
    """The key itself if it is valid: `[a-z0-9/._-]`, no `..`, no leading or trailing `/`,
    no empty segment, no segment starting with a dot, at most 200 characters."""
    if (
        not isinstance(key, str)
        or len(key) > MAX_KEY_LENGTH
        or ".." in key
        or not KEY_RE.fullmatch(key)
    ):
        raise InvalidKey(f"invalid storage key: {key!r}")
    return key


def validate_prefix(prefix: str) -> str:
    """A prefix for `keys()`: the key alphabet, possibly empty or ending with `/`."""
    if (
        not isinstance(prefix, str)
        or len(prefix) > MAX_KEY_LENGTH
        or ".." in prefix
        or prefix.startswith("/")
        or not PREFIX_RE.fullmatch(prefix)
    ):
        raise InvalidKey(f"invalid storage key prefix: {prefix!r}")
    return prefix


def content_disposition(filename: str, inline: bool) -> str:
    """`attachment` (or `inline`) with the file's name: an ASCII `filename` for old clients
    and the exact UTF-8 name in `filename*` (RFC 6266), control characters removed so that
    a name can never break the header."""
    name = "".join(c for c in filename if unicodedata.category(c)[0] != "C").strip() or "fichier"
    options = {}
    try:
        options["filename"] = name.encode("ascii").decode("ascii")
    except UnicodeEncodeError:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        options["filename"] = ascii_name.strip() or "fichier"
        options["filename*"] = "UTF-8''" + quote(name, safe="!#$&+^`|~.-_")
    return dump_options_header("inline" if inline else "attachment", options)


@runtime_checkable
class Storage(Protocol):
    """What every backend offers. Keys are checked with `validate_key` (InvalidKey)."""

    def put(self, key: str, data: BinaryIO | bytes, content_type: str) -> None:
        """Store `data` under `key`, replacing what was there; atomic: a reader sees the
        old object (or none) until the new one is complete, never half of it."""

    def open(self, key: str) -> BinaryIO:
        """A readable binary file object (the caller closes it); StoredFileMissing if absent."""

    def delete(self, key: str) -> None:
        """Remove the object; nothing happens if it is already gone."""

    def exists(self, key: str) -> bool:
        """Whether an object is stored under `key`."""

    def size(self, key: str) -> int:
        """Its size in bytes; StoredFileMissing if absent."""

    def keys(self, prefix: str = "") -> Iterator[str]:
        """Every stored key starting with `prefix`, in lexicographic order (backups, checks)."""

    def url(
        self,
        key: str,
        filename: str,
        inline: bool,
        expires: int,
        *,
        content_type: str | None = None,
    ) -> str | None:
        """A direct URL that serves the object for `expires` seconds, with its
        Content-Disposition (and Content-Type if given), or None: the app streams it."""
