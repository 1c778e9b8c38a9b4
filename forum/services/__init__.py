"""Business logic: plain functions that validate, write and commit; views call them."""


class ServiceError(Exception):
    """A domain rule refused the operation; `field` names the form field to blame, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
