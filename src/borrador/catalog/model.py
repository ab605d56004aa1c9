"""What the catalog knows about a recipient (a data broker or a government agency)."""

from __future__ import annotations

import dataclasses
import datetime as dt

CHANNEL_TYPES = ("web", "email", "mail", "phone", "fax")
# What a request through a channel can ask for: request kinds plus broker-specific actions.
PURPOSES = ("opt-out", "delete", "access", "disclosure", "dispute", "records", "correct",
            "security-freeze", "suppression", "appeal")  # fmt: skip
REQUIREMENTS = {
    "name": "your name",
    "dob": "your date of birth",
    "address": "your address",
    "email": "an email address",
    "phone": "a phone number",
    "captcha": "solving a captcha",
    "email-confirmation": "clicking a link sent by email",
    "sms-code": "a code sent by text message",
    "profile-url": "the web address of your listing",
    "account": "creating an account",
    "identity-quiz": "answering questions about your credit history",
    "ssn": "a Social Security number (optional there: leave it out)",
    "id-upload": "uploading a photo of an ID document",
    "phone-call": "a phone call",
    "payment": "a payment",
    "advertising-id": "your phone's advertising ID",
    "signature": "a signed form",
}
# Requirements that put the person at more risk, or cost them: shown as warnings first.
SENSITIVE = {
    "ssn": "It may ask for a Social Security number. It is optional: leave it out.",
    "id-upload": "It asks for a photo of an ID document. Share one only if you accept that "
    "this company keeps a copy of it.",
    "phone-call": "It needs a phone call: the company will learn the number you call from.",
    "payment": "It asks for a payment. You should never have to pay to opt out.",
    "advertising-id": "It asks for your phone's advertising ID, which links you to location "
    "data. Reset the ID afterwards.",
    "identity-quiz": "It asks questions about your credit history to check who you are.",
    "account": "It pushes you to create an account, which gives it more data about you.",
}
CATEGORIES = ("risk-and-identity", "people-search", "marketing", "credit-bureau",
              "consumer-reporting", "location", "government-contractor", "property",
              "business-contact", "insurance", "government-agency")  # fmt: skip
GOV_LINK_KINDS = ("immigration-enforcement", "federal-government", "law-enforcement",
                  "state-local-government")  # fmt: skip
QUALITIES = ("verified", "unverified", "imported")
STATUSES = ("active", "exited")
KINDS = ("broker", "agency")
# Yes/no answers a state registry publishes, kept as filters next to each broker.
REGISTRY_FLAGS = {
    "sold_to_federal_government": "sold data to the federal government",
    "sold_to_law_enforcement": "sold data to law enforcement",
    "sold_to_foreign_actor": "sold data to a foreign actor",
    "sold_to_genai_developer": "sold data to a generative-AI developer",
    "collects_immigration_status": "collects immigration or citizenship status",
    "collects_precise_geolocation": "collects precise geolocation",
    "collects_minors": "collects data about minors",
    "collects_biometrics": "collects biometric data",
    "collects_reproductive_health": "collects reproductive health data",
    "collects_government_ids": "collects government ID numbers",
    "fcra_regulated": "regulated by the FCRA",
    "glba_regulated": "regulated by the GLBA",
    "hipaa_regulated": "regulated by HIPAA",
}


@dataclasses.dataclass(frozen=True)
class Channel:
    type: str
    purposes: tuple[str, ...]
    url: str = ""
    email: str = ""
    address: str = ""
    phone: str = ""
    steps: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    note: str = ""
    unverified: bool = False


@dataclasses.dataclass(frozen=True)
class GovLink:
    kind: str
    summary: str
    source: str
    unverified: bool = False


@dataclasses.dataclass(frozen=True)
class Broker:
    slug: str
    name: str
    kind: str = "broker"
    parent: str = ""
    covered_by: str = ""  # slug of the entry whose one opt-out covers this brand
    brands: tuple[str, ...] = ()
    agency_products: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    website: str = ""
    domains: tuple[str, ...] = ()
    gov_links: tuple[GovLink, ...] = ()
    channels: tuple[Channel, ...] = ()
    honours: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (request kind, law ids)
    # Agencies: "federal", "state:CO", or "state" (a generic entry: the state is asked for).
    jurisdiction: str = ""
    fcra_regulated: bool = False
    processing_days: int | None = None
    relist_days: int | None = None
    warnings: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()  # statements that rest on a single or old source
    sources: tuple[str, ...] = ()
    last_verified: dt.date | None = None
    quality: str = "verified"
    status: str = "active"
    status_date: dt.date | None = None
    notes: str = ""
    registry_flags: tuple[tuple[str, bool], ...] = ()  # (flag, answer) from a state registry
    registry_ids: tuple[tuple[str, str], ...] = ()  # (state, id or name in that registry)
    registry_fields: tuple[tuple[str, str], ...] = ()  # the registry's own columns, as given

    @property
    def agency_state(self) -> str:
        """The state of a state agency ("CO"), "" for federal or generic entries."""
        return self.jurisdiction.removeprefix("state:") if ":" in self.jurisdiction else ""

    @property
    def ice_supplier(self) -> bool:
        return any(link.kind == "immigration-enforcement" for link in self.gov_links)

    def registry_answer(self, name: str) -> bool:
        """What a state registry said (False when it said no or nothing)."""
        return dict(self.registry_flags).get(name, False)

    def flag(self, name: str) -> bool:
        """A registry yes/no answer, or what the curated entry says (FCRA, federal links)."""
        answers = dict(self.registry_flags)
        if name == "fcra_regulated":
            return self.fcra_regulated or answers.get(name, False)
        if name == "sold_to_federal_government" and any(
            link.kind in ("immigration-enforcement", "federal-government")
            for link in self.gov_links
        ):
            return True
        if name == "sold_to_law_enforcement" and any(
            link.kind == "law-enforcement" for link in self.gov_links
        ):
            return True
        return answers.get(name, False)

    def requirement_warnings(self) -> list[str]:
        """The entry's own warnings, then one for each sensitive thing a channel asks for."""
        found = [r for channel in self.channels for r in channel.requires if r in SENSITIVE]
        return [*self.warnings, *(SENSITIVE[r] for r in dict.fromkeys(found))]
