"""Errors a user can understand. Services raise these; every adapter turns them into its own answer."""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A refused request: bad input, an illegal transition, a missing right.

    ``message`` is translated, user-facing text. ``code`` is stable for machines (API clients, tests).
    ``extra`` carries structured detail (the field, the current state, the rule).
    """

    code = "invalid"
    http_status = 400

    def __init__(self, message: str, *, code: str | None = None, extra: dict[str, Any] | None = None) -> None:
        super().__init__(str(message))
        self.message = str(message)
        if code:
            self.code = code
        self.extra = extra or {}


class ValidationFailed(ApplicationError):
    code = "validation"
    http_status = 400


class PermissionDenied(ApplicationError):
    code = "forbidden"
    http_status = 403


class NotFound(ApplicationError):
    code = "not_found"
    http_status = 404


class IllegalTransition(ApplicationError):
    code = "illegal_transition"
    http_status = 409


class Conflict(ApplicationError):
    code = "conflict"
    http_status = 409
