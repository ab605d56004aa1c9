"""Basis choice from the table: dates in force, `auto = false`, rights per state, the agency's
state for public records, and the FCRA's route for the nationwide credit bureaus."""

import datetime as dt

import pytest

from borrador.laws.basis import choose_basis
from borrador.laws.rights import disclosure_route, is_nationwide_cra

D = dt.date
DAY = D(2026, 12, 1)
BROKER, AGENCY = "broker", "agency"


@pytest.mark.parametrize(
    ("state", "kind", "on", "law", "reason"),
    [
        ("CA", "delete", DAY, "privacy-ca", "state-privacy"),  # not the Delete Act (auto false)
        ("CA", "opt-out", DAY, "privacy-ca", "state-privacy"),
        ("CA", "appeal", DAY, "policy", "no-appeal"),  # the CCPA has no appeal step
        ("FL", "delete", DAY, "policy", "not-auto"),  # $1B controllers only, §501.702(9)
        ("OK", "delete", DAY, "policy", "not-in-force"),  # in force 2027-01-01
        ("OK", "delete", D(2027, 1, 1), "privacy-ok", "state-privacy"),
        ("LA", "access", D(2026, 12, 31), "policy", "not-in-force"),
        ("AL", "access", D(2027, 4, 30), "policy", "not-in-force"),  # in force 2027-05-01
        ("AL", "access", D(2027, 5, 1), "privacy-al", "state-privacy"),
        ("VT", "opt-out", D(2027, 12, 31), "policy", "not-in-force"),  # in force 2028-01-01
        ("IA", "correct", DAY, "policy", "right-not-granted"),  # §715D.3: no correction right
        ("IA", "opt-out", DAY, "privacy-ia", "state-privacy"),  # opt-out of sale only
        ("UT", "correct", D(2026, 6, 30), "policy", "right-not-granted"),
        ("UT", "correct", D(2026, 7, 1), "privacy-ut", "state-privacy"),  # HB 418
        ("UT", "appeal", DAY, "policy", "no-appeal"),  # Utah has no appeal process
        ("VA", "appeal", DAY, "privacy-va", "state-privacy"),  # §59.1-577(C)
        ("IN", "delete", D(2025, 12, 31), "policy", "not-in-force"),  # IC 24-15, 2026-01-01
        ("MD", "delete", D(2026, 3, 1), "privacy-md", "state-privacy"),  # clock starts 04-01
        ("WY", "delete", DAY, "policy", "no-state-law"),
        ("", "delete", DAY, "policy", "no-state"),
    ],
)
def test_privacy_basis(state, kind, on, law, reason):
    basis = choose_basis(state, BROKER, {}, kind, on)
    assert (basis.law, basis.reason) == (law, reason)
    assert basis.describe()  # every reason has its sentence


def test_reasons_read_well():
    ok = choose_basis("OK", BROKER, {}, "delete", DAY).describe()
    assert "in force only from 2027-01-01" in ok and "Oklahoma" in ok
    ut = choose_basis("UT", BROKER, {}, "correct", D(2026, 6, 30)).describe()
    assert "before 2026-07-01" in ut
    fl = choose_basis("FL", BROKER, {}, "delete", DAY).describe()
    assert "$1 billion" in fl
    assert choose_basis("co", BROKER, {}, "delete", DAY).describe() == (
        "You live in CO: the Colorado Privacy Act applies.")  # fmt: skip


def test_agencies_get_no_privacy_basis():
    assert choose_basis("CA", AGENCY, {}, "delete", DAY).law == "policy"


@pytest.mark.parametrize(
    ("state", "agency_state", "honours", "law", "reason"),
    [
        ("TX", "", {"records": ["foia"]}, "foia", "foia"),
        ("CO", "", {}, "records-co", "state-records"),
        ("CO", "IL", {}, "records-il", "state-records"),  # the agency's law, not the person's
        ("CA", "", {}, "records-ca", "state-records"),
        ("TX", "", {}, "records-state", "records-no-template"),  # TPIA row, no letter yet
        ("NY", "", {}, "records-state", "records-no-template"),  # FOIL row, no letter yet
        ("WY", "", {}, "records-state", "records-generic"),
        ("", "", {}, "records-state", "records-generic"),
    ],
)
def test_records_basis(state, agency_state, honours, law, reason):
    basis = choose_basis(state, AGENCY, honours, "records", DAY, agency_state=agency_state)
    assert (basis.law, basis.reason) == (law, reason)
    if agency_state:
        assert "the agency's state" in basis.describe()


def test_fcra_routes():
    central = choose_basis("CA", BROKER, {}, "disclosure", DAY, recipient_slug="equifax")
    assert central.law == "fcra" and central.reason == "fcra-nationwide"
    assert "https://www.annualcreditreport.com" in central.describe()
    specialty = choose_basis("CA", BROKER, {}, "disclosure", DAY, recipient_slug="lexisnexis-risk")
    assert (specialty.law, specialty.reason) == ("fcra", "fcra")
    dispute = choose_basis("CA", BROKER, {}, "dispute", DAY, recipient_slug="experian")
    assert (dispute.law, dispute.reason) == ("fcra", "fcra")
    # A catalog cra_type, when present, wins over the slug.
    assert is_nationwide_cra("transunion") and not is_nationwide_cra("transunion", "specialty")
    assert is_nationwide_cra("some-new-bureau", "nationwide")
    route = disclosure_route("experian")
    assert route.route == "centralized-source" and not route.clock_applies
    assert route.central.phone == "1-877-322-8228" and "P.O. Box 105281" in route.central.mail
    assert "§1022.136" in route.citation
    direct = disclosure_route("verisk", "specialty")
    assert direct.route == "direct" and direct.clock_applies
