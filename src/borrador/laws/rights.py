"""What each law grants (rights.toml): rights, deletion scope, agents, regulator; and the FCRA's
centralized source for the nationwide credit bureaus' free annual report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any

from borrador.core.deadlines import SOURCE_QUALITIES
from borrador.core.errors import BorradorError

OPT_OUTS = ("opt-out-sale", "opt-out-targeted-ads", "opt-out-profiling")
RIGHTS = ("access", "correct", "delete", "portability", *OPT_OUTS, "limit-sensitive",
          "third-party-list", "third-party-categories", "question-profiling", "disclosure",
          "dispute", "records")  # fmt: skip
# Which rights a request of each kind exercises (any one of them suffices).
KIND_RIGHTS = {"access": ("access",), "delete": ("delete",), "correct": ("correct",),
               "opt-out": OPT_OUTS, "disclosure": ("disclosure",), "dispute": ("dispute",),
               "records": ("records",)}  # fmt: skip
DELETION_SCOPES = ("all", "provided-only", "may-opt-out-instead")
LAW_KEYS = {"rights", "rights_from", "rights_cite", "deletion_scope", "deletion_cite",
            "deletion_note", "agent_kinds", "agent_cite", "notes", "source_quality",
            "regulator"}  # fmt: skip
REGULATOR_KEYS = {"name", "address", "complaint_url", "confirmed", "source"}


class RightsTableError(BorradorError):
    """The shipped rights.toml is malformed: a bug in Borrador, caught by its tests."""


@dataclasses.dataclass(frozen=True)
class Regulator:
    name: str
    address: str = ""  # postal address, lines separated by newlines; "" = not found
    complaint_url: str = ""
    confirmed: bool = False  # False: the address or page was not confirmed by a search
    source: str = ""


@dataclasses.dataclass(frozen=True)
class LawRights:
    law: str
    rights: tuple[str, ...]
    rights_from: tuple[tuple[str, dt.date], ...] = ()  # rights that start after the law
    rights_cite: str = ""
    deletion_scope: str = ""  # one of DELETION_SCOPES, or "" where there is no deletion right
    deletion_cite: str = ""
    deletion_note: str = ""
    agent_kinds: tuple[str, ...] = ()  # request kinds an authorised agent may make
    agent_cite: str = ""
    notes: tuple[str, ...] = ()
    source_quality: str = "reviewer"
    regulator: Regulator | None = None

    def grants(self, right: str, on: dt.date) -> bool:
        starts = dict(self.rights_from).get(right)
        return right in self.rights and (starts is None or starts <= on)

    def grants_kind(self, kind: str, on: dt.date) -> bool:
        return any(self.grants(right, on) for right in KIND_RIGHTS.get(kind, ()))

    def agent_may(self, kind: str) -> bool:
        return kind in self.agent_kinds


@dataclasses.dataclass(frozen=True)
class CentralSource:
    """Where the free annual report of Equifax, Experian and TransUnion must be asked for."""

    nationwide_slugs: tuple[str, ...]
    citation: str
    website: str
    phone: str
    mail: str
    source: str
    source_quality: str


@dataclasses.dataclass(frozen=True)
class DisclosureRoute:
    """How a free FCRA file disclosure is asked for, and whether its 15-day clock applies."""

    route: str  # "centralized-source" (nationwide CRAs) | "direct" (specialty and others)
    clock_applies: bool  # §1681j(a)(2)'s 15 days, for requests made the right way
    citation: str
    note: str
    central: CentralSource | None = None


def law_rights(law: str) -> LawRights | None:
    return _tables()[0].get(law)


def all_law_rights() -> dict[str, LawRights]:
    return dict(_tables()[0])


def central_source() -> CentralSource:
    return _tables()[1]


def is_nationwide_cra(slug: str, cra_type: str = "") -> bool:
    """Equifax, Experian, TransUnion (15 U.S.C. §1681a(p)); a catalog `cra_type` wins."""
    if cra_type:
        return cra_type == "nationwide"
    return slug in central_source().nationwide_slugs


def disclosure_route(slug: str, cra_type: str = "") -> DisclosureRoute:
    """For a nationwide CRA the free annual report and its 15 days apply only through the
    centralized source; a specialty CRA (LexisNexis, Verisk) takes the request directly."""
    if is_nationwide_cra(slug, cra_type):
        central = central_source()
        return DisclosureRoute(
            route="centralized-source", clock_applies=False, citation=central.citation,
            note="the free annual report must be asked for through the centralized source "
                 "(AnnualCreditReport.com, its phone line or its mail form); a letter sent "
                 "straight to the bureau starts no 15-day clock",
            central=central,
        )  # fmt: skip
    return DisclosureRoute(
        route="direct", clock_applies=True,
        citation="15 U.S.C. §1681j(a)(1)(A), (a)(1)(C), (a)(2); 12 C.F.R. §1022.137",
        note="a nationwide specialty agency gives the free annual disclosure on a direct "
             "request, within 15 days; other agencies may charge (§1681j(f))",
    )  # fmt: skip


# -- loading ------------------------------------------------------------------------------------
@functools.cache
def _tables() -> tuple[dict[str, LawRights], CentralSource]:
    text = (resources.files("borrador.laws") / "rights.toml").read_text("utf-8")
    data = tomllib.loads(text)
    laws = {law: _parse_law(law, row) for law, row in data.get("law", {}).items()}
    return laws, _parse_central(data.get("fcra", {}))


def _parse_law(law: str, row: dict[str, Any]) -> LawRights:
    where = f"rights.toml: law.{law}"
    unknown = set(row) - LAW_KEYS
    if unknown:
        raise RightsTableError(f"{where}: unknown keys {sorted(unknown)}")
    rights = tuple(row.get("rights", ()))
    if not rights or any(r not in RIGHTS for r in rights):
        raise RightsTableError(f"{where}.rights: use some of {', '.join(RIGHTS)}")
    dated = row.get("rights_from", {})
    if any(r not in rights or not isinstance(d, dt.date) for r, d in dated.items()):
        raise RightsTableError(f"{where}.rights_from: a date for a right listed in rights")
    scope = row.get("deletion_scope", "")
    if ("delete" in rights) != bool(scope) or (scope and scope not in DELETION_SCOPES):
        raise RightsTableError(f"{where}.deletion_scope: one of {', '.join(DELETION_SCOPES)} "
                               "exactly when the law grants deletion")  # fmt: skip
    agents = tuple(row.get("agent_kinds", ()))
    if any(k not in KIND_RIGHTS for k in agents):
        raise RightsTableError(f"{where}.agent_kinds: request kinds ({', '.join(KIND_RIGHTS)})")
    if row.get("source_quality") not in SOURCE_QUALITIES:
        raise RightsTableError(f"{where}.source_quality: one of {', '.join(SOURCE_QUALITIES)}")
    return LawRights(
        law=law, rights=rights, rights_from=tuple(sorted(dated.items())),
        rights_cite=row.get("rights_cite", ""), deletion_scope=scope,
        deletion_cite=row.get("deletion_cite", ""), deletion_note=row.get("deletion_note", ""),
        agent_kinds=agents, agent_cite=row.get("agent_cite", ""),
        notes=tuple(row.get("notes", ())), source_quality=row["source_quality"],
        regulator=_parse_regulator(where, row.get("regulator")),
    )  # fmt: skip


def _parse_regulator(where: str, row: Any) -> Regulator | None:
    if row is None:
        return None
    if not isinstance(row, dict) or set(row) - REGULATOR_KEYS or not row.get("name"):
        raise RightsTableError(f"{where}.regulator: keys {sorted(REGULATOR_KEYS)}, name required")
    url = row.get("complaint_url", "")
    if url and not url.startswith("https://"):
        raise RightsTableError(f"{where}.regulator.complaint_url: an https:// address or empty")
    if row.get("confirmed") and not (row.get("address") and url):
        raise RightsTableError(f"{where}.regulator: confirmed needs an address and a page")
    return Regulator(row["name"], row.get("address", ""), url, bool(row.get("confirmed")),
                     row.get("source", ""))  # fmt: skip


def _parse_central(row: dict[str, Any]) -> CentralSource:
    keys = ("nationwide_slugs", "citation", "website", "phone", "mail", "source",
            "source_quality")  # fmt: skip
    if set(row) != set(keys) or row["source_quality"] not in SOURCE_QUALITIES:
        raise RightsTableError(f"rights.toml: [fcra] needs exactly {', '.join(keys)}")
    return CentralSource(tuple(row["nationwide_slugs"]), *(row[k] for k in keys[1:]))
