"""Print the README's shell blocks that carry a tag, so CI runs the README as written.

A block is tagged by an HTML comment on the line before its fence: `<!-- ci: install -->`,
`<!-- ci: test -->`, `<!-- ci: quickstart -->`. `python scripts/readme_blocks.py TAG` prints
the blocks with that tag, in order; exit 1 if there is none (a renamed tag must not silently
skip the check)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"<!-- ci: ([a-z-]+) -->\n```sh\n(.*?)```", re.S)


def blocks(tag: str, text: str) -> list[str]:
    return [body for found, body in BLOCK.findall(text) if found == tag]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: readme_blocks.py TAG", file=sys.stderr)
        return 2
    found = blocks(argv[0], README.read_text("utf-8"))
    if not found:
        print(f"README.md has no block tagged {argv[0]!r}", file=sys.stderr)
        return 1
    sys.stdout.write("".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
