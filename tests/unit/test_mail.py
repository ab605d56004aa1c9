"""Sending by email against a real SMTP server on localhost (STARTTLS and implicit TLS)."""

import io

import pypdf
import pytest

from borrador.core.errors import BorradorError
from borrador.letters.smtp import MailAccount, MailError
from tests.helpers import smtp_server as srv
from tests.helpers.common import all_files
from tests.helpers.people import sample_person

pytestmark = pytest.mark.smtp
BROKERS = ["epsilon", "acxiom", "spokeo"]  # all take requests by email


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return srv.make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(params=["starttls", "tls"])
def server(request, certs):
    handler = srv.Handler()
    controller = srv.start(handler, certs[1], certs[2], implicit_tls=request.param == "tls")
    yield handler, controller, request.param
    controller.stop()


def setup_account(session, controller, security, ca, password=srv.PASSWORD, user=srv.USER):
    account = MailAccount(
        controller.hostname, controller.port, security, user, "xiomara.pruebas@example.net", str(ca)
    )
    session.mail.save_account(account, password, remember=False)


def drafted(session, brokers=BROKERS):
    person = session.people.add(sample_person(state="CA"))
    made = session.letters.make(
        person.id, brokers, "delete", fmt="eml", out_dir=session.paths.root / "out"
    )
    return [m.request.id for m in made]


def test_send_a_batch_with_attachments(session, server, certs):
    handler, controller, security = server
    setup_account(session, controller, security, certs[0])
    assert "nothing was sent" in session.mail.test(srv.PASSWORD)
    ids = drafted(session)
    results = session.mail.send(ids, password=srv.PASSWORD, pause=0, attach_pdf=True)
    assert [r.sent for r in results] == [True, True, True]
    assert len(handler.messages) == 3
    for request_id, message in zip(ids, handler.messages, strict=True):
        request = session.requests.get(request_id)
        assert request.status == "sent" and request.channel == "email"
        assert message["Message-ID"] == request.message_id == request.confirmation
        assert message["From"] == "xiomara.pruebas@example.net"
        assert message["Subject"].startswith("Request to delete")
        body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert body.strip() == request.letter_text.strip()
        attachment = next(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == f"request-{request_id}.pdf"
        data = attachment.get_content()
        assert data.startswith(b"%PDF")
        pdf_text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert "Xiomara Pruebas Inventada" in pdf_text and "§1798.105" in pdf_text
        assert request.message_id in request.sent_message  # the sent message is kept
    assert [m["To"] for m in handler.messages] == [
        "privacy@epsilon.com",
        "consumeradvo@acxiom.com",
        "privacy@spokeo.com",
    ]
    again = session.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert all("skipped: it is sent" in r.message for r in again)
    assert len(handler.messages) == 3


def test_wrong_password_sends_nothing(session, server, certs):
    handler, controller, security = server
    setup_account(session, controller, security, certs[0])
    ids = drafted(session)
    with pytest.raises(MailError, match="refused the user name or password"):
        session.mail.send(ids, password="wrong password", pause=0)
    with pytest.raises(MailError, match="refused the user name or password"):
        session.mail.test("wrong password")
    assert handler.messages == []
    assert all(session.requests.get(i).status == "drafted" for i in ids)
    assert all(session.requests.get(i).message_id == "" for i in ids)


def test_untrusted_certificate_is_refused(session, server, certs):
    _handler, controller, security = server
    setup_account(session, controller, security, "")
    with pytest.raises(MailError, match="certificate could not be verified"):
        session.mail.test(srv.PASSWORD)


def test_refused_recipient_is_reported_and_the_rest_go(session, server, certs):
    handler, controller, security = server
    handler.refuse = {"consumeradvo@acxiom.com"}
    setup_account(session, controller, security, certs[0])
    ids = drafted(session)
    results = session.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert [r.sent for r in results] == [True, False, True]
    assert "refused the recipient consumeradvo@acxiom.com" in results[1].message
    assert session.requests.get(ids[1]).status == "drafted"
    handler.refuse = set()
    rerun = session.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert [r.sent for r in rerun] == [False, True, False]
    assert len(handler.messages) == 3


def test_dropped_connection_mid_batch_rerun_sends_only_the_rest(session, server, certs):
    handler, controller, security = server
    handler.drop_on = {2}
    setup_account(session, controller, security, certs[0])
    ids = drafted(session)
    results = session.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert [r.sent for r in results] == [True, False, False]
    assert "closed the connection" in results[1].message
    assert results[2].message == "not sent: the connection was lost"
    rerun = session.mail.send(ids, password=srv.PASSWORD, pause=0)
    assert [r.sent for r in rerun] == [False, True, True]
    ids_seen = [m["Message-ID"] for m in handler.messages]
    assert len(ids_seen) == len(set(ids_seen)) == 3  # each message went exactly once


def test_an_attempt_that_may_have_gone_is_not_repeated(session, server, certs):
    handler, controller, security = server
    setup_account(session, controller, security, certs[0])
    [request_id] = drafted(session, ["epsilon"])
    request = session.requests.get(request_id)
    session.mail._mail_note(
        request, "sending", "<x@example.net>", "Sending by email.", message_id="<x@example.net>"
    )  # as if the process died mid-send
    [result] = session.mail.send([request_id], password=srv.PASSWORD, pause=0)
    assert not result.sent and "may have gone through" in result.message
    [result] = session.mail.send([request_id], password=srv.PASSWORD, pause=0, resend=True)
    assert result.sent and handler.messages[0]["Message-ID"] == "<x@example.net>"


def test_the_password_never_reaches_a_file(session, server, certs, capsys):
    _handler, controller, security = server
    setup_account(session, controller, security, certs[0])
    session.mail.send(drafted(session), password=srv.PASSWORD, pause=0)
    session.close()
    secret = srv.PASSWORD.encode()
    for path in all_files(session.paths.root):
        assert secret not in path.read_bytes(), path
    captured = capsys.readouterr()
    assert srv.PASSWORD not in captured.out + captured.err


def test_plain_text_only_to_this_machine(session):
    with pytest.raises(MailError, match="only a server on this machine"):
        session.mail.save_account(
            MailAccount("smtp.example.org", 25, "plain", "u", "a@example.org"), "pw", remember=False
        )
    with pytest.raises(BorradorError, match="no mail account"):
        session.mail.account()


def test_password_in_the_keyring_when_asked(session, memory_keyring, server, certs):
    _handler, controller, security = server
    account = MailAccount(
        controller.hostname,
        controller.port,
        security,
        srv.USER,
        "xiomara.pruebas@example.net",
        str(certs[0]),
    )
    session.mail.save_account(account, srv.PASSWORD, remember=True)
    session.mail._password = None
    assert session.mail.password() == srv.PASSWORD
    assert srv.PASSWORD in memory_keyring.secrets.values()
