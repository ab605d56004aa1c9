"""Extract the UI's messages, update the catalogs, and compile the .mo files that ship.

python scripts/i18n.py           # after changing UI text; then translate new entries
python scripts/i18n.py --check   # exit 1 if a catalog is stale or a translation missing
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "borrador"
LOCALE = PACKAGE / "i18n" / "locale"
LANGUAGES = ("es",)
FIXED_DATE = datetime.datetime(2026, 11, 26, tzinfo=datetime.UTC)


def template() -> Catalog:
    # A fixed date: the catalogs only change when their text does (CI compares them).
    catalog = Catalog(project="borrador", charset="utf-8", creation_date=FIXED_DATE)
    for folder in ("tui", "i18n", "services", "letters", "catalog", "laws"):
        for filename, lineno, message, _comments, _context in extract_from_dir(
            PACKAGE / folder,
            method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None},
        ):
            catalog.add(message, locations=[(f"{folder}/{filename}", lineno)])
    return catalog


def main(check: bool) -> int:
    pot = template()
    problems = []
    for language in LANGUAGES:
        folder = LOCALE / language / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po_path = folder / "borrador.po"
        catalog = (
            read_po(po_path.open("rb"), locale=language)
            if po_path.exists()
            else Catalog(locale=language, project="borrador")
        )
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.creation_date = FIXED_DATE
        missing = [m.id for m in catalog if m.id and not m.string]
        problems += [f"{language}: untranslated: {m!r}" for m in missing]
        po = io.BytesIO()
        write_po(
            po, catalog, omit_header=False, sort_output=True, width=100, include_lineno=False
        )  # file names only: reformatting must not stale it
        mo = io.BytesIO()
        write_mo(mo, catalog)
        if check:
            if not po_path.exists() or po_path.read_bytes() != po.getvalue():
                problems.append(f"{po_path} is out of date: run python scripts/i18n.py")
            mo_path = folder / "borrador.mo"
            if not mo_path.exists() or mo_path.read_bytes() != mo.getvalue():
                problems.append(f"{mo_path} is out of date: run python scripts/i18n.py")
        else:
            po_path.write_bytes(po.getvalue())
            (folder / "borrador.mo").write_bytes(mo.getvalue())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
