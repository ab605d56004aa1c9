"""The best way to reach each recipient of a batch, and where each way goes. Front ends
offer these as defaults the person can change per recipient."""

from __future__ import annotations

from borrador.catalog.model import Broker
from borrador.letters.context import pick_channel

__all__ = ["best_format", "destinations"]


def destinations(entry: Broker, kind: str) -> dict[str, str]:
    """Where a letter in each format goes: the postal address (pdf), the email address (eml),
    the form's web address (web); "" when the catalog has none. Plain text goes nowhere."""
    out = {"txt": ""}
    for fmt in ("pdf", "eml", "web"):
        channel = pick_channel(entry, kind, fmt)
        if channel is None:
            out[fmt] = ""
            continue
        out[fmt] = {"pdf": channel.address, "eml": channel.email, "web": channel.url}[fmt]
    return out


def best_format(entry: Broker, kind: str) -> str:
    """People-search sites: their web form (the fastest removal). Consumer-reporting, risk
    and identity companies and agencies: a signed letter by mail, when the catalog has the
    address. Otherwise email where the catalog has one, then mail, then the web form."""
    where = destinations(entry, kind)
    if "people-search" in entry.categories and where["web"]:
        return "web"
    paper_first = (
        entry.fcra_regulated or entry.kind == "agency" or "risk-and-identity" in entry.categories
    )
    order = ("pdf", "eml", "web") if paper_first else ("eml", "pdf", "web")
    return next((fmt for fmt in order if where[fmt]), "txt")
