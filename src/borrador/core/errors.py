"""Errors a person can act on. Front ends show `str(error)`; never a traceback.

An error keeps its English template and its parameters apart, so a front end can show it in
another language: `str(error)` is the English text (the CLI's), the TUI translates `template`
and `hint_template` and fills in `params`. Mark every template and hint with `N_` so the
catalog extraction finds it; values that are never translated (names, paths, dates, ids) are
parameters, never part of the template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self


def N_(message: str) -> str:
    """Marks an error template or hint for translation; the text itself is unchanged."""
    return message


def fill(template: str, params: Mapping[str, object]) -> str:
    """`template` with its `{name}`s filled; without params it is plain text (it may hold a
    brace, e.g. a message passed on from a library)."""
    return template.format(**params) if params else template


class Phrase:
    """A worded part of an error (a duration, "not recorded", a reason): a parameter that a
    front end shows in its language, as it does the error; `str()` is the English."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return repr(str(self))

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class Words(tuple[object, ...]):
    """Vocabulary words (statuses, kinds) as one parameter: shown joined with commas, each in
    the front end's language."""

    def __str__(self) -> str:
        return ", ".join(map(str, self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def sentence(text: str) -> str:
    return text if not text or text.endswith((".", "?", "!")) else text + "."


class BorradorError(Exception):
    """Something the user can fix: the message says what is wrong and what to do."""

    def __init__(self, message: str, *, hint: str = "", **params: object) -> None:
        self.template = message
        self.hint_template = hint
        self.params: dict[str, object] = params
        self.where = ""  # a file or place the error is about, shown as it is (see `at`)
        super().__init__(self.message)

    def body(self) -> str:
        """The English message without its place."""
        return fill(self.template, self.params)

    @property
    def message(self) -> str:
        return f"{self.where}: {self.body()}" if self.where else self.body()

    @property
    def hint(self) -> str:
        return fill(self.hint_template, self.params)

    def at(self, where: str) -> Self:
        """This error, named as being about `where` (a file, a template line)."""
        self.where = f"{where}: {self.where}" if self.where else where
        self.args = (self.message,)
        return self

    def __str__(self) -> str:
        return f"{sentence(self.message)} {self.hint}".strip()


class ValidationError(BorradorError):
    """Input refused; `field` names where (e.g. "addresses[2].postal_code"); `template` is the
    problem's."""

    def __init__(self, field: str, problem: str, *, hint: str = "", **params: object) -> None:
        self.field = field
        super().__init__(problem, hint=hint, **params)

    @property
    def problem(self) -> str:
        return fill(self.template, self.params)

    def body(self) -> str:
        return f"{self.field}: {self.problem}"

    def within(self, prefix: str) -> ValidationError:
        """The same error, located inside a container field or a file."""
        sep = "" if self.field.startswith("[") else "."
        return ValidationError(
            f"{prefix}{sep}{self.field}", self.template, hint=self.hint_template, **self.params
        )


class TransitionError(BorradorError):
    """A status change the lifecycle does not allow."""


class NotFoundError(BorradorError):
    """A person, request or file that does not exist."""


class StoreError(BorradorError):
    """The encrypted store cannot be opened or used as asked."""
