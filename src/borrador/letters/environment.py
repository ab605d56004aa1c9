"""The Jinja sandbox letters render in, and rendering with limits and located errors.

Templates are untrusted when a user supplies them: they run in an immutable sandbox with no
globals but `range`, a missing value is an error (StrictUndefined), and rendering stops past a
size limit. User templates are also rendered in a separate process with a time limit
(see `render_isolated`), since a sandbox cannot interrupt a loop that produces no output.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from borrador.core.errors import BorradorError

MAX_OUTPUT = 100_000  # characters of one rendered block
TIME_LIMIT = 3.0  # seconds, for user templates (separate process)


class LetterTemplateError(BorradorError):
    """A template that cannot be used: the message names the file and line."""


def make_environment(loader: jinja2.BaseLoader) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,  # so an included piece ends its paragraph
    )
    env.globals.clear()  # no cycler, joiner, lipsum, namespace: only plain data and range
    env.globals["range"] = _small_range
    return env


def _small_range(*args: int) -> range:
    values = range(*args)
    if len(values) > 1000:
        raise SecurityError("range() in a letter template is limited to 1000 items")
    return values


def locate(exc: BaseException, name: str) -> str:
    """`file:line` of the template frame where `exc` happened. Call it inside the `except`:
    Jinja maps the generated code's frames back to template lines from the live traceback."""
    line = getattr(exc, "lineno", None)
    if line is None:
        from jinja2.debug import rewrite_traceback_stack

        rewritten = rewrite_traceback_stack()
        frames = [f for f in traceback.extract_tb(rewritten.__traceback__)
                  if f.filename and f.filename.endswith(name)]  # fmt: skip
        line = frames[-1].lineno if frames else None
    return f"{name}:{line}" if line else name


def _bounded(chunks: Iterator[str], name: str) -> str:
    """Join the rendered chunks, stopping once the text passes MAX_OUTPUT characters."""
    out: list[str] = []
    size = 0
    while batch := "".join(itertools.islice(chunks, 256)):
        size += len(batch)
        if size > MAX_OUTPUT:
            raise LetterTemplateError(f"{name}: the letter grew past {MAX_OUTPUT} characters; "
                                      "the template probably loops without end.")  # fmt: skip
        out.append(batch)
    return "".join(out)


def render_blocks(
    template: jinja2.Template, context: Mapping[str, Any], blocks: tuple[str, ...]
) -> dict[str, str]:
    """Render the named blocks of `template`; errors name the file and line."""
    name = template.name or "template"
    try:
        ctx = template.new_context(dict(context))
        return {b: _bounded(template.blocks[b](ctx), name).strip() for b in blocks}
    except LetterTemplateError:
        raise
    except KeyError as exc:
        raise LetterTemplateError(f"{name}: has no {{% block {exc.args[0]} %}}.") from None
    except jinja2.UndefinedError as exc:
        raise LetterTemplateError(
            f"{locate(exc, name)}: {exc.message}.", hint="The letter would have a blank there."
        ) from None
    except SecurityError as exc:
        raise LetterTemplateError(f"{locate(exc, name)}: refused by the sandbox ({exc}).") from None
    except jinja2.TemplateError as exc:
        raise LetterTemplateError(f"{locate(exc, name)}: {exc}.") from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, IndexError) as exc:
        raise LetterTemplateError(f"{locate(exc, name)}: {type(exc).__name__}: {exc}.") from None
    except RecursionError:
        raise LetterTemplateError(f"{name}: recursion too deep.") from None


def _child(pipe: Any, job: Callable[[], dict[str, str]]) -> None:
    try:
        pipe.send(("ok", job()))
    except BorradorError as exc:
        pipe.send(("error", str(exc)))
    except BaseException as exc:  # anything else: report, never crash the parent
        pipe.send(("error", f"{type(exc).__name__}: {exc}"))


def render_isolated(
    job: Callable[[], dict[str, str]], name: str, limit: float = TIME_LIMIT
) -> dict[str, str]:
    """Run `job` in a forked process; stop it after `limit` seconds."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, job), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(limit):
            raise LetterTemplateError(f"{name}: rendering took longer than {limit:g} s and was "
                                      "stopped; the template probably loops.")  # fmt: skip
        status, value = parent.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status == "error":
        raise LetterTemplateError(value)
    return dict(value)
