"""What the catalog knows about a recipient (a data broker or a government agency)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TypeVar

from borrador.i18n import N_

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
# Requirements that put the person at more risk, or cost them: shown as warnings first
# (marked for translation; the screens translate them when they show them).
SENSITIVE = {
    "ssn": N_("It may ask for a Social Security number. It is optional: leave it out."),
    "id-upload": N_("It asks for a photo of an ID document. Share one only if you accept that "
                    "this company keeps a copy of it."),
    "phone-call": N_("It needs a phone call: the company will learn the number you call from."),
    "payment": N_("It asks for a payment. You should never have to pay to opt out."),
    "advertising-id": N_("It asks for your phone's advertising ID, which links you to location "
                         "data. Reset the ID afterwards."),
    "identity-quiz": N_("It asks questions about your credit history to check who you are."),
    "account": N_("It pushes you to create an account, which gives it more data about you."),
}  # fmt: skip
CATEGORIES = ("risk-and-identity", "people-search", "marketing", "credit-bureau",
              "consumer-reporting", "location", "government-contractor", "property",
              "business-contact", "insurance", "government-agency")  # fmt: skip
GOV_LINK_KINDS = ("immigration-enforcement", "federal-government", "law-enforcement",
                  "state-local-government")  # fmt: skip
# FCRA classes: the three nationwide CRAs (15 USC 1681a(p)) give the free annual file only
# through AnnualCreditReport.com; nationwide specialty CRAs (1681a(x)) take the request directly.
CRA_TYPES = ("", "nationwide", "specialty")
QUALITIES = ("verified", "unverified", "imported")
# exited: stopped operating; expired/cancelled: its state registration lapsed or was cancelled
# (it may still hold data); inactive: a registry calls it withdrawn, terminated or the like.
STATUSES = ("active", "exited", "expired", "cancelled", "inactive")
KINDS = ("broker", "agency")
SEARCH_FIELDS = ("first", "last", "state")  # what a people-search site's search_url may hold
# State data-broker registries a curated entry is (or is not) currently registered in.
REGISTRIES = {
    "california": "the California (CPPA) data broker registry, 2026",
    "vermont": "the Vermont data broker registry",
    "texas": "the Texas data broker registry",
    "oregon": "the Oregon data broker registry",
}
# Yes/no answers a state registry publishes, kept as filters next to each broker.
REGISTRY_FLAGS = {
    "sold_to_federal_government": "sold data to the federal government",
    "sold_to_state_government": "sold data to other state governments",
    "sold_to_law_enforcement": "sold data to law enforcement",
    "sold_to_foreign_actor": "sold data to a foreign actor",
    "sold_to_genai_developer": "sold data to a generative-AI developer",
    "collects_immigration_status": "collects immigration or citizenship status",
    "collects_precise_geolocation": "collects precise geolocation",
    "collects_minors": "collects data about minors",
    "collects_biometrics": "collects biometric data",
    "collects_reproductive_health": "collects reproductive health data",
    "collects_government_ids": "collects government-issued identification numbers",
    "collects_account_logins": "collects account logins",
    "collects_union_membership": "collects union membership",
    "collects_sexual_orientation": "collects sexual orientation",
    "collects_gender_identity": "collects gender identity",
    "fcra_regulated": "regulated by the FCRA",
    "glba_regulated": "regulated by the GLBA",
    "iippa_regulated": "regulated by California's Insurance Information and Privacy Protection Act",
    "cmia_regulated": "regulated by California's Confidentiality of Medical Information Act",
    "hipaa_regulated": "regulated by HIPAA",
}


REGISTRY_STATES = {"ca": "California", "vt": "Vermont", "tx": "Texas", "or": "Oregon"}
# California's Delete Act registry (CPPA, from 2024): the brokers DROP deletion requests reach.
DELETE_ACT_FORMAT_PREFIX = "ca-cppa"


@dataclasses.dataclass(frozen=True)
class Listing:
    """One row of a state registry that names an entry: who registered, and what they said."""

    state: str  # a key of REGISTRY_STATES
    format: str  # the file's layout, e.g. "ca-cppa-2026", "vt-sos"
    registrant: str  # the name the registry lists
    registry_id: str = ""
    dated: str = ""  # the registry's own date: "2026-01-31", "2026", or "" when unknown
    status: str = ""  # as the registry writes it ("ACTIVE", "EXPIRED"); "" when not given
    yes: tuple[str, ...] = ()  # registry flags this registrant answered Yes
    no: tuple[str, ...] = ()  # and No

    @property
    def where(self) -> str:
        """'CA registry dated 2026' — what a person reads next to an answer."""
        dated = f" dated {self.dated}" if self.dated else ", undated"
        return f"{self.state.upper()} registry{dated}"


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
    source: str = ""  # where this channel was checked, when not one of the entry's sources


@dataclasses.dataclass(frozen=True)
class GovLink:
    kind: str
    summary: str
    source: str
    unverified: bool = False
    self_reported: bool = False  # the company's own answer in a state registry, not a contract


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
    cra_type: str = ""  # one of CRA_TYPES; "" when not an FCRA CRA or not classified
    records_target: bool = False  # no consumer route: ask agencies for records about it
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
    registries: tuple[tuple[str, bool], ...] = ()  # (registry, registered now) where a source says
    registry_flags: tuple[tuple[str, bool], ...] = ()  # (flag, answer) from a state registry
    registry_ids: tuple[tuple[str, str], ...] = ()  # (state, id or name in that registry)
    registry_fields: tuple[tuple[str, str], ...] = ()  # the registry's own columns, as given
    search_url: str = ""  # people-search: the search address pattern (see SEARCH_FIELDS)
    listings: tuple[Listing, ...] = ()  # the registry rows that name this entry

    def in_registry(self, state: str) -> bool:
        """Whether an imported registry of `state` lists this entry."""
        return any(listing.state == state for listing in self.listings)

    @property
    def drop_reaches(self) -> bool:
        """Listed in California's Delete Act registry, so a DROP request reaches it. (Whether
        an absence means anything depends on a CA registry having been imported at all.)"""
        return any(listing.format.startswith(DELETE_ACT_FORMAT_PREFIX) for listing in self.listings)

    def said_yes(self, flag: str) -> list[Listing]:
        """The registry rows that answered Yes to `flag`: who said it, and where."""
        return [listing for listing in self.listings if flag in listing.yes]

    @property
    def agency_state(self) -> str:
        """The state of a state agency ("CO"), "" for federal or generic entries."""
        return self.jurisdiction.removeprefix("state:") if ":" in self.jurisdiction else ""

    @property
    def ice_supplier(self) -> bool:
        return any(link.kind == "immigration-enforcement" for link in self.gov_links)

    def registered(self, registry: str) -> bool | None:
        """Whether the entry is registered in a state registry now; None when no source says."""
        return dict(self.registries).get(registry)

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


_T = TypeVar("_T")
_DEFAULTS: dict[type, tuple[dict[str, object], frozenset[str], frozenset[str]]] = {}


def build(cls: type[_T], **values: object) -> _T:
    """`cls(**values)` for these frozen records, without the generated __init__ and its one
    attribute set per field: an import makes hundreds of entries with four channels each.
    The result is the same (equal, hashable, frozen): the class's defaults, then `values`."""
    if cls not in _DEFAULTS:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
            raise TypeError(f"{cls.__name__} needs its own __init__")
        defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
        required = frozenset(f.name for f in fields if f.name not in defaults)
        if any(f.default_factory is not dataclasses.MISSING for f in fields):
            raise TypeError(f"{cls.__name__} has a default factory")
        _DEFAULTS[cls] = (defaults, required, required | defaults.keys())
    defaults, required, known = _DEFAULTS[cls]
    if not (required <= values.keys() <= known):
        missing, unknown = required - values.keys(), values.keys() - known
        raise TypeError(f"{cls.__name__}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    made = object.__new__(cls)
    made.__dict__.update(defaults)
    made.__dict__.update(values)
    return made
