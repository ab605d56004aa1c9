"""Replies from mail files: matching, suggestions, evidence, safety, and the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from borrador.core.errors import BorradorError
from borrador.letters.replies.html_text import html_to_text
from borrador.letters.replies.message import MalformedMessage, parse_message
from borrador.letters.replies.suggest import suggest
from tests.helpers import reply_world
from tests.helpers.reply_fixtures import X, huge_message, labelled, message, write_mbox
from tests.helpers.reply_scoring import evaluate


def case(name: str) -> bytes:
    return next(c.data for c in labelled() if c.name == name)


def test_matching_on_the_labelled_fixtures(session, tmp_path: Path) -> None:
    scores = evaluate(session, tmp_path)
    assert scores["messages"] >= 60
    assert scores["precision"] >= 0.98 and scores["recall"] >= 0.9, scores["wrong"]
    assert scores["skipped_as_expected"] == scores["skipped_expected"]


def test_import_never_changes_a_status_and_accept_does_after_confirmation(
    session, tmp_path, clock
) -> None:
    ids = reply_world.build(session)
    path = tmp_path / "extended.eml"
    path.write_bytes(next(c.data for c in labelled() if c.name == "ticket-5"))  # extended
    before = session.requests.get(ids["eps-x"])
    result = session.replies.import_files([path])
    (outcome,) = result.matched
    assert outcome.request_id == ids["eps-x"] and outcome.suggested == "extended"
    assert outcome.until == "2027-02-15"
    assert session.requests.get(ids["eps-x"]) == before
    done = session.replies.accept(outcome.reply_id)
    assert done.request.status == "extended"
    assert done.request.extended_due_on == dt.date(2027, 2, 15)  # the announced date
    history = session.requests.events(ids["eps-x"])
    assert "Reply of 2026-11-16" in history[-1].note
    with pytest.raises(BorradorError, match="already accepted"):
        session.replies.accept(outcome.reply_id)


def test_a_denial_keeps_the_exemption_and_offers_the_appeal(session, tmp_path) -> None:
    ids = reply_world.build(session)
    path = tmp_path / "denied.eml"
    path.write_bytes(
        message(
            "privacy@epsilon.com",
            X,
            "Re: request",
            (
                "We are unable to honor your request. The information is exempt under Cal. Civ. "
                "Code § 1798.145(a)(1)(A)."
            ),
            msgid="den@epsilon.com",
            reply_to="req-eps-x.1@example.net",
        )
    )
    (outcome,) = session.replies.import_files([path]).matched
    assert outcome.suggested == "denied"
    assert outcome.exemption.startswith("Cal. Civ. Code § 1798.145")
    done = session.replies.accept(outcome.reply_id)
    assert done.request.status == "denied"
    detail = dict(session.requests.events(ids["eps-x"])[-1].detail)
    assert detail == {"reason": "exempt", "exemption": outcome.exemption}
    assert "appeal" in done.appeal or done.appeal == ""  # only where the law has one


def test_unmatched_replies_can_be_assigned_or_dismissed(session, tmp_path) -> None:
    ids = reply_world.build(session)
    a, b = tmp_path / "a.eml", tmp_path / "b.eml"
    a.write_bytes(
        message(
            "someone@unknown.example",
            X,
            "About my data",
            "We have deleted your data.",
            msgid="u1@unknown.example",
        )
    )
    b.write_bytes(message("news@shop.example", X, "Sale", "Sale!", msgid="u2@shop.example"))
    result = session.replies.import_files([a, b])
    assert len(result.unmatched) == 2 and not result.matched
    first, second = result.unmatched
    row = session.replies.assign(first.reply_id, ids["bv-x"])
    assert row.request_id == ids["bv-x"] and row.suggested == "completed"
    session.replies.dismiss(second.reply_id)
    assert session.replies.get(second.reply_id).body == ""
    assert [r.id for r in session.replies.unmatched()] == []
    again = session.replies.import_files([b])  # a dismissed message does not come back
    assert again.already == 1 and not again.unmatched


def test_mbox_with_a_bad_message_reports_it_and_imports_the_rest(session, tmp_path) -> None:
    ids = reply_world.build(session)
    good = [c.data for c in labelled() if c.name in ("thread-1", "ticket-1", "webform-2")]
    box = write_mbox(tmp_path / "Takeout.mbox", [good[0], b"\x00\x01garbage\xff" * 50, *good[1:]])
    result = session.replies.import_files([box])
    assert [(s.file, s.position, s.reason) for s in result.skipped] == [
        (str(box), "message 2 (line 19)", "it does not start with mail headers")
    ]
    assert {o.request_id for o in result.matched} == {ids["eps-x"], ids["acx-x"], ids["class-x"]}


def test_huge_and_missing_files_are_skipped_with_a_reason(session, tmp_path) -> None:
    reply_world.build(session)
    huge = tmp_path / "huge.eml"
    huge.write_bytes(huge_message(26 * 1024 * 1024))
    result = session.replies.import_files([huge, tmp_path / "nope.eml"])
    assert [(Path(s.file).name, s.reason) for s in result.skipped] == [
        ("huge.eml", "larger than 25 MB"),
        ("nope.eml", "no such file"),
    ]


def test_hostile_headers_are_shown_literally_without_escapes(tmp_path) -> None:
    parsed = parse_message(case("hostile-escapes"))
    for text in (parsed.subject, parsed.from_name, parsed.text):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "<script>alert(1)</script>" in parsed.subject  # literal, never interpreted
    attachment = parse_message(case("hostile-attachment")).attachments[0]
    assert attachment.filename == "../../invoicefdp.exe" and attachment.data is not None


def test_nested_and_many_part_messages_are_refused() -> None:
    with pytest.raises(MalformedMessage, match="nested deeper"):
        parse_message(case("hostile-nested"))
    with pytest.raises(MalformedMessage, match="more than 200 parts"):
        parse_message(case("hostile-many-parts"))


def test_html_becomes_text_without_scripts_or_links() -> None:
    text = html_to_text(
        '<style>x{}</style><script>steal()</script><p>Hi <a href="https://'
        'evil.invalid">click</a></p><img src="https://t.invalid/p.gif">'
    )
    assert text == "Hi click"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("We have received your request.", "acknowledged"),
        ("Hemos recibido su solicitud.", "acknowledged"),
        ("Please verify your identity.", "verification-requested"),
        ("Necesitamos verificar su identidad.", "verification-requested"),
        ("Sus datos han sido eliminados.", "completed"),
        ("Your request has been partially completed.", "partially-completed"),
        ("Su solicitud fue denegada.", "denied"),
        ("Thanks for writing. Our office hours are 9 to 5.", ""),
    ],
)
def test_suggestions_in_english_and_spanish(text: str, status: str) -> None:
    assert suggest("", text).status == status


def test_extension_dates_in_both_languages() -> None:
    assert suggest("", "We are extending the deadline to 2027-03-01.").until == dt.date(2027, 3, 1)
    es = suggest("", "Ampliamos el plazo hasta el 3 de marzo de 2027.")
    assert es.status == "extended" and es.until == dt.date(2027, 3, 3)


def test_quoted_text_does_not_decide_the_suggestion() -> None:
    text = "Thanks for writing.\n\nOn Mon, 2 Nov 2026, X wrote:\n> has been deleted"
    assert suggest("Re: request", text).status == ""


def test_cli_import_json_contract_and_requests_show(run, session, tmp_path) -> None:
    ids = reply_world.build(session)
    session.close()
    good, bad = tmp_path / "good.eml", tmp_path / "bad.eml"
    good.write_bytes(case("ticket-2"))
    bad.write_bytes(b"not an email at all")
    done = run("replies", "import", str(good), str(bad), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"matched", "unmatched", "skipped"}
    (matched,) = data["matched"]
    assert matched["request_id"] == ids["acx-x"] and matched["suggested"] == "completed"
    assert {"reply_id", "confidence", "reason"} <= set(matched)
    assert data["skipped"] == [
        {"file": str(bad), "position": "", "reason": "it does not start with mail headers"}
    ]
    shown = json.loads(run("requests", "show", str(ids["acx-x"]), "--json").stdout)
    assert shown["status"] == "sent"
    (stored,) = shown["replies"]
    assert {"from", "date", "subject", "text"} <= set(stored)
    assert stored["from"] == "support@acxiom.com" and "deleted" in stored["text"]
    refused = run("replies", "accept", str(matched["reply_id"]))  # no terminal, no --yes
    assert refused.returncode == 2 and "confirmation is needed" in refused.stderr
    accepted = run("replies", "accept", str(matched["reply_id"]), "--yes")
    assert accepted.returncode == 0, accepted.stderr
    assert (
        json.loads(run("requests", "show", str(ids["acx-x"]), "--json").stdout)["status"]
        == "completed"
    )


def test_erasing_a_person_erases_the_replies_to_their_requests(session, tmp_path) -> None:
    ids = reply_world.build(session)
    path = tmp_path / "attached.eml"
    path.write_bytes(case("hostile-attachment"))  # a reply with an attachment kept
    (outcome,) = session.replies.import_files([path]).matched
    person_id = session.requests.get(ids["eps-x"]).person_id
    session.safety.erase_person(person_id)
    with pytest.raises(BorradorError, match="no reply"):
        session.replies.get(outcome.reply_id)
    assert session.db.query("SELECT COUNT(*) FROM reply_attachments")[0][0] == 0


def test_everyday_mail_in_a_mailbox_is_not_kept_but_a_chosen_eml_is_listed(session, tmp_path):
    reply_world.build(session)
    newsletter = message("news@shop.example", X, "Weekly deals", "Buy.", msgid="w1@shop.example")
    box = write_mbox(tmp_path / "Inbox.mbox", [newsletter, case("domain-1")])
    result = session.replies.import_files([box])
    assert result.ignored == 1 and len(result.matched) == 1 and not result.unmatched
    single = tmp_path / "one.eml"
    single.write_bytes(newsletter)
    assert len(session.replies.import_files([single]).unmatched) == 1
