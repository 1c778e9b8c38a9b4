"""The storage contract (forum/storage), run against both backends: the local folder and
S3 on a real SeaweedFS started by the tests (tests/storage_server.py). Then what only one
of them has: direct URLs, a service that is down, the French 503, the configuration."""

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from flask import Flask

from forum import ROOT, create_app
from forum.extensions import db
from forum.storage import (
    InvalidKey,
    LocalStorage,
    Storage,
    StorageUnavailable,
    StoredFileMissing,
    content_disposition,
    storage,
)
from forum.storage.s3 import S3Storage

MB = 1024 * 1024


@pytest.fixture
def s3(seaweedfs):
    """Make S3Storage backends on the tests' SeaweedFS (a fresh bucket each); closed after."""
    made = []

    def make(bucket: str | None = None, **options) -> S3Storage:
        made.append(seaweedfs.storage(bucket, **options))
        return made[-1]

    yield make
    for backend in made:
        backend.close()


@pytest.fixture(params=["local", "s3"])
def backend(request, tmp_path) -> Storage:
    """Each contract test runs once per backend."""
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    return request.getfixturevalue("s3")()


def payload(size: int, seed: bytes = b"maillage") -> bytes:
    """`size` bytes that differ from one block to the next (a shifted chunk would show)."""
    blocks, n = [], 0
    while sum(map(len, blocks)) < size:
        blocks.append(hashlib.sha256(seed + n.to_bytes(8, "big")).digest() * 1024)
        n += 1
    return b"".join(blocks)[:size]


class SlowStream:
    """A readable stream that hands out its data in small pieces, pausing between them:
    an upload arriving on a slow rural line."""

    def __init__(self, data: bytes, piece: int = 256 * 1024, pause: float = 0.01) -> None:
        self.data, self.position, self.piece, self.pause = data, 0, piece, pause

    def read(self, size: int = -1) -> bytes:
        time.sleep(self.pause)
        size = self.piece if size is None or size < 0 else min(size, self.piece)
        chunk = self.data[self.position : self.position + size]
        self.position += len(chunk)
        return chunk


class BrokenStream(SlowStream):
    """Fails after `fail_after` bytes: the browser went away mid-upload."""

    def __init__(self, data: bytes, fail_after: int) -> None:
        super().__init__(data, pause=0)
        self.fail_after = fail_after

    def read(self, size: int = -1) -> bytes:
        if self.position >= self.fail_after:
            raise ConnectionResetError("upload interrupted")
        return super().read(size)


def read_all(backend: Storage, key: str) -> bytes:
    with backend.open(key) as stream:
        return stream.read()


# --- the contract, on both backends -------------------------------------------------


def test_backends_follow_the_protocol(backend):
    assert isinstance(backend, Storage)


def test_bytes_round_trip(backend):
    backend.put("reports/1/compte-rendu.txt", "Séance du 12 mars".encode(), "text/plain")
    assert read_all(backend, "reports/1/compte-rendu.txt") == "Séance du 12 mars".encode()
    assert backend.size("reports/1/compte-rendu.txt") == len("Séance du 12 mars".encode())


def test_empty_object_round_trip(backend):
    backend.put("empty.txt", b"", "text/plain")
    assert backend.exists("empty.txt")
    assert backend.size("empty.txt") == 0
    assert read_all(backend, "empty.txt") == b""


def test_large_stream_round_trip(backend):
    """12 MB from a stream: several reads, and on S3 a multipart upload."""
    data = payload(12 * MB)
    backend.put("attachments/7/diaporama.pdf", SlowStream(data, pause=0), "application/pdf")
    assert backend.size("attachments/7/diaporama.pdf") == len(data)
    with backend.open("attachments/7/diaporama.pdf") as stream:
        pieces = []
        while chunk := stream.read(MB):  # read as it comes, not all at once
            pieces.append(chunk)
    assert hashlib.sha256(b"".join(pieces)).digest() == hashlib.sha256(data).digest()


def test_overwrite_replaces_the_object(backend):
    backend.put("photos/a.jpg", b"first version, longer than the second", "image/jpeg")
    backend.put("photos/a.jpg", b"second", "image/jpeg")
    assert read_all(backend, "photos/a.jpg") == b"second"
    assert backend.size("photos/a.jpg") == 6
    assert list(backend.keys("photos/")) == ["photos/a.jpg"]


