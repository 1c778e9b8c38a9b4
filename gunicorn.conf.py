"""gunicorn settings for `make serve-prod` (override any of them on the command line)."""

import multiprocessing
import os

bind = os.environ.get("FORUM_BIND", "127.0.0.1:8000")
# Sync workers: 2 per core plus one. The app is not preloaded, so each worker opens its own
# database connections and search index after the fork.
workers = int(os.environ.get("FORUM_WORKERS", multiprocessing.cpu_count() * 2 + 1))
preload_app = False
timeout = 30
graceful_timeout = 20
max_requests = 2000  # recycle workers now and then (memory)
max_requests_jitter = 200
accesslog = None  # the app logs one structured line per request itself
errorlog = "-"
