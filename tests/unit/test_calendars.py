"""Holiday calendars from the statutes: every calendar's 2026 and 2027 days, listed by hand from
the statute each names, and the roll rules that use them."""

import datetime as dt

import pytest

from borrador.laws.calendars import (
    NO_CALENDAR,
    _easter,
    business_calendar,
    calendar_codes,
    holiday_calendar,
    holidays,
    roll_for,
)


def days(*mmdd, year):
    return [dt.date(year, int(d[:2]), int(d[3:])) for d in mmdd]


# code: (2026 days, 2027 days); observed days included (e.g. a Saturday July 4 kept Friday)
EXPECTED = {
    # 5 U.S.C. §6103(a)-(b): 11 holidays; Saturday -> Friday, Sunday -> Monday. Jan 1, 2028 is
    # a Saturday, so Friday Dec 31, 2027 is a holiday.
    "US": (
        ("01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "07-04", "09-07", "10-12",
         "11-11", "11-26", "12-25"),
        ("01-01", "01-18", "02-15", "05-31", "06-18", "06-19", "07-04", "07-05", "09-06",
         "10-11", "11-11", "11-25", "12-24", "12-25", "12-31"),
    ),
    # Gov. Code §19853: no Lincoln Day, Juneteenth, Native American Day, Columbus Day, Diwali
    # (Oct 29, 2027) or Susan B. Anthony Day; a Saturday July 4 gives no Friday off.
    "US-CA": (
        ("01-01", "01-19", "02-16", "03-31", "05-25", "07-04", "09-07", "11-11", "11-26",
         "11-27", "12-25"),
        ("01-01", "01-18", "02-15", "03-31", "05-31", "07-04", "07-05", "09-06", "11-11",
         "11-25", "11-26", "12-25"),
    ),
    # CCP §135 with Gov. Code §6700-6701: Lincoln Day, Juneteenth, Native American Day are
    # judicial holidays; Admission Day, Columbus Day, Lunar New Year, Genocide Remembrance
    # Day and Diwali are not. 2026 matches the Calaveras Superior Court's published list.
    "US-CA-COURTS": (
        ("01-01", "01-19", "02-12", "02-16", "03-31", "05-25", "06-19", "07-03", "07-04",
         "09-07", "09-25", "11-11", "11-26", "11-27", "12-25"),
        ("01-01", "01-18", "02-12", "02-15", "03-31", "05-31", "06-18", "06-19", "07-04",
         "07-05", "09-06", "09-24", "11-11", "11-25", "11-26", "12-24", "12-25", "12-31"),
    ),
    # C.R.S. §24-11-101: no Cesar Chavez Day (Mar 31); Cabrini Day first Monday of October;
    # only a Sunday holiday moves (to Monday).
    "US-CO": (
        ("01-01", "01-19", "02-16", "05-25", "06-19", "07-04", "09-07", "10-05", "11-11",
         "11-26", "12-25"),
        ("01-01", "01-18", "02-15", "05-31", "06-19", "07-04", "07-05", "09-06", "10-04",
         "11-11", "11-25", "12-25"),
    ),
    # The same, plus the Friday state offices close before a Saturday holiday.
    "US-CO-OFFICES": (
        ("01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "07-04", "09-07", "10-05",
         "11-11", "11-26", "12-25"),
        ("01-01", "01-18", "02-15", "05-31", "06-18", "06-19", "07-04", "07-05", "09-06",
         "10-04", "11-11", "11-25", "12-24", "12-25", "12-31"),
    ),
    # 205 ILCS 630/17: Lincoln's Birthday, Pulaski Day (first Monday of March), Good Friday,
    # general election day of even years; no day after Thanksgiving; no weekend moves.
    "US-IL": (
        ("01-01", "01-19", "02-12", "02-16", "03-02", "04-03", "05-25", "06-19", "07-04",
         "09-07", "10-12", "11-03", "11-11", "11-26", "12-25"),
        ("01-01", "01-18", "02-12", "02-15", "03-01", "03-26", "05-31", "06-19", "07-04",
         "09-06", "10-11", "11-11", "11-25", "12-25"),
    ),
    # Tex. Gov't Code §662.021 with §662.003(a), (b)(1)-(6): Confederate Heroes Day (Jan 19),
    # Texas Independence Day, San Jacinto Day, Emancipation Day, LBJ Day, Friday after
    # Thanksgiving; no weekend moves; Dec 24 and 26 are not legal holidays.
    "US-TX": (
        ("01-01", "01-19", "02-16", "03-02", "04-21", "05-25", "06-19", "07-04", "08-27",
         "09-07", "11-11", "11-26", "11-27", "12-25"),
        ("01-01", "01-18", "01-19", "02-15", "03-02", "04-21", "05-31", "06-19", "07-04",
         "08-27", "09-06", "11-11", "11-25", "11-26", "12-25"),
    ),
    # §552.0031(a): all of §662.003(a) and (b), so Dec 24 and 26 too.
    "US-TX-PIA": (
        ("01-01", "01-19", "02-16", "03-02", "04-21", "05-25", "06-19", "07-04", "08-27",
         "09-07", "11-11", "11-26", "11-27", "12-24", "12-25", "12-26"),
        ("01-01", "01-18", "01-19", "02-15", "03-02", "04-21", "05-31", "06-19", "07-04",
         "08-27", "09-06", "11-11", "11-25", "11-26", "12-24", "12-25", "12-26"),
    ),
    # Minn. Stat. §645.44 subd. 5: Indigenous Peoples Day and the Friday after Thanksgiving
    # (executive branch); fixed holidays move off both weekend days.
    "US-MN": (
        ("01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "07-04", "09-07", "10-12",
         "11-11", "11-26", "11-27", "12-25"),
        ("01-01", "01-18", "02-15", "05-31", "06-18", "06-19", "07-04", "07-05", "09-06",
         "10-11", "11-11", "11-25", "11-26", "12-24", "12-25", "12-31"),
    ),
    # N.Y. Gen. Constr. Law §24: Lincoln's Birthday, Flag Day (second Sunday of June),
    # Columbus Day, general election day every year; only Sunday holidays move.
    "US-NY": (
        ("01-01", "01-19", "02-12", "02-16", "05-25", "06-14", "06-19", "07-04", "09-07",
         "10-12", "11-03", "11-11", "11-26", "12-25"),
        ("01-01", "01-18", "02-12", "02-15", "05-31", "06-13", "06-19", "07-04", "07-05",
         "09-06", "10-11", "11-02", "11-11", "11-25", "12-25"),
    ),
}  # fmt: skip


