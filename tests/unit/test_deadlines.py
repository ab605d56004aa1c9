"""Legal clocks: the law table, business-day arithmetic, hand-checked dates."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borrador.core.business_days import BusinessCalendar
from borrador.laws.calendars import business_calendar, holidays
from borrador.laws.engine import deadlines_for, deadlines_for_rule
from borrador.laws.table import KINDS, law_table

D = dt.date


def deadlines(law, kind, received):
    return deadlines_for(law, kind, received)


# Each case counted by hand on a calendar; the comment says what it exercises.
HAND_CHECKED = [
    # law, kind, received, acknowledge_by, respond_by, extended_respond_by
    (
        "foia",
        "records",
        D(2026, 12, 14),
        None,
        D(2027, 1, 13),
        D(2027, 1, 28),
    ),  # Christmas, New Year, MLK
    (
        "foia",
        "records",
        D(2027, 12, 20),
        None,
        D(2028, 1, 20),
        D(2028, 2, 3),
    ),  # observed Dec 24 and Dec 31
    (
        "foia",
        "records",
        D(2027, 6, 15),
        None,
        D(2027, 7, 15),
        D(2027, 7, 29),
    ),  # Juneteenth and July 4 observed
    (
        "foia",
        "records",
        D(2026, 11, 26),
        None,
        D(2026, 12, 24),
        D(2027, 1, 11),
    ),  # received on Thanksgiving
    (
        "ccpa",
        "delete",
        D(2026, 11, 30),
        D(2026, 12, 14),
        D(2027, 1, 14),
        D(2027, 3, 1),
    ),  # the issue's example; Feb 28 is a Sunday: CCP §12a moves it
    (
        "privacy-ca",
        "opt-out",
        D(2026, 3, 20),
        None,
        D(2026, 4, 13),
        None,
    ),  # Cesar Chavez Day (state holiday)
    (
        "records-co",
        "records",
        D(2026, 7, 2),
        None,
        D(2026, 7, 8),
        D(2026, 7, 17),
    ),  # July 3 observed
    ("records-il", "records", D(2027, 1, 15), None, D(2027, 1, 25), D(2027, 2, 1)),  # MLK Day
    (
        "records-ca",
        "records",
        D(2028, 2, 25),
        None,
        D(2028, 3, 6),
        D(2028, 3, 20),
    ),  # leap day counted
    ("fcra", "disclosure", D(2026, 12, 20), None, D(2027, 1, 4), None),  # across the year end
    ("fcra", "dispute", D(2026, 12, 20), None, D(2027, 1, 19), D(2027, 2, 3)),
    ("privacy-va", "access", D(2026, 11, 30), None, D(2027, 1, 14), D(2027, 2, 28)),
    ("privacy-ia", "delete", D(2026, 1, 1), None, D(2026, 4, 1), D(2026, 5, 16)),  # Iowa: 90 days
    (
        "privacy-co",
        "opt-out",
        D(2024, 1, 15),
        None,
        D(2024, 2, 29),
        D(2024, 4, 15),
    ),  # lands on leap day; Apr 14 is a Sunday: C.R.S. §2-4-108(2) moves it
    ("policy", "delete", D(2026, 5, 1), None, D(2026, 6, 15), None),  # a courtesy target
]


@pytest.mark.parametrize(("law", "kind", "received", "ack", "respond", "extended"), HAND_CHECKED)
def test_hand_checked_dates(law, kind, received, ack, respond, extended):
    result = deadlines(law, kind, received)
    assert (result.acknowledge_by, result.respond_by, result.extended_respond_by) == (
        ack,
        respond,
        extended,
    )


def walk(start, n, closed):
    """The slow, obvious way: step one day at a time, counting open weekdays."""
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day


def _holidays(code, year):
    """The statutory calendars of calendars.toml (no longer python-holidays' subdivisions)."""
    return {d for y in range(year - 1, year + 3) for d in holidays(code, y)}


def _rolled(rule, day):
    if rule.roll is None:
        return day
    closed = _holidays(rule.roll.calendar, day.year)
    while day.weekday() >= 5 or day in closed:
        day += dt.timedelta(days=1)
    return day


@pytest.mark.parametrize("rule", law_table().rules, ids=lambda r: f"{r.law}:{'+'.join(r.kinds)}")
def test_every_rule_against_a_day_by_day_walk(rule):
    closed = _holidays(rule.calendar, 2026)
    for received in (D(2026, 1, 16), D(2026, 7, 2), D(2026, 11, 25), D(2026, 12, 23)):
        result = deadlines_for_rule(rule, received)
        start = max(received, rule.clock_from) if rule.clock_from else received

        def expect(period, start):
            if period.business:
                return walk(start, period.days, closed)
            return start + dt.timedelta(days=period.days)

        respond = expect(rule.respond, start)
        assert result.respond_by == _rolled(rule, respond)
        if rule.acknowledge:
            assert result.acknowledge_by == _rolled(rule, expect(rule.acknowledge, start))
        if rule.extension:  # counted on from the unmoved due date, then moved
            assert result.extended_respond_by == _rolled(rule, expect(rule.extension, respond))
        assert result.respond_by > received


def test_table_covers_what_the_issue_names():
    table = law_table()
    for law in (
        "privacy-ca",
        "privacy-co",
        "privacy-va",
        "privacy-ct",
        "privacy-tx",
        "privacy-or",
        "privacy-ia",
        "privacy-ut",
        "privacy-mn",
        "privacy-md",
        "privacy-in",
        "privacy-ky",
        "privacy-ri",
        "privacy-nj",
        "fcra",
        "foia",
        "records-co",
        "records-il",
        "records-ca",
    ):
        assert law in table.laws
    assert table.canonical("CCPA") == "privacy-ca"
    assert table.rule("privacy-ia", "delete").respond.days == 90
    assert table.rule("policy", "delete").courtesy
    for rule in table.rules:
        assert rule.source.startswith("https://") and rule.citation and rule.complaint_to
        assert set(rule.kinds) <= set(KINDS)


calendars = st.sampled_from(["US", "US-CA", "US-CO", "US-IL", "US-NY", "US-TX"])


@settings(max_examples=400, deadline=None)
@given(code=calendars, start=st.dates(D(2024, 1, 1), D(2030, 12, 31)), n=st.integers(1, 60))
def test_business_days_agree_with_a_walk(code, start, n):
    calendar = business_calendar(code, start)
    closed = _holidays(code, start.year)
    assert calendar.add(start, n) == walk(start, n, closed)


@settings(max_examples=300, deadline=None)
@given(rule=st.sampled_from(law_table().rules), received=st.dates(D(2024, 1, 1), D(2030, 12, 31)))
def test_a_due_date_is_never_before_receipt(rule, received):
    result = deadlines_for_rule(rule, received)
    assert result.respond_by > received
    assert result.acknowledge_by is None or received < result.acknowledge_by <= result.respond_by
    assert result.extended_respond_by is None or result.extended_respond_by > result.respond_by


def test_calendar_refuses_dates_outside_its_table():
    calendar = BusinessCalendar([], 2026, 2026)
    with pytest.raises(ValueError, match="outside"):
        calendar.add(D(2026, 12, 30), 20)


def test_unknown_law_and_kind_are_clear():
    from borrador.core.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no law 'gdpr'"):
        law_table().rule("gdpr", "delete")
    with pytest.raises(NotFoundError, match="sets no clock for 'records'"):
        law_table().rule("privacy-ca", "records")
