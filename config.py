"""Configuration classes; every setting can be overridden from FORUM_* environment variables."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INSTANCE = Path(os.environ.get("FORUM_INSTANCE_DIR", ROOT / "instance"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


def _dev_secret_key() -> str:
    """Generate once into instance/ so sessions survive restarts in development."""
    path = INSTANCE / "secret_key"
    if not path.exists():
        INSTANCE.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "FORUM_DATABASE_URL", f"sqlite:///{INSTANCE / 'maillage.sqlite'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SEARCH_DIR = os.environ.get("FORUM_SEARCH_DIR", str(INSTANCE / "search"))
    # "whoosh" (index files, one server) or "postgres" (in the database: several servers);
    # README, « Production ».
    SEARCH_BACKEND = os.environ.get("FORUM_SEARCH_BACKEND", "whoosh")
    SEARCH_BACKGROUND = True  # drain the index outbox in a thread per process
    SEARCH_SYNC_INTERVAL = 30  # seconds between drains when nothing wakes the thread
    # Uploaded files (forum/storage): "local" (a folder) or "s3" (an S3-compatible store).
    STORAGE_BACKEND = os.environ.get("FORUM_STORAGE_BACKEND", "local")
    STORAGE_DIR = os.environ.get("FORUM_STORAGE_DIR", str(INSTANCE / "files"))
    S3_ENDPOINT_URL = os.environ.get("FORUM_S3_ENDPOINT_URL", "")  # empty: AWS itself
    S3_BUCKET = os.environ.get("FORUM_S3_BUCKET", "maillage")
    S3_REGION = os.environ.get("FORUM_S3_REGION", "us-east-1")
    # Secrets: from the environment only (empty: boto3's own chain, AWS_* or an instance role).
    S3_ACCESS_KEY = os.environ.get("FORUM_S3_ACCESS_KEY", "")
    S3_SECRET_KEY = os.environ.get("FORUM_S3_SECRET_KEY", "")
    S3_PRESIGNED = _env_bool("FORUM_S3_PRESIGNED", True)  # downloads straight from the store
    S3_CREATE_BUCKET = _env_bool("FORUM_S3_CREATE_BUCKET", True)
    SEARCH_MMAP = False  # see forum/search/store.py and benchmarks/RESULTS.md (index files)
    NOTIFICATIONS_BACKGROUND = True  # fan out notifications in a thread per process
    # Attachments (forum/services/attachments.py): limits per file, report, message and
    # member; widths of the image variants; the media worker processes uploads.
    MEDIA_BACKGROUND = True
    ATTACHMENT_MAX_BYTES = int(os.environ.get("FORUM_ATTACHMENT_MAX_MB", "10") or 10) * 1024**2
    ATTACHMENTS_PER_REPORT = int(os.environ.get("FORUM_ATTACHMENTS_PER_REPORT", "10") or 10)
    ATTACHMENTS_PER_POST = int(os.environ.get("FORUM_ATTACHMENTS_PER_POST", "5") or 5)
    ATTACHMENT_QUOTA_BYTES = (
        int(os.environ.get("FORUM_ATTACHMENT_QUOTA_MB", "200") or 200) * 1024**2
    )
    ATTACHMENT_IMAGE_WIDTHS = (480, 1200)
    ATTACHMENT_MAX_PIXELS = 60_000_000  # a 50 MP phone photo passes; a decompression bomb not
    ATTACHMENT_KEEP_ORIGINAL = _env_bool("FORUM_ATTACHMENT_KEEP_ORIGINAL", False)
    ATTACHMENT_TEXT_MAX = 200_000  # characters of a document's text kept for search
    MAIL_SERVER = os.environ.get("FORUM_MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("FORUM_MAIL_PORT", "25") or 25)
    MAIL_SENDER = os.environ.get("FORUM_MAIL_SENDER", "Maillage <ne-pas-repondre@maillage.local>")
    REGISTRATION = os.environ.get("FORUM_REGISTRATION", "open")
    # Links in e-mails sent outside a request (notifications, digests from cron).
    BASE_URL = os.environ.get("FORUM_BASE_URL", "http://127.0.0.1:5000")
    # HTTPS proxies in front of the app whose X-Forwarded-For and -Proto it trusts
    # (werkzeug's ProxyFix): 0 when browsers reach it directly (`make run`), 1 behind
    # nginx or Caddy (production's default, README « Production »). Without it every
    # visitor has the proxy's address: one login throttle for the whole site.
    PROXY_HOPS = int(os.environ.get("FORUM_PROXY_HOPS", "0") or 0)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("FORUM_SESSION_COOKIE_SECURE", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # « Rester connecté » lasts 30 days (Flask-Login's default is 365); no session, with
    # or without that cookie, is accepted longer (forum/services/sessions.py).
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    SESSION_TOUCH_SECONDS = 300  # "last seen" on /account is written at most this often
    BABEL_DEFAULT_LOCALE = "fr"
    BABEL_DEFAULT_TIMEZONE = "Europe/Paris"
    LANGUAGES = ("fr", "en")
    WTF_CSRF_TIME_LIMIT = None  # a report takes longer to write than the default hour
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    PASSWORD_RESET_MAX_AGE = 3600
    LOGIN_MAX_FAILURES = 10
    # Days a contact message's trace (who wrote to whom, when; never the text) is kept:
    # purged as each new one is logged, at least one day (the daily limit counts them).
    CONTACT_LOG_DAYS = int(os.environ.get("FORUM_CONTACT_LOG_DAYS", "365") or 365)
    LOGIN_WINDOW_SECONDS = 15 * 60
    PER_PAGE = 20
    COMPRESS_MIMETYPES = [
        "text/html", "text/css", "application/javascript", "text/javascript", "application/json",
        "application/atom+xml", "text/markdown",
    ]
    COMPRESS_ALGORITHM = ["br", "gzip"]


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("FORUM_SECRET_KEY") or None  # filled in by init()

    @classmethod
    def init(cls) -> None:
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = _dev_secret_key()


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-only-secret"
    SEARCH_BACKGROUND = False  # tests drain the outbox explicitly (one test runs the thread)
    NOTIFICATIONS_BACKGROUND = False
    MEDIA_BACKGROUND = False  # tests process uploads explicitly (process_pending)
    # scrypt (werkzeug's default, ~0.1 s a hash by design) took a quarter of the suite's
    # time; the tests check our logic, not the hash's cost. Never outside tests.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    SQLALCHEMY_DATABASE_URI = os.environ.get("FORUM_DATABASE_URL", "sqlite://")


class ProductionConfig(Config):
    ENV_NAME = "production"
    SECRET_KEY = os.environ.get("FORUM_SECRET_KEY")
    SESSION_COOKIE_SECURE = _env_bool("FORUM_SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    PROXY_HOPS = int(os.environ.get("FORUM_PROXY_HOPS", "1") or 0)  # gunicorn behind one proxy

    @classmethod
    def init(cls) -> None:
        if not cls.SECRET_KEY:
            raise RuntimeError(
                "FORUM_SECRET_KEY must be set in production "
                "(python -c 'import secrets; print(secrets.token_hex(32))')."
            )
        if not os.environ.get("FORUM_BASE_URL"):
            # E-mails (notifications, digests, List-Unsubscribe) link to it: the default
            # 127.0.0.1 address would reach no reader.
            raise RuntimeError(
                "FORUM_BASE_URL must be set in production: the public address of the site, "
                "e.g. https://maillage.example.org (links in e-mails)."
            )


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def get_config(name: str | None = None) -> type[Config]:
    """Pick the config class from FORUM_ENV (development by default)."""
    name = name or os.environ.get("FORUM_ENV", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"FORUM_ENV must be one of {', '.join(CONFIGS)}, not {name!r}")
    cls = CONFIGS[name]
    if hasattr(cls, "init"):
        cls.init()
    return cls
