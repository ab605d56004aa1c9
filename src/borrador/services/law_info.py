"""The law table as plain data for front ends: every row with its sources, rights, roll rule and
calendar, and the deadlines a law sets for a given receipt date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from borrador.core.deadlines import Deadlines, Period, Rule
from borrador.laws.calendars import NO_CALENDAR, holiday_calendar, roll_note
from borrador.laws.engine import deadlines_for
from borrador.laws.rights import law_rights
from borrador.laws.table import law_table


def _period(p: Period | None) -> dict[str, Any] | None:
    return None if p is None else {"days": p.days, "business": p.business}


def _day(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def calendar_source(code: str) -> dict[str, str]:
    if code == NO_CALENDAR:
        return {"code": code, "title": "calendar days only", "source": "", "quality": "",
                "note": ""}  # fmt: skip
    cal = holiday_calendar(code)
    return {"code": code, "title": cal.title, "source": cal.source, "url": cal.url,
            "quality": cal.quality, "note": cal.note}  # fmt: skip


def roll_facts(rule: Rule) -> dict[str, str]:
    if rule.roll is None:
        return {"statute": "none known", "calendar": "", "quality": "", "note": ""}
    return {"statute": rule.roll.statute, "calendar": rule.roll.calendar,
            "quality": rule.roll.source_quality, "note": roll_note(rule.jurisdiction),
            "calendar_source": calendar_source(rule.roll.calendar)["source"]}  # fmt: skip


def rights_facts(law: str) -> dict[str, Any]:
    rights = law_rights(law)
    if rights is None:
        return {"rights": [], "rights_from": {}, "deletion_scope": None, "agent_kinds": [],
                "regulator": None}  # fmt: skip
    reg = rights.regulator
    return {
        "rights": list(rights.rights),
        "rights_from": {r: d.isoformat() for r, d in rights.rights_from},
        "rights_cite": rights.rights_cite,
        "deletion_scope": rights.deletion_scope or None,
        "deletion_cite": rights.deletion_cite, "deletion_note": rights.deletion_note,
        "agent_kinds": list(rights.agent_kinds), "agent_cite": rights.agent_cite,
        "notes": list(rights.notes), "rights_source_quality": rights.source_quality,
        "regulator": None if reg is None else {
            "name": reg.name, "address": reg.address, "complaint_url": reg.complaint_url,
            "confirmed": reg.confirmed, "source": reg.source},
    }  # fmt: skip


def law_rows() -> list[dict[str, Any]]:
    """Every row of the law table (appeal clocks included), as JSON-ready dicts."""
    rows = []
    for r in law_table().rules:
        rows.append({
            "law": r.law, "aliases": list(r.aliases), "name": r.name, "kinds": list(r.kinds),
            "variant": r.variant, "jurisdiction": r.jurisdiction, "citation": r.citation,
            "calendar": r.calendar, "calendar_source": calendar_source(r.calendar),
            "acknowledge": _period(r.acknowledge), "respond": _period(r.respond),
            "extension": _period(r.extension), "extension_note": r.extension_note,
            "appeal": _period(r.appeal), "appeal_extension": _period(r.appeal_extension),
            "appeal_citation": r.appeal_citation, "appeal_filing": _period(r.appeal_filing),
            "appeal_filing_note": r.appeal_filing_note, "appeal_note": r.appeal_note,
            "courtesy": r.courtesy, "complaint_to": r.complaint_to, "unverified": r.unverified,
            "source": r.source, "source_quality": r.source_quality, "cites": dict(r.cites),
            "effective_from": _day(r.effective_from), "until": _day(r.until),
            "clock_from": _day(r.clock_from), "clock_from_note": r.clock_from_note,
            "auto": r.auto, "auto_note": r.auto_note, "roll": roll_facts(r),
            **rights_facts(r.law),
        })  # fmt: skip
    return rows


def deadline_facts(
    law: str, kind: str, received: dt.date, *, after_free_report: bool = False
) -> tuple[Deadlines, dict[str, Any]]:
    """The deadlines, and the same as JSON-ready data (the keys `deadlines compute` prints)."""
    result = deadlines_for(law, kind, received, after_free_report=after_free_report)
    rule = result.rule
    data = {
        "law": rule.law, "kind": kind, "variant": rule.variant, "received": received.isoformat(),
        "clock_start": _day(result.clock_start),
        "acknowledge_by": _day(result.acknowledge_by),
        "respond_by": result.respond_by.isoformat(),
        "extended_respond_by": _day(result.extended_respond_by),
        "rolled": [m.as_dict() for m in result.rolled] or None,
        "in_force": result.in_force, "effective_from": _day(rule.effective_from),
        "citation": rule.citation, "courtesy": rule.courtesy, "calendar": rule.calendar,
        "roll": roll_facts(rule)["statute"], "source_quality": rule.source_quality,
    }  # fmt: skip
    return result, data
