"""Crypto primitives shared by the key file, the volunteer slots and the hand-off bundle:
Argon2id cost parameters (with a floor), AES-GCM sealing with authenticated metadata,
base64 and canonical JSON."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
from typing import Any

from borrador.core.errors import N_, StoreError

VERSION = 1
KEY_BYTES = 32


@dataclasses.dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. `memory_cost` is in KiB."""

    iterations: int = 3
    lanes: int = 4
    memory_cost: int = 64 * 1024

    def check(self) -> None:
        """Refuse parameters read from a file that are weaker than the floor (a tampered file
        making guesses cheap) or beyond the ceiling (a file that would hang or exhaust the
        machine: iterations = 2**32-1 runs for days and ignores Ctrl-C)."""
        values = (self.iterations, self.lanes, self.memory_cost)
        if not all(type(v) is int for v in values):
            raise StoreError(
                N_("the Argon2id parameters in the file are not whole numbers."),
                hint=N_("The file is damaged or was tampered with; nothing was changed."),
            )
        if (
            self.iterations < FLOOR.iterations
            or self.lanes < FLOOR.lanes
            or self.memory_cost < FLOOR.memory_cost
        ):
            raise StoreError(
                N_("the key file asks for Argon2id parameters weaker than the floor "
                "(t={iterations}, p={lanes}, m={memory_cost} KiB)."),
                hint=N_("It may have been tampered with; restore it from a backup."),
                iterations=FLOOR.iterations, lanes=FLOOR.lanes, memory_cost=FLOOR.memory_cost,
            )
        if (
            self.iterations > CEILING.iterations
            or self.lanes > CEILING.lanes
            or self.memory_cost > CEILING.memory_cost
        ):
            raise StoreError(
                N_("the file asks for Argon2id parameters beyond what Borrador ever writes "
                "(at most t={iterations}, p={lanes}, "
                "m={memory_cost} KiB): t={self_iterations}, p={self_lanes}, "
                "m={self_memory_cost}."),
                hint=N_("The file is damaged or was tampered with; nothing was changed."),
                iterations=CEILING.iterations, lanes=CEILING.lanes, memory_cost=CEILING.memory_cost,
                self_iterations=self.iterations, self_lanes=self.lanes,
                self_memory_cost=self.memory_cost,
            )

    @classmethod
    def read(cls, data: object) -> KdfParams:
        """Parameters from a file: exactly the three fields, whole numbers, within bounds."""
        if not isinstance(data, dict) or set(data) != {"iterations", "lanes", "memory_cost"}:
            raise StoreError(
                N_("the Argon2id parameters in the file are not the three Borrador writes."),
                hint=N_("The file is damaged or was tampered with; nothing was changed."),
            )
        params = cls(**data)
        params.check()
        return params


# OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. Nothing weaker is accepted.
FLOOR = KdfParams(iterations=2, lanes=1, memory_cost=19 * 1024)
# Far above the default (t=3, 64 MiB) yet bounded: one guess stays within seconds and 1 GiB.
CEILING = KdfParams(iterations=16, lanes=16, memory_cost=1024 * 1024)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def aad(file_id: str, meta: dict[str, Any]) -> bytes:
    return json.dumps({"file": file_id, "v": VERSION, **meta}, sort_keys=True).encode()


def seal(key: bytes, data_key: bytes, file_id: str, meta: dict[str, Any]) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    wrapped = AESGCM(key).encrypt(nonce, data_key, aad(file_id, meta))
    return {**meta, "nonce": b64(nonce), "wrapped": b64(wrapped)}


def open_sealed(key: bytes, slot: dict[str, Any], file_id: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    meta = {k: v for k, v in slot.items() if k not in ("nonce", "wrapped")}
    try:
        return AESGCM(key).decrypt(
            unb64(slot["nonce"]), unb64(slot["wrapped"]), aad(file_id, meta)
        )
    except InvalidTag:
        return None


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    params.check()
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_cost,
    )
    return kdf.derive(passphrase.encode("utf-8"))



def canonical(data: dict[str, Any]) -> bytes:
    return (
        json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode() + b"\n"
    )
