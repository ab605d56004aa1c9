"""Fetching replies from a real IMAP server on 127.0.0.1 with TLS from a test CA."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from borrador.core.errors import BorradorError
from borrador.services.replies import imap_account
from tests.helpers import reply_world
from tests.helpers.imap_server import PASSWORD, USER, Mailbox, Server
from tests.helpers.reply_fixtures import T, X, message
from tests.helpers.smtp_server import make_certificates

pytestmark = pytest.mark.imap
WRITES = {
    "STORE",
    "UID STORE",
    "COPY",
    "UID COPY",
    "MOVE",
    "UID MOVE",
    "EXPUNGE",
    "UID EXPUNGE",
    "DELETE",
    "APPEND",
    "SELECT",
}


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return make_certificates(tmp_path_factory.mktemp("imap-ca"))


def reply(n: int, *, thread: bool = True) -> bytes:
    return message(
        "privacy@epsilon.com",
        X,
        f"Re: Privacy request ({n})",
        "We have received your request.",
        msgid=f"imap{n}@epsilon.com",
        reply_to="req-eps-x.1@example.net" if thread else "",
    )


def noise(n: int) -> bytes:
    return message(
        f"news{n}@shop.example.com", X, f"Deals {n}", "Buy now.", msgid=f"noise{n}@shop.example.com"
    )


@pytest.fixture(params=["tls", "starttls"])
def server(request: pytest.FixtureRequest, certs: tuple[Path, Path, Path]) -> Iterator[Server]:
    _, cert, key = certs
    with Server(Mailbox(), cert, key, implicit_tls=request.param == "tls") as running:
        running.security = request.param  # type: ignore[attr-defined]
        yield running


def configure(session, server: Server, ca: Path, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    account = imap_account("127.0.0.1", server.port, server.security, USER, "INBOX", str(ca))  # type: ignore[attr-defined]
    session.replies.account.save(account, password, remember=False)


def test_fetch_reads_only_what_can_match_and_changes_nothing(session, server, certs) -> None:
    ids = reply_world.build(session)
    for n in range(3):
        server.mailbox.add(reply(n))
        server.mailbox.add(noise(n))
    configure(session, server, certs[0])
    result = session.replies.fetch(PASSWORD)
    assert [o.request_id for o in result.matched] == [ids["eps-x"]] * 3
    assert result.unmatched == [] and result.skipped == [] and not result.interrupted
    assert [o.suggested for o in result.matched] == ["acknowledged"] * 3
    assert session.requests.get(ids["eps-x"]).status == "sent"  # nothing applied
    commands = server.mailbox.commands
    assert "EXAMINE" in commands and not WRITES & set(commands)
    # Only the three replies were downloaded whole; the shop's mail was looked at by header.
    assert server.mailbox.sent_full == 3


def test_only_new_messages_since_the_last_fetch(session, server, certs) -> None:
    reply_world.build(session)
    server.mailbox.add(reply(1))
    configure(session, server, certs[0])
    assert len(session.replies.fetch(PASSWORD).matched) == 1
    again = session.replies.fetch(PASSWORD)
    assert again.matched == [] and again.already == 0 and server.mailbox.sent_full == 1
    server.mailbox.add(noise(2))
    server.mailbox.add(reply(3))
    third = session.replies.fetch(PASSWORD)
    assert [o.subject for o in third.matched] == ["Re: Privacy request (3)"]
    assert server.mailbox.sent_full == 2


def test_a_new_uidvalidity_reads_the_folder_again_without_duplicates(
    session, server, certs
) -> None:
    reply_world.build(session)
    server.mailbox.add(reply(1))
    configure(session, server, certs[0])
    session.replies.fetch(PASSWORD)
    server.mailbox.uidvalidity += 1  # the server renumbered the folder
    server.mailbox.add(reply(2))
    result = session.replies.fetch(PASSWORD)
    assert len(result.matched) == 1 and result.already == 1


def test_wrong_password_is_refused_clearly(session, server, certs) -> None:
    reply_world.build(session)
    configure(session, server, certs[0], password="not-it")
    with pytest.raises(BorradorError, match="refused the user name or password"):
        session.replies.fetch("not-it")


def test_a_certificate_from_an_unknown_authority_is_refused(session, server, tmp_path) -> None:
    reply_world.build(session)
    other_ca, _, _ = make_certificates(tmp_path)
    configure(session, server, other_ca)
    with pytest.raises(BorradorError, match="certificate could not be verified"):
        session.replies.fetch(PASSWORD)
    assert "LOGIN" not in server.mailbox.commands  # the password never left


def test_a_dropped_connection_keeps_what_arrived_and_the_next_fetch_gets_the_rest(
    session, server, certs
) -> None:
    ids = reply_world.build(session)
    for n in range(30):
        server.mailbox.add(reply(n))
    server.mailbox.drop_after = 25  # in the middle of the second batch of 20
    configure(session, server, certs[0])
    first = session.replies.fetch(PASSWORD)
    assert "closed the connection" in first.interrupted
    assert len(first.matched) == 20
    second = session.replies.fetch(PASSWORD)
    assert not second.interrupted and len(second.matched) == 10 and second.already == 0
    stored = session.replies.for_request(ids["eps-x"])
    assert len(stored) == 30 and len({r.subject for r in stored}) == 30


def test_plain_text_is_refused_except_to_this_machine() -> None:
    with pytest.raises(BorradorError, match="plain-text connection"):
        imap_account("imap.example.org", 143, "plain", USER, "INBOX", "").check()  # type: ignore[attr-defined]


def test_forwards_from_the_persons_own_address_are_fetched(session, server, certs) -> None:
    ids = reply_world.build(session)
    text = (
        "---------- Forwarded message ---------\nFrom: Privacy <privacy@corelogic.com>\n"
        "Subject: Your request\n\nYour personal information has been deleted."
    )
    server.mailbox.add(
        message(T, "clinic@example.org", "Fwd: Your request", text, msgid="fwd-imap@example.org")
    )
    server.mailbox.add(
        message(X, "clinic@example.org", "Fwd: Your request", text, msgid="fwd-imap2@example.net")
    )
    configure(session, server, certs[0])
    result = session.replies.fetch(PASSWORD)
    assert [o.request_id for o in result.matched] == [ids["core-x"]]
    assert len(result.unmatched) == 1  # T has no CoreLogic request: listed to assign


def test_cli_setup_and_fetch_json(run, session, server, certs) -> None:
    ids = reply_world.build(session)
    session.close()
    server.mailbox.add(reply(1))
    setup = run(
        "replies",
        "setup",
        "--host",
        "127.0.0.1",
        "--port",
        str(server.port),
        "--security",
        server.security,
        "--user",
        USER,
        "--ca-file",
        str(certs[0]),
        BORRADOR_IMAP_PASSWORD=PASSWORD,
    )  # type: ignore[attr-defined]
    assert setup.returncode == 0, setup.stderr
    fetched = run("replies", "fetch", "--json", BORRADOR_IMAP_PASSWORD=PASSWORD)
    assert fetched.returncode == 0, fetched.stderr
    data = json.loads(fetched.stdout)
    assert [m["request_id"] for m in data["matched"]] == [ids["eps-x"]]
    assert data["unmatched"] == [] and data["skipped"] == []
    wrong = run("replies", "fetch", BORRADOR_IMAP_PASSWORD="nope")
    assert wrong.returncode == 2 and "refused the user name or password" in wrong.stderr


def test_a_remembered_imap_password_is_in_the_keyring_and_panic_erase_removes_it(
    session, paths, memory_keyring
) -> None:
    import keyring

    from borrador.keys.keyring_policy import IMAP_SERVICE, imap_keyring_user
    from borrador.services.safety import erase_everything

    account = imap_account("127.0.0.1", 993, "tls", USER, "INBOX", "")
    session.replies.account.save(account, PASSWORD, remember=True)
    user = imap_keyring_user(session.key_file.file_id)
    assert keyring.get_password(IMAP_SERVICE, user) == PASSWORD
    session.close()
    erase_everything(paths)
    assert keyring.get_password(IMAP_SERVICE, user) is None


def test_without_a_keyring_remembering_the_password_is_refused(session) -> None:
    account = imap_account("127.0.0.1", 993, "tls", USER, "INBOX", "")
    with pytest.raises(BorradorError, match="no system keyring"):
        session.replies.account.save(account, PASSWORD, remember=True)
