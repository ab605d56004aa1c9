"""What the law of a letter grants, who speaks, and where escalations go: the facts templates
use instead of hard-coded claims (all from the law table, on the day the letter is made)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from borrador.catalog.model import Broker
from borrador.core.deadlines import Rule
from borrador.core.states import state_name
from borrador.laws.records_acts import records_act
from borrador.laws.rights import OPT_OUTS, disclosure_route, law_rights
from borrador.laws.table import law_table
from borrador.letters.context import Agent, period_text


# -- what the law of the letter grants ----------------------------------------------------------
def rights_context(law: str, kind: str, on: dt.date) -> dict[str, Any]:
    """The rights of the letter's row, from the law table, on the day the letter is made.

    Templates claim only what is here: the request kinds granted, which opt-outs, the scope of
    deletion, whether an appeal exists and its period, and which kinds an agent may make."""
    table = law_table()
    row = law_rights(law)
    base = table.canonical(law)
    appeal = table.rule(base, "appeal") if table.has(base, "appeal") else None
    granted = row.grants if row else (lambda right, day: False)
    kinds = [k for k in ("access", "delete", "correct", "opt-out")
             if row and row.grants_kind(k, on)]  # fmt: skip
    agent_kinds = list(row.agent_kinds) if row else []
    return {
        "law": law, "row": row is not None, "kinds": kinds,
        "opt_outs": [o.removeprefix("opt-out-") for o in OPT_OUTS if granted(o, on)],
        "limit_sensitive": granted("limit-sensitive", on),
        "third_party_list": granted("third-party-list", on),
        "third_party_categories": granted("third-party-categories", on),
        "portability": granted("portability", on),
        "deletion_scope": row.deletion_scope if row and granted("delete", on) else "",
        "deletion_cite": row.deletion_cite if row else "",
        "appeal": appeal is not None,
        "appeal_decide": period_text(appeal.respond) if appeal else "",
        "appeal_filing": period_text(appeal.appeal_filing) if appeal else "",
        "appeal_citation": appeal.citation if appeal else "",
        "agent_kinds": agent_kinds, "agent_may": kind in agent_kinds,
        "agent_cite": row.agent_cite.replace(" (recalled)", "") if row else "",
        "regulator": regulator_context(law),
    }  # fmt: skip


def regulator_context(law: str) -> dict[str, Any]:
    """Where a complaint under `law` goes: the table's regulator, with its postal address."""
    row = law_rights(law)
    reg = row.regulator if row else None
    if reg is None:
        return {"name": "", "address": [], "url": "", "confirmed": False}
    return {"name": reg.name, "address": [a for a in reg.address.splitlines() if a.strip()],
            "url": reg.complaint_url, "confirmed": reg.confirmed}  # fmt: skip


def agent_acts(rights: dict[str, Any], kind: str) -> bool:
    """An agent writes as agent only for kinds the person's law lets an agent make."""
    return kind in rights["agent_kinds"]


def who_context(person_ctx: dict[str, Any], agent: Agent | None, acts: bool) -> dict[str, Any]:
    """Who speaks. An agent speaks as agent only when `acts` (the law lets an agent make this
    kind); otherwise the letter is the person's own, and the clinic is named as helper."""
    name, state = person_ctx["name"], state_name(person_ctx["state"])
    if agent is not None and acts:
        through = f", through {agent.organisation}" if agent.organisation else ""
        where = f", a resident of {state}" if state else ""
        opening = (f"I write as the authorised agent of {name}{where}{through}. {name}'s signed "
                   "authorisation is enclosed.")  # fmt: skip
        return {"agent": True, "opening": opening, "me": name, "my": f"{name}'s",
                "subject": name, "state": state, "helper": ""}  # fmt: skip
    opening = f"I live in {state}." if state else ""
    helper = (agent.organisation or agent.name) if agent is not None else ""
    return {"agent": False, "opening": opening, "me": "me", "my": "my", "subject": "I",
            "state": state, "helper": helper}  # fmt: skip


OPT_OUT_WORDS = {
    "sale": "the sale of {my} personal data",
    "targeted-ads": "the processing of {my} personal data for targeted advertising",
    "profiling": "profiling in furtherance of decisions that produce legal or similarly "
                 "significant effects",
}  # fmt: skip


