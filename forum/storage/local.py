"""Files in a folder of this server, one file per key (the default backend)."""

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from forum.storage.base import (
    InvalidKey,
    StorageUnavailable,
    StoredFileMissing,
    validate_key,
    validate_prefix,
)

CHUNK = 1024 * 1024
# Temporary files start with a dot, which no key segment may (forum/storage/base.py):
# `keys()` skips them and a key can never name one.
TEMP_PREFIX = ".tmp-"
# Failures of the storage itself (an operator's matter: 503); any other error, such as the
# caller's stream breaking (the browser went away), propagates as it is.
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.EIO}


class LocalStorage:
    """Under `root`, the key is the relative path. A write goes to a temporary file in the
    same folder, is flushed to disk, then renamed over the target: a reader opens the
    old file or the new one, never a half-written one, even if the worker dies mid-write."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)  # created at the first write, not here (CLI, tests)

    def __repr__(self) -> str:
        return f"LocalStorage({str(self.root)!r})"

    def _path(self, key: str) -> Path:
        return self.root / validate_key(key)

    def put(self, key: str, data: BinaryIO | bytes, content_type: str) -> None:
        # content_type is not kept here: the app records it with the file's row.
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
        except (FileExistsError, NotADirectoryError) as error:
            raise InvalidKey(f"{key!r}: a stored file is in the way of its folder") from error
        except OSError as error:
            raise StorageUnavailable(f"cannot write under {self.root}: {error}") from error
        try:
            with os.fdopen(fd, "wb") as out:
                if isinstance(data, bytes | bytearray | memoryview):
                    out.write(data)
                else:
                    shutil.copyfileobj(data, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except BaseException as error:
            Path(temp).unlink(missing_ok=True)
            if isinstance(error, IsADirectoryError):
                raise InvalidKey(f"{key!r} is a folder of other keys") from error
            if isinstance(error, OSError) and error.errno in STORAGE_ERRNOS:
                raise StorageUnavailable(f"cannot write {path}: {error}") from error
            raise
        _fsync_folder(path.parent)  # the rename itself survives a power cut

    def open(self, key: str) -> BinaryIO:
        path = self._path(key)
        try:
            return path.open("rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
            raise StoredFileMissing(key) from error
        except OSError as error:
            raise StorageUnavailable(f"cannot read {path}: {error}") from error

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            pass
        except IsADirectoryError:
            pass  # a folder of other keys, not an object: nothing stored under this key
        except OSError as error:
            raise StorageUnavailable(f"cannot delete {path}: {error}") from error

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        path = self._path(key)
        if not path.is_file():
            raise StoredFileMissing(key)
        try:
            return path.stat().st_size
        except FileNotFoundError as error:  # deleted in between
            raise StoredFileMissing(key) from error

    def keys(self, prefix: str = "") -> Iterator[str]:
        validate_prefix(prefix)
        # Walk only the folder the prefix points into; filter the rest by name.
        start = self.root / prefix.rpartition("/")[0]
        found = []
        for folder, subfolders, files in os.walk(start):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            relative = Path(folder).relative_to(self.root).as_posix()
            for name in files:
                if name.startswith("."):
                    continue  # a write under way
                key = name if relative == "." else f"{relative}/{name}"
                if key.startswith(prefix):
                    found.append(key)
        yield from sorted(found)

    def url(
        self,
        key: str,
        filename: str,
        inline: bool,
        expires: int,
        *,
        content_type: str | None = None,
    ) -> str | None:
        validate_key(key)
        return None  # no direct URL: the app streams the file itself


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(fd)
