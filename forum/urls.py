"""URLs outside a request (background workers, cron, CLI): Flask needs a request to build them."""

from contextlib import nullcontext

from flask import current_app, has_request_context


def request_context():
    """A request context on FORUM_BASE_URL when there is none (e-mail links, seeded posts)."""
    if has_request_context():
        return nullcontext()
    return current_app.test_request_context(base_url=current_app.config["BASE_URL"])
