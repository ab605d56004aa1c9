"""Two (three) instances at once: every change lands, nobody sees "database is locked",
and a stale edit gets a conflict message instead of silently overwriting."""

import os
import subprocess
import sys

import pytest

from borrador.services import open_store
from borrador.storage.requests_repo import ConflictError
from tests.helpers.cli import cli_env
from tests.helpers.common import PASSPHRASE

WORKER = """
import sys
from borrador.home.paths import data_paths
from borrador.services import open_store
first, count = int(sys.argv[1]), int(sys.argv[2])
session = open_store(data_paths())
errors = 0
for request_id in range(first, first + count):
    try:
        session.requests.change_status(request_id, "sent", channel="web", note="worker")
    except Exception as exc:
        errors += 1
        print("ERROR", type(exc).__name__, exc, flush=True)
print("errors", errors, flush=True)
"""


@pytest.mark.parametrize(
    "each", [pytest.param(150, id="fast"), pytest.param(1000, id="slow", marks=pytest.mark.slow)]
)
def test_three_processes_change_statuses_at_once(session, paths, figure, each):
    person = session.people.add({"name": "Persona Concurrente", "state": "CA"})
    for _ in range(3):
        session.requests.create_many(person.id, ["spokeo"] * each, "opt-out")
    session.close()
    env = cli_env(paths.root, BORRADOR_PASSPHRASE=PASSPHRASE)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(1 + n * each), str(each)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    errors = sum(int(o.split("errors")[-1]) for o in outputs)
    locked = sum(o.count("locked") for o in outputs)
    with open_store(paths, passphrase=PASSPHRASE) as check:
        statuses = [r.status for r in check.requests.find()]
        sent_events = check.db.query("SELECT count(*) FROM events WHERE to_status = 'sent'")
    figure(
        f"three instances: {3 * each} concurrent status changes, "
        f"{statuses.count('sent')} present, {errors} errors, {locked} 'database is locked'"
    )
    assert errors == 0 and locked == 0
    assert statuses.count("sent") == 3 * each and sent_events == [(3 * each,)]


def test_stale_edit_from_another_instance_is_a_conflict(session, paths):
    person = session.people.add({"name": "Persona Dos", "state": "CA"})
    request = session.requests.create(person.id, "spokeo", "opt-out")
    with open_store(paths, passphrase=PASSPHRASE) as other:
        seen_here = session.requests.get(request.id)
        other.requests.change_status(request.id, "sent", channel="web")  # the other instance first
        from borrador.core.requests import Status, apply_transition, with_status

        event = apply_transition(seen_here, Status.WITHDRAWN, session.clock.today())
        with pytest.raises(ConflictError, match="changed elsewhere"):
            session.repos.requests.save_change(seen_here, with_status(seen_here, event), event, "t")
    assert session.requests.get(request.id).status == "sent"
    assert os.path.exists(paths.database)