def test_every_calendar_has_a_listed_case():
    assert set(calendar_codes()) == set(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
@pytest.mark.parametrize("year", [2026, 2027])
def test_calendar_days(code, year):
    expected = EXPECTED[code][year - 2026]
    assert list(holidays(code, year)) == days(*expected, year=year)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_calendar_names_its_source(code):
    cal = holiday_calendar(code)
    assert cal.source and cal.title and cal.quality in ("statute", "secondary", "reviewer")
    assert cal.url.startswith(("https://", "http://")) or cal.note


def test_named_days():
    ca = holidays("US-CA", 2026)
    assert dt.date(2026, 3, 31) in ca and dt.date(2026, 11, 8) not in ca  # Diwali 2026
    assert dt.date(2026, 2, 15) not in ca  # Susan B. Anthony Day: a commemoration
    assert dt.date(2026, 3, 31) not in holidays("US-CO", 2026)  # Cesar Chavez Day
    assert holidays("US-CA-COURTS", 2026)[dt.date(2026, 7, 3)] == "Independence Day (observed)"
    tx = holidays("US-TX", 2026)[dt.date(2026, 1, 19)]
    assert "Confederate Heroes Day" in tx and "Martin Luther King" in tx  # the same day
    assert holidays(NO_CALENDAR, 2026) == {}


def test_easter():
    assert [_easter(y) for y in (2024, 2025, 2026, 2027, 2028)] == [
        dt.date(2024, 3, 31), dt.date(2025, 4, 20), dt.date(2026, 4, 5), dt.date(2027, 3, 28),
        dt.date(2028, 4, 16)]  # fmt: skip


@pytest.mark.parametrize(
    ("place", "statute", "calendar"),
    [
        ("CA", "Cal. Code Civ. Proc. §12a", "US-CA-COURTS"),  # Saturday counts as a holiday
        ("CO", "C.R.S. §2-4-108(2)", "US-CO"),
        ("TX", "Tex. Gov't Code §311.014(b)", "US-TX"),
        ("MN", "Minn. Stat. §645.15", "US-MN"),
        ("IL", "5 ILCS 70/1.11", "US-IL"),
    ],
)
def test_roll_rules(place, statute, calendar):
    roll = roll_for(place)
    assert (roll.statute, roll.calendar) == (statute, calendar)


@pytest.mark.parametrize("place", ["US", "VA", "UT", "IA", "NJ", "NY", ""])
def test_no_roll_rule_known(place):
    assert roll_for(place) is None


def test_business_days_skip_the_statutory_days_only():
    co = business_calendar("US-CO", dt.date(2026, 3, 1))
    assert co.add(dt.date(2026, 3, 30), 1) == dt.date(2026, 3, 31)  # Cesar Chavez Day counts
    ca = business_calendar("US-CA", dt.date(2027, 10, 1))
    assert ca.add(dt.date(2027, 10, 28), 1) == dt.date(2027, 10, 29)  # Diwali counts
    none = business_calendar(NO_CALENDAR, dt.date(2026, 7, 1))
    assert none.add(dt.date(2026, 7, 2), 1) == dt.date(2026, 7, 3)