def opt_out_phrase(opt_outs: list[str], my: str) -> str:
    """'the sale of my personal data, … and profiling …': only the opt-outs the row grants."""
    parts = [OPT_OUT_WORDS[o].format(my=my) for o in opt_outs if o in OPT_OUT_WORDS]
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])}, and {parts[-1]}" if len(parts) > 2 else " and ".join(parts)


def agency_context(entry: Broker, options: dict[str, Any]) -> dict[str, Any]:
    """A state or local agency's state and public-records act (named only when confirmed),
    with the table's period where the state has a row."""
    code = entry.agency_state or str(options.get("agency_state") or "").upper()
    act = records_act(code)
    rows = [r for r in law_table().rules if "records" in r.kinds and r.jurisdiction == code
            and code and not r.courtesy]  # fmt: skip
    row = rows[0] if rows else None
    return {
        "state": code, "state_name": state_name(code),
        "act": act.name if act and act.confirmed else "",
        "act_citation": act.citation if act and act.confirmed else "",
        "respond": period_text(row.respond) if row else "",
        "respond_citation": row.citation if row else "",
        "respond_note": row.extension_note if row else "",
    }  # fmt: skip


def fcra_context(entry: Broker) -> dict[str, Any]:
    """For a disclosure: does the 15-day free annual rule apply to a letter sent straight to
    this agency (a nationwide bureau's free report comes only through the central source)?"""
    route = disclosure_route(entry.slug, getattr(entry, "cra_type", ""))
    central = route.central
    return {"clock_applies": route.clock_applies, "route": route.route,
            "website": central.website if central else "",
            "phone": central.phone if central else ""}  # fmt: skip


def complaint_recipient(recipient: dict[str, Any], regulator: dict[str, Any],
                        rule: Rule) -> dict[str, Any]:  # fmt: skip
    """A complaint goes to the row's regulator at its postal address; without one in the table
    it is addressed by the row's `complaint_to`, with no invented address."""
    if regulator["name"]:
        return {**recipient, "name": regulator["name"], "address": regulator["address"],
                "email": "", "url": regulator["url"]}  # fmt: skip
    return {**recipient, "name": rule.complaint_to, "address": [], "email": "", "url": ""}


def agent_kind_words(rights: dict[str, Any], language: str = "en") -> list[str]:
    """What the authorisation form lets the agent ask for, in the person's words: in
    Spanish for someone who reads Spanish, who must understand what they sign."""
    if language.startswith("es"):
        return _agent_kind_words_es(rights)
    opt_outs = opt_out_phrase(rights["opt_outs"], "my")
    words = {"opt-out": f"requests to opt out of {opt_outs}" if opt_outs else
             "requests to opt out, as the law allows",
             "delete": "requests to delete my personal data",
             "access": "requests to know and get a copy of the personal data held about me",
             "correct": "requests to correct inaccurate personal data about me"}  # fmt: skip
    return [words.get(kind, f"{kind} requests") for kind in rights["agent_kinds"]]


OPT_OUT_WORDS_ES = {  # each with its preposition: "excluirme de la venta…, del tratamiento…"
    "sale": "de la venta de mis datos personales",
    "targeted-ads": "del tratamiento de mis datos personales para publicidad dirigida",
    "profiling": "de la elaboración de perfiles para tomar decisiones con efectos legales o "
                 "de importancia similar",
}  # fmt: skip


def _agent_kind_words_es(rights: dict[str, Any]) -> list[str]:
    parts = [OPT_OUT_WORDS_ES[o] for o in rights["opt_outs"] if o in OPT_OUT_WORDS_ES]
    opt_outs = f"{', '.join(parts[:-1])} y {parts[-1]}" if len(parts) > 1 else "".join(parts)
    words = {"opt-out": f"solicitudes para excluirme {opt_outs}" if opt_outs else
             "solicitudes para excluirme, según lo permita la ley",
             "delete": "solicitudes para borrar mis datos personales",
             "access": "solicitudes para saber qué datos personales tienen sobre mí y "
                       "recibir una copia",
             "correct": "solicitudes para corregir datos personales inexactos sobre mí",
             }  # fmt: skip
    return [words.get(kind, f"solicitudes de tipo {kind}") for kind in rights["agent_kinds"]]
