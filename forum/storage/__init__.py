"""Where files are kept: one small interface (`Storage`), a local folder by default or an
S3-compatible object store, chosen from the configuration by `init_app`. The rest of the
app calls `storage()` and never knows which one it got."""

from flask import Flask, current_app

from forum.storage.base import (
    InvalidKey,
    Storage,
    StorageError,
    StorageUnavailable,
    StoredFileMissing,
    content_disposition,
    validate_key,
)
from forum.storage.local import LocalStorage

__all__ = [
    "InvalidKey",
    "LocalStorage",
    "Storage",
    "StorageError",
    "StorageUnavailable",
    "StoredFileMissing",
    "content_disposition",
    "init_app",
    "storage",
    "validate_key",
]


def init_app(app: Flask) -> None:
    """Build the backend named by STORAGE_BACKEND into app.extensions["storage"]."""
    name = app.config.get("STORAGE_BACKEND") or "local"
    if name == "local":
        backend: Storage = LocalStorage(app.config["STORAGE_DIR"])
    elif name == "s3":
        # here, not at the top: boto3 costs ~0.4 s at each process start, and a deployment
        # on the local folder (the default, and the test suite) never needs it.
        from forum.storage.s3 import S3Storage

        backend = S3Storage(
            bucket=app.config.get("S3_BUCKET") or "",
            endpoint_url=app.config.get("S3_ENDPOINT_URL") or None,
            access_key=app.config.get("S3_ACCESS_KEY") or None,
            secret_key=app.config.get("S3_SECRET_KEY") or None,
            region=app.config.get("S3_REGION") or None,
            presigned=app.config.get("S3_PRESIGNED", True),
            create_bucket=app.config.get("S3_CREATE_BUCKET", True),
        )
    else:
        raise RuntimeError(f"STORAGE_BACKEND must be 'local' or 's3', not {name!r}")
    app.extensions["storage"] = backend


def storage() -> Storage:
    """The current app's backend."""
    return current_app.extensions["storage"]
