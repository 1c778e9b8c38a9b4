"""Domain errors: what a service refused and why, in words a member can read.

Services raise them; views never need to know a status code. Making one dooms the unit
of work it happens in: the request (or CLI command) rolls back instead of committing
(forum/transactions.py), whether a view catches the error to show it in its form or it
reaches the application, which shows the French error page with its `status`
(forum/errors.py); a form turns `Invalid` into an error under the field it names.
"""

from flask import has_app_context

from forum.transactions import doom


class ServiceError(Exception):
    """Base of the domain errors: `message` is shown as is (already translated); `field`
    names the form field at fault, if any. `status` is the HTTP status of the error page
    shown when no view handles it."""

    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if has_app_context():
            doom()  # what the operation wrote before refusing must not be committed


class Invalid(ServiceError):
    """The input breaks a rule (unknown department, empty message, title too short…):
    400, or an error under `field` when a form handles it."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message, field)


class NotFound(ServiceError):
    """What the operation names does not exist, or not for this member: 404."""

    status = 404


class Forbidden(ServiceError):
    """This member may not do this: 403."""

    status = 403


class Locked(Forbidden):
    """The discussion is locked by a moderator: nobody replies any more (403)."""


class Conflict(ServiceError):
    """The stored state refuses the operation (the last administrator cannot leave, the
    module is already first…): 409."""

    status = 409


class RateLimited(ServiceError):
    """Too much too fast (new accounts posting, login failures, contact messages): 429.
    `retry_after`, when known, is how many seconds until it is allowed again (sent as the
    Retry-After header, RFC 9110 §10.2.3)."""

    status = 429

    def __init__(self, message: str, field: str | None = None, retry_after: int | None = None):
        super().__init__(message, field)
        self.retry_after = retry_after


class Unavailable(ServiceError):
    """Something the operation needs did not answer (the mail server): 503."""

    status = 503
