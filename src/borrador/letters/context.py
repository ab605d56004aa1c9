"""The plain data a letter template sees, minimised to what the recipient needs.

Every key always exists (StrictUndefined would stop a template that tests a missing one), but a
person field the recipient's channel does not require is left empty, so it never reaches the
letter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from borrador.catalog.model import Broker, Channel
from borrador.core.deadlines import Period, Rule
from borrador.core.people import Address, Person

# catalog requirement -> person fields it lets the letter carry
REQUIREMENT_FIELDS = {
    "name": ("name", "other_names"),
    "dob": ("birth_date",),
    "address": ("address", "past_addresses"),
    "email": ("email",),
    "phone": ("phone",),
}
# With no catalog requirement to go on: brokers need a name and address to find records;
# agencies only a way to answer (an agency letter never needs the person's street address).
DEFAULT_NEEDS: dict[str, tuple[str, ...]] = {
    "broker": ("name", "address"),
    "agency": ("name", "email"),
}
CHANNEL_FOR_FORMAT = {"eml": ("email",), "pdf": ("mail", "fax"), "txt": ("mail", "fax", "email"),
                      "web": ("web",)}  # fmt: skip
DEFAULT_RECORDS_SUBJECT = (
    "contracts, task orders, statements of work, invoices, usage or audit logs, and "
    "correspondence about the agency's purchase of, or access to, commercial personal-data "
    "products such as LexisNexis Accurint and Thomson Reuters CLEAR, from January 1, 2020 "
    "to the date of your search"
)


@dataclasses.dataclass(frozen=True)
class Agent:
    """Someone sending for the person (a clinic volunteer) as their authorised agent."""

    name: str
    organisation: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""


def pick_channel(entry: Broker, kind: str, fmt: str) -> Channel | None:
    """The channel a letter in `fmt` goes through for `kind` (any purpose as a fallback)."""
    purpose = {"follow-up": None, "complaint": None}.get(kind, kind)
    for wanted in CHANNEL_FOR_FORMAT.get(fmt, ()):
        for channel in entry.channels:
            if channel.type == wanted and (purpose is None or purpose in channel.purposes):
                return channel
    for wanted in CHANNEL_FOR_FORMAT.get(fmt, ()):
        for channel in entry.channels:
            if channel.type == wanted:
                return channel
    return None


def needed_fields(
    entry: Broker, channel: Channel | None, template_requires: tuple[str, ...]
) -> set[str]:
    needs: set[str] = set(template_requires)
    required = [r for r in (channel.requires if channel else ()) if r in REQUIREMENT_FIELDS]
    for requirement in required or DEFAULT_NEEDS.get(entry.kind, ("name",)):
        needs.update(REQUIREMENT_FIELDS.get(requirement, (requirement,)))
    return needs


def address_lines(address: Address | None) -> list[str]:
    if address is None:
        return []
    street = f"{address.street}, {address.unit}" if address.unit else address.street
    region = " ".join(p for p in (address.state, address.postal_code) if p)
    lines = [street, ", ".join(p for p in (address.city, region) if p)]
    if address.country != "US":
        lines.append(address.country)
    return lines


def current_address(person: Person) -> Address | None:
    return next(
        (a for a in person.addresses if a.current),
        person.addresses[0] if person.addresses else None,
    )


def person_context(person: Person, fields: set[str], long_date: Any) -> dict[str, Any]:
    current = current_address(person)
    past = [a for a in person.addresses if a is not current]
    share = fields.__contains__
    return {
        "name": person.name,
        "other_names": list(person.other_names) if share("other_names") else [],
        "birth_date": long_date(person.birth_date)
        if share("birth_date") and person.birth_date
        else "",
        "address": address_lines(current) if share("address") else [],
        "past_addresses": [", ".join(address_lines(a)) for a in past]
        if share("past_addresses")
        else [],
        "email": person.emails[0] if share("email") and person.emails else "",
        "phone": person.phones[0] if share("phone") and person.phones else "",
        "state": person.state,
    }


def missing_fields(person: Person, fields: set[str]) -> list[str]:
    have = {"name": bool(person.name), "birth_date": person.birth_date is not None,
            "address": bool(person.addresses), "email": bool(person.emails),
            "phone": bool(person.phones)}  # fmt: skip
    return sorted(f for f in fields if have.get(f) is False)


def period_text(period: Period | None) -> str:
    return str(period) if period else ""


def law_context(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.law, "name": rule.name, "citation": rule.citation, "courtesy": rule.courtesy,
        "respond": period_text(rule.respond), "acknowledge": period_text(rule.acknowledge),
        "extension": period_text(rule.extension), "extension_note": rule.extension_note,
        "complaint_to": rule.complaint_to,
    }  # fmt: skip


def recipient_context(
    entry: Broker, channel: Channel | None, options: dict[str, Any]
) -> dict[str, Any]:
    name = options.get("agency_name") or entry.name
    mail = channel.address if channel and channel.type in ("mail", "fax") else ""
    if not mail:
        mail = next((c.address for c in entry.channels if c.type == "mail"), "")
    address = options.get("agency_address") or mail
    return {
        "name": name, "slug": entry.slug, "kind": entry.kind,
        "address": [line for line in address.splitlines() if line.strip()],
        "email": channel.email if channel else "", "url": channel.url if channel else "",
        "fcra": entry.flag("fcra_regulated"), "products": list(entry.agency_products),
    }  # fmt: skip


def sender_context(person_ctx: dict[str, Any], agent: Agent | None) -> dict[str, Any]:
    """Who signs: the person (with only the contact details this recipient gets) or an agent."""
    if agent is None:
        lines = [person_ctx["name"], *person_ctx["address"]]
        return {"name": person_ctx["name"], "lines": lines, "email": person_ctx["email"],
                "phone": person_ctx["phone"]}  # fmt: skip
    lines = [agent.name, agent.organisation, *agent.address.splitlines()]
    return {"name": agent.name, "lines": [line for line in lines if line.strip()],
            "email": agent.email, "phone": agent.phone}  # fmt: skip


def deadline_context(rule: Rule) -> dict[str, Any]:
    return {"respond": str(rule.respond), "days": rule.respond.days,
            "business": rule.respond.business, "legal": not rule.courtesy}  # fmt: skip


def english_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def sample_context(*, with_agent: bool) -> dict[str, Any]:
    """Invented data for trial renders (`borrador templates check`): every key filled."""
    person = {"name": "Ana Ejemplo", "other_names": ["Ana E."],
              "birth_date": "January 2, 1990", "address": ["1 Example Street", "Denver, CO 80202"],
              "past_addresses": ["2 Sample Road, Boulder, CO 80301"],
              "email": "ana@example.org", "phone": "(303) 555-0100", "state": "CO",
              "state_name": "Colorado"}  # fmt: skip
    agent = {"name": "Volunteer Example", "organisation": "Example Clinic",
             "address": "3 Clinic Way\nDenver, CO 80202", "email": "clinic@example.org",
             "phone": ""} if with_agent else None  # fmt: skip
    law = {"id": "privacy-co", "name": "Colorado Privacy Act", "citation": "C.R.S. §6-1-1306",
           "courtesy": False, "respond": "45 calendar days", "acknowledge": "",
           "extension": "45 calendar days", "extension_note": "with notice",
           "complaint_to": "the Colorado Attorney General"}  # fmt: skip
    opening = ("I write as the authorised agent of Ana Ejemplo, a resident of Colorado, through "
               "Example Clinic. Ana Ejemplo's signed authorisation is enclosed." if with_agent
               else "I live in Colorado.")  # fmt: skip
    return {
        "person": person, "agent": agent, "law": law, "today": "January 5, 2027",
        "recipient": {"name": "Example Broker", "slug": "example", "kind": "broker",
                      "address": ["PO Box 1", "Example, CA 90000"], "email": "privacy@example.org",
                      "url": "https://example.org/privacy", "fcra": False, "products": []},
        "request": {"id": 1, "kind": "delete"},
        "sender": {"name": person["name"], "lines": [person["name"], *person["address"]],
                   "email": person["email"], "phone": person["phone"]},
        "who": {"agent": with_agent, "opening": opening,
                "me": "Ana Ejemplo" if with_agent else "me",
                "my": "Ana Ejemplo's" if with_agent else "my",
                "subject": "Ana Ejemplo" if with_agent else "I", "state": "Colorado",
                "helper": ""},
        "rights": {"law": "privacy-co", "row": True, "kinds": ["access", "delete", "opt-out"],
                   "opt_outs": ["sale"], "opt_out_text": "the sale of my personal data",
                   "limit_sensitive": False, "third_party_list": False,
                   "third_party_categories": False, "portability": True,
                   "deletion_scope": "all", "deletion_cite": "C.R.S. §6-1-1306(1)(d)",
                   "appeal": True, "appeal_decide": "45 calendar days", "appeal_filing": "",
                   "appeal_citation": "C.R.S. §6-1-1306(3)", "agent_kinds": ["opt-out"],
                   "agent_kind_words": ["requests to opt out of the sale of my personal data"],
                   "agent_may": with_agent, "agent_cite": "C.R.S. §6-1-1306(1)(a)(II)",
                   "regulator": {"name": "Example Regulator", "address": ["1 Main St"],
                                 "url": "https://example.org/complaint", "confirmed": False}},
        "agency": {"state": "IL", "state_name": "Illinois",
                   "act": "Illinois Freedom of Information Act", "act_citation": "5 ILCS 140",
                   "respond": "5 business days", "respond_citation": "5 ILCS 140/3(d)",
                   "respond_note": ""},
        "fcra": {"clock_applies": True, "route": "direct", "website": "", "phone": ""},
        "authorization": {"recipients": ["Example Broker"], "language": "es",
                          "kind_words": ["solicitudes para excluirme de la venta de mis datos "
                                         "personales"]},
        "drop": {"offer": True, "registered": True},
        "options": {"fee_waiver": True, "about": DEFAULT_RECORDS_SUBJECT},
        "history": [{"on": "December 1, 2026", "text": "request sent"}],
        "original": {"id": 1, "kind": "delete", "recipient_name": "Example Broker",
                     "sent_on": "December 1, 2026", "respond_by": "January 15, 2027",
                     "respond_by_iso": "2027-01-15", "deadline_passed": True,
                     "estimated": True, "received_on": "December 4, 2026", "answer": "",
                     "answer_on": "", "acknowledged_on": "", "followed_up": True,
                     "followed_up_on": "January 20, 2027", "appealed": True,
                     "appealed_on": "January 25, 2027", "appeal_answer": "",
                     "appeal_answer_on": "", "appeal_first": True, "reference": "9400",
                     "confirmation": "9400"},
        "deadline": {"respond": "45 calendar days", "days": 45, "business": False, "legal": True},
    }  # fmt: skip
