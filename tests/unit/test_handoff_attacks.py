"""Hostile hand-off bundles (issue 13, breaks 5, 12, 14, 15): sealed with the right
passphrase, so only the checks on their contents stand between them and the store."""

from __future__ import annotations

import dataclasses
import json
import os
import time
import zlib

import pytest

from borrador.core.errors import BorradorError
from borrador.keys import FLOOR
from borrador.keys.primitives import b64, derive
from tests.helpers.people import sample_person

WORDS = "uno dos tres cuatro cinco seis siete ocho"


def seal(path, payload: bytes, kdf=None) -> None:
    """A bundle in the real format around any payload (already compressed or not)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    meta = {"format": "borrador-handoff", "version": 1, "kdf": kdf or dataclasses.asdict(FLOOR),
            "salt": b64(salt), "nonce": b64(nonce)}  # fmt: skip
    header = json.dumps(meta, sort_keys=True).encode()
    sealed = AESGCM(derive(WORDS, salt, FLOOR)).encrypt(nonce, payload, header)
    path.write_bytes(header + b"\n" + sealed)


def real_rows(session):
    from borrador.storage.handoff_repo import export_person

    person = session.people.add(sample_person(state="CA"))
    session.requests.create(person.id, "spokeo", "delete")
    rows = export_person(session.db, person.id)
    return rows


def import_rows(session, tmp_path, rows):
    target = tmp_path / "bundle.borrador"
    seal(target, zlib.compress(json.dumps(rows).encode()))
    return session.handoff.import_file(target, WORDS)


@pytest.mark.parametrize(("where", "field", "value"), [
    ("requests", "status", "hacked"),
    ("requests", "created_on", "yesterday"),
    ("requests", "recipient", "../../etc"),
    ("events", "on_date", "2026-02-31"),
    ("events", "to_status", 7),
])  # fmt: skip
def test_a_bad_row_imports_nothing_and_names_row_and_field(session, tmp_path, where, field,
                                                           value):  # fmt: skip
    rows = real_rows(session)
    rows["person"]["uid"] = "f" * 32  # arrives as someone new
    rows[where][0][field] = value
    before = (len(session.people.all()), len(session.requests.find()))
    with pytest.raises(BorradorError) as refused:
        import_rows(session, tmp_path, rows)
    row = "request 1" if where == "requests" else "event 1"
    assert f"{row}.{field}" in str(refused.value)
    assert (len(session.people.all()), len(session.requests.find())) == before
    session.requests.find()  # and every listing still works


def test_decompression_is_capped(session, tmp_path, monkeypatch):
    import borrador.services.handoff as handoff

    monkeypatch.setattr(handoff, "MAX_PLAIN", 1024 * 1024, raising=False)
    bomb = zlib.compress(b" " * (8 * 1024 * 1024), 9)  # 8 KiB that unpack to 8 MiB
    seal(tmp_path / "bomb.borrador", bomb)
    with pytest.raises(BorradorError, match="unpack to more than"):
        session.handoff.import_file(tmp_path / "bomb.borrador", WORDS)


def test_huge_kdf_cost_in_the_header_is_refused_at_once(session, tmp_path):
    kdf = {"iterations": 2**32 - 1, "lanes": 1, "memory_cost": 19 * 1024}
    seal(tmp_path / "slow.borrador", b"x", kdf=kdf)
    start = time.perf_counter()
    with pytest.raises(BorradorError, match="beyond"):
        session.handoff.import_file(tmp_path / "slow.borrador", WORDS)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "payload",
    [
        b"not zlib at all",
        zlib.compress(b"{not json"),
        zlib.compress(b"[1, 2]"),
        zlib.compress(b"[" * 100_000),
    ],
)
def test_malformed_contents_are_named_as_the_bundle(session, tmp_path, payload):
    seal(tmp_path / "bad.borrador", payload)
    with pytest.raises(BorradorError) as refused:
        session.handoff.import_file(tmp_path / "bad.borrador", WORDS)
    assert "bundle" in str(refused.value) and "database" not in str(refused.value)


def test_an_email_as_sent_survives_the_hand_off_byte_for_byte(session, tmp_path):
    rows = real_rows(session)
    rows["person"]["uid"] = "e" * 32
    rows["requests"][0]["uid"] = "d" * 32
    rows["requests"][0]["sent_message"] = "To: x@example.org\r\nSubject: S\r\n\r\nBody\r\n"
    rows["requests"][0]["letter_text"] = "Dear X,\n\nBody.\n"
    for event in rows["events"]:
        event["request_uid"] = "d" * 32
    person_id, _ = import_rows(session, tmp_path, rows)
    [request] = session.requests.find(person_id)
    assert request.sent_message.endswith("Body\r\n") and request.letter_text.endswith(".\n")
