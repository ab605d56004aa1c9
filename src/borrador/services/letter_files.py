"""Writing letters to files: one file per request (and its explainer), or one combined PDF."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from borrador.core.requests import Request
from borrador.home.paths import ensure_private_dir, write_private_file
from borrador.letters.compose import Letter
from borrador.letters.webform import FormGuide


@dataclasses.dataclass(frozen=True)
class Made:
    request: Request
    letter: Letter | None
    guide: FormGuide | None
    files: tuple[Path, ...] = ()


def write_files(
    made: list[Made],
    fmt: str,
    out_dir: Path,
    combined: bool,
    authorization: Letter | None,
    log: Callable[[Path, int], None] = lambda path, request_id: None,
) -> list[Made]:
    """Write the files; `log` hears of each one (panic erase must be able to find them)."""
    from borrador.letters.email_out import build_eml
    from borrador.letters.pdf import render_pdf

    ensure_private_dir(out_dir)
    letters = [m.letter for m in made if m.letter]
    if combined and fmt == "pdf" and letters:
        everything = [*letters, *([authorization] if authorization else [])]
        log(_write(out_dir / "letters-combined.pdf", render_pdf(everything, cover=True)), 0)
    if authorization is not None:
        data = render_pdf([authorization]) if fmt == "pdf" else authorization.text.encode()
        log(_write(out_dir / f"authorization.{'pdf' if fmt == 'pdf' else 'txt'}", data), 0)
    result = []
    for m in made:
        stem = f"request-{m.request.id:05d}-{m.request.recipient}-{m.request.kind}"
        files = []
        if m.guide is not None:
            files.append(_write(out_dir / f"{stem}.webform.txt", m.guide.text.encode()))
        elif m.letter is not None:
            if fmt == "pdf":
                files.append(_write(out_dir / f"{stem}.pdf", render_pdf([m.letter])))
            elif fmt == "eml":
                files.append(_write(out_dir / f"{stem}.eml", build_eml(m.letter)))
            else:
                files.append(_write(out_dir / f"{stem}.txt", m.letter.text.encode()))
            if m.letter.explainer:
                name = f"{stem}.explainer.{m.letter.explainer_language}.txt"
                files.append(_write(out_dir / name, (m.letter.explainer + "\n").encode()))
        for path in files:
            log(path, m.request.id or 0)
        result.append(dataclasses.replace(m, files=tuple(files)))
    return result


def _write(path: Path, data: bytes) -> Path:
    write_private_file(path, data)
    return path