def test_reader_never_sees_half_an_object(backend):
    """While a large object arrives slowly over an older one, a reader in another thread
    gets the old one or the new one, whole, and never a part of the new one."""
    old, new = payload(1 * MB, b"old"), payload(12 * MB, b"new")
    key = "attachments/9/grille.ods"
    backend.put(key, old, "application/vnd.oasis.opendocument.spreadsheet")
    writer = threading.Thread(target=backend.put, args=(key, SlowStream(new), "application/x"))
    seen, errors = set(), []
    writer.start()
    while writer.is_alive() or not seen:
        try:
            content = read_all(backend, key)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
            break
        digest = hashlib.sha256(content).digest()
        assert digest in {hashlib.sha256(old).digest(), hashlib.sha256(new).digest()}, len(content)
        seen.add("new" if content == new else "old")
    writer.join()
    assert not errors
    assert "old" in seen  # the reader really read during the write
    assert read_all(backend, key) == new


def test_new_object_is_absent_until_complete(backend):
    """A first write of a key: `exists` is False, then the whole object is there."""
    data = payload(10 * MB, b"first")
    writer = threading.Thread(target=backend.put, args=("slow/new.bin", SlowStream(data), "x/y"))
    writer.start()
    while writer.is_alive():
        if backend.exists("slow/new.bin"):
            assert read_all(backend, "slow/new.bin") == data
        time.sleep(0.02)
    writer.join()
    assert read_all(backend, "slow/new.bin") == data


def test_interrupted_upload_keeps_the_old_object(backend):
    backend.put("doc/plan.pdf", b"the complete old plan", "application/pdf")
    with pytest.raises(ConnectionResetError):
        backend.put("doc/plan.pdf", BrokenStream(payload(3 * MB), MB), "application/pdf")
    with pytest.raises(ConnectionResetError):
        backend.put("doc/other.pdf", BrokenStream(payload(3 * MB), MB), "application/pdf")
    assert read_all(backend, "doc/plan.pdf") == b"the complete old plan"
    assert not backend.exists("doc/other.pdf")
    assert list(backend.keys()) == ["doc/plan.pdf"]  # nothing half-written left behind


def test_delete_is_idempotent(backend):
    backend.put("tmp/x.txt", b"x", "text/plain")
    backend.delete("tmp/x.txt")
    assert not backend.exists("tmp/x.txt")
    backend.delete("tmp/x.txt")
    backend.delete("never/stored.txt")


def test_exists_and_size(backend):
    assert not backend.exists("a/b.csv")
    backend.put("a/b.csv", b"date;territoire\n", "text/csv")
    assert backend.exists("a/b.csv")
    assert backend.size("a/b.csv") == 16
    assert not backend.exists("a")  # a folder of keys is not an object


def test_missing_key(backend):
    with pytest.raises(StoredFileMissing):
        backend.open("absent/file.pdf")
    with pytest.raises(StoredFileMissing):
        backend.size("absent/file.pdf")
    backend.put("present/file.pdf", b"%PDF", "application/pdf")
    with pytest.raises(StoredFileMissing):
        backend.open("present")


def test_keys_with_prefix(backend):
    for key in ("reports/2/b.png", "reports/1/a.pdf", "reports/10/c.txt", "posts/1/d.txt"):
        backend.put(key, key.encode(), "application/octet-stream")
    assert list(backend.keys()) == [
        "posts/1/d.txt",
        "reports/1/a.pdf",
        "reports/10/c.txt",
        "reports/2/b.png",
    ]
    assert list(backend.keys("reports/")) == [
        "reports/1/a.pdf",
        "reports/10/c.txt",
        "reports/2/b.png",
    ]
    assert list(backend.keys("reports/1")) == ["reports/1/a.pdf", "reports/10/c.txt"]
    assert list(backend.keys("reports/1/")) == ["reports/1/a.pdf"]
    assert list(backend.keys("nothing/")) == []


