"""PDF letters ready to print and mail (fpdf2), with a bundled Unicode font.

A name the font cannot draw is reported before anything is printed: never boxes on paper.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from borrador.core.errors import N_, BorradorError
from borrador.letters.compose import Letter

FONT = "DejaVu"
MARGIN = 22  # mm
# Scripts written right to left, or with combining marks, need text shaping (HarfBuzz).
_SHAPED_BIDI = {"R", "AL", "AN"}


class UnprintableText(BorradorError):
    """Text the bundled font has no glyphs for."""


def font_path(bold: bool = False) -> Path:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(str(resources.files("borrador.letters") / "fonts" / name))


@functools.cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path()), lazy=True) as font:
        return frozenset(font.getBestCmap())


def unprintable(text: str) -> list[str]:
    """Characters of `text` the font cannot draw (spacing and control marks aside)."""
    covered = _covered()
    return sorted({ch for ch in text if ord(ch) not in covered and not ch.isspace()
                   and unicodedata.category(ch) not in ("Cf", "Cc")})  # fmt: skip


def check_printable(letters: Iterable[Letter]) -> None:
    for letter in letters:
        missing = unprintable(letter.text)
        if missing:
            shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
            raise UnprintableText(
                N_("the letter to {recipient_name} has characters the PDF font cannot "
                "print: {shown}."), hint=N_("Nothing was printed. Use the text or email output, "
                "or write the name in a script the font covers."),
                recipient_name=letter.recipient_name, shown=shown)  # fmt: skip


def _needs_shaping(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _SHAPED_BIDI or unicodedata.combining(ch)
               for ch in text if not ch.isascii())  # fmt: skip


def _new_document() -> object:
    from fpdf import FPDF

    pdf = FPDF(format="Letter", unit="mm")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    pdf.add_font(FONT, "", str(font_path()))
    pdf.add_font(FONT, "B", str(font_path(bold=True)))
    pdf.set_creator("Borrador")
    return pdf


LINE = 5.2  # mm per line of letter text


def _write_letter(pdf: object, letter: Letter) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_text_shaping(_needs_shaping(letter.text))
    width = pdf.epw

    def block(text: str, size: float = 10.5, style: str = "", gap: float = 4) -> None:
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(width, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    block("\n".join(letter.sender_lines))
    block(letter.date_line)
    block("\n".join(letter.recipient_lines), gap=6)
    block(f"Re: {letter.subject}", style="B")
    block(letter.body)
    # The closing stays together: a signature is never split from its "Sincerely," and the
    # certified-mail line never sits alone on a page.
    signature_lines = 2 + bool(letter.signer_note)
    closing = (LINE + 14 + LINE * signature_lines + 8 if letter.signer else 0) + (
        LINE if letter.by_mail else 0
    )
    if closing and pdf.get_y() + closing > pdf.page_break_trigger:
        pdf.add_page()
    if letter.signer:  # the authorisation form carries its own single signature block
        block("Sincerely,", gap=14)
        block("______________________________\n" + letter.signer
              + (f"\n{letter.signer_note}" if letter.signer_note else ""), gap=8)  # fmt: skip
    if letter.by_mail:
        block("Sent by certified mail, article number: ______________________", size=9)


def _cover(pdf: object, letters: list[Letter]) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(pdf.epw, 7, f"Letters to print and mail: {len(letters)}",
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(3)
    pdf.set_font(FONT, "", 10)
    for n, letter in enumerate(letters, 1):
        where = "; ".join(letter.recipient_lines[1:]) or "(see the catalog entry)"
        pdf.multi_cell(pdf.epw, 5, f"{n}. {letter.recipient_name} — {where}\n"
                       f"   {letter.subject}\n   Certified mail no.: ____________________",
                       new_x="LMARGIN", new_y="NEXT")  # fmt: skip
        pdf.ln(2)


def render_pdf(letters: list[Letter], *, cover: bool = False) -> bytes:
    """One PDF: a page (or more) per letter, after an optional cover sheet listing them."""
    check_printable(letters)
    pdf = _new_document()
    if cover:
        _cover(pdf, letters)
    for letter in letters:
        _write_letter(pdf, letter)
    return bytes(pdf.output())  # type: ignore[attr-defined]


def render_text_pdf(text: str) -> bytes:
    """A PDF of a stored letter's exact text (attached to an email as the signed-looking copy)."""
    from borrador.letters.compose import Letter

    check_printable([Letter(0, "the recipient", (), "", (), "", text, "", "", by_mail=False)])
    pdf = _new_document()
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_text_shaping(_needs_shaping(text))
    pdf.set_font(FONT, "", 10.5)
    pdf.multi_cell(pdf.epw, 5.2, text, align="L")
    return bytes(pdf.output())
