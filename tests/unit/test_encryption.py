"""Planted values never appear in any file under the data folder: in use, after a crash,
after deletion."""

import os
import signal
import subprocess
import sys

from tests.helpers.cli import cli_env
from tests.helpers.common import PASSPHRASE, ROOT, all_files
from tests.helpers.people import sample_person

CANARY_NAME = "Qwertina Canaryfield"
CANARY_BIRTH = "1911-11-11"
CANARY_PHONE = "(505) 555-0187"
CANARY_STREET = "9876 Zanzibarquux Way"
CANARIES = [CANARY_NAME, CANARY_BIRTH, CANARY_PHONE, CANARY_STREET, "Canaryfield", "Zanzibarquux"]


def canary_person():
    return sample_person(
        name=CANARY_NAME,
        birth_date=CANARY_BIRTH,
        phones=[CANARY_PHONE],
        addresses=[
            {
                "street": CANARY_STREET,
                "city": "Denver",
                "state": "CO",
                "postal_code": "80204",
                "current": True,
            }
        ],
    )


def plaintext_hits(root):
    hits = []
    for path in all_files(root):
        data = path.read_bytes()
        for canary in CANARIES:
            for encoded in (canary.encode("utf-8"), canary.encode("utf-16-le")):
                if encoded in data:
                    hits.append((path.name, canary))
    return hits


def test_no_plaintext_in_normal_use(session, paths):
    person = session.people.add(canary_person())
    session.requests.create(person.id, "lexisnexis-risk", "delete", notes=CANARY_NAME)
    # While the connection is still open, the WAL holds the recent pages.
    assert (paths.root / "borrador.db-wal").exists()
    assert plaintext_hits(paths.root) == []
    session.close()
    assert plaintext_hits(paths.root) == []


def test_no_plaintext_after_delete(session, paths):
    person = session.people.add(canary_person())
    session.repos.people.delete(person.id)
    assert session.people.all() == []
    assert plaintext_hits(paths.root) == []


WRITER = """
from borrador.home.paths import data_paths
from borrador.services import open_store
from tests.unit.test_encryption import canary_person
session = open_store(data_paths())
person = session.people.add(canary_person())
print("ready", flush=True)
i = 0
while True:
    i += 1
    session.requests.create(person.id, ("spokeo", "acxiom", "epsilon")[i % 3], "opt-out", notes="Canaryfield note")
    print(i, flush=True)
"""


def test_no_plaintext_after_a_crash(session, paths, tmp_path):
    session.close()
    env = cli_env(  # the code under test, and `tests` for the canary
        paths.root,
        BORRADOR_PASSPHRASE=PASSPHRASE,
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().strip() == b"ready", proc.stderr.read()
    for _ in range(20):  # twenty requests committed, then a kill in the middle of writing
        assert proc.stdout.readline(), proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    files = {p.name for p in all_files(paths.root)}
    assert "borrador.db-wal" in files  # the crash left the WAL behind
    assert plaintext_hits(paths.root) == []
