"""A step-by-step guide for brokers that take requests only through a web form."""

from __future__ import annotations

import dataclasses

from borrador.catalog.model import REQUIREMENTS, SENSITIVE, Channel

# requirement -> (label, person context key)
FIELD_FOR = {"name": ("Full name", "name"), "dob": ("Date of birth", "birth_date"),
             "address": ("Address", "address"), "email": ("Email", "email"),
             "phone": ("Phone", "phone")}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class FormGuide:
    recipient_name: str
    url: str
    steps: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]  # (label, value to paste)
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        lines = [f"Web form for {self.recipient_name}: {self.url}", ""]
        lines += [f"WARNING: {w}" for w in self.warnings]
        lines += [f"{n}. {step}" for n, step in enumerate(self.steps, 1)]
        lines += ["", "Values to paste:"] + [f"  {label}: {value}" for label, value in self.fields]
        return "\n".join(lines) + "\n"


def form_guide(recipient_name: str, channel: Channel, person: dict[str, object]) -> FormGuide:
    fields = []
    for requirement in channel.requires:
        if requirement in FIELD_FOR:
            label, key = FIELD_FOR[requirement]
            value = person.get(key)
            text = ", ".join(value) if isinstance(value, list) else str(value or "")
            fields.append((label, text or "(not recorded)"))
    steps = channel.steps or (
        "Open the form at the address above.",
        "Fill in the values below.",
        "Submit, and keep the confirmation.",
    )
    extra = [f"It also needs {REQUIREMENTS[r]}." for r in channel.requires
             if r not in FIELD_FOR and r not in SENSITIVE and r in REQUIREMENTS]  # fmt: skip
    warnings = tuple(SENSITIVE[r] for r in channel.requires if r in SENSITIVE)
    return FormGuide(recipient_name, channel.url, (*steps, *extra), tuple(fields), warnings)
