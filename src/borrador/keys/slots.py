"""Volunteer key slots (clinic mode): one per volunteer, like disk-encryption key slots.

Each volunteer has an X25519 key pair; the private key is sealed under their passphrase
(Argon2id + AES-GCM) and the data key is sealed to their public key (ECDH + HKDF + AES-GCM).
Re-keying after a volunteer leaves can then wrap a new data key for everyone who stays
without knowing their passphrases.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from borrador.keys.passphrase import check_passphrase
from borrador.keys.primitives import KdfParams, aad, b64, derive, open_sealed, seal, unb64

SEALED_KEYS = ("data", "data_old")  # the data key(s) sealed to the slot's public key


def _wrap_part(slot: dict[str, Any]) -> dict[str, Any]:
    """The passphrase wrap of the private key (metadata, nonce, wrapped), without the sealed
    data keys: those change at every re-key, the wrap only when the passphrase does."""
    return {k: v for k, v in slot.items() if k not in SEALED_KEYS}


def seal_to(public_raw: bytes, data_key: bytes, file_id: str, label: str) -> dict[str, str]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    nonce = os.urandom(12)
    sealed = AESGCM(_kdf(shared, file_id, label)).encrypt(
        nonce, data_key, _data_aad(file_id, label)
    )
    eph = ephemeral.public_key().public_bytes_raw()
    return {"eph": b64(eph), "nonce": b64(nonce), "sealed": b64(sealed)}


def _data_aad(file_id: str, label: str) -> bytes:
    return aad(file_id, {"label": label, "data": 1})


def _kdf(shared: bytes, file_id: str, label: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = f"borrador-volunteer|{file_id}|{label}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _wrap_private(
    private_raw: bytes, passphrase: str, file_id: str, params: KdfParams, meta: dict[str, Any]
) -> dict[str, Any]:
    """`meta` plus the private key sealed under the passphrase (a fresh salt each time)."""
    check_passphrase(passphrase)
    salt = os.urandom(16)
    meta = {**meta, "kdf": dataclasses.asdict(params), "salt": b64(salt)}
    return seal(derive(passphrase, salt, params), private_raw, file_id, meta)


def new_slot(
    label: str, passphrase: str, data_key: bytes, file_id: str, params: KdfParams
) -> dict[str, Any]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    meta = {"type": "volunteer", "label": label, "public": b64(public)}
    slot = _wrap_private(private.private_bytes_raw(), passphrase, file_id, params, meta)
    slot["data"] = seal_to(public, data_key, file_id, label)
    return slot


def reseal_private(
    slot: dict[str, Any], old: str, new: str, file_id: str, params: KdfParams
) -> dict[str, Any] | None:
    """The slot with its private key sealed under `new`, or None if `old` does not open it."""
    private = _private(slot, old, file_id)
    if private is None:
        return None
    meta = {k: v for k, v in _wrap_part(slot).items() if k not in ("nonce", "wrapped")}
    sealed = {k: slot[k] for k in SEALED_KEYS if k in slot}
    return {**_wrap_private(private, new, file_id, params, meta), **sealed}


def _private(slot: dict[str, Any], passphrase: str, file_id: str) -> bytes | None:
    key = derive(passphrase, unb64(slot["salt"]), KdfParams.read(slot["kdf"]))
    return open_sealed(key, _wrap_part(slot), file_id)


def open_slot(slot: dict[str, Any], passphrase: str, file_id: str) -> list[bytes]:
    """The data keys this slot holds (new first, then the one before a re-key); [] if the
    passphrase is not this volunteer's."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    private_raw = _private(slot, passphrase, file_id)
    if private_raw is None:
        return []
    private = X25519PrivateKey.from_private_bytes(private_raw)
    keys = []
    for field in SEALED_KEYS:
        sealed = slot.get(field)
        if not sealed:
            continue
        shared = private.exchange(X25519PublicKey.from_public_bytes(unb64(sealed["eph"])))
        box = AESGCM(_kdf(shared, file_id, slot["label"]))
        try:
            data_aad = _data_aad(file_id, slot["label"])
            keys.append(box.decrypt(unb64(sealed["nonce"]), unb64(sealed["sealed"]), data_aad))
        except InvalidTag:  # sealed for another file or label: edited
            continue
    return keys
