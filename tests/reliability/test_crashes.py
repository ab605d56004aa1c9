"""Crash safety: SIGKILL during writes and during a migration loses nothing acknowledged and
never leaves a half-applied transaction."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from borrador.core.errors import StoreError
from borrador.services import open_store
from borrador.storage.backup import problems
from borrador.storage.db import Database
from tests.helpers.cli import cli_env
from tests.helpers.common import PASSPHRASE

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WRITER = """
import sys
from borrador.home.paths import data_paths
from borrador.services import open_store
session = open_store(data_paths())
person = session.people.add({"name": "Persona Escritora", "state": "CA"})
print("ready", flush=True)
while True:
    request = session.requests.create(person.id, "spokeo", "opt-out")
    print(request.id, flush=True)  # acknowledged: the transaction committed
"""


def spawn(paths, code):
    env = cli_env(
        paths.root,
        BORRADOR_PASSPHRASE=PASSPHRASE,
        PYTHONPATH=os.pathsep.join([TESTS, os.environ.get("PYTHONPATH", "")]),
    )
    return subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_writer(paths, rng):
    proc = spawn(paths, WRITER)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    time.sleep(rng.uniform(0.01, 0.25))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    acknowledged = [int(line) for line in out.split() if line.isdigit()]
    return acknowledged


@pytest.mark.parametrize(
    "kills", [pytest.param(12, id="fast"), pytest.param(60, id="slow", marks=pytest.mark.slow)]
)
def test_kill_during_writes(session, paths, figure, kills):
    session.close()
    rng = random.Random(8)
    lost = bad = half = 0
    acknowledged_total = 0
    for _ in range(kills):
        acknowledged = kill_writer(paths, rng)
        acknowledged_total += len(acknowledged)
        with open_store(paths, passphrase=PASSPHRASE) as check:
            bad += bool(problems(check.db))
            present = {r.id for r in check.requests.find()}
            lost += len(set(acknowledged) - present)
            for request_id in present:  # every request has its first event, and only then
                if not check.requests.events(request_id):
                    half += 1
    figure(
        f"kill during writes: {kills} SIGKILLs, {acknowledged_total} acknowledged commits, "
        f"{lost} lost, {bad} integrity failures, {half} half-applied"
    )
    assert (lost, bad, half) == (0, 0, 0)


MIGRATOR = """
import sys
from borrador.home.paths import data_paths
from borrador.storage import migrations
from borrador.storage.db import Database
from borrador.keys import KeyFile
paths = data_paths()
key = KeyFile.load(paths.key_file).unlock(sys.argv[1])
# A long extra step, so that the kill lands inside it.
migrations.MIGRATIONS[migrations.LATEST + 1] = (
    "CREATE TABLE bulk (n INTEGER)",
    "INSERT INTO bulk WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 400000) SELECT n FROM c",
    "CREATE INDEX bulk_n ON bulk(n)",
)
db = Database(paths.database, key)
print("start", flush=True)
migrations.migrate(db, migrations.LATEST + 1)
print("done", flush=True)
"""


@pytest.mark.parametrize(
    "kills", [pytest.param(6, id="fast"), pytest.param(30, id="slow", marks=pytest.mark.slow)]
)
def test_kill_during_migration(session, paths, figure, kills):
    from borrador.storage.migrations import LATEST, schema_version

    session.close()
    rng = random.Random(3)
    outcomes = {"old": 0, "new": 0}
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", MIGRATOR, PASSPHRASE],
            env=cli_env(paths.root),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        from borrador.keys import KeyFile
        from borrador.storage.db import Database

        db = Database(paths.database, KeyFile.load(paths.key_file).unlock(PASSPHRASE))
        version = schema_version(db)
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master")}
        assert problems(db) == []
        if version == LATEST:
            assert "bulk" not in tables and "bulk_n" not in tables  # nothing half-done
            outcomes["old"] += 1
        else:
            assert version == LATEST + 1
            assert db.query("SELECT count(*) FROM bulk") == [(400000,)] and "bulk_n" in tables
            outcomes["new"] += 1
            with db.write() as conn:  # back to the shipped schema for the next round
                conn.execute("DROP TABLE bulk")
                conn.execute(f"PRAGMA user_version = {LATEST}")
        db.close()
    figure(
        f"kill during migration: {kills} SIGKILLs, schema old {outcomes['old']} times, "
        f"new {outcomes['new']} times, in between 0 times"
    )


REKEYER = """
from borrador.keys import FLOOR
from borrador.home.paths import data_paths
from borrador.services import open_store
session = open_store(data_paths())
print("ready", flush=True)
n = 0
while True:
    n += 1
    session.clinic.add_volunteer(f"Temporal {n}", "frase temporal larga", FLOOR)
    session.clinic.remove_volunteer(f"Temporal {n}")
    print(n, flush=True)
"""


@pytest.mark.parametrize(
    "kills", [pytest.param(8, id="fast"), pytest.param(40, id="slow", marks=pytest.mark.slow)]
)
def test_kill_during_rekey(session, paths, figure, kills):
    """Removing a volunteer re-keys the database; a kill at any moment leaves a store that
    the remaining volunteer opens with everything in it (old key or new key, never neither)."""
    from borrador.keys import FLOOR
    from borrador.letters.context import Agent

    session.profile.save(Agent(name="Clínica Ejemplo"))
    session.clinic.enable(PASSPHRASE, "Rosa", FLOOR)
    person = session.people.add({"name": "Persona Inventada", "state": "CA"})
    for _ in range(40):
        session.requests.create_many(person.id, ["spokeo", "radaris", "whitepages", "mylife"], "opt-out")
    expected = len(session.requests.find())
    keys = {session.keys.data_key}
    session.close()
    rng = random.Random(9)
    rekeys = interrupted = 0
    for _ in range(kills):
        proc = spawn(paths, REKEYER)
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        rekeys += len(out.split())
        pending = "data_old" in paths.key_file.read_text()
        interrupted += pending
        with open_store(paths, passphrase=PASSPHRASE) as opened:
            assert len(opened.requests.find()) == expected
            assert opened.clinic.volunteers()[0] == "Rosa"
            assert problems(opened.db) == []
            assert opened.key_file.unlock_candidates(PASSPHRASE)[0] == [opened.keys.data_key]
            keys.add(opened.keys.data_key)
    last = open_store(paths, passphrase=PASSPHRASE)
    for old in keys - {last.keys.data_key}:  # every earlier data key opens nothing now
        with pytest.raises(StoreError):
            Database(paths.database, old)
    last.close()
    figure(
        f"kill during re-key: {kills} SIGKILLs over {rekeys} completed re-keys "
        f"({interrupted} cut short mid-re-key, finished on the next opening); {expected} "
        "requests each time, 0 lost, the store opened every time, no old key opens it"
    )
