"""Which registry column holds what: found by what the header says, never by position, so
reordered or renamed columns and new years of the same form still read.

Headers arrive normalised (registry_cells.normalise_header): lower case, plain quotes and
hyphens, no trailing colon.
"""

from __future__ import annotations

from collections.abc import Callable

Rule = Callable[[str], bool]


def _about_rights(h: str) -> bool:
    return any(word in h for word in ("privacy", "consumer", "exercise"))


# field -> header tests, tried in order; the first matching column wins.
FIELD_RULES: dict[str, tuple[Rule, ...]] = {
    "name": (lambda h: h in ("data broker name", "business name", "data broker legal name",
                             "legal name", "name", "data broker", "name of data broker"),
             lambda h: h.startswith("data broker name")),
    "dba": (lambda h: h.startswith("doing business as") or h in ("dba", "d/b/a"),),
    "website": (lambda h: h in ("website url", "website", "web site", "url",
                                "primary internet address", "data broker primary website"),
                lambda h: "internet address" in h,
                lambda h: "website" in h and not _about_rights(h)),
    "email": (lambda h: "email" in h,),
    "phone": (lambda h: "phone" in h,),
    "street": (lambda h: "street address" in h,),
    "city": (lambda h: h.endswith(" city") or h == "city",),
    "region": (lambda h: h == "state" or (h.endswith(" state") and "status" not in h),),
    "zip": (lambda h: "zip" in h or "postal" in h,),
    "country": (lambda h: "country" in h,),
    "address": (lambda h: h in ("physical address", "address", "mailing address"),
                lambda h: h.startswith("data broker primary address")),
    "privacy_url": (lambda h: "exercise" in h and ("privacy" in h or "rights" in h),
                    lambda h: h.startswith("how a consumer may opt out")),
    "opt_out": (lambda h: "opt out" in h.replace("-", " ") and ("method" in h or "how" in h),),
    "registry_id": (lambda h: h in ("registration id", "registration number", "business id"),),
    "status": (lambda h: h in ("status", "registration status"),),
    # The registry's own date for the row: when the entry was added or the form filed.
    "date": (lambda h: h in ("date added", "completion time", "created date", "registration date",
                             "date registered", "date of registration", "date"),),
}  # fmt: skip


def prose(h: str) -> bool:
    """A column that asks for a description, not a yes/no answer."""
    return h.startswith(("if ", "describe", "explain")) or "describe" in h


def _plain(h: str) -> str:
    return h.replace("-", " ")


_GOVERNMENT_IDS = ("government issued identification", "government identification", "government id")

FLAG_RULES: dict[str, Rule] = {
    "sold_to_federal_government": lambda h: "federal government" in h and "regulated" not in h,
    "sold_to_state_government": lambda h: "state government" in h and "federal" not in h,
    "sold_to_law_enforcement": lambda h: "law enforcement" in h,
    "sold_to_foreign_actor": lambda h: "foreign" in h,
    "sold_to_genai_developer": lambda h: "generative" in h or "genai" in h,
    "collects_immigration_status": lambda h: "immigration" in h or "citizenship" in h,
    "collects_precise_geolocation": lambda h: "geolocation" in h,
    "collects_minors": lambda h: "minors" in h,
    "collects_biometrics": lambda h: "biometric" in h,
    "collects_reproductive_health": lambda h: "reproductive" in h,
    "collects_government_ids": lambda h: any(words in _plain(h) for words in _GOVERNMENT_IDS),
    "collects_account_logins": lambda h: "login" in h or "log in" in _plain(h),
    "collects_union_membership": lambda h: "union membership" in h,
    "collects_sexual_orientation": lambda h: "sexual orientation" in h,
    "collects_gender_identity": lambda h: "gender identity" in h,
    "fcra_regulated": lambda h: "fair credit reporting" in h or "(fcra)" in h,
    "glba_regulated": lambda h: "gramm" in h or "(glba)" in h,
    "iippa_regulated": lambda h: "insurance information" in h or "(iippa)" in h,
    "cmia_regulated": lambda h: "confidentiality of medical information" in h or "(cmia)" in h,
    "hipaa_regulated": lambda h: "hipaa" in h,
}

# Request metrics (how many requests of each kind a broker received and answered last year):
# (family, words in the header), then (measure, words); the first hit names the column.
METRIC_FAMILIES = (
    ("delete", ("delete", "deletion")),
    ("limit", ("limit",)),
    ("opt-out", ("opt out",)),
    ("correct", ("correct",)),
    ("know-sold", ("know what is sold", "sold or shared", "sold or share")),
    ("know", ("know", "access")),
)
METRIC_MEASURES = (
    ("median-days", ("median",)),
    ("mean-days", ("mean", "average")),
    ("denied", ("denied",)),
    ("complied-in-part", ("in part", "partially")),
    ("complied-in-whole", ("in whole", "fully")),
    ("received", ("received", "total")),
)
_METRIC_WORDS = ("received", "complied", "denied", "mean", "median", "days to respond")


def metric_key(h: str) -> str | None:
    """'delete.received' for a column of request counts or days; None if not a metric."""
    text = _plain(h)
    if "request" not in text or not any(w in text for w in _METRIC_WORDS) or "url" in text:
        return None
    family = next((f for f, words in METRIC_FAMILIES if any(w in text for w in words)), None)
    measure = next((m for m, words in METRIC_MEASURES if any(w in text for w in words)), None)
    return f"{family}.{measure}" if family and measure else h


def map_columns(headers: list[str]) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(field -> column, flag -> column, metric -> column) for normalised headers."""
    fields: dict[str, int] = {}
    for field, rules in FIELD_RULES.items():
        for rule in rules:
            taken = set(fields.values())
            hit = next((i for i, h in enumerate(headers) if h and i not in taken and rule(h)), None)
            if hit is not None:
                fields[field] = hit
                break
    taken = set(fields.values())
    answers = [(i, h) for i, h in enumerate(headers) if h and not prose(h)]
    flags = {}
    for flag, flag_rule in FLAG_RULES.items():
        hit = next((i for i, h in answers if flag_rule(h)), None)
        if hit is not None and hit not in taken:
            flags[flag] = hit
    metrics: dict[str, int] = {}
    for i, h in enumerate(headers):
        key = metric_key(h) if i not in taken else None
        if key is not None:
            metrics[key if key not in metrics else h] = i
    return fields, flags, metrics


# The year a format belongs to, for rows that carry no date of their own.
FORMAT_YEARS = {"ca-cppa-2024": "2024", "ca-cppa-2025": "2025", "ca-cppa-2026": "2026"}


def detect(headers: list[str], header_row: int, state: str | None) -> tuple[str, str]:
    """(format, state) from what the header row says."""

    def has(text: str) -> bool:
        return any(text in h for h in headers)

    if state == "vt" or has("registration id") or (has("opt out") and has("credentialing")):
        return "vt-sos", "vt"
    if has("date added") or any(h.startswith("how a consumer may opt out") for h in headers):
        return "ca-ag-2020-2023", "ca"
    if headers and headers[0].startswith("completion time"):
        return "ca-cppa-2024", "ca"
    if has("federal government") or len(headers) >= 70:
        return "ca-cppa-2026", "ca"
    if header_row > 0:
        return "ca-cppa-2025", "ca"
    return "ca-cppa", state or "ca"
