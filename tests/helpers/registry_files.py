"""Invented state-registry CSV files that reproduce the quirks of the published formats.

Company names other than the well-known brokers are invented; no row describes a person.
"""

from __future__ import annotations

import csv
import io

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

LEXIS = {
    "name": "LexisNexis Risk Solutions Inc.",
    "website": "risk.lexisnexis.com",
    "email": "privacy.information.mgr [at] lexisnexis.com",
    "phone": "888.497.0011",
}
ROWS = [
    LEXIS,
    {
        "name": "Ejemplo Datos Uno LLC",
        "website": " www.datosuno.example ; https://otro-sitio.example/people ",
        "email": "privacy@datosuno.example; legal@datosuno.example",
        "phone": "+1 (415) 555-0100",
    },
    {
        "name": "Fictional Locators, Inc.",
        "website": "http://fictional-locators.example",
        "email": "optout [at] fictional-locators [dot] example",
        "phone": "555 0101 ext 4",
    },
    {"name": "", "website": "https://nameless.example", "email": "x@nameless.example", "phone": ""},
    {
        "name": "Quinta Analytics Corp",
        "website": "quinta.example/privacy",
        "email": "Privacy@Quinta.Example",
        "phone": "(212)555-0177",
    },
]


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def ca_ag_2020_2023(rows: list[dict[str, str]] = ROWS) -> bytes:
    header = [
        "Data Broker Name",
        "Email Address",
        "Website URL",
        "Physical Address",
        "How a consumer may opt out of sale or submit requests under the CCPA",
        "How a protected individual can demand deletion of information posted online",
        "Additional information about data collecting practices",
        "Date Added",
    ]
    body = [
        [
            r["name"],
            r["email"],
            r["website"],
            "100 Example Way\nSuite 5\nSacramento, CA 95814",
            f"Visit {r['website']}\nor write to us.",
            "By email.",
            "We collect public records.\n\nMore.",
            "2021-01-31",
        ]
        for r in rows
    ]
    return b"\xef\xbb\xbf" + _csv([header, *body])


def _cppa_common(r: dict[str, str]) -> list[str]:
    return [
        r["name"],
        "",
        r["website"],
        r["email"],
        r["phone"],
        "1 Invented Plaza",
        "Denver",
        "CO",
        "80202",
        "United States",
    ]


CPPA_COMMON = [
    "Data broker name:",
    "Doing Business As (DBA), if applicable:",
    "Data broker primary website:",
    "Data broker primary contact email address:",
    "Data broker primary phone number: [optional]",
    "Data broker primary street address:",
    "Data broker city:",
    "Data broker state:",
    "Data broker zip code:",
    "Data broker country:",
]


def ca_cppa_2024(rows: list[dict[str, str]] = ROWS) -> bytes:
    header = [
        "Completion time",
        "Business name:",
        *CPPA_COMMON[1:],
        "Data broker\u2019s primary website that contains details on how consumers can exercise their CA Consumer Privacy rights:",
    ]
    body = [["1/30/24 10:01:00", *_cppa_common(r), f"{r['website']}/ccpa"] for r in rows]
    return _csv([header, *body])


def ca_cppa_2025(rows: list[dict[str, str]] = ROWS) -> bytes:
    spacer = ["", "If not answered by DB, do not surface in website.", "", "", ""]
    header = [
        f"Data{NBSP}broker name:  ",
        *CPPA_COMMON[1:],
        f"Data broker\u2019s primary website that contains details on how consumers can exercise their CA Consumer Privacy rights:{NBSP}",
    ]
    body = [[*_cppa_common(r), f"{r['website']}/privacy"] for r in rows]
    return _csv([spacer, header, *body])


