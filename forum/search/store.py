"""The Whoosh index on disk: generations, one writer at a time, a reused searcher.

Layout: SEARCH_DIR/current is a symlink to the live generation (SEARCH_DIR/gen-<stamp>).
A rebuild writes a new generation beside it and swaps the link atomically, so readers
keep the old index until the new one is complete.
"""

import fcntl
import os
import shutil
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.reading import MultiReader, SegmentReader
from whoosh.searching import Searcher

from forum.search.schema import build_schema, settings

SETTINGS_FILE = "maillage-settings.json"


class IndexUnavailable(Exception):
    """The index directory is missing or unreadable; search waits for a rebuild."""


class IndexStore:
    """Where the index lives, and the per-process searcher reused across requests."""

    def __init__(self, root: str, mmap: bool = False):
        self.root = Path(root)
        # Without mmap, a file truncated or overwritten under a live searcher raises an
        # error we catch; with mmap it raises SIGBUS, which kills the whole worker process.
        self.mmap = mmap
        self._searcher = None
        self._searcher_lock = threading.Lock()
        self._pid = os.getpid()

    @property
    def current(self) -> Path:
        return self.root / "current"

    def exists(self) -> bool:
        # A table of contents is there (whether it reads is for open() to find out:
        # whoosh's exists_in() leaks the file handle when it cannot parse it).
        return self.current.is_dir() and any(self.current.glob("_MAIN_*.toc"))

    def open(self):
        try:
            if not self.exists():
                raise IndexUnavailable("no index")
            # Built under other analysis settings (an upgrade changed them): its terms no
            # longer meet the queries' terms. Unavailable, so the drainer rebuilds it.
            marker = self.current / SETTINGS_FILE
            built = marker.read_text() if marker.exists() else ""
            if built.strip() != settings()["fingerprint"]:
                raise IndexUnavailable("index built with other analysis settings")
            # The resolved generation, not the symlink: a writer or searcher opened before a
            # rebuild swaps `current` must keep using the files it started with.
            storage = FileStorage(str(self.current.resolve()), supports_mmap=self.mmap)
            return index.FileIndex(storage, indexname=index._DEF_INDEX_NAME)
        except IndexUnavailable:
            raise
        except Exception as error:  # corrupt files, half-deleted directories…
            raise IndexUnavailable(str(error)) from error

    def create_generation(self) -> tuple[Path, object]:
        self.root.mkdir(parents=True, exist_ok=True)
        path = (
            self.root
            / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        )
        path.mkdir()
        try:
            (path / SETTINGS_FILE).write_text(settings()["fingerprint"])
            return path, index.create_in(str(path), build_schema())
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)  # a full disk, say: leave nothing behind
            raise

    def publish_generation(self, path: Path) -> None:
        """Point `current` at a finished generation atomically."""
        link = self.root / f"current.{os.getpid()}.tmp"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(path.name)
        os.replace(link, self.current)

    def prune(self) -> None:
        """Drop old generations, keeping the one before the live one for readers still on it."""
        live = os.readlink(self.current) if self.current.is_symlink() else None
        older = sorted(p for p in self.root.glob("gen-*") if p.name != live)
        for old in older[:-1]:
            shutil.rmtree(old, ignore_errors=True)

    @contextmanager
    def rebuild_lock(self, blocking: bool):
        """One rebuild at a time across processes (gunicorn workers, the CLI): yields
        whether the lock was obtained (always True when blocking)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "rebuild.lock", "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def ensure(self) -> None:
        """Create an empty index if there is none (a fresh install)."""
        if not self.exists():
            path, _ = self.create_generation()
            self.publish_generation(path)

    def searcher(self):
        """A searcher shared by this process's requests, refreshed when the index moved on.
        Opening one costs ~200 ms on a large index; refreshing reuses unchanged segments."""
        with self._searcher_lock:
            if self._pid != os.getpid():  # forked (gunicorn): never share file handles
                self._searcher, self._pid = None, os.getpid()
            if self._searcher is not None:
                try:
                    target = os.readlink(self.current)
                except OSError as error:
                    self.close()
                    raise IndexUnavailable(str(error)) from error
                if getattr(self._searcher, "_maillage_generation", None) != target:
                    self.close()
                else:
                    try:
                        if not self._searcher.up_to_date():
                            self._searcher = _tag(_refreshed(self._searcher), target)
                        return self._searcher
                    except Exception as error:
                        self.close()
                        raise IndexUnavailable(str(error)) from error
            ix = self.open()
            try:
                self._searcher = _tag(ix.searcher(), os.readlink(self.current))
            except Exception as error:
                raise IndexUnavailable(str(error)) from error
            return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # already broken; nothing to release
                pass
            self._searcher = None

    def writer(self, ix, wait: float = 0.0):
        """The index's single writer, or LockError at once when another process holds it."""
        return ix.writer(timeout=wait, delay=0.05)


def _refreshed(searcher):
    """A searcher on the index's latest generation, reusing the readers of unchanged segments.

    Whoosh's own `refresh()` matches segments by id only, so it keeps a reader whose segment
    has gained deletions since: edited or deleted reports would stay findable. Here a reader
    is reused only if its segment id *and* deletion count are unchanged."""
    ix = searcher._ix
    toc = ix._read_toc()
    old = {
        r.segment().segment_id(): r
        for r, _ in searcher.reader().leaf_readers()
        if r.segment() is not None
    }
    readers = []
    for segment in toc.segments:
        reader = old.get(segment.segment_id())
        if reader is not None and reader.segment().deleted_count() == segment.deleted_count():
            del old[segment.segment_id()]
        else:
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        readers.append(reader)
    for unused in old.values():
        unused.close()
    if not readers:
        return ix.searcher()
    reader = readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)
    return Searcher(reader, fromindex=ix)


def _tag(searcher, generation: str):
    searcher._maillage_generation = generation
    return searcher


def log_failure(logger, message: str, *args) -> None:
    """Log the current exception with its traceback as text: a record holding the traceback
    object would keep whoosh's frames, and the files they leave open, alive."""
    logger.error(message + "\n%s", *args, traceback.format_exc().rstrip())


__all__ = ["IndexStore", "IndexUnavailable", "LockError", "log_failure"]
