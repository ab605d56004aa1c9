"""The hand-off bundle: one resident's file, encrypted for a one-time spoken passphrase.

Layout: a header line (format, Argon2id parameters, salt, nonce, as JSON) and then the
AES-GCM ciphertext of the compressed JSON of the person's rows. The header is the
authenticated data, so a changed byte anywhere is detected before anything is imported.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from borrador.core.errors import N_, BorradorError, StoreError, ValidationError
from borrador.keys.primitives import KdfParams
from borrador.keys.primitives import b64 as _b64
from borrador.keys.primitives import derive as _derive
from borrador.keys.primitives import unb64 as _unb64
from borrador.keys.words import handoff_words
from borrador.storage.db import Database, DatabaseError
from borrador.storage.handoff_repo import export_person, import_person

if TYPE_CHECKING:
    from borrador.home.paths import Paths
    from borrador.services.people import PeopleService

FORMAT = "borrador-handoff"
VERSION = 1
PASSPHRASE_WORDS = 8  # 8 × 8 bits: 64 random bits, each guess costing one Argon2id run
MAX_BYTES = 64 * 1024 * 1024  # the bundle file
MAX_PLAIN = 64 * 1024 * 1024  # its contents, decompressed
CHUNK = 1024 * 1024


def one_time_passphrase() -> str:
    return " ".join(secrets.choice(handoff_words()) for _ in range(PASSPHRASE_WORDS))


def _normal(passphrase: str) -> str:
    """Read aloud and typed again: case, extra spaces and hyphens do not matter."""
    return " ".join(passphrase.lower().replace("-", " ").split())


class HandoffService:
    """One resident's file out to another Borrador, and in from one."""

    def __init__(self, paths: Paths, db: Database, people: PeopleService) -> None:
        self.paths = paths
        self.db = db
        self.people = people

    def export(self, person_id: int, path: Path, params: KdfParams | None = None) -> str:
        return write_bundle(self, person_id, path, params)

    def import_file(self, path: Path, passphrase: str) -> tuple[int, dict[str, int]]:
        return import_bundle(self, path, passphrase)


def write_bundle(
    session: HandoffService, person_id: int, path: Path, params: KdfParams | None = None
) -> str:
    """Write the person's bundle to `path` (never over a file); returns its passphrase."""
    from borrador.home.written_files import write_person_file

    data, passphrase = make_bundle(session.db, person_id, params)
    write_person_file(session.paths, person_id, path, data)
    return passphrase


def make_bundle(db: Database, person_id: int, params: KdfParams | None) -> tuple[bytes, str]:
    rows = export_person(db, person_id)
    passphrase = one_time_passphrase()
    params = params or KdfParams()
    salt, nonce = os.urandom(16), os.urandom(12)
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": dataclasses.asdict(params),
        "salt": _b64(salt),
        "nonce": _b64(nonce),
    }
    header = json.dumps(meta, sort_keys=True).encode()
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plain = zlib.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 9)
    sealed = AESGCM(_derive(_normal(passphrase), salt, params)).encrypt(nonce, plain, header)
    return header + b"\n" + sealed, passphrase


