"""Writing letters to files: one file per request (and its explainer), or one combined PDF."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from borrador.core.requests import Request
from borrador.home.paths import ensure_private_dir
from borrador.letters.compose import Letter
from borrador.letters.webform import FormGuide


@dataclasses.dataclass(frozen=True)
class Made:
    request: Request
    letter: Letter | None
    guide: FormGuide | None
    files: tuple[Path, ...] = ()


Writer = Callable[[Path, bytes, tuple[int, ...]], Path]


def write_files(
    made: list[Made],
    fmt: str,
    out_dir: Path,
    combined: bool,
    authorization: Letter | None,
    write: Writer,
) -> list[Made]:
    """Write the files through `write(path, data, request_ids)`, which logs each one before
    writing it (erasing must be able to find them). On any failure the files already
    written are removed again: the caller's requests and their files are one unit."""
    from borrador.letters.email_out import build_eml
    from borrador.letters.pdf import render_pdf

    ensure_private_dir(out_dir)
    done: list[Path] = []

    def put(path: Path, data: bytes, request_ids: tuple[int, ...]) -> Path:
        done.append(write(path, data, request_ids))
        return path

    everyone = tuple(m.request.id or 0 for m in made)
    try:
        letters = [m.letter for m in made if m.letter]
        if combined and fmt == "pdf" and letters:
            everything = [*letters, *([authorization] if authorization else [])]
            put(out_dir / "letters-combined.pdf", render_pdf(everything, cover=True), everyone)
        if authorization is not None:
            data = render_pdf([authorization]) if fmt == "pdf" else authorization.text.encode()
            put(out_dir / f"authorization.{'pdf' if fmt == 'pdf' else 'txt'}", data, everyone)
        result = []
        for m in made:
            stem = f"request-{m.request.id:05d}-{m.request.recipient}-{m.request.kind}"
            mine = (m.request.id or 0,)
            files = []
            if m.guide is not None:
                files.append(put(out_dir / f"{stem}.webform.txt", m.guide.text.encode(), mine))
            elif m.letter is not None:
                if fmt == "pdf":
                    files.append(put(out_dir / f"{stem}.pdf", render_pdf([m.letter]), mine))
                elif fmt == "eml":
                    files.append(put(out_dir / f"{stem}.eml", build_eml(m.letter), mine))
                else:
                    files.append(put(out_dir / f"{stem}.txt", m.letter.text.encode(), mine))
                if m.letter.explainer:
                    name = f"{stem}.explainer.{m.letter.explainer_language}.txt"
                    data = (m.letter.explainer + "\n").encode()
                    files.append(put(out_dir / name, data, mine))
            result.append(dataclasses.replace(m, files=tuple(files)))
    except BaseException:
        for path in done:
            path.unlink(missing_ok=True)
        raise
    return result
