"""Letters: 1,000 text letters vs bare jinja2; 100 PDF letters vs fpdf2's multi_cell alone."""

from __future__ import annotations

import dataclasses
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def median_time(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(rounds: int = 5) -> list[tuple[str, float, float, float]]:
    import jinja2

    from borrador.core.requests import Kind, Request
    from borrador.home.paths import Paths
    from borrador.keys import FLOOR
    from borrador.letters.pdf import FONT, font_path, render_pdf
    from borrador.letters.resources import shipped_templates
    from borrador.services import init_store

    home = tempfile.TemporaryDirectory()
    with home, init_store(Paths(Path(home.name) / "h"), "bench passphrase", kdf=FLOOR) as session:
        person = session.people.add(
            {
                "name": "Nguyễn Thị Minh Khai",
                "state": "CA",
                "addresses": [
                    {
                        "street": "1 Invented St",
                        "city": "Oakland",
                        "state": "CA",
                        "postal_code": "94601",
                    }
                ],
            }
        )
        entry = session.catalog.catalog().get("acxiom")
        request = Request(
            id=1,
            person_id=person.id or 0,
            recipient="acxiom",
            kind=Kind.DELETE,
            legal_basis="privacy-ca",
            created_on=session.clock.today(),
        )
        letters = [session.letters.build(person, entry, dataclasses.replace(request, id=i), "txt")
                   for i in range(1, 101)]  # fmt: skip

        def ours() -> None:
            for i in range(1000):
                session.letters.build(person, entry, dataclasses.replace(request, id=i), "txt")

        # The floor: the same template source, compiled once, rendered by bare jinja2 with the
        # same context (no sandbox, no context building, no explainer).
        source = (shipped_templates() / "letters" / "delete.privacy-ca.j2").read_text("utf-8")
        folder = shipped_templates() / "letters"
        env = jinja2.Environment(loader=jinja2.FunctionLoader(
            lambda name: (folder / name.split("/", 1)[1]).read_text("utf-8")),
            trim_blocks=True, lstrip_blocks=True)  # fmt: skip
        template = env.from_string(source)
        info = session.letters.templates.choose("delete", "privacy-ca")
        data = session.letters._context(person, entry, request, info.requires, "txt", {}, None)

        def bare() -> None:
            for _ in range(1000):
                template.render(data)

        text_value, text_floor = median_time(ours, rounds), median_time(bare, rounds)

        def pdf_floor() -> None:
            from fpdf import FPDF

            pdf = FPDF(format="Letter", unit="mm")
            pdf.add_font(FONT, "", str(font_path()))
            pdf.set_font(FONT, "", 10.5)
            for letter in letters:
                pdf.add_page()
                pdf.multi_cell(pdf.epw, 5.2, letter.text)
            pdf.output()

        pdf_value = median_time(lambda: render_pdf(letters), rounds)
        pdf_base = median_time(pdf_floor, rounds)
    return [
        ("letters_text_1000_seconds", text_value, text_floor, 3.0),
        ("letters_pdf_100_seconds", pdf_value, pdf_base, 2.0),
    ]
