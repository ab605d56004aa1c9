"""Scoring reply matching on the labelled fixtures (used by a test and by the benchmark)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import reply_world
from tests.helpers.reply_fixtures import labelled


def evaluate(session: Any, folder: Path) -> dict[str, Any]:
    """Import every labelled fixture as its own .eml; score matches and suggestions."""
    ids = reply_world.build(session)
    cases = labelled()
    files = []
    for n, case in enumerate(cases):
        path = folder / f"{n:03d}-{case.name}.eml"
        path.write_bytes(case.data)
        files.append(path)
    result = session.replies.import_files(files)
    by_file = {o.source: o for o in [*result.matched, *result.unmatched]}
    skipped = {s.file for s in result.skipped}
    true_pos = false_pos = should = suggested_ok = suggested_n = skip_ok = 0
    wrong: list[str] = []
    for case, path in zip(cases, files, strict=True):
        outcome = by_file.get(str(path))
        if case.skipped:
            skip_ok += str(path) in skipped
            continue
        expected = ids[case.expect] if case.expect else None
        got = outcome.request_id if outcome else None
        should += expected is not None
        if got is not None:
            if got == expected:
                true_pos += 1
            else:
                false_pos += 1
                wrong.append(f"{case.name}: matched {got}, expected {expected}")
        elif expected is not None:
            wrong.append(f"{case.name}: unmatched ({outcome.reason if outcome else 'skipped'})")
        if got is not None and got == expected and case.suggested is not None and outcome:
            suggested_n += 1
            if outcome.suggested == case.suggested:
                suggested_ok += 1
            else:
                wrong.append(
                    f"{case.name}: suggested {outcome.suggested!r}, expected {case.suggested!r}"
                )
    matched = true_pos + false_pos
    return {
        "messages": len(cases),
        "precision": true_pos / matched if matched else 1.0,
        "recall": true_pos / should if should else 1.0,
        "suggestions": suggested_ok / suggested_n if suggested_n else 1.0,
        "skipped_as_expected": skip_ok,
        "skipped_expected": sum(c.skipped for c in cases),
        "wrong": wrong,
    }
