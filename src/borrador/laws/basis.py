"""Which legal basis a letter rests on, from the table alone: the state, the recipient, the
request kind and the day the letter is made. A law not yet in force, a law that does not reach
the recipient (`auto = false`) or a right the state does not grant gives the policy letter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from borrador.core.deadlines import Rule
from borrador.i18n import N_
from borrador.laws.rights import central_source, disclosure_route, law_rights
from borrador.laws.table import LawTable, law_table

WORD_PARAMS = ("whose", "where", "kind")  # parameters that are words to translate
WORDS = (N_("the agency's"), N_("your"), N_("Your state's"))

CONSUMER_KINDS = ("access", "delete", "correct", "opt-out", "appeal")
FCRA_KINDS = ("disclosure", "dispute")
POLICY, GENERIC_RECORDS = "policy", "records-state"
# One English sentence per reason, marked for translation: `Basis.describe` takes a
# translation, and the parameters that are words (not names) are translated too.
REASONS = {
    "fcra": N_("The Fair Credit Reporting Act covers consumer reporting agencies."),
    "fcra-nationwide": N_("The Fair Credit Reporting Act covers consumer reporting agencies; "
                          "the free annual report of Equifax, Experian and TransUnion comes "
                          "only through {website} (phone {phone}, or the mail form)."),
    "foia": N_("A federal agency: the Freedom of Information Act applies."),
    "state-records": N_("{name} ({whose} state)."),
    "records-no-template": N_("{name} applies, but Borrador has no letter for it yet: the generic "
                              "public-records letter is used."),
    "records-generic": N_("{where} public-records law (Borrador has no table row)."),
    "state-privacy": N_("You live in {state}: the {name} applies."),
    "not-in-force": N_("{state}'s {name} is in force only from {date}: the letter asks under the "
                       "company's policy."),
    "not-auto": N_("{state}'s {name} does not reach this recipient ({why}): the letter asks under "
                   "the company's policy."),
    "right-not-granted": N_("The {name} gives no right to {kind} requests{when}: the letter asks "
                            "under the company's policy."),
    "no-appeal": N_("The {name} sets no appeal step: the letter asks under the company's policy."),
    "no-state-law": N_("{state} has no privacy law of this kind: the letter asks under the "
                       "company's policy."),
    "no-state": N_("No state is recorded, so we assume no privacy law of this kind: the letter "
                   "asks under the company's policy."),
}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Basis:
    law: str
    reason: str  # a key of REASONS
    params: tuple[tuple[str, str], ...] = ()

    def describe(self, translate: Callable[[str], str] = str) -> str:
        params = {k: translate(v) if k in WORD_PARAMS and v else v for k, v in self.params}
        return translate(REASONS[self.reason]).format(**params)


def choose_basis(
    state: str,
    recipient_kind: str,
    recipient_honours: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
    kind: str,
    on_date: dt.date,
    cra_type: str = "",
    *,
    recipient_slug: str = "",
    agency_state: str = "",
) -> Basis:
    """The basis for a `kind` request by a resident of `state` to a recipient, on `on_date`.

    `recipient_kind` is "broker" or "agency"; `recipient_honours` maps request kinds to the law
    ids the recipient's catalog entry says it honours (it marks federal agencies: "foia").
    `agency_state` is the state of a state or local agency, when known (its law applies, not
    the resident's)."""
    table = law_table()
    state = (state or "").upper()
    honours = {k: tuple(v) for k, v in dict(recipient_honours).items()}
    if kind in FCRA_KINDS:
        return _fcra(kind, recipient_slug, cra_type)
    if kind == "records":
        return _records(table, honours, (agency_state or state).upper(), bool(agency_state),
                        on_date)  # fmt: skip
    if not state:
        return Basis(POLICY, "no-state")
    if recipient_kind == "agency":
        return Basis(POLICY, "no-state-law", (("state", state),))  # privacy laws exempt agencies
    return _privacy(table, state, kind, on_date)


def _fcra(kind: str, slug: str, cra_type: str) -> Basis:
    if kind == "disclosure" and disclosure_route(slug, cra_type).route == "centralized-source":
        central = central_source()
        return Basis("fcra", "fcra-nationwide",
                     (("website", central.website), ("phone", central.phone)))  # fmt: skip
    return Basis("fcra", "fcra")


def _records(table: LawTable, honours: dict[str, tuple[str, ...]], place: str,
             from_agency: bool, on: dt.date) -> Basis:  # fmt: skip
    if "foia" in honours.get("records", ()):
        return Basis("foia", "foia")
    rows = [r for r in table.rules if "records" in r.kinds and r.jurisdiction == place
            and place and not r.courtesy and r.in_force(on)]  # fmt: skip
    chosen = [r for r in rows if r.auto]
    if chosen:
        whose = "the agency's" if from_agency else "your"
        return Basis(chosen[0].law, "state-records",
                     (("name", chosen[0].name), ("whose", whose)))  # fmt: skip
    if rows:
        return Basis(GENERIC_RECORDS, "records-no-template", (("name", rows[0].name),))
    where = f"{place}'s" if place else "Your state's"
    return Basis(GENERIC_RECORDS, "records-generic", (("where", where),))


def _privacy(table: LawTable, state: str, kind: str, on: dt.date) -> Basis:
    """The first of the state's laws, oldest first, that is in force, reaches brokers and grants
    the right; otherwise the policy letter, with the first reason found."""
    fallback: Basis | None = None
    for law, rows in _state_laws(table, state):
        name = rows[0].name.split(":")[0]
        params: tuple[tuple[str, str], ...] = (("state", state), ("name", name))
        live = [r for r in rows if r.in_force(on)]
        if not live:
            start = min(r.effective_from for r in rows if r.effective_from)
            found = Basis(POLICY, "not-in-force", (*params, ("date", start.isoformat())))
        elif not any(r.auto for r in live):
            found = Basis(POLICY, "not-auto", (*params, ("why", live[0].auto_note)))
        elif kind == "appeal" and not table.has(law, "appeal"):
            found = Basis(POLICY, "no-appeal", params)
        elif not _grants(table, law, kind, on):
            found = Basis(
                POLICY,
                "right-not-granted",
                (*params, ("kind", kind), ("when", _from_when(law, kind, on))),
            )
        else:
            return Basis(law, "state-privacy", params)
        fallback = fallback or found
    return fallback or Basis(POLICY, "no-state-law", (("state", state),))


def _state_laws(table: LawTable, state: str) -> list[tuple[str, list[Rule]]]:
    """The state's consumer-privacy laws, oldest first, each with its rows."""
    laws: dict[str, list[Rule]] = {}
    for rule in table.rules:
        if rule.jurisdiction == state and not rule.courtesy and "appeal" not in rule.kinds and \
                set(rule.kinds) & set(CONSUMER_KINDS):  # fmt: skip
            laws.setdefault(rule.law, []).append(rule)
    start = dt.date.min
    return sorted(laws.items(), key=lambda item: min(r.effective_from or start for r in item[1]))


def _grants(table: LawTable, law: str, kind: str, on: dt.date) -> bool:
    if kind == "appeal":
        return True
    rights = law_rights(law)
    granted = rights.grants_kind(kind, on) if rights else True
    return granted and table.has(law, kind)


def _from_when(law: str, kind: str, on: dt.date) -> str:
    rights = law_rights(law)
    starts = dict(rights.rights_from).get(kind) if rights else None
    return f" before {starts.isoformat()}" if starts and starts > on else ""
