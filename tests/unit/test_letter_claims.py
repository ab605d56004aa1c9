"""Every letter template x every law-table row x with and without an agent: no letter claims a
right, an appeal or an agent power its row lacks (rights.toml and laws.toml are the truth)."""

from __future__ import annotations

import datetime as dt

import pytest

from borrador.core.errors import ValidationError
from borrador.core.states import state_name
from borrador.laws.rights import law_rights
from borrador.laws.table import law_table
from borrador.letters.context import Agent
from tests.helpers.people import sample_person

AGENT = Agent(name="Rosa Voluntaria", organisation="Clínica Ejemplo", email="rosa@example.org")
BROKER_KINDS = ("access", "delete", "opt-out")
RECIPIENT = {"disclosure": "lexisnexis-risk", "dispute": "lexisnexis-risk"}


def _cases() -> list[tuple[str, str]]:
    """(law, kind) for every row a letter can be made under, appeal clocks aside."""
    seen: dict[tuple[str, str], None] = {}
    for rule in law_table().rules:
        for kind in rule.kinds:
            if (
                kind in (*BROKER_KINDS, "disclosure", "dispute", "records")
                and rule.law != "delete-act"
                and not (rule.law == "policy" and kind in ("disclosure", "dispute"))
            ):
                # (DROP, not a letter, for the Delete Act; FCRA letters are under the FCRA)
                seen[(rule.law, kind)] = None
    return list(seen)


def _day(law: str) -> dt.date:
    """A day the law is in force (the table's rows start at different dates)."""
    starts = [r.effective_from for r in law_table().rows_of(law) if r.effective_from]
    return max([dt.date(2026, 11, 26), *starts])


def _state(law: str) -> str:
    places = {r.jurisdiction for r in law_table().rows_of(law)} - {"", "US"}
    return places.pop() if places else "WY"


def _make(session, law: str, kind: str, agent: Agent | None):
    state = _state(law)
    person = session.people.add(sample_person(state=state))
    recipient = RECIPIENT.get(kind, "acxiom")
    options = {"about": "the address line is wrong"}
    if kind == "records":
        recipient = "ice-foia" if law == "foia" else "state-local-agency"
        options.update(agency_state=state, agency_name="Example County Clerk")
    return person, session.letters.preview(person.id, [recipient], kind, fmt="txt", law=law,
                                           options=options, agent=agent)[0]  # fmt: skip


def _forbidden(law: str, kind: str, day: dt.date) -> list[str]:
    """Phrases a letter under `law` must not contain."""
    row = law_rights(law)
    if row is None:
        return ["authorised agent", "authorized agent"]
    out = []
    if not row.grants("opt-out-profiling", day):
        out.append("profiling")
    if not row.grants("opt-out-targeted-ads", day):
        out.append("targeted advertising")
    if not row.grants("opt-out-sale", day):
        out.append("opt out of the sale")
    if row.deletion_scope == "provided-only":
        out.append("delete the personal data you hold")
    if row.deletion_scope != "may-opt-out-instead":
        out.append("opt me out of its processing")
    if not law_table().has(law, "appeal"):
        out += ["appeal", "Appeal"]
    if kind not in row.agent_kinds:
        out += ["authorised agent", "authorized agent"]
    return out


@pytest.mark.parametrize("with_agent", [False, True])
def test_no_letter_claims_what_its_row_lacks(session, clock, with_agent):
    checked = 0
    for law, kind in _cases():
        clock.day = _day(law)
        agent = AGENT if with_agent else None
        person, (_request, letter) = _make(session, law, kind, agent)
        text = f"{letter.subject}\n{letter.body}"
        where = f"{law}/{kind}/agent={with_agent}"
        for phrase in _forbidden(law, kind, clock.day):
            assert phrase not in text, f"{where}: says {phrase!r}"
        state = person.state
        assert f"I live in {state}." not in text and f"resident of {state}," not in text, where
        row = law_rights(law)
        acts = bool(agent and row and kind in row.agent_kinds)
        if acts:
            assert (f"I write as the authorised agent of {person.name}, a resident of "
                    f"{state_name(state)}") in text, where  # fmt: skip
            assert letter.sender_lines[0] == AGENT.name, where
        else:
            assert letter.sender_lines[0] == person.name, where
            assert letter.signer == person.name and not letter.signer_note, where
            if agent:
                assert "Clínica Ejemplo helped me prepare this letter" in text, where
        if law == "policy":
            assert "I am not claiming one" in text and "law requires" not in text, where
        checked += 1
    assert checked >= 40


def _sent(session, clock, state, kind="delete", recipient="acxiom", on=dt.date(2026, 9, 1),
          agent=None, **options):  # fmt: skip
    person = session.people.add(sample_person(state=state))
    clock.day = on
    made = session.letters.make(person.id, [recipient], kind, fmt="txt", agent=agent,
                                out_dir=session.paths.root / f"o{person.id}",
                                options=options)[0]  # fmt: skip
    session.requests.change_status(made.request.id, "sent", on=on, channel="mail")
    return person, made.request


def _escalate(session, request_id, kind):
    return session.letters.escalate(request_id, kind, fmt="txt",
                                   out_dir=session.paths.root / f"e{request_id}{kind}")  # fmt: skip


@pytest.mark.parametrize("with_agent", [False, True])
@pytest.mark.parametrize(
    "law", sorted({law for law, _k in _cases() if law.startswith("privacy-") or law == "foia"})
)
def test_escalations_claim_only_their_rows_powers(session, clock, law, with_agent):
    """Follow-up, appeal (where the row has one) and complaint for every privacy row and FOIA."""
    state = _state(law)
    kind = "records" if law == "foia" else "delete"
    recipient = "ice-foia" if law == "foia" else "acxiom"
    start = _day(law)
    agent = AGENT if with_agent else None
    options = {"about": "x"} if kind == "records" else {}
    _person, request = _sent(session, clock, state, kind, recipient, on=start, agent=agent,
                             **options)  # fmt: skip
    basis = request.legal_basis
    forbidden = _forbidden(basis, kind, start)
    clock.day = start + dt.timedelta(days=200)
    follow = _escalate(session, request.id, "follow-up")
    for phrase in forbidden:
        assert phrase not in follow.request.letter_text, f"{law}: follow-up says {phrase!r}"
    if not law_table().has(basis, "appeal"):
        with pytest.raises(ValidationError, match="no appeal step"):
            _escalate(session, request.id, "appeal")
    else:
        appeal = _escalate(session, request.id, "appeal")
        text = appeal.request.letter_text
        decide = law_table().rule(basis, "appeal").respond
        assert appeal.request.kind == "appeal" and str(decide) in text
        assert "I have received none" in text
        with pytest.raises(ValidationError, match="appeal first"):
            _escalate(session, request.id, "complaint")
        session.requests.change_status(appeal.request.id, "sent", on=clock.day, channel="mail")
        clock.day += dt.timedelta(days=200)
    complaint = _escalate(session, request.id, "complaint")
    text = complaint.request.letter_text
    for phrase in (p for p in forbidden if p not in ("appeal", "Appeal")):
        assert phrase not in text, f"{law}: complaint says {phrase!r}"
    if not law_table().has(basis, "appeal"):
        assert "appeal" not in text
    regulator = law_rights(basis).regulator if law_rights(basis) else None
    if regulator:
        assert complaint.letter.recipient_lines[0] == regulator.name
        for line in regulator.address.splitlines():
            assert line in complaint.letter.recipient_lines
