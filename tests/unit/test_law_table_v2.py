"""The law table, row by row, against dates counted by hand from the statutes' text.

Each case cites the section its numbers come from. Every row of laws.toml (appeal clocks
included) has at least one case; a new row without one fails `test_every_row_has_a_case`.
"""

import datetime as dt

import pytest

from borrador.laws.engine import deadlines_for
from borrador.laws.rights import DELETION_SCOPES, KIND_RIGHTS, all_law_rights, law_rights
from borrador.laws.table import law_table

D = dt.date
AFR = "after-free-report"

# law, kind, variant, received, acknowledge_by, respond_by, extended_respond_by,
# days moved by a roll rule (their unmoved dates), in force on receipt, section cited by the row
CASES = [
    # Civ. Code §1798.130(a)(2); 11 CCR §7021: 10 business days, 45 + 45 calendar days.
    # Day 90 is Sunday 2027-02-28: Code Civ. Proc. §12a moves it to Monday.
    ("privacy-ca", "delete", "", D(2026, 11, 30), D(2026, 12, 14), D(2027, 1, 14),
     D(2027, 3, 1), {D(2027, 2, 28)}, True, "§1798.130"),
    # The 10th state-office business day is Lincoln Day (Feb 12): a judicial holiday under
    # CCP §135, though offices are open (Gov. Code §19853), so §12a moves it to Friday.
    # Day 45 is Sunday 2026-03-15, moved to Monday.
    ("privacy-ca", "access", "", D(2026, 1, 29), D(2026, 2, 13), D(2026, 3, 16),
     D(2026, 4, 29), {D(2026, 2, 12), D(2026, 3, 15)}, True, "§7021"),
    # CPRA correction right since 2023-01-01 (§1798.106).
    ("privacy-ca", "correct", "", D(2026, 12, 1), D(2026, 12, 15), D(2027, 1, 15),
     D(2027, 3, 1), set(), True, "§1798.130"),
    # 11 CCR §7026(f): 15 business days; Cesar Chavez Day (Mar 31) closes state offices.
    ("privacy-ca", "opt-out", "", D(2026, 3, 20), None, D(2026, 4, 13), None, set(), True,
     "§7026(f)"),
    # Diwali (Oct 29, 2027) is in Gov. Code §6700 but offices stay open and CCP §135 excludes
    # it: a business day. Columbus Day (Oct 11) is one too.
    ("privacy-ca", "opt-out", "", D(2027, 10, 8), None, D(2027, 10, 29), None, set(), True,
     "§7026(f)"),
    # Civ. Code §1798.99.86(c): duties from 2026-08-01; 45 days to retrieve + 45 to delete.
    ("delete-act", "delete", "", D(2026, 5, 1), None, D(2026, 10, 30), None, set(), True,
     "§1798.99.86"),
    ("delete-act", "delete", "", D(2026, 9, 1), None, D(2026, 11, 30), None, set(), True,
     "§1798.99.86"),
    # C.R.S. §6-1-1306(2): 45 + 45; §2-4-108(2) moves a Sunday (Apr 14, 2024) to Monday.
    ("privacy-co", "opt-out", "", D(2024, 1, 15), None, D(2024, 2, 29), D(2024, 4, 15),
     {D(2024, 4, 14)}, True, "§6-1-1306(2)"),
    # Day 45 is Memorial Day 2026 (C.R.S. §24-11-101): moved to Tuesday.
    ("privacy-co", "delete", "", D(2026, 4, 10), None, D(2026, 5, 26), D(2026, 7, 9),
     {D(2026, 5, 25)}, True, "§6-1-1306(2)"),
    # C.R.S. §6-1-1306(3): appeal decided in 45 days, extendable by 60.
    ("privacy-co", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 16), set(),
     True, "§6-1-1306(3)"),
    # Va. Code §59.1-577(B)(1): 45 + 45; no time-computation statute known: Sunday stays.
    ("privacy-va", "access", "", D(2026, 11, 30), None, D(2027, 1, 14), D(2027, 2, 28), set(),
     True, "§59.1-577(B)"),
    # Va. Code §59.1-577(C): 60 days to decide an appeal.
    ("privacy-va", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§59.1-577(C)"),
    # Conn. Gen. Stat. §42-518(c)(1): 45 + 45.
    ("privacy-ct", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§42-518"),
    ("privacy-ct", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§42-518"),
    # Tex. Bus. & Com. Code §541.052(b): day 45 is Sunday 2026-05-24 and Monday is Memorial
    # Day: Gov't Code §311.014(b) moves it to Tuesday. The extension counts from May 24.
    ("privacy-tx", "delete", "", D(2026, 4, 9), None, D(2026, 5, 26), D(2026, 7, 8),
     {D(2026, 5, 24)}, True, "§541.052"),
    # §541.053: appeal in 60 days; day 60 is Emancipation Day in Texas (Gov't Code §662.003(b)).
    ("privacy-tx", "appeal", "", D(2026, 4, 20), None, D(2026, 6, 22), None, {D(2026, 6, 19)},
     True, "§541.053"),
    # ORS 646A.576: 45 + 45; appeal 45.
    ("privacy-or", "access", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "646A.576"),
    ("privacy-or", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 15), None, set(), True,
     "646A.576"),
    # Mont. Code Ann. §30-14-2808(4)(a): 45 + 45.
    ("privacy-mt", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§30-14-2808"),
    ("privacy-mt", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§30-14-2808"),
    # Iowa Code §715D.3: 90 + 45; appeal 60 (§715D.3(3)).
    ("privacy-ia", "delete", "", D(2026, 1, 1), None, D(2026, 4, 1), D(2026, 5, 16), set(),
     True, "§715D.3"),
    ("privacy-ia", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§715D.3(3)"),
    # Utah Code §13-61-203: 45 + 45. Correction only from 2026-07-01 (HB 418).
    ("privacy-ut", "access", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§13-61-203"),
    ("privacy-ut", "correct", "", D(2026, 6, 30), None, D(2026, 8, 14), D(2026, 9, 28), set(),
     False, "§13-61-203"),
    ("privacy-ut", "correct", "", D(2026, 7, 1), None, D(2026, 8, 15), D(2026, 9, 29), set(),
     True, "§13-61-203"),
    # Fla. Stat. §501.706(2): the extension is 15 days (the review's example: 2027-01-30).
    ("privacy-fl", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 1, 30), set(),
     True, "§501.706"),
    ("privacy-fl", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§501.707"),
    # 6 Del. C. §12D-104(c)(1): 45 + 45.
    ("privacy-de", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§12D-104"),
    ("privacy-de", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§12D-104"),
    # Neb. Rev. Stat. §87-1108: 45 + 45; §87-1109: appeal 60.
    ("privacy-ne", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§87-1108"),
    ("privacy-ne", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§87-1109"),
    # N.H. RSA 507-H:4: 45 + 45; appeal 60 (recalled).
    ("privacy-nh", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "507-H:4"),
    ("privacy-nh", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "507-H:4"),
    # N.J.S.A. 56:8-166.7(a): 45 + 45; appeal period unconfirmed (60 kept).
    ("privacy-nj", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "56:8-166.7"),
    ("privacy-nj", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "56:8-166.7"),
    # Tenn. Code Ann. §47-18-3304: 45 + 45.
    ("privacy-tn", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§47-18-3304"),
    ("privacy-tn", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§47-18-3304"),
    # Minn. Stat. §325M.14: day 45 is Thanksgiving; §645.15 skips it, the Friday after (an
    # executive-branch holiday, §645.44 subd. 5) and the weekend. Day 90 is a Sunday.
    ("privacy-mn", "delete", "", D(2026, 10, 12), None, D(2026, 11, 30), D(2027, 1, 11),
     {D(2026, 11, 26), D(2027, 1, 10)}, True, "§325M.14"),
    # §325M.14 subd. 5: appeal 45, extendable by 60.
    ("privacy-mn", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 16), set(),
     True, "§325M.14"),
    # Md. Com. Law §14-4705 et seq.: no effect on processing before 2026-04-01, so the clock
    # of a request received in March starts then.
    ("privacy-md", "delete", "", D(2026, 3, 1), None, D(2026, 5, 16), D(2026, 6, 30), set(),
     True, "§14-4705"),
    ("privacy-md", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§14-4705"),
    # Ind. Code §24-15-3-1(c)(1): 45 + 45, in force 2026-01-01.
    ("privacy-in", "delete", "", D(2025, 12, 31), None, D(2026, 2, 14), D(2026, 3, 31), set(),
     False, "§24-15-3-1"),
    ("privacy-in", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§24-15-3-1(d)"),
    # KRS 367.3615: 45 + 45; appeal 60 (367.3615(4)).
    ("privacy-ky", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "367.3615"),
    ("privacy-ky", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "367.3615(4)"),
    # R.I. Gen. Laws §6-48.1-6(b): 45 + 45.
    ("privacy-ri", "delete", "", D(2026, 12, 1), None, D(2027, 1, 15), D(2027, 3, 1), set(),
     True, "§6-48.1-6(b)"),
    ("privacy-ri", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), True,
     "§6-48.1-6"),
    # Oklahoma SB 546: in force 2027-01-01.
    ("privacy-ok", "delete", "", D(2026, 12, 31), None, D(2027, 2, 14), D(2027, 3, 31), set(),
     False, "SB 546"),
    ("privacy-ok", "appeal", "", D(2027, 1, 1), None, D(2027, 3, 2), None, set(), True,
     "SB 546"),
    # Louisiana SB 386 (Act 502): in force 2027-01-01.
    ("privacy-la", "delete", "", D(2027, 1, 1), None, D(2027, 2, 15), D(2027, 4, 1), set(),
     True, "SB 386"),
    ("privacy-la", "appeal", "", D(2026, 12, 1), None, D(2027, 1, 30), None, set(), False,
     "SB 386"),
    # Alabama HB 351 (Act 2026-552): in force 2027-05-01.
    ("privacy-al", "delete", "", D(2027, 4, 30), None, D(2027, 6, 14), D(2027, 7, 29), set(),
     False, "HB 351"),
    ("privacy-al", "appeal", "", D(2027, 5, 1), None, D(2027, 6, 30), None, set(), True,
     "HB 351"),
    # Vermont S.71 (Act 145): in force 2028-01-01.
    ("privacy-vt", "delete", "", D(2028, 1, 1), None, D(2028, 2, 15), D(2028, 3, 31), set(),
     True, "ch. 61A"),
    ("privacy-vt", "appeal", "", D(2027, 12, 31), None, D(2028, 2, 29), None, set(), False,
     "ch. 61A"),
    # 15 U.S.C. §1681j(a)(2): 15 days.
    ("fcra", "disclosure", "", D(2026, 12, 20), None, D(2027, 1, 4), None, set(), True,
     "§1681j"),
    # §1681i(a)(1)(A)-(B): 30 days, +15.
    ("fcra", "dispute", "", D(2026, 12, 20), None, D(2027, 1, 19), D(2027, 2, 3), set(), True,
     "§1681i(a)(1)"),
    # §1681j(a)(3): after a free annual report, 45 days and no extension.
    ("fcra", "dispute", AFR, D(2026, 12, 20), None, D(2027, 2, 3), None, set(), True,
     "§1681j(a)(3)"),
    # 5 U.S.C. §552(a)(6)(A)(i), (B)(i): 20 + 10 working days (federal holidays, §6103).
    ("foia", "records", "", D(2026, 12, 14), None, D(2027, 1, 13), D(2027, 1, 28), set(), True,
     "§552(a)(6)(A)(i)"),
    # §552(a)(6)(A)(ii): 20 working days to decide an appeal.
    ("foia", "appeal", "", D(2026, 12, 14), None, D(2027, 1, 13), None, set(), True,
     "§552(a)(6)(A)(ii)"),
    # C.R.S. §24-72-203(3)(b): 3 + 7 working days; Cesar Chavez Day is a working day
    # (C.R.S. §24-11-101).
    ("records-co", "records", "", D(2026, 3, 27), None, D(2026, 4, 1), D(2026, 4, 10), set(),
     True, "§24-72-203(3)(b)"),
    # State offices close Friday July 3, 2026 (July 4 is a Saturday).
    ("records-co", "records", "", D(2026, 7, 2), None, D(2026, 7, 8), D(2026, 7, 17), set(),
     True, "§24-72-203(3)(b)"),
    # 5 ILCS 140/3(d), (e): 5 + 5 business days; Casimir Pulaski Day (205 ILCS 630/17).
    ("records-il", "records", "", D(2026, 2, 25), None, D(2026, 3, 5), D(2026, 3, 12), set(),
     True, "5 ILCS 140/3"),
    # Cal. Gov. Code §7922.535: 10 + 14 days. Day 10 is Juneteenth (a judicial holiday) and
    # day 24 is Friday July 3 (the courts' Independence Day): CCP §12a moves both.
    ("records-ca", "records", "", D(2026, 6, 9), None, D(2026, 6, 22), D(2026, 7, 6),
     {D(2026, 6, 19), D(2026, 7, 3)}, True, "§7922.535"),
    # N.Y. Pub. Off. Law §89(3)(a): 5 business days; election day and Veterans Day
    # (Gen. Constr. Law §24) do not count; then about 20 more business days.
    ("records-ny", "records", "", D(2026, 11, 2), None, D(2026, 11, 10), D(2026, 12, 10), set(),
     True, "§89(3)(a)"),
    # Tex. Gov't Code §552.301(b): 10 business days; Dec 24-25 and Jan 1 are not business days
    # (§552.0031, §662.003).
    ("records-tx", "records", "", D(2026, 12, 18), None, D(2027, 1, 6), None, set(), True,
     "§552.301(b)"),
    # 15 U.S.C. §1681c-1(i)(2)(A)(ii): a freeze asked by mail is placed within 3 business days;
    # Christmas (5 U.S.C. §6103) and the weekend do not count.
    ("fcra", "security-freeze", "", D(2026, 12, 23), None, D(2026, 12, 29), None, set(), True,
     "§1681c-1(i)(2)(A)"),
    # No statute: courtesy targets.
    ("policy", "delete", "", D(2026, 5, 1), None, D(2026, 6, 15), None, set(), True, "none"),
    ("records-state", "records", "", D(2026, 12, 14), None, D(2026, 12, 29), None, set(), True,
     "public-records"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("law", "kind", "variant", "received", "ack", "respond", "extended", "moved", "live", "cite"),
    CASES,
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_case_from_statute(law, kind, variant, received, ack, respond, extended, moved, live,
                           cite):  # fmt: skip
    result = deadlines_for(law, kind, received, after_free_report=variant == AFR)
    got = (result.acknowledge_by, result.respond_by, result.extended_respond_by)
    assert got == (ack, respond, extended)
    assert {m.was for m in result.rolled} == moved
    assert all(result.rule.roll.statute in m.reason for m in result.rolled)
    assert result.in_force is live and result.legal is (live and not result.rule.courtesy)
    assert cite in result.rule.citation


def test_every_row_has_a_case():
    covered = {(law, kind, variant) for law, kind, variant, *_ in CASES}
    for rule in law_table().rules:
        assert any((rule.law, k, rule.variant) in covered for k in rule.kinds), rule.name


def test_every_row_names_its_sources():
    for rule in law_table().rules:
        assert rule.source.startswith("https://") and rule.citation and rule.complaint_to
        assert rule.source_quality in ("statute", "secondary", "reviewer")
        if rule.source_quality != "statute" and not rule.courtesy:
            assert rule.unverified or rule.cites, f"{rule.name}: say what is doubtful"
        if not rule.auto:
            assert rule.auto_note


def test_review_corrections():
    table = law_table()
    fl = table.rule("privacy-fl", "delete")
    assert fl.extension.days == 15 and not fl.auto and "§501.702(9)" in fl.auto_note
    assert table.rule("privacy-fl", "appeal").citation == "Fla. Stat. §501.707"
    ia = table.rule("privacy-ia", "delete")
    assert ia.citation == "Iowa Code §715D.3" and ia.appeal.days == 60
    assert table.rule("privacy-in", "delete").citation == "Ind. Code §24-15-3-1"
    nj = table.rule("privacy-nj", "delete")
    assert "56:8-166.7" in nj.citation and "45" in nj.unverified
    assert "§14-4705" in table.rule("privacy-md", "delete").citation
    ut = table.rule("privacy-ut", "access")
    assert ut.appeal is None and "Division of Consumer Protection" in ut.complaint_to
    assert law_rights("privacy-ut").regulator.complaint_url == "https://dcp.utah.gov/ucpa/"
    foia = table.rule("foia", "records")
    assert "recalled" not in foia.unverified and foia.appeal_filing.days == 90
    drop = table.rule("delete-act", "delete")
    assert drop.clock_from == D(2026, 8, 1) and not drop.auto


def test_new_laws_and_their_dates():
    table = law_table()
    starts = {law: table.rule(law, "delete").effective_from for law in
              ("privacy-ok", "privacy-la", "privacy-al", "privacy-vt")}  # fmt: skip
    assert starts == {"privacy-ok": D(2027, 1, 1), "privacy-la": D(2027, 1, 1),
                      "privacy-al": D(2027, 5, 1), "privacy-vt": D(2028, 1, 1)}  # fmt: skip
    assert table.canonical("foil") == "records-ny" and table.canonical("tpia") == "records-tx"
    assert table.rule("privacy-md", "delete").clock_from == D(2026, 4, 1)


def test_rights_are_consistent_with_the_clocks():
    """A row's consumer kinds are exactly the kinds its law's rights (ever) allow."""
    table = law_table()
    far = D(2100, 1, 1)
    for law, rights in all_law_rights().items():
        assert law in table.laws, law
        assert rights.deletion_scope in ("", *DELETION_SCOPES)
        for kind in ("access", "delete", "correct", "opt-out"):
            assert table.has(law, kind) == rights.grants_kind(kind, far), (law, kind)
        assert set(rights.agent_kinds) <= set(KIND_RIGHTS)
        assert rights.regulator and rights.regulator.name
    for rule in table.rules:
        if rule.law.startswith("privacy-"):
            assert law_rights(rule.law), rule.law


@pytest.mark.parametrize(
    ("law", "scope", "agent_kinds", "no_rights"),
    [
        ("privacy-ut", "provided-only", (), {"opt-out-profiling"}),  # §13-61-201(2), (4)
        ("privacy-ia", "provided-only", (), {"correct", "opt-out-targeted-ads"}),  # §715D.3(1)
        ("privacy-va", "may-opt-out-instead", (), set()),  # §59.1-577 (HB 381, 2022)
        ("privacy-ne", "may-opt-out-instead", ("opt-out",), set()),  # §87-1107
        ("privacy-tn", "may-opt-out-instead", (), set()),  # §47-18-3304
        ("privacy-ky", "may-opt-out-instead", (), set()),  # KRS 367.3615
        ("privacy-nj", "may-opt-out-instead", ("opt-out",), set()),  # 56:8-166.10(b), .11(a)
        ("privacy-co", "all", ("opt-out",), set()),  # §6-1-1306(1)(a)(II)
        ("privacy-ct", "all", ("opt-out",), set()),  # §42-518(a)(3), §42-519
        ("privacy-tx", "all", ("opt-out",), set()),  # §541.055(e)
        ("privacy-md", "all", ("opt-out",), set()),  # §14-4705(b)(4), §14-4706
        ("privacy-in", "all", (), set()),  # IC 24-15-3-1(a)-(b)
        ("privacy-ca", "all", ("access", "delete", "correct", "opt-out"), set()),
    ],
)
def test_rights_per_state(law, scope, agent_kinds, no_rights):
    rights = law_rights(law)
    assert rights.deletion_scope == scope
    assert rights.agent_kinds == agent_kinds
    assert not (set(rights.rights) & no_rights)


def test_utah_correction_starts_2026_07_01():
    rights = law_rights("privacy-ut")
    assert not rights.grants("correct", D(2026, 6, 30))
    assert rights.grants("correct", D(2026, 7, 1))
