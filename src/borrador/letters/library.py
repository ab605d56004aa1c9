"""The letter and explainer templates: shipped ones, and the user's own that override or add.

Each template starts with a TOML header in a Jinja comment:

    {#-
    title = "Request to delete personal information"
    kind = "delete"
    basis = ["privacy-ca"]          # law ids; "privacy-*" matches any state privacy law
    recipients = ["broker"]
    requires = ["name", "address"]  # person fields the letter cannot do without
    -#}

and defines `{% block subject %}` and `{% block body %}` (explainers: `{% block body %}`).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import tomllib
from collections.abc import Callable, Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from borrador.core.errors import N_
from borrador.core.requests import Kind
from borrador.letters.environment import (
    LetterTemplateError,
    make_environment,
    render_blocks,
    render_isolated,
)

HEADER_RE = re.compile(r"\A\{#-?(.*?)-?#\}", re.DOTALL)
LETTER_KINDS = (*(kind.value for kind in Kind), "authorization")
# Explainers with no letter: guides the person reads (DROP; one's own immigration file).
GUIDE_KINDS = ("drop", "own-file")
PERSON_FIELDS = ("name", "other_names", "birth_date", "address", "past_addresses", "email", "phone")
RECIPIENT_KINDS = ("broker", "agency", "regulator")
CONTEXT_KEYS = frozenset({"person", "recipient", "law", "request", "sender", "agent", "today",
                          "options", "history", "original", "deadline", "who", "rights",
                          "agency", "fcra", "authorization", "drop"})  # fmt: skip
HEADER_KEYS = {"title", "kind", "basis", "recipients", "requires", "language"}
MAX_TEMPLATE_BYTES = 64_000


@dataclasses.dataclass(frozen=True)
class TemplateInfo:
    name: str  # e.g. "letters/delete.privacy-ca.j2" or "explainers/es/delete.j2"
    title: str
    kind: str
    basis: tuple[str, ...]
    recipients: tuple[str, ...]
    requires: tuple[str, ...]
    language: str
    user: bool

    def matches(self, basis: str) -> int:
        """0 = no; 2 = named exactly; 1 = by pattern (exact names win)."""
        if basis in self.basis:
            return 2
        return 1 if any(fnmatch.fnmatchcase(basis, p) for p in self.basis) else 0


def parse_header(name: str, source: str, *, user: bool) -> TemplateInfo:
    match = HEADER_RE.match(source)
    if not match:
        raise LetterTemplateError(
            N_("{name}:1: no header; start with a {{#- … -#}} TOML block."), name=name
        )
    try:
        data = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as exc:
        raise LetterTemplateError(N_("{name}: header: {error}."), name=name, error=exc) from None
    unknown = set(data) - HEADER_KEYS
    if unknown:
        raise LetterTemplateError(
            N_("{name}: header: unknown keys {keys}."), name=name, keys=sorted(unknown)
        )
    explainer = name.startswith("explainers/")
    kind = data.get("kind")
    if kind not in LETTER_KINDS and not (explainer and kind in GUIDE_KINDS):
        raise LetterTemplateError(
            N_("{name}: header: kind must be one of {choices}."),
            name=name,
            choices=", ".join(LETTER_KINDS),
        )
    lists = {k: data.get(k, []) for k in ("basis", "recipients", "requires")}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LetterTemplateError(
                N_("{name}: header: {key} must be a list of text."), name=name, key=key
            )
    if not explainer and not lists["basis"]:
        raise LetterTemplateError(
            N_("{name}: header: basis must name at least one law id."), name=name
        )
    bad = [r for r in lists["requires"] if r not in PERSON_FIELDS]
    if bad or any(r not in RECIPIENT_KINDS for r in lists["recipients"]):
        raise LetterTemplateError(N_("{name}: header: requires may hold {fields};"
                                  " recipients {kinds}."), name=name,
                                  fields=", ".join(PERSON_FIELDS),
                                  kinds=", ".join(RECIPIENT_KINDS))  # fmt: skip
    return TemplateInfo(name=name, title=str(data.get("title", "")), kind=kind,
                        basis=tuple(lists["basis"]), recipients=tuple(lists["recipients"]),
                        requires=tuple(lists["requires"]),
                        language=str(data.get("language", "en")), user=user)  # fmt: skip


def _is_partial(name: str) -> bool:
    """Shared pieces (`letters/_identify.j2`) that shipped templates include."""
    return name.rsplit("/", 1)[-1].startswith("_")


class _Loader(jinja2.BaseLoader):
    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if template not in self.sources:
            raise jinja2.TemplateNotFound(template)
        return self.sources[template], template, lambda: True


def _read_tree(root: Traversable | Path, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    if not root.is_dir():
        return found
    for item in root.iterdir():
        name = f"{prefix}{item.name}"
        if item.is_dir():
            found.update(_read_tree(item, f"{name}/"))
        elif item.name.endswith(".j2"):
            found[name] = item.read_bytes()[: MAX_TEMPLATE_BYTES + 1].decode("utf-8", "replace")
    return found


MAX_NESTING = 40  # blocks within blocks, or brackets within brackets
_OPENING = {"if", "for", "macro", "call", "filter", "with", "block", "raw", "autoescape"}
_BRACKETS = {"lparen": 1, "lbracket": 1, "lbrace": 1, "rparen": -1, "rbracket": -1,
             "rbrace": -1}  # fmt: skip


def _check_nesting(env: jinja2.Environment, name: str, source: str) -> None:
    """Refuse a template nested so deeply that reading it would exhaust Python's stack
    (which would otherwise fail every letter command), naming the line where it gets too
    deep. Counted on the token stream, which is read without recursion."""
    blocks = brackets = 0
    expect_tag = False
    try:
        for line, kind, value in env.lex(source, name=name):
            if kind == "block_begin":
                expect_tag = True
                continue
            if expect_tag and kind == "name":
                if value in _OPENING:
                    blocks += 1
                elif value.startswith("end"):
                    blocks -= 1
            expect_tag = False
            brackets += _BRACKETS.get(kind, 0)
            if blocks > MAX_NESTING or brackets > MAX_NESTING:
                raise LetterTemplateError(
                    N_(
                        "{name}:{line}: nested more than {max_nesting} levels deep; "
                        "this template was left out, the others still work."
                    ),
                    hint=N_("Flatten the template, or remove it from the templates folder."),
                    name=name,
                    line=line,
                    max_nesting=MAX_NESTING,
                )
    except jinja2.TemplateSyntaxError as exc:
        raise LetterTemplateError(
            N_("{name}:{lineno}: {detail}."), name=name, lineno=exc.lineno, detail=exc.message
        ) from None


_SHIPPED: dict[str, tuple[dict[str, str], dict[str, TemplateInfo]]] = {}


def _read_shipped(shipped: Traversable | Path) -> tuple[dict[str, str], dict[str, TemplateInfo]]:
    """The shipped templates and their headers, read once per folder: they are package data
    and do not change while the program runs (user templates are re-read every time)."""
    key = str(shipped)
    if key not in _SHIPPED:
        sources = _read_tree(shipped)
        infos = {name: parse_header(name, source, user=False)  # shipped ones must be valid
                 for name, source in sources.items() if not _is_partial(name)}  # fmt: skip
        _SHIPPED[key] = (sources, infos)
    sources, infos = _SHIPPED[key]
    return dict(sources), dict(infos)  # copies: user templates are added to them


class TemplateLibrary:
    def __init__(self, shipped: Traversable | Path, user_dir: Path | None = None) -> None:
        self.sources, self.infos = _read_shipped(shipped)
        self.user_names: set[str] = set()
        self.errors: list[LetterTemplateError] = []
        if user_dir is not None:
            for name, source in _read_tree(user_dir).items():
                if _is_partial(name):
                    continue  # partials are for shipped templates only
                try:
                    info = self._check_user(name, source)
                except LetterTemplateError as exc:
                    self.errors.append(exc)
                    continue
                self.sources[name] = source
                self.infos[name] = info
                self.user_names.add(name)
        self.env = make_environment(_Loader(self.sources))
        self._chosen: dict[tuple[str, str, str], TemplateInfo] = {}

    def _check_user(self, name: str, source: str) -> TemplateInfo:
        if len(source) > MAX_TEMPLATE_BYTES:
            raise LetterTemplateError(
                N_("{name}: larger than {max_template_bytes} bytes."),
                name=name,
                max_template_bytes=MAX_TEMPLATE_BYTES,
            )
        info = parse_header(name, source, user=True)
        env = make_environment(_Loader({name: source}))
        _check_nesting(env, name, source)
        try:
            tree = env.parse(source, name=name)
            if list(meta.find_referenced_templates(tree)):
                raise LetterTemplateError(
                    N_("{name}: may not include, import or extend templates."), name=name
                )
            names = meta.find_undeclared_variables(tree)
        except jinja2.TemplateSyntaxError as exc:
            raise LetterTemplateError(
                N_("{name}:{lineno}: {detail}."), name=name, lineno=exc.lineno, detail=exc.message
            ) from None
        except RecursionError:  # a shape the depth count missed: still this template's fault
            raise LetterTemplateError(N_("{name}: nested too deeply to read."), name=name) from None
        unknown = sorted(names - CONTEXT_KEYS - {"range"})
        if unknown:
            raise LetterTemplateError(
                N_("{name}: unknown variable(s) {names}."),
                hint=N_("Known: {known}."),
                name=name,
                names=", ".join(unknown),
                known=", ".join(sorted(CONTEXT_KEYS)),
            )
        return info

    def choose(self, kind: str, basis: str, language: str = "en") -> TemplateInfo:
        """The letter template for a request kind and legal basis (exact basis beats pattern)."""
        key = (kind, basis, language)
        if key not in self._chosen:
            self._chosen[key] = self._choose(kind, basis, language)
        return self._chosen[key]

    def _choose(self, kind: str, basis: str, language: str) -> TemplateInfo:
        scored = [(info.matches(basis), info.user, info) for info in self.infos.values()
                  if info.name.startswith("letters/") and info.kind == kind
                  and info.language == language]  # fmt: skip
        scored = [s for s in scored if s[0]]
        if not scored:
            raise LetterTemplateError(
                N_("no letter template for a {kind} request under {basis}."),
                hint=N_("'borrador templates list' shows what exists."),
                kind=kind,
                basis=basis,
            )
        return max(scored, key=lambda s: (s[0], s[1]))[2]

    def explainer(self, kind: str, language: str) -> TemplateInfo | None:
        for lang in (language, language.split("-")[0], "en"):
            info = self.infos.get(f"explainers/{lang}/{kind}.j2")
            if info:
                return info
        return None

    def render(
        self,
        info: TemplateInfo,
        context: Mapping[str, Any],
        blocks: tuple[str, ...] = ("subject", "body"),
    ) -> dict[str, str]:
        def job() -> dict[str, str]:
            return render_blocks(self.env.get_template(info.name), context, blocks)

        if info.name in self.user_names:
            return render_isolated(job, info.name)
        return job()

    def check(self, sample: Callable[[TemplateInfo], Mapping[str, Any]]) -> list[str]:
        """Problems with every template (user ones included): load errors, then a trial render."""
        problems = [str(e) for e in self.errors]
        for info in self.infos.values():
            blocks = ("body",) if info.name.startswith("explainers/") else ("subject", "body")
            try:
                self.render(info, sample(info), blocks)
            except LetterTemplateError as exc:
                problems.append(str(exc))
        return problems
