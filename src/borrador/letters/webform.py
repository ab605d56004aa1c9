"""A step-by-step guide for brokers that take requests only through a web form."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from borrador.catalog.model import REQUIREMENTS, SENSITIVE, Channel
from borrador.i18n import N_

Translate = Callable[[str], str]

# requirement -> (label, person context key)
FIELD_FOR = {"name": (N_("Full name"), "name"), "dob": (N_("Date of birth"), "birth_date"),
             "address": (N_("Address"), "address"), "email": (N_("Email"), "email"),
             "phone": (N_("Phone"), "phone")}  # fmt: skip
# The words of the guide's text file (a guide is written in the language it was made in).
HEADINGS = (N_("Web form for {name}: {url}"), N_("WARNING: {warning}"), N_("Values to paste:"))
NOT_RECORDED = N_("(not recorded)")


def _same(text: str) -> str:
    return text


@dataclasses.dataclass(frozen=True)
class FormGuide:
    recipient_name: str
    url: str
    steps: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]  # (label, value to paste)
    warnings: tuple[str, ...]
    headings: tuple[str, str, str] = HEADINGS  # translated with the rest

    @property
    def text(self) -> str:
        title, warning, values = self.headings
        lines = [title.format(name=self.recipient_name, url=self.url), ""]
        lines += [warning.format(warning=w) for w in self.warnings]
        lines += [f"{n}. {step}" for n, step in enumerate(self.steps, 1)]
        lines += ["", values] + [f"  {label}: {value}" for label, value in self.fields]
        return "\n".join(lines) + "\n"


DEFAULT_STEPS = (
    N_("Open the form at the address above."),
    N_("Fill in the values below."),
    N_("Submit, and keep the confirmation."),
)
ALSO_NEEDS = N_("It also needs {what}.")


def form_guide(recipient_name: str, channel: Channel, person: dict[str, object],
               translate: Translate = _same) -> FormGuide:  # fmt: skip
    """The guide in the language `translate` speaks (the catalog's own steps for a broker
    stay as the catalog writes them)."""
    fields = []
    for requirement in channel.requires:
        if requirement in FIELD_FOR:
            label, key = FIELD_FOR[requirement]
            value = person.get(key)
            text = ", ".join(value) if isinstance(value, list) else str(value or "")
            fields.append((translate(label), text or translate(NOT_RECORDED)))
    steps = channel.steps or tuple(translate(step) for step in DEFAULT_STEPS)
    extra = [translate(ALSO_NEEDS).format(what=translate(REQUIREMENTS[r]))
             for r in channel.requires
             if r not in FIELD_FOR and r not in SENSITIVE and r in REQUIREMENTS]  # fmt: skip
    warnings = tuple(translate(SENSITIVE[r]) for r in channel.requires if r in SENSITIVE)
    return FormGuide(recipient_name, channel.url, (*steps, *extra), tuple(fields), warnings,
                     _headings(translate))  # fmt: skip


def _headings(translate: Translate) -> tuple[str, str, str]:
    title, warning, values = (translate(h) for h in HEADINGS)
    return title, warning, values


DROP_URL = "https://privacy.ca.gov/drop/"


DROP_STEPS = (
    N_("Open the DROP site and agree to its terms of use."),
    N_("Verify California residency (California Identity Gateway or Login.gov)."),
    N_("Enter the values below; more identifiers help brokers find the records."),
    N_("Submit, and keep the confirmation. The request can be cancelled later on the site."),
)
DROP_WARNING = N_("DROP reaches only brokers registered in California. It does not reach "
                  "unregistered brokers, files covered by the Fair Credit Reporting Act, NCTUE, "
                  "or Thomson Reuters' own suppression form: send those letters too.")  # fmt: skip
DROP_NAME = N_("California DROP (Delete Request and Opt-out Platform)")


def drop_guide(person: dict[str, object], translate: Translate = _same) -> FormGuide:
    """California's Delete Request and Opt-out Platform (Civ. Code §1798.99.86): one request
    to every registered data broker. A guide to the state's site, not a letter."""
    missing = translate(NOT_RECORDED)
    fields = [(translate(N_("Full name")), str(person.get("name") or missing)),
              (translate(N_("Date of birth (voluntary)")),
               str(person.get("birth_date") or missing)),
              (translate(N_("Email (voluntary)")),
               str(person.get("email") or missing))]  # fmt: skip
    steps = tuple(translate(step) for step in DROP_STEPS)
    return FormGuide(translate(DROP_NAME), DROP_URL, steps, tuple(fields),
                     (translate(DROP_WARNING),), _headings(translate))  # fmt: skip
