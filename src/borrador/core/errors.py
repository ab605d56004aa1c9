"""Errors a person can act on. Front ends show `str(error)`; never a traceback."""

from __future__ import annotations


class BorradorError(Exception):
    """Something the user can fix: the message says what is wrong and what to do."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        message = self.message if self.message.endswith((".", "?", "!")) else self.message + "."
        return f"{message} {self.hint}".strip()


class ValidationError(BorradorError):
    """Input refused; `field` names where (e.g. "addresses[2].postal_code")."""

    def __init__(self, field: str, problem: str, *, hint: str = "") -> None:
        super().__init__(f"{field}: {problem}", hint=hint)
        self.field = field
        self.problem = problem

    def within(self, prefix: str) -> ValidationError:
        """The same error, located inside a container field or a file."""
        sep = "" if self.field.startswith("[") else "."
        return ValidationError(f"{prefix}{sep}{self.field}", self.problem, hint=self.hint)


class TransitionError(BorradorError):
    """A status change the lifecycle does not allow."""


class NotFoundError(BorradorError):
    """A person, request or file that does not exist."""


class StoreError(BorradorError):
    """The encrypted store cannot be opened or used as asked."""