INVALID_KEYS = [
    "",
    "/etc/passwd",
    "../outside",
    "a/../../b",
    "a/..",
    "a//b",
    "a/",
    "Upper.pdf",
    "espace dedans.txt",
    "accentué.txt",
    "a\x00b",
    "a\\b",
    ".hidden",
    "a/.tmp-123",
    "x" * 201,
]


@pytest.mark.parametrize("key", INVALID_KEYS)
def test_invalid_keys_are_refused(backend, key):
    for call in (
        lambda: backend.put(key, b"x", "text/plain"),
        lambda: backend.open(key),
        lambda: backend.delete(key),
        lambda: backend.exists(key),
        lambda: backend.size(key),
        lambda: backend.url(key, "f.txt", False, 60),
    ):
        with pytest.raises(InvalidKey):
            call()


def test_longest_valid_key(backend):
    key = "a/" + "b" * 198
    backend.put(key, b"ok", "text/plain")
    assert read_all(backend, key) == b"ok"


def test_invalid_prefix_is_refused(backend):
    for prefix in ("../", "/abs", "A"):
        with pytest.raises(InvalidKey):
            list(backend.keys(prefix))


# --- direct URLs --------------------------------------------------------------------


def test_local_key_cannot_be_both_a_file_and_a_folder(tmp_path):
    """S3 would keep `a/b` and `a/b/c` side by side; a folder cannot: a clear refusal."""
    backend = LocalStorage(tmp_path)
    backend.put("a/b", b"file", "text/plain")
    with pytest.raises(InvalidKey, match="in the way"):
        backend.put("a/b/c", b"x", "text/plain")
    backend.put("x/y/z", b"file", "text/plain")
    with pytest.raises(InvalidKey, match="folder of other keys"):
        backend.put("x/y", b"x", "text/plain")
    assert list(backend.keys()) == ["a/b", "x/y/z"]


def test_local_storage_has_no_direct_url(tmp_path):
    backend = LocalStorage(tmp_path)
    backend.put("f/plan.pdf", b"%PDF", "application/pdf")
    assert backend.url("f/plan.pdf", "plan.pdf", False, 300) is None


def test_s3_presigned_url_serves_the_file_with_its_name(s3):
    backend = s3()
    data = payload(300 * 1024)
    backend.put("attachments/3/abc.pdf", data, "application/pdf")
    url = backend.url("attachments/3/abc.pdf", "Compte rendu — séance 2.pdf", False, 300)
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == data
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["Content-Disposition"] == content_disposition(
            "Compte rendu — séance 2.pdf", inline=False
        )
        assert (
            "filename*=UTF-8''Compte%20rendu%20%E2%80%94%20s%C3%A9ance%202.pdf"
            in (response.headers["Content-Disposition"])
        )
    inline = backend.url("attachments/3/abc.pdf", "photo.jpg", True, 300, content_type="image/jpeg")
    with urllib.request.urlopen(inline, timeout=10) as response:
        assert response.headers["Content-Disposition"] == "inline; filename=photo.jpg"
        assert response.headers["Content-Type"] == "image/jpeg"


def test_s3_presigned_url_expires_and_cannot_be_altered(s3):
    backend = s3()
    backend.put("private/a.txt", b"secret", "text/plain")
    url = backend.url("private/a.txt", "a.txt", False, 1)
    time.sleep(2.1)
    with pytest.raises(urllib.error.HTTPError) as expired:
        urllib.request.urlopen(url, timeout=10)
    expired.value.close()
    assert expired.value.code == 403
    url = backend.url("private/a.txt", "a.txt", False, 300)
    with pytest.raises(urllib.error.HTTPError) as altered:
        urllib.request.urlopen(url.replace("private/a.txt", "private/b.txt"), timeout=10)
    altered.value.close()
    assert altered.value.code == 403


def test_s3_without_presigned_urls_streams_through_the_app(s3):
    backend = s3(presigned=False)
    backend.put("a.txt", b"a", "text/plain")
    assert backend.url("a.txt", "a.txt", False, 60) is None


def test_content_disposition_cannot_be_broken_by_a_name():
    header = content_disposition('rapport"\r\nSet-Cookie: x=1.pdf', inline=False)
    assert "\r" not in header and "\n" not in header
    assert header.startswith("attachment; filename=")
    assert content_disposition("", inline=True) == "inline; filename=fichier"
    assert content_disposition("a b.pdf", inline=True) == 'inline; filename="a b.pdf"'


