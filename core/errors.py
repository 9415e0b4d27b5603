"""Errors shared by services: raised with a message a user can act on."""


class ServiceError(Exception):
    """A rule was broken; the message says which and why, in words for the user."""


class ConflictError(ServiceError):
    """Someone else saved a newer version first; `current` holds it."""

    def __init__(self, message: str, current: object = None) -> None:
        super().__init__(message)
        self.current = current


class AccessDenied(ServiceError):
    """The acting user may not do this. Views answer "not found" to avoid leaking existence."""