def _inflate(data: bytes) -> bytes:
    """Decompress, streamed, refusing past MAX_PLAIN (a small bundle must not become 2 GB)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    chunk = inflater.decompress(data, CHUNK)
    while True:
        out += chunk
        if len(out) > MAX_PLAIN:
            raise ValueError(f"its contents unpack to more than {MAX_PLAIN // 2**20} MiB")
        if not inflater.unconsumed_tail:
            break
        chunk = inflater.decompress(inflater.unconsumed_tail, CHUNK)
    if not inflater.eof:
        raise ValueError("its contents are cut short")
    return bytes(out)


def read_bundle(path: Path, passphrase: str) -> dict[str, Any]:
    """The rows in the bundle, or a clear error: wrong passphrase, changed, or not a bundle."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("it is far larger than any hand-off bundle")
        raw = path.read_bytes()
        header, _, sealed = raw.partition(b"\n")
        if len(header) > 4096:
            raise ValueError("its first line is not a hand-off header")
        meta = json.loads(header)
        if not isinstance(meta, dict):
            raise ValueError("its first line is not a hand-off header")
        if meta.get("format") != FORMAT or meta.get("version") != VERSION:
            raise ValueError("it is not a Borrador hand-off bundle of a version this one reads")
        params = KdfParams.read(meta["kdf"])  # bounded: a header cannot make this hang
        key = _derive(_normal(passphrase), _unb64(meta["salt"]), params)
    except FileNotFoundError:
        raise BorradorError(N_("there is no file {path}."), path=path) from None
    except StoreError as exc:
        raise BorradorError(N_("{path} is not a usable hand-off bundle: {error} Nothing was "
                            "imported."), hint=N_("Ask for a new bundle."),
                            path=path, error=exc) from None  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError,
            RecursionError) as exc:  # fmt: skip
        raise BorradorError(
            N_("{path} cannot be read ({error}); nothing was imported."), path=path, error=exc
        ) from None
    try:
        plain = AESGCM(key).decrypt(_unb64(meta["nonce"]), sealed, header)
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise BorradorError(
            N_(
                "{path} does not open with this passphrase, or it was changed after it was made; "
                "nothing was imported."
            ),
            hint=N_(
                "Check the words with the person who made it; if they match, ask for a new bundle."
            ),
            path=path,
        ) from None
    try:  # sealed by someone with the passphrase, yet still input: checked like any other
        rows = json.loads(_inflate(plain))
    except (ValueError, zlib.error, RecursionError, UnicodeDecodeError) as exc:
        raise BorradorError(N_("{path}: the bundle's contents are malformed ({error}); nothing "
                            "was imported."), hint=N_("Ask for a new bundle."),
                            path=path, error=exc) from None  # fmt: skip
    if not isinstance(rows, dict):
        raise BorradorError(
            N_("{path}: the bundle's contents are malformed; nothing was imported."), path=path
        )
    return rows


PERSON_COLUMNS = {"uid", "name", "other_names", "birth_date", "state", "language", "emails",
                  "phones", "addresses", "notes", "created_at", "updated_at"}  # fmt: skip


def _checked_person(session: HandoffService, person: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(person) - PERSON_COLUMNS)
    if unknown:
        raise ValidationError(
            "person", N_("has fields this Borrador does not know: {unknown}"), unknown=unknown
        )
    for name in ("uid", "created_at", "updated_at"):
        if not isinstance(person.get(name), str) or not person[name]:
            raise ValidationError(f"person.{name}", N_("is missing"))
    fields = {k: person.get(k) for k in ("name", "birth_date", "state", "language", "notes")}
    for key in ("other_names", "emails", "phones", "addresses"):
        try:
            fields[key] = json.loads(person.get(key) or "[]")
        except (TypeError, ValueError):
            raise ValidationError(f"person.{key}", N_("is not a list")) from None
    try:
        session.people.check(fields)
    except ValidationError as exc:
        raise exc.within("person") from None
    return person


def import_bundle(
    session: HandoffService, path: Path, passphrase: str
) -> tuple[int, dict[str, int]]:
    """Add the bundle's person, requests and events, every row checked as if typed in here;
    a bad row refuses the whole bundle, naming the row and the field."""
    from borrador.services.handoff_rows import check_rows

    rows = read_bundle(path, passphrase)
    try:
        person, requests, events = check_rows(rows)
        checked = {"person": _checked_person(session, person), "requests": requests,
                   "events": events}  # fmt: skip
    except ValidationError as exc:
        raise BorradorError(
            N_(
                "{path}: the bundle holds a value this Borrador refuses ({error}); nothing was "
                "imported."
            ),
            hint=N_("Ask for a new bundle; if it comes from a newer Borrador, update this one."),
            path=path,
            error=exc,
        ) from None
    try:
        return import_person(session.db, checked)
    except (ValueError, KeyError, TypeError, DatabaseError) as exc:
        raise BorradorError(
            N_("{path}: the bundle does not fit this store ({error}); nothing was imported."),
            hint=N_("Update Borrador, or ask for a new bundle."),
            path=path,
            error=exc,
        ) from None