# --- the service down or refusing ---------------------------------------------------


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens once closed


def test_s3_unreachable_raises_storage_unavailable(closed_port):
    backend = S3Storage(
        "maillage", endpoint_url=f"http://127.0.0.1:{closed_port}", access_key="k", secret_key="s"
    )
    started = time.monotonic()
    for call in (
        lambda: backend.put("a.txt", b"a", "text/plain"),
        lambda: backend.open("a.txt"),
        lambda: backend.exists("a.txt"),
        lambda: backend.size("a.txt"),
        lambda: backend.delete("a.txt"),
        lambda: list(backend.keys()),
    ):
        with pytest.raises(StorageUnavailable, match="unreachable.*FORUM_S3_ENDPOINT_URL"):
            call()
    assert time.monotonic() - started < 30  # a few quick retries, not a hang


def test_s3_wrong_secret_raises_storage_unavailable(s3):
    backend = s3(create=False, secret_key="not-the-secret")
    with pytest.raises(StorageUnavailable, match="refused.*FORUM_S3_SECRET_KEY"):
        backend.put("a.txt", b"a", "text/plain")
    with pytest.raises(StorageUnavailable, match="refused"):
        backend.open("a.txt")


def test_s3_creates_its_bucket_at_the_first_write(s3):
    backend = s3("created-on-write", create=False)
    assert "created-on-write" not in {
        bucket["Name"] for bucket in backend.client.list_buckets()["Buckets"]
    }
    backend.put("first.txt", b"1", "text/plain")
    assert read_all(backend, "first.txt") == b"1"


def test_storage_unavailable_is_a_french_503(migrated, tmp_path, closed_port):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": migrated,
            "SEARCH_DIR": str(tmp_path / "search"),
            "STORAGE_BACKEND": "s3",
            "S3_ENDPOINT_URL": f"http://127.0.0.1:{closed_port}",
            "S3_ACCESS_KEY": "k",
            "S3_SECRET_KEY": "s",
        },
        env="testing",
    )

    @app.get("/test-file")
    def read_file():
        return storage().open("attachments/1/a.pdf").read()

    try:
        response = app.test_client().get("/test-file")
    finally:
        with app.app_context():
            db.engine.dispose()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert "Les fichiers sont momentanément inaccessibles" in response.get_data(as_text=True)


# --- configuration ------------------------------------------------------------------


def test_local_storage_by_default(app: Flask, tmp_path):
    backend = storage()
    assert isinstance(backend, LocalStorage)
    assert backend.root == tmp_path / "files"  # the tests' app_config; instance/files otherwise
    assert not backend.root.exists()  # created at the first write, not by the app


def test_unknown_backend_is_refused(migrated):
    with pytest.raises(RuntimeError, match="STORAGE_BACKEND must be 'local' or 's3'"):
        create_app({"SQLALCHEMY_DATABASE_URI": migrated, "STORAGE_BACKEND": "ftp"}, env="testing")


def test_s3_settings_from_the_environment(tmp_path):
    env = {
        "FORUM_ENV": "testing",
        "FORUM_INSTANCE_DIR": str(tmp_path),
        "FORUM_STORAGE_BACKEND": "s3",
        "FORUM_S3_ENDPOINT_URL": "http://127.0.0.1:9",
        "FORUM_S3_BUCKET": "fichiers-maillage",
        "FORUM_S3_ACCESS_KEY": "cle-acces",
        "FORUM_S3_SECRET_KEY": "cle-secrete",
        "FORUM_S3_REGION": "fr-par",
        "FORUM_S3_PRESIGNED": "0",
        "PATH": os.environ.get("PATH", ""),
    }
    code = (
        "from forum import create_app; "
        "s = create_app().extensions['storage']; c = s.client; "
        "print(type(s).__name__, s.bucket, s.presigned, c.meta.endpoint_url, "
        "c.meta.region_name, c._request_signer._credentials.access_key)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "fichiers-maillage",
        "False",
        "http://127.0.0.1:9",
        "fr-par",
        "cle-acces",
    ]
