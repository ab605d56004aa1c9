"""What step 3 of New requests says before any letter is drafted: the law each letter rests on
and its warnings, the letters that cannot be made as things stand (a detail the recipient
needs is not recorded, no web form, no email address) grouped, and open duplicates."""

from __future__ import annotations

from typing import Any

from borrador.core.errors import BorradorError, ValidationError
from borrador.i18n import N_, _
from borrador.services import Session
from borrador.services.profile import Agent
from borrador.tui.advice import advice
from borrador.tui.wording import catalog_text

# What a recipient may need to find the person's records (a field the person may lack).
PERSON_DETAILS = {"phone": N_("phone number"), "email": N_("email address"),
                  "birth_date": N_("date of birth"), "address": N_("postal address")}  # fmt: skip


def describe(refused: dict[str, BorradorError], names: dict[str, str]) -> str:
    """One line per missing detail (naming every recipient that needs it), then the others."""
    lacking: dict[str, list[str]] = {}
    lines = []
    for slug, exc in refused.items():
        name = names.get(slug, slug)
        if isinstance(exc, ValidationError) and exc.field in PERSON_DETAILS:
            lacking.setdefault(exc.field, []).append(name)
        else:
            lines.append(f"{name}: {advice(exc)}")
    for field, who in lacking.items():
        one = _("{names} needs the person's {detail} to find the records, and none is "
                "recorded: add it on the People screen (F2), or leave it out.")
        several = _("{names} need the person's {detail} to find the records, and none is "
                    "recorded: add it on the People screen (F2), or leave them out.")
        text = one if len(who) == 1 else several
        lines.insert(0, text.format(names=", ".join(who), detail=_(PERSON_DETAILS[field])))
    return "\n".join(lines)


def working_ways(
    session: Session,
    person_id: int,
    recipients: list[str],
    kind: str,
    options: dict[str, Any],
    agent: Agent | None,
) -> tuple[dict[str, str], dict[str, BorradorError]]:
    """Each recipient's best way that can be made for this person (its best way first, then
    any other the catalog has somewhere to send to), and those with none, each with the
    reason its best way cannot be made. Plain text is never a fallback: it reaches no one."""
    from borrador.services.channels import best_format, destinations

    catalog = session.catalog.catalog()
    ways: dict[str, str] = {}
    refused: dict[str, BorradorError] = {}
    for slug in recipients:
        entry = catalog.get(slug)
        where, best = destinations(entry, kind), best_format(entry, kind)
        order = [best] + [w for w in ("pdf", "eml", "web") if w != best and where[w]]
        reasons = []
        for way in order:
            found = session.letters.refusals(person_id, {way: [slug]}, kind, options=options,
                                             agent=agent)  # fmt: skip
            if slug not in found:
                ways[slug] = way
                break
            reasons.append(found[slug])
        else:
            refused[slug] = reasons[0]
    return ways, refused


def duplicates(
    session: Session, person_id: int, recipients: list[str], kind: str
) -> tuple[tuple[int, ...], str]:
    """The person's open requests of this kind to these recipients, and what to ask."""
    found = session.requests.open_duplicates(person_id, recipients, kind)
    if not found:
        return (), ""
    entries = session.catalog.catalog().entries
    names = ", ".join(f"{entries[r.recipient].name if r.recipient in entries else r.recipient}"
                      f" (#{r.id}, {_(str(r.status))})" for r in found)  # fmt: skip
    text = _("Already open for this person: {names}. Press Next again to make another "
             "anyway, or go back and untick them.").format(names=names)  # fmt: skip
    return tuple(sorted(r.id or 0 for r in found)), text


def basis_lines(session: Session, person_id: int, recipients: list[str], kind: str) -> list[str]:
    """The legal basis chosen for each recipient with its one-line why, and the warnings."""
    catalog = session.catalog.catalog()
    lines = []
    for slug in recipients:
        entry = catalog.covering(slug)
        _law, why = session.requests.explain_basis(person_id, slug, kind)
        lines.append(f"{entry.name}: {why}")
        lines += [f"  ⚠ {catalog_text(w)}" for w in entry.requirement_warnings()]
    if kind == "records" or any(catalog.covering(s).kind == "agency" for s in recipients):
        lines.insert(0, _("⚠ A public-records request tells the agency the requester's name "
                          "and contact details. Consider sending it through the clinic."))
    return lines
