"""Reply figures: matching precision and recall on the labelled fixtures, and importing a
5,000-message mbox against the floor of parsing it with the standard library alone."""

from __future__ import annotations

import email
import email.policy
import mailbox
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import BENCH_DIR

sys.path.insert(0, str(BENCH_DIR.parent))  # the repository: shared test fixtures
from tests.helpers.reply_fixtures import X, message, write_mbox
from tests.helpers.reply_scoring import evaluate

MBOX_SIZE = 5000


def _store(tmp: str) -> Any:
    from borrador.home.paths import Paths
    from borrador.keys import FLOOR
    from borrador.services import init_store

    return init_store(Paths(Path(tmp) / "home"), "benchmark passphrase", kdf=FLOOR)


def big_mbox(path: Path, count: int = MBOX_SIZE) -> Path:
    """A mailbox of ordinary mail with a few replies in it, like a Takeout export."""
    messages = []
    for n in range(count):
        if n % 50 == 0:
            data = message(
                "privacy@epsilon.com",
                X,
                f"Re: Privacy request {n}",
                "We have received your request.\n" * 5,
                msgid=f"m{n}@epsilon.com",
                reply_to="req-eps-x.1@example.net",
            )
        else:
            data = message(
                f"sender{n % 97}@list{n % 13}.example",
                X,
                f"Newsletter {n}",
                ("Lorem ipsum dolor sit amet, news of the week. " * 30 + "\n") * 3,
                msgid=f"m{n}@list.example",
                html="<p>" + "news " * 400 + "</p>" if n % 3 == 0 else "",
            )
        messages.append(data)
    return write_mbox(path, messages)


def floor_parse(path: Path) -> int:
    """Parsing with the standard library alone: every message and its text parts."""
    count = 0
    for item in mailbox.mbox(str(path), factory=None):
        parsed = email.message_from_bytes(item.as_bytes(), policy=email.policy.compat32)
        for part in parsed.walk():
            if part.get_content_maintype() == "text":
                part.get_payload(decode=True)
        count += 1
    return count


def run() -> list[tuple[str, float, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fixtures"
        folder.mkdir()
        with _store(tmp) as session:
            scores = evaluate(session, folder)
            print(
                f"replies matching on {scores['messages']} labelled messages: precision "
                f"{scores['precision']:.3f} (target >= 0.98), recall {scores['recall']:.3f} "
                f"(target >= 0.9), suggestions right {scores['suggestions']:.3f}, "
                f"malformed skipped {scores['skipped_as_expected']}/"
                f"{scores['skipped_expected']}"
            )
            for line in scores["wrong"]:
                print(f"  miss: {line}")
            path = big_mbox(Path(tmp) / "big.mbox")
            start = time.perf_counter()
            assert floor_parse(path) == MBOX_SIZE
            floor = time.perf_counter() - start
            start = time.perf_counter()
            result = session.replies.import_files([path])
            took = time.perf_counter() - start
            read = len(result.matched) + len(result.unmatched) + result.already
            read += result.ignored
            print(
                f"replies import of {MBOX_SIZE} messages: {took:.2f}s, stdlib parse floor "
                f"{floor:.2f}s, {len(result.matched)} matched, {read} read, "
                f"{result.ignored} ignored, {len(result.skipped)} skipped"
            )
    # Precision and recall as ratios against their targets: a ratio <= 1 meets the target.
    return [
        ("replies matching precision: target 0.98 / measured", 0.98, scores["precision"], 1.0),
        ("replies matching recall: target 0.9 / measured", 0.9, scores["recall"], 1.0),
        ("replies import 5,000-message mbox (s)", took, floor, 3.0),
    ]


if __name__ == "__main__":
    for figure, value, floor, target in run():
        print(f"{figure}: {value:.4f} ({value / floor:.2f}x floor {floor:.4f}; target {target}x)")
