"""The filters a person can put on the broker list, named once for every front end.

`borrador brokers list --flag NAME` and the TUI catalog screen offer exactly these names; what
each one tests lives beside the catalog (catalog/filters.py) under the same names.
"""

from __future__ import annotations

# name -> what an entry that passes the filter is (English; front ends translate it)
FILTERS: dict[str, str] = {
    "ice-supplier": "known to supply immigration enforcement (ICE, CBP, DHS)",
    "federal-government": "sold or shared data with the federal government",
    "law-enforcement": "sold or shared data with law enforcement",
    "immigration-status": "collects immigration or citizenship status",
    "fcra-regulated": "a consumer reporting agency under the FCRA",
    "ca-registry": "listed in an imported California data-broker registry",
}
FILTER_NAMES: tuple[str, ...] = tuple(FILTERS)
