"""gunicorn settings for `make serve-prod` (override any of them on the command line)."""

import multiprocessing
import os
import re

bind = os.environ.get("FORUM_BIND", "127.0.0.1:8000")
# gunicorn's control socket (`gunicornc`) is one path per user by default
# ($XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl): a second server on the same
# machine took the first one's, and `gunicornc` then spoke to the wrong server. One per
# address instead, beside gunicorn's own default; FORUM_CONTROL_SOCKET to choose it.
control_socket = os.environ.get("FORUM_CONTROL_SOCKET") or os.path.join(
    os.environ.get("XDG_RUNTIME_DIR") or os.path.expanduser("~/.gunicorn"),
    "maillage-" + re.sub(r"[^\w.-]", "_", bind) + ".ctl",
)
# Sync workers: 2 per core plus one. The app is not preloaded, so each worker opens its own
# database connections and search index after the fork.
workers = int(os.environ.get("FORUM_WORKERS", multiprocessing.cpu_count() * 2 + 1))
preload_app = False
timeout = 30
graceful_timeout = 20
# Recycle workers now and then (a slow leak cannot grow for ever), but rarely and apart:
# at 2,000 ± 200 both workers of a 2-worker server recycled within the same seconds once
# pages got faster, and under load no worker answered for 5 s while they booted
# (benchmarks/RESULTS.md, issue 19). Memory after 10,000 requests is measured there too.
max_requests = 10000
max_requests_jitter = 2500
# A search typed in French is long once percent-encoded (« é » is 6 bytes): gunicorn's
# default 4,094-byte request line answered a 3,000-character query with a bare 414. The
# app keeps the first 500 characters of a query; 8,190 is gunicorn's maximum, and the
# search box holds 1,000 characters, so that it never sends more
# (tests/test_serve_prod.py).
limit_request_line = 8190
accesslog = None  # the app logs one structured line per request itself
errorlog = "-"
