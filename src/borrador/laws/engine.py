"""The deadline engine: a law table row, its holiday calendar and its roll rule, applied to the
day a recipient got a request. Services and the CLI ask here rather than wiring the parts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from borrador.core.deadlines import Deadlines, Rule, compute
from borrador.core.errors import N_, ValidationError
from borrador.laws.calendars import business_calendar
from borrador.laws.rights import KIND_RIGHTS, law_rights
from borrador.laws.table import law_table

AFTER_FREE_REPORT = "after-free-report"
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)  # calendars are built around


def rule_for(law: str, kind: str, *, after_free_report: bool = False) -> Rule:
    """The table's rule. `after_free_report` picks the 45-day FCRA dispute of §1681j(a)(3);
    asked of any other law or kind it is refused. Unknown pairs raise NotFoundError."""
    table = law_table()
    if after_free_report:
        if not table.has(law, kind, AFTER_FREE_REPORT):
            raise ValidationError(
                "after_free_report",
                N_("applies only to FCRA disputes (15 U.S.C. §1681j(a)(3))"),
                hint=N_("Drop --after-free-report, or use --law fcra --kind dispute."),
            )
        return table.rule(law, kind, AFTER_FREE_REPORT)
    return table.rule(law, kind)


def courtesy_rule_for(law: str, kind: str, *, after_free_report: bool = False) -> Rule:
    """Like rule_for, but follow-ups, complaints and unknown bases get the courtesy target."""
    table = law_table()
    law = law or "policy"
    if after_free_report and table.has(law, kind, AFTER_FREE_REPORT):
        return table.rule(law, kind, AFTER_FREE_REPORT)
    if table.has(law, kind):
        return table.rule(law, kind)
    return table.rule("policy", "access")


def deadlines_for_rule(
    rule: Rule, received: dt.date, *, estimated: bool = False, kind: str = ""
) -> Deadlines:
    """`kind` (when given) also checks that the right itself was in force on receipt: Utah's
    right to correct, for one, starts years after the rest of its law."""
    if not FIRST_DAY <= received <= LAST_DAY:
        raise ValidationError(
            "received", N_("{received} is outside the years Borrador counts ({first}-"
            "{last})"), hint=N_("Check the year."),
            received=received, first=FIRST_DAY.year, last=LAST_DAY.year,
        )  # fmt: skip
    start = max(received, rule.clock_from) if rule.clock_from else received
    calendar = business_calendar(rule.calendar, start)
    roll_calendar = business_calendar(rule.roll.calendar, start) if rule.roll else None
    result = compute(rule, received, calendar, receipt_estimated=estimated,
                     roll_calendar=roll_calendar)  # fmt: skip
    rights = law_rights(rule.law) if kind in KIND_RIGHTS else None
    if result.in_force and rights and not rights.grants_kind(kind, received):
        result = dataclasses.replace(result, in_force=False)
    return result


def deadlines_for(
    law: str,
    kind: str,
    received: dt.date,
    *,
    estimated: bool = False,
    after_free_report: bool = False,
) -> Deadlines:
    """The deadlines of a `law`/`kind` request received on `received` (NotFoundError if the
    table has no such clock)."""
    rule = rule_for(law, kind, after_free_report=after_free_report)
    return deadlines_for_rule(rule, received, estimated=estimated, kind=kind)
