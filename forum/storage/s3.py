"""Files in an S3-compatible object store (AWS S3, SeaweedFS, MinIO, Garage, Scaleway…),
for a deployment on several servers. boto3 signs and retries the requests and splits large
uploads: S3's signature and multipart protocol are not worth writing ourselves."""

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

import boto3
from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from forum.storage.base import (
    StorageUnavailable,
    StoredFileMissing,
    content_disposition,
    validate_key,
    validate_prefix,
)

MISSING_CODES = {"404", "NoSuchKey", "NotFound"}
DENIED_CODES = {
    "403",
    "AccessDenied",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "InvalidToken",
    "ExpiredToken",
}
# Multipart above 8 MB (boto3's default), a few parts at once: a worker's memory stays small.
TRANSFER = TransferConfig(multipart_threshold=8 * 1024 * 1024, max_concurrency=4)


class S3Storage:
    """One bucket; the key is the object's name. An object appears whole when its upload
    completes (S3's guarantee, multipart included), so `put` is atomic as the interface
    requires. The bucket is created at the first write if it is missing (`create_bucket`),
    not when the app starts: every worker and CLI command builds the app, and an object
    store that is down must make the file pages answer 503, not stop the site starting."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        region: str | None = None,
        presigned: bool = True,
        create_bucket: bool = True,
        max_attempts: int = 3,
        connect_timeout: float = 5,
        read_timeout: float = 60,
    ) -> None:
        if not bucket:
            raise RuntimeError("S3_BUCKET (FORUM_S3_BUCKET) must name the bucket of the files")
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        self.presigned = presigned
        self.create_bucket = create_bucket
        self.region = region or "us-east-1"
        self._bucket_ready = not create_bucket
        self._lock = threading.Lock()
        # Credentials left empty fall back to boto3's own chain (AWS_* variables, an
        # instance role); they are never written in the repository.
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name=self.region,
            config=Config(
                signature_version="s3v4",
                # Self-hosted servers (SeaweedFS, MinIO) answer on one host name: the
                # bucket goes in the path; AWS itself prefers it in the host name.
                s3={"addressing_style": "path" if endpoint_url else "virtual"},
                retries={"max_attempts": max_attempts, "mode": "standard"},
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
            ),
        )

    def close(self) -> None:
        """Close the client's connections (tests; a worker keeps its client for its life)."""
        self.client.close()

    def __repr__(self) -> str:
        return f"S3Storage(bucket={self.bucket!r}, endpoint_url={self.endpoint_url!r})"

    @contextmanager
    def _service(self, action: str, key: str = ""):
        """Turn the service's failures into StorageUnavailable with a message that says
        what was attempted, where, and what to check."""
        where = f"s3://{self.bucket}/{key} at {self.endpoint_url or 'AWS'}"
        try:
            yield
        except ClientError as error:
            code = _code(error)
            if code in DENIED_CODES:
                raise StorageUnavailable(
                    f"S3 storage refused to {action} {where} ({code}): check "
                    "FORUM_S3_ACCESS_KEY, FORUM_S3_SECRET_KEY and the key's rights on the bucket"
                ) from error
            raise StorageUnavailable(f"S3 storage could not {action} {where}: {error}") from error
        except S3UploadFailedError as error:
            raise StorageUnavailable(f"S3 storage could not {action} {where}: {error}") from error
        except BotoCoreError as error:  # connection refused, timeout, DNS
            raise StorageUnavailable(
                f"S3 storage unreachable ({action} {where}): {error}; check FORUM_S3_ENDPOINT_URL "
                "and that the service is running"
            ) from error

    def ensure_bucket(self) -> None:
        """Create the bucket if it does not exist yet."""
        with self._service("create the bucket"):
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except ClientError as error:
                if _code(error) not in MISSING_CODES | {"NoSuchBucket"}:
                    raise
                options = {}
                if self.region != "us-east-1":  # AWS refuses the default region named
                    options["CreateBucketConfiguration"] = {"LocationConstraint": self.region}
                self.client.create_bucket(Bucket=self.bucket, **options)
        self._bucket_ready = True

    def put(self, key: str, data: BinaryIO | bytes, content_type: str) -> None:
        validate_key(key)
        if not self._bucket_ready:
            with self._lock:
                if not self._bucket_ready:
                    self.ensure_bucket()
        if isinstance(data, bytes | bytearray | memoryview):
            stream = io.BytesIO(data)
        else:
            stream = _FullReads(data)
        with self._service("write", key):
            self.client.upload_fileobj(
                stream,
                self.bucket,
                key,
                ExtraArgs={"ContentType": content_type},
                Config=TRANSFER,
            )

    def open(self, key: str) -> BinaryIO:
        validate_key(key)
        with self._service("read", key):
            try:
                response = self.client.get_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _code(error) in MISSING_CODES:
                    raise StoredFileMissing(key) from error
                raise
        return response["Body"]  # botocore's StreamingBody: a file object read as it comes

    def delete(self, key: str) -> None:
        validate_key(key)
        with self._service("delete", key):
            self.client.delete_object(Bucket=self.bucket, Key=key)  # no error if absent

    def _head(self, key: str) -> dict | None:
        validate_key(key)
        with self._service("look up", key):
            try:
                return self.client.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _code(error) in MISSING_CODES:
                    return None
                raise

    def exists(self, key: str) -> bool:
        return self._head(key) is not None

    def size(self, key: str) -> int:
        head = self._head(key)
        if head is None:
            raise StoredFileMissing(key)
        return head["ContentLength"]

    def keys(self, prefix: str = "") -> Iterator[str]:
        validate_prefix(prefix)
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix
        )
        with self._service("list", prefix):
            for page in pages:
                for item in page.get("Contents", ()):
                    yield item["Key"]

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
        if not self.presigned:
            return None
        params = {
            "Bucket": self.bucket,
            "Key": key,
            "ResponseContentDisposition": content_disposition(filename, inline),
        }
        if content_type:
            params["ResponseContentType"] = content_type
        with self._service("sign a URL for", key):  # computed here, no request made
            return self.client.generate_presigned_url(
                "get_object", Params=params, ExpiresIn=expires
            )


class _FullReads:
    """A stream whose read(n) returns n bytes unless the data ends. boto3's upload takes a
    short read for the end of the data when the stream cannot seek: a network stream that
    hands out what has arrived so far would be stored cut short (found by the tests)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return self.stream.read()
        pieces, missing = [], size
        while missing > 0:
            piece = self.stream.read(missing)
            if not piece:
                break
            pieces.append(piece)
            missing -= len(piece)
        return b"".join(pieces)


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))
