"""Invented registry rows that reproduce the ten importer problems found on real published
registry files (catalog review 2026-12-01, §5), in the real layouts: the California AG's
2020–23 columns, the CPPA's 2026 column groups (77 columns) and Vermont's export columns.

Every company, site and address here is invented; web hosts use the .example names reserved
for documentation (RFC 2606). The exact wording of the 2026 flag and metric headers is not
published in our sources; these follow the column groups the registry's README describes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from borrador.catalog import model
from borrador.catalog.loader import Catalog
from borrador.catalog.matching import Distinct

CHECKED = dt.date(2026, 11, 20)
SOURCE = "https://example.org/invented-source"


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _broker(slug: str, name: str, *domains: str, brands: tuple[str, ...] = ()) -> model.Broker:
    return model.Broker(slug=slug, name=name, brands=brands, domains=domains,
                        categories=("people-search",), sources=(SOURCE,),
                        last_verified=CHECKED,
                        channels=(model.Channel(type="web", purposes=("opt-out",),
                                                url=f"https://{domains[0]}/optout"),))  # fmt: skip


def invented_catalog() -> Catalog:
    """A curated catalog of invented brokers the rows below are about."""
    entries = [
        # (2) a parent whose five subsidiaries register separately and answer differently
        _broker(
            "ventisca",
            "Ventisca",
            "ventisca.example",
            "workledger.example",
            brands=("The Work Ledger",),
        ),
        # (9) shares quorum.example with a different company (its parent's legal arm)
        _broker("quorum-risk", "Quorum Risk Solutions", "quorum.example", "risk.quorum.example"),
        # (10) four sites run by one operator, two brands of one parent
        _broker("quickpersonfinder", "QuickPersonFinder", "quickpersonfinder.example"),
        _broker("swiftbackgroundcheck", "SwiftBackgroundCheck", "swiftbackgroundcheck.example"),
        _broker("numberbookusa", "NumberBookUSA", "numberbookusa.example"),
        _broker("pronto-records", "Pronto People Records", "prontorecords.example"),
        _broker("nimbo-finder", "Nimbo Finder", "nimbofinder.example"),
        _broker("nimbo-lookup", "Nimbo Lookup", "nimbolookup.example"),
        # never in any registry below: DROP does not reach it once a CA registry is imported
        _broker("absent-broker", "Ausente Datos", "ausente.example"),
    ]
    # (9) the explicit list of look-alikes, as registry_matching.toml holds RELX's
    distinct = (Distinct("Altamira Inc.", "quorum-risk", "Its legal arm has its own privacy "
                         "requests.", SOURCE),)  # fmt: skip
    return Catalog({e.slug: e for e in entries}, {}, [], distinct=distinct)


# -- California AG, 2020–2023 -----------------------------------------------------------

AG_HEADER = [
    "Data Broker Name",
    "Email Address",
    "Website URL",
    "Physical Address",
    "How a consumer may opt out of sale or submit requests under the CCPA",
    "How a protected individual can demand deletion of information posted online",
    "Additional information about data collecting practices",
    "Date Added",
]
AG_ROWS = [
    # (1) the opt-out cell starts with an email whose local part looks like a host
    # ("ccpa.optout"), and the real form link comes after it; another row names a
    # privacy vendor's address before the broker's own page.
    ["Ventana Records LLC", "ccpa.optout@ventana-records.example",
     "ventana-records.example",
     "123 Invented Ave, Fresno, CA 93701",
     "Email ccpa.optout@ventana-records.example or use the form at "
     "https://privacy.ventana-records.example/request",
     "By email.", "Public records.", "1/31/2022"],
    ["Brisa Datos Inc.", "privacy@brisa-datos.example", "www.brisa-datos.example",
     "9 Invented St, Oakland, CA 94601",
     "Write to requests@vendor-portal.example, or visit www.brisa-datos.example/optout",
     "By mail.", "Marketing lists.", "2021-03-15"],
]  # fmt: skip


def ca_ag_2022() -> bytes:
    return b"\xef\xbb\xbf" + _csv([AG_HEADER, *AG_ROWS])


# -- California CPPA, 2026 ----------------------------------------------------------------

IDENTITY = [
    "Data broker name:", "Doing Business As (DBA), if applicable:",
    "Data broker primary website:", "Data broker primary contact email address:",
    "Data broker primary phone number: [optional]", "Data broker primary street address:",
    "Data broker city:", "Data broker state:", "Data broker zip code:", "Data broker country:",
    "Data broker\u2019s primary website that contains details on how consumers can exercise "
    "their CA Consumer Privacy rights:",
]  # fmt: skip
COLLECTS = {
    "collects_minors": "minors",
    "collects_account_logins": "account login credentials",
    "collects_government_ids": "government\u2011issued identification numbers",
    "collects_immigration_status": "citizenship data, including immigration status",
    "collects_union_membership": "union membership",
    "collects_sexual_orientation": "sexual orientation",
    "collects_gender_identity": "gender identity",
    "collects_biometrics": "biometric data",
    "collects_precise_geolocation": "precise geolocation",
    "collects_reproductive_health": "reproductive health care data",
}
SOLD_TO = {
    "sold_to_foreign_actor": "a foreign actor",
    "sold_to_federal_government": "the federal government",
    "sold_to_state_government": "other state governments",
    "sold_to_law_enforcement": "law enforcement (outside a subpoena or court order)",
    "sold_to_genai_developer": "a developer of a generative AI system or model",
}
FLAG_HEADERS = {
    **{f: f"Data broker collects consumers\u2019 {what}:" for f, what in COLLECTS.items()},
    **{f: f"In the past year, the data broker shared or sold consumers\u2019 data to {what}:"
       for f, what in SOLD_TO.items()},
    "fcra_regulated": "The data broker or any of its subsidiaries is regulated by the federal "
                      "Fair Credit Reporting Act (FCRA):",
}  # fmt: skip
REGULATED_PROSE = (
    "If regulated by the FCRA, describe the personal information, products and share of "
    "activity covered:"
)
FAMILIES = {
    "delete": "requests to delete",
    "know": "requests to know what personal information is collected",
    "know-sold": "requests to know what personal information is sold or shared",
    "opt-out": "requests to opt out of sale or sharing",
    "limit": "requests to limit the use of sensitive personal information",
}
MEASURES = {
    "received": "Number of {f} received",
    "complied-in-whole": "Number of {f} complied with in whole",
    "complied-in-part": "Number of {f} complied with in part",
    "denied": "Number of {f} denied",
    "mean-days": "Mean number of days to respond to {f}",
    "median-days": "Median number of days to respond to {f}",
}
METRIC_HEADERS = {f"{fam}.{m}": text.format(f=words) for fam, words in FAMILIES.items()
                  for m, text in MEASURES.items()}  # fmt: skip
HEADER_2026 = [*IDENTITY, *FLAG_HEADERS.values(), REGULATED_PROSE, *METRIC_HEADERS.values()]
HEADER_2026 += [f"Additional disclosure {n}:" for n in range(77 - len(HEADER_2026))]


def cppa_row(name: str, *, dba: str = "", site: str = "", email: str = "", phone: str = "",
             rights: str = "", yes: set[str] | frozenset[str] = frozenset()) -> list[str]:  # fmt: skip
    identity = [name, dba, site, email, phone, "1 Invented Plaza", "Sacramento", "CA", "95814",
                "United States", rights]  # fmt: skip
    answers = ["Yes" if f in yes else "No" for f in FLAG_HEADERS]
    metrics = [f"{100 + n:,}" for n in range(len(METRIC_HEADERS))]
    row = [*identity, *answers, "Consumer reports.", *metrics]
    return row + [""] * (len(HEADER_2026) - len(row))


FED, POLICE, IMMIGRATION = (
    "sold_to_federal_government",
    "sold_to_law_enforcement",
    "collects_immigration_status",
)
# (2) Ventisca's five registrants: Yes answers spread over the rows, the last row all No.
VENTISCA_ROWS = [
    cppa_row("Ventisca Information Services LLC", site="https://www.ventisca.example",
             rights="https://privacy.ventisca.example", yes={FED, POLICE}),
    cppa_row("Ventisca Workforce Solutions LLC", dba="The Work Ledger",
             site="workledger.example", yes={FED, IMMIGRATION}),
    cppa_row("Ventisca Consumer Services LLC", site="consumer.ventisca.example"),
    cppa_row("Ventisca Analytics LLC", site="analytics.ventisca.example",
             yes={"collects_government_ids", "sold_to_state_government"}),
    cppa_row("Ventisca Inc.", site="ventisca.example"),
]  # fmt: skip
ROWS_2026 = [
    *VENTISCA_ROWS,
    # (8) the DBA repeats the name; (7) a phone number
    cppa_row("Ventana Records LLC", dba="Ventana Records", site="ventana-records.example",
             phone="(559) 555-0142", email="privacy@ventana-records.example",
             rights="https://privacy.ventana-records.example/request"),
    # (9) shares the curated entry's domain, but no name in common: a different company
    cppa_row("Altamira Capital Inc.", site="https://quorum.example/legal",
             email="legal@quorum.example"),
    # (9) a name in common too (its DBA), kept apart only by the list of distinct pairs
    cppa_row("Altamira Inc.", dba="Quorum Legal & Professional",
             site="https://www.quorum.example/privacy-center"),
    # (10) one operator, four curated sites (DBAs written as web addresses, or as names)
    cppa_row("Cyclone Lane LLC", site="cyclonelane.example",
             dba="QuickPersonFinder.example, SwiftBackgroundCheck.example, "
                 "NumberBookUSA.example, Pronto People Records", yes={POLICE}),
    # (10) one parent, two curated brands
    cppa_row("Nimbo Media Inc.", dba="Nimbo Finder; Nimbo Lookup", site="nimbomedia.example",
             yes={FED}),
]  # fmt: skip


def ca_cppa_2026(rows: list[list[str]] | None = None) -> bytes:
    return _csv([HEADER_2026, *(ROWS_2026 if rows is None else rows)])


# -- Vermont Secretary of State export ----------------------------------------------------

VT_HEADER = [
    "Data Broker Name:", "Registration ID:", "Status:", "Business Type:", "Created Date:",
    "Next Renewal Period Begins:", "Termination Date:", "Address:", "Email Address:",
    "Primary Internet Address:",
    "3. Does the data broker permit a consumer to opt out of the data broker\u2019s collection "
    "of brokered personal information, opt out of its databases or opt out of certain sales "
    "of data? :",
    "a. What was the method for requesting an opt-out?",
    "b. If the opt-out applied to only certain activities or sales, which ones?",
    "c. Does the data broker permit a consumer to authorize a third party to perform the "
    "opt-out on the consumer\u2019s behalf?",
    "5. Statement regarding whether the data broker implements a purchaser credentialing "
    "process:",
]  # fmt: skip
VT_ROWS = [
    # (4) EXPIRED and CANCELLED registrations; (5) opt-out links only in the prose
    ["GRANIZO LISTS LLC", "900001", "EXPIRED", "Data Broker", "2/5/2019", "1/1/2021",
     "2/1/2021", "1 Invented Road, Montpelier, VT, 05602, USA", "privacy@granizo.example",
     "www.granizo.example", "Yes",
     "Consumers use the form at https://optout.granizo.example/form or write to us.",
     "All marketing", "Yes", "We check buyers."],
    ["NEVADA ROJA DATA INC", "900002", "CANCELLED", "Data Broker", "1/30/2019", "1/1/2020",
     "2/1/2020", "2 Invented Road, Burlington, VT, 05401, USA", "optout@nevadaroja.example",
     "nevadaroja.example", "Yes",
     "Email optout@nevadaroja.example or visit www.nevadaroja.example/do-not-sell.",
     "n/a", "No", "We check buyers."],
    ["LLOVIZNA DATA LLC", "900003", "ACTIVE", "Data Broker", "2/11/2022", "1/1/2023",
     "2/1/2023", "3 Invented Road, Rutland, VT, 05701, USA", "privacy@llovizna.example",
     "llovizna.example", "No", "", "", "", "We check buyers."],
]  # fmt: skip


def vermont() -> bytes:
    return _csv([VT_HEADER, *VT_ROWS])
