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


DROP_URL = "https://privacy.ca.gov/drop/"


def drop_guide(person: dict[str, object]) -> FormGuide:
    """California's Delete Request and Opt-out Platform (Civ. Code §1798.99.86): one request
    to every registered data broker. A guide to the state's site, not a letter."""
    fields = [("Full name", str(person.get("name") or "(not recorded)")),
              ("Date of birth (voluntary)", str(person.get("birth_date") or "(not recorded)")),
              ("Email (voluntary)", str(person.get("email") or "(not recorded)"))]  # fmt: skip
    steps = (
        "Open the DROP site and agree to its terms of use.",
        "Verify California residency (California Identity Gateway or Login.gov).",
        "Enter the values below; more identifiers help brokers find the records.",
        "Submit, and keep the confirmation. The request can be cancelled later on the site.",
    )
    warnings = ("DROP reaches only brokers registered in California. It does not reach "
                "unregistered brokers, files covered by the Fair Credit Reporting Act, NCTUE, "
                "or Thomson Reuters' own suppression form: send those letters too.",)  # fmt: skip
    return FormGuide("California DROP (Delete Request and Opt-out Platform)", DROP_URL, steps,
                     tuple(fields), warnings)  # fmt: skip
