"""Volunteer key slots (clinic mode): one per volunteer, like disk-encryption key slots.

Each volunteer has an X25519 key pair; the private key is sealed under their passphrase
(Argon2id + AES-GCM) and the data key is sealed to their public key (ECDH + HKDF + AES-GCM).
Re-keying after a volunteer leaves can then wrap a new data key for everyone who stays
without knowing their passphrases.
"""

from __future__ import annotations

import os
from typing import Any

from borrador.keys import KdfParams, _aad, _b64, _derive, _unb64, check_passphrase

PRIVATE_FIELDS = ("nonce", "wrapped", "data", "data_old")


def _meta(slot: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in slot.items() if k not in PRIVATE_FIELDS}


def seal_to(public_raw: bytes, data_key: bytes, file_id: str, label: str) -> dict[str, str]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = _kdf(shared, file_id, label)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, data_key, _aad(file_id, {"label": label, "data": 1}))
    eph = ephemeral.public_key().public_bytes_raw()
    return {"eph": _b64(eph), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def _kdf(shared: bytes, file_id: str, label: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    info = f"borrador-volunteer|{file_id}|{label}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def new_slot(
    label: str, passphrase: str, data_key: bytes, file_id: str, params: KdfParams
) -> dict[str, Any]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    private = X25519PrivateKey.generate()
    salt = os.urandom(16)
    public = _b64(private.public_key().public_bytes_raw())
    meta = {
        "type": "volunteer",
        "label": label,
        "kdf": params.__dict__.copy(),
        "salt": _b64(salt),
        "public": public,
    }
    nonce = os.urandom(12)
    wrapped = AESGCM(_derive(passphrase, salt, params)).encrypt(
        nonce, private.private_bytes_raw(), _aad(file_id, meta)
    )
    slot = {**meta, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
    slot["data"] = seal_to(_unb64(meta["public"]), data_key, file_id, label)
    return slot


def reseal_private(
    slot: dict[str, Any], old: str, new: str, file_id: str, params: KdfParams
) -> dict[str, Any] | None:
    """The slot with its private key sealed under `new`, or None if `old` does not open it."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    private = _private(slot, old, file_id)
    if private is None:
        return None
    check_passphrase(new)
    salt = os.urandom(16)
    meta = {**_meta(slot), "kdf": params.__dict__.copy(), "salt": _b64(salt)}
    nonce = os.urandom(12)
    wrapped = AESGCM(_derive(new, salt, params)).encrypt(nonce, private, _aad(file_id, meta))
    return {**slot, **meta, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _private(slot: dict[str, Any], passphrase: str, file_id: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = KdfParams(**slot["kdf"])
    key = _derive(passphrase, _unb64(slot["salt"]), params)
    try:
        return AESGCM(key).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(file_id, _meta(slot))
        )
    except InvalidTag:
        return None


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
    for field in ("data", "data_old"):
        sealed = slot.get(field)
        if not sealed:
            continue
        shared = private.exchange(X25519PublicKey.from_public_bytes(_unb64(sealed["eph"])))
        try:
            keys.append(
                AESGCM(_kdf(shared, file_id, slot["label"])).decrypt(
                    _unb64(sealed["nonce"]),
                    _unb64(sealed["sealed"]),
                    _aad(file_id, {"label": slot["label"], "data": 1}),
                )
            )
        except InvalidTag:  # sealed for another file or label: edited
            continue
    return keys
