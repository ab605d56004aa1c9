"""The Jinja sandbox letters render in, and rendering with limits and located errors.

Templates are untrusted when a user supplies them: they run in an immutable sandbox with no
globals but `range`, a missing value is an error (StrictUndefined), and rendering stops past a
size limit. User templates are also rendered in a separate process with a time limit
(see `render_isolated`), since a sandbox cannot interrupt a loop that produces no output.
"""

from __future__ import annotations

import contextlib
import enum
import itertools
import pickle
import traceback
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from borrador.core.errors import N_, BorradorError, Phrase, ValidationError

MAX_OUTPUT = 100_000  # characters of one rendered block
TIME_LIMIT = 3.0  # seconds, for user templates (separate process)
RENDER_MEMORY = 256 * 1024 * 1024  # bytes the render child may add to what it inherits
MAX_REPLY = 64 * MAX_OUTPUT  # bytes of the child's answer (a few blocks, pickled)


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
            raise LetterTemplateError(N_("{name}: the letter grew past {max_output} characters; "
                                      "the template probably loops without end."),
                                      name=name, max_output=MAX_OUTPUT)  # fmt: skip
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
        raise LetterTemplateError(
            N_("{name}: has no {{% block {block} %}}."), name=name, block=exc.args[0]
        ) from None
    except jinja2.UndefinedError as exc:
        raise LetterTemplateError(
            N_("{place}: {detail}."),
            hint=N_("The letter would have a blank there."),
            place=locate(exc, name),
            detail=exc.message,
        ) from None
    except SecurityError as exc:
        raise LetterTemplateError(
            N_("{place}: refused by the sandbox ({error})."), place=locate(exc, name), error=exc
        ) from None
    except jinja2.TemplateError as exc:
        raise LetterTemplateError(
            N_("{place}: {error}."), place=locate(exc, name), error=exc
        ) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, IndexError) as exc:
        raise LetterTemplateError(
            N_("{place}: {type_name}: {error}."),
            place=locate(exc, name),
            type_name=type(exc).__name__,
            error=exc,
        ) from None
    except RecursionError:
        raise LetterTemplateError(N_("{name}: recursion too deep."), name=name) from None


def _vm_bytes() -> int:
    """This process's address-space size (Linux); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE")


def _cap_resources(seconds: float) -> None:
    """In the render child only: a CPU-time limit (SIGXCPU stops it even if the parent is
    slow to) and an address-space limit a little above what it inherited, so a template
    cannot take gigabytes of memory."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no fork path here
        return
    cpu = int(seconds) + 1
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    base = _vm_bytes()
    if base:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (base + RENDER_MEMORY, base + RENDER_MEMORY))


def _child(pipe: Any, job: Callable[[], dict[str, str]], seconds: float = TIME_LIMIT) -> None:
    try:
        _cap_resources(seconds)
        pipe.send(("ok", job()))
    except MemoryError:
        memory = N_("rendering needed more than {mib} MiB of memory and was stopped.")
        pipe.send(("error", (memory, "", {"mib": RENDER_MEMORY // 2**20}, "")))
    except BorradorError as exc:
        pipe.send(("error", _portable(exc)))
    except BaseException as exc:  # anything else: report, never crash the parent
        pipe.send(
            (
                "error",
                (
                    N_("{type_name}: {error}"),
                    "",
                    _plain({"type_name": type(exc).__name__, "error": exc}),
                    "",
                ),
            )
        )


def _plain(params: Mapping[str, object]) -> dict[str, object]:
    """Parameters that cross the pipe: words and numbers as they are, anything else as text."""
    keep = (str, int, float, enum.Enum, Phrase)
    return {k: v if isinstance(v, keep) else str(v) for k, v in params.items()}


def _portable(exc: BorradorError) -> tuple[str, str, dict[str, object], str]:
    """`exc` as the parent rebuilds it (its template stays translatable in the TUI)."""
    where = exc.where
    if isinstance(exc, ValidationError):
        where = f"{where}: {exc.field}" if where else exc.field
    return exc.template, exc.hint_template, _plain(exc.params), where


def render_isolated(
    job: Callable[[], dict[str, str]], name: str, limit: float = TIME_LIMIT
) -> dict[str, str]:
    """Run `job` in a forked process; stop it after `limit` seconds."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, job, limit), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(limit):
            raise LetterTemplateError(N_("{name}: rendering took longer than {limit:g} s and was "
                                      "stopped; the template probably loops."),
                                      name=name, limit=limit)  # fmt: skip
        try:  # bounded: the reply cannot be larger than the blocks a letter may have
            status, value = pickle.loads(parent.recv_bytes(MAX_REPLY))  # noqa: S301 - our child
        except (EOFError, OSError):
            raise LetterTemplateError(N_("{name}: rendering was stopped (it used more time or "
                                      "memory than a letter may)."),
                                      name=name) from None  # fmt: skip
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status == "error":
        template, hint, params, where = value
        error = LetterTemplateError(template, hint=hint, **params)
        raise error.at(where) if where else error
    return dict(value)
