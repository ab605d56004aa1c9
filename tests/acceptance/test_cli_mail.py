"""`borrador mail …` as a person runs it, against a real SMTP server on localhost."""

import json

import pytest

from tests.helpers import smtp_server as srv
from tests.helpers.cli import run_cli
from tests.helpers.common import all_files

pytestmark = pytest.mark.smtp


@pytest.fixture
def server(tmp_path):
    ca, cert, key = srv.make_certificates(tmp_path)
    handler = srv.Handler()
    controller = srv.start(handler, cert, key, implicit_tls=False)
    yield handler, controller, ca
    controller.stop()


def test_setup_test_send_open(isolated, tmp_path, server):
    handler, controller, ca = server

    def run(*args, password=srv.PASSWORD):
        return run_cli(isolated, *args, BORRADOR_SMTP_PASSWORD=password)

    def ok(result):
        assert result.returncode == 0, result.stderr
        return result.stdout

    ok(run("init"))
    person = tmp_path / "p.json"
    person.write_text(
        json.dumps(
            {
                "name": "Teodora Inventada",
                "state": "CA",
                "emails": ["teodora@example.org"],
                "addresses": [
                    {"street": "5 Fake St", "city": "Fresno", "state": "CA", "postal_code": "93701"}
                ],
            }
        )
    )
    ok(run("people", "add", "--from-file", str(person)))
    ok(
        run(
            "letters",
            "make",
            "--person",
            "1",
            "--broker",
            "epsilon",
            "--broker",
            "spokeo",
            "--kind",
            "delete",
            "--format",
            "eml",
            "--out",
            str(tmp_path / "out"),
        )
    )
    ok(
        run(
            "mail",
            "setup",
            "--host",
            controller.hostname,
            "--port",
            str(controller.port),
            "--security",
            "starttls",
            "--user",
            srv.USER,
            "--from",
            "Teodora@Example.org",
            "--ca-file",
            str(ca),
        )
    )
    assert "nothing was sent" in ok(run("mail", "test"))
    bad = run("mail", "test", password="not it")
    assert bad.returncode == 2 and "refused the user name or password" in bad.stderr
    sent = ok(run("mail", "send", "1", "2", "--pause", "0", "--attach-pdf"))
    assert "Request 1: sent to privacy@epsilon.com" in sent
    assert len(handler.messages) == 2 and handler.messages[0]["From"] == "Teodora@example.org"
    again = run("mail", "send", "1", "2", "--pause", "0")
    assert again.returncode == 0 and "skipped: it is sent" in again.stdout
    link = ok(run("mail", "open", "2", "--print"))
    assert link.startswith("mailto:privacy@spokeo.com?subject=")
    for path in all_files(isolated):
        assert srv.PASSWORD.encode() not in path.read_bytes()
