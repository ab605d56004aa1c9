"""Plain printable documents (resident sheet, case report): headings, lines, small print."""

from __future__ import annotations

from borrador.letters.pdf import FONT, _needs_shaping, _new_document, check_printable

# (style, text): "title", "heading", "text", "small"
Block = tuple[str, str]
STYLES = {"title": ("B", 15, 8, 3), "heading": ("B", 11, 5.5, 1), "text": ("", 10, 5, 2),
          "small": ("", 8.5, 4.2, 1.5)}  # fmt: skip


def render_document(blocks: list[Block], *, compact: bool = False) -> bytes:
    """`compact` shrinks the type so a long list still fits the one page it is meant for."""
    from fpdf import FPDF

    from borrador.letters.compose import Letter

    text = "\n".join(t for _, t in blocks)
    check_printable([Letter(0, "", (), "", (), "", text, "", "", by_mail=False)])
    pdf = _new_document()
    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_text_shaping(_needs_shaping(text))
    scale = 0.85 if compact else 1.0
    for style, content in blocks:
        weight, size, height, gap = STYLES[style]
        pdf.set_font(FONT, weight, size * scale)
        pdf.multi_cell(pdf.epw, height * scale, content, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap * scale)
    return bytes(pdf.output())
