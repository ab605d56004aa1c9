"""Printed letters keep their closing together: "Sincerely,", the signature line, the name and
the certified-mail line are always on one page, whatever the length of the body."""

import io

from pypdf import PdfReader

from borrador.letters.compose import Letter
from borrador.letters.pdf import render_pdf


def _letter(paragraphs: int) -> Letter:
    body = "\n\n".join(f"Paragraph {n}: please delete what you hold about me." for n in
                       range(paragraphs))  # fmt: skip
    return Letter(request_id=1, recipient_name="Ejemplo Data Inc", sender_lines=("Ana Ejemplo",),
                  date_line="December 1, 2026", recipient_lines=("Ejemplo Data Inc", "1 Calle"),
                  subject="Delete my data", body=body, signer="Ana Ejemplo Inventada",
                  signer_note="", by_mail=True)  # fmt: skip


def test_the_closing_is_never_split_across_pages():
    splits_avoided = 0
    for paragraphs in range(10, 40):  # the closing lands at every height of the first page
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(render_pdf([_letter(paragraphs)]))).pages]
        [closing] = [text for text in pages if "Sincerely," in text]
        assert "Ana Ejemplo Inventada" in closing and "certified mail" in closing, paragraphs
        only_certified = [t for t in pages if "certified mail" in t and "Sincerely," not in t]
        assert not only_certified, paragraphs
        splits_avoided += len(pages) > 1
    assert splits_avoided  # some lengths do need a second page: the case was exercised