FLAG_HEADERS = {
    "collects_minors": "Data broker collects personal information of minors:",
    "collects_precise_geolocation": "Data broker collects consumers\u2019 precise geolocation:",
    "collects_immigration_status": "Data broker collects consumers\u2019 citizenship data, including immigration status:",
    "sold_to_federal_government": "In the past year, the data broker shared or sold consumers\u2019 data to the federal government:",
    "sold_to_law_enforcement": "In the past year, the data broker shared or sold consumers\u2019 data to law enforcement:",
    "sold_to_foreign_actor": "In the past year, the data broker shared or sold consumers\u2019 data to a foreign actor:",
    "fcra_regulated": "The data broker or any of its subsidiaries is regulated by the federal Fair Credit Reporting Act (FCRA):",
    "glba_regulated": f"The data broker or any of its subsidiaries is regulated by the Gramm{NB_HYPHEN}Leach{NB_HYPHEN}Bliley Act (GLBA):",
}
PROSE = "If the data broker or its subsidiaries are regulated by the FCRA, describe the types of personal information covered:"
METRICS = [
    f"Requests to {what} - {part}"
    for what in ("delete", "know", "opt out of sale or sharing")
    for part in (
        "Total requests received",
        "Total requests received - Complied in whole",
        "Total requests received - Complied in part",
        "Total requests received - Denied",
        "The number of days to respond substantively in 2025 - Mean",
        "The number of days to respond substantively in 2025 - Median",
    )
]
ANSWERS_2026 = {  # row name -> flags answered yes
    "LexisNexis Risk Solutions Inc.": {
        "sold_to_federal_government",
        "sold_to_law_enforcement",
        "fcra_regulated",
    },
    "Fictional Locators, Inc.": {"sold_to_law_enforcement", "collects_immigration_status"},
    "Quinta Analytics Corp": {"sold_to_federal_government", "collects_precise_geolocation"},
}


def ca_cppa_2026(rows: list[dict[str, str]] = ROWS, width: int = 77) -> bytes:
    header = [
        *CPPA_COMMON,
        "Data broker\u2019s primary website that contains details on how consumers can exercise their CA Consumer Privacy rights:",
        *FLAG_HEADERS.values(),
        PROSE,
        *METRICS,
    ]
    header += [f"Additional disclosure {n}:" for n in range(width - len(header))]
    body = []
    for r in rows:
        yes = ANSWERS_2026.get(r["name"], set())
        flags = ["Yes" if f in yes else "No" for f in FLAG_HEADERS]
        metrics = [f"{1000 + i:,}" for i in range(len(METRICS))]
        site = r["website"].split(";")[0].strip()
        site = site if site.startswith("http") else f"https://{site}"
        row = [*_cppa_common(r), f"{site}/rights", *flags, "Yes, consumer reports", *metrics]
        body.append(row + ["n/a"] * (len(header) - len(row)))
    return _csv([header, *body])


def vermont(rows: list[dict[str, str]] = ROWS) -> bytes:
    header = [
        "\ufeffData Broker Name:",
        "Registration ID:",
        "Status:",
        "Address:",
        "Email Address:",
        "Primary Internet Address:",
        "Does the data broker permit a consumer to opt out?:",
        "Method for a consumer to opt out:",
        "Activities or sales the consumer may opt out of:",
        "Does the data broker permit an authorized agent to opt out on behalf of a consumer?:",
        "Statement regarding the purchaser credentialing process:",
        "Statement regarding brokered personal information of minors:",
    ]
    body = [
        [
            r["name"],
            f"{i:04d}",
            "Active" if i % 2 == 0 else "Expired",
            "1 Invented Road, Montpelier, VT 05602",
            r["email"],
            r["website"],
            "Yes",
            f"Online at {r['website']}",
            "All sales",
            "Yes",
            "We check purchasers.",
            "We do not knowingly collect minors' data.",
        ]
        for i, r in enumerate(rows)
    ]
    return _csv([header, *body])


FORMATS = {
    "ca-ag-2020-2023": ca_ag_2020_2023,
    "ca-cppa-2024": ca_cppa_2024,
    "ca-cppa-2025": ca_cppa_2025,
    "ca-cppa-2026": ca_cppa_2026,
    "vt-sos": vermont,
}


def many_rows(n: int) -> list[dict[str, str]]:
    """`n` invented brokers, for benchmarks and bulk tests."""
    return [
        {
            "name": f"Invented Broker {i} LLC",
            "website": f"broker{i}.example; www.alt{i}.example",
            "email": f"privacy [at] broker{i}.example",
            "phone": f"303-555-{i % 10000:04d}",
        }
        for i in range(n)
    ]
