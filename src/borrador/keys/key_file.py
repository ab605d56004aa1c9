"""The database key: random, stored only wrapped (AES-GCM) in a small versioned key file.

Wraps: one per passphrase slot (key derived with Argon2id, parameters recorded in the slot),
and optionally one under a random key held in the OS keyring ("remember on this device").
Every wrap authenticates the file id and its own parameters, so an edited file is detected.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
from pathlib import Path
from typing import Any

from borrador.core.errors import N_, StoreError
from borrador.home.paths import write_private_file
from borrador.keys.keyring_policy import (
    KEYRING_SERVICE,
    keyring_available,
    keyring_delete_everywhere,
    keyring_get,
    keyring_refusal,
    keyring_set,
)
from borrador.keys.passphrase import check_passphrase
from borrador.keys.primitives import (
    KEY_BYTES,
    VERSION,
    KdfParams,
    b64,
    canonical,
    derive,
    open_sealed,
    seal,
    unb64,
)

FORMAT = "borrador-key-file"


@dataclasses.dataclass
class KeyFile:
    path: Path
    file_id: str
    slots: list[dict[str, Any]]
    keyring_slot: dict[str, Any] | None = None

    # -- reading and writing ------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> KeyFile:
        if not path.exists():
            raise StoreError(
                N_("the key file {path} is missing, so the database cannot be opened."),
                hint=N_(
                    "Restore it with its database from a backup (borrador restore FILE); "
                    "nothing was changed."
                ),
                path=path,
            )
        try:
            raw = path.read_bytes()
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError("not a Borrador key file")
            if data.get("version") != VERSION:
                raise ValueError(f"key file version {data.get('version')!r} is not supported")
            slots = data["slots"]
            if not isinstance(slots, list) or not slots:
                raise ValueError("it has no passphrase slots")
            for slot in slots:
                unb64(slot["salt"]), unb64(slot["nonce"]), unb64(slot["wrapped"])
                KdfParams.read(slot["kdf"])
            key_file = cls(path, str(data["file_id"]), slots, data.get("keyring"))
            if key_file.to_bytes() != raw:
                raise ValueError("it was edited: its bytes are not in the form Borrador writes")
            return key_file
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            UnicodeDecodeError,
            RecursionError,
        ) as exc:
            raise StoreError(
                N_("the key file {path} is damaged ({error})."),
                hint=N_("Nothing was changed. Restore the key file from a backup."),
                path=path,
                error=exc,
            ) from None

    def save(self) -> None:
        write_private_file(self.path, self.to_bytes())

    def to_bytes(self) -> bytes:
        """Canonical JSON: loading checks that the bytes are exactly this form, so any edit,
        even one that leaves the JSON valid, is detected."""
        data = {"format": FORMAT, "version": VERSION, "file_id": self.file_id,
                "slots": self.slots, "keyring": self.keyring_slot}  # fmt: skip
        return canonical(data)

    # -- passphrase slots ---------------------------------------------------------------
    @staticmethod
    def _passphrase_slot(
        passphrase: str, data_key: bytes, file_id: str, params: KdfParams, label: str
    ) -> dict[str, Any]:
        check_passphrase(passphrase)
        salt = os.urandom(16)
        meta = {"label": label, "kdf": dataclasses.asdict(params), "salt": b64(salt)}
        return seal(derive(passphrase, salt, params), data_key, file_id, meta)

    @classmethod
    def create(
        cls, path: Path, passphrase: str, params: KdfParams | None = None
    ) -> tuple[KeyFile, bytes]:
        """A new key file with a fresh data key; returns both. Refuses to overwrite."""
        if path.exists():
            raise StoreError(
                N_("a key file already exists at {path}; nothing was changed."), path=path
            )
        data_key = secrets.token_bytes(KEY_BYTES)
        file_id = secrets.token_hex(16)
        slot = cls._passphrase_slot(passphrase, data_key, file_id, params or KdfParams(), "owner")
        key_file = cls(path, file_id, [slot])
        key_file.save()
        return key_file, data_key

    @classmethod
    def wrap(
        cls, path: Path, passphrase: str, data_key: bytes, params: KdfParams | None = None
    ) -> KeyFile:
        """A new key file for an existing data key (a backup under its own passphrase)."""
        file_id = secrets.token_hex(16)
        slot = cls._passphrase_slot(passphrase, data_key, file_id, params or KdfParams(), "owner")
        key_file = cls(path, file_id, [slot])
        key_file.save()
        return key_file

    def without_keyring(self, path: Path) -> KeyFile:
        """The same passphrase slots written elsewhere, without this device's keyring wrap."""
        copy = KeyFile(path, self.file_id, list(self.slots), None)
        copy.save()
        return copy

    def unlock(self, passphrase: str) -> bytes:
        return self.unlock_candidates(passphrase)[0][0]

    def unlock_candidates(self, passphrase: str) -> tuple[list[bytes], str]:
        """The data keys the passphrase opens (two only in the middle of a re-key) and the
        slot's label (the volunteer's slot id in clinic mode)."""
        from borrador.keys.slots import open_slot

        for slot in self.slots:
            if slot.get("type") == "volunteer":
                try:
                    keys = open_slot(slot, passphrase, self.file_id)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise StoreError(
                        N_("the key file {path} is damaged ({type_name})."),
                        hint=N_("Nothing was changed. Restore the key file from a backup."),
                        path=self.path,
                        type_name=type(exc).__name__,
                    ) from None
                if keys:
                    return keys, str(slot["label"])
                continue
            params = KdfParams.read(slot["kdf"])
            key = derive(passphrase, unb64(slot["salt"]), params)
            data_key = open_sealed(key, slot, self.file_id)
            if data_key is not None:
                return [data_key], ""
        raise StoreError(
            N_("the passphrase is wrong; nothing was opened or changed."),
            hint=N_("Check it and try again."),
        )

    # -- clinic mode: one slot per volunteer ----------------------------------------------
    # Slots are labelled with random ids; the volunteers' names live in the encrypted
    # database, so a key file found on a seized laptop names nobody.
    @property
    def volunteer_slots(self) -> list[str]:
        return [str(s["label"]) for s in self.slots if s.get("type") == "volunteer"]

    def enable_clinic(self, passphrase: str, slot_id: str, params: KdfParams | None = None) -> None:
        """Turn the owner's passphrase slot into the first volunteer's slot."""
        from borrador.keys.slots import new_slot

        if self.volunteer_slots:
            raise StoreError(N_("clinic mode is already on."))
        data_key = self.unlock(passphrase)
        self.slots = [new_slot(slot_id, passphrase, data_key, self.file_id, params or KdfParams())]
        self.save()

    def add_volunteer(
        self, data_key: bytes, slot_id: str, passphrase: str, params: KdfParams | None = None
    ) -> None:
        from borrador.keys.slots import new_slot

        if not self.volunteer_slots:
            raise StoreError(
                N_("clinic mode is off."), hint=N_("Turn it on first: borrador clinic enable.")
            )
        params = params or KdfParams()
        self.slots.append(new_slot(slot_id, passphrase, data_key, self.file_id, params))
        self.save()

    def prepare_rekey(self, old_key: bytes, new_key: bytes, removed: str) -> None:
        """Step 1 of a re-key: drop the departed volunteer's slot and seal both keys for
        everyone else, so whichever key the database has when a crash strikes still opens."""
        from borrador.keys.slots import seal_to

        if removed not in self.volunteer_slots:
            raise StoreError(N_("that volunteer has no key slot."))
        remaining = [s for s in self.slots if s.get("label") != removed]
        if not remaining:
            raise StoreError(
                N_("the last volunteer cannot be removed: nobody could open the data.")
            )
        for slot in remaining:
            public = unb64(slot["public"])
            slot["data"] = seal_to(public, new_key, self.file_id, slot["label"])
            slot["data_old"] = seal_to(public, old_key, self.file_id, slot["label"])
        self.slots = remaining
        self.keyring_slot = None  # it wrapped the old key; "remember" must be turned on again
        self.save()

    def finish_rekey(self) -> None:
        """Step 3, once the database is re-keyed: the old key is sealed nowhere any more."""
        for slot in self.slots:
            slot.pop("data_old", None)
        self.save()

    def change_passphrase(self, old: str, new: str, params: KdfParams | None = None) -> None:
        if self.volunteer_slots:  # a volunteer changes only their own slot's passphrase
            from borrador.keys.slots import reseal_private

            for n, slot in enumerate(self.slots):
                resealed = reseal_private(slot, old, new, self.file_id, params or KdfParams())
                if resealed is not None:
                    self.slots[n] = resealed
                    self.save()
                    return
            raise StoreError(N_("the passphrase is wrong; nothing was changed."))
        data_key = self.unlock(old)
        self.slots = [
            self._passphrase_slot(new, data_key, self.file_id, params or KdfParams(), "owner")
        ]
        self.save()

    # -- "remember on this device" ------------------------------------------------------
    @property
    def _keyring_user(self) -> str:
        return f"data-key-wrap-{self.file_id}"

    def remember(self, data_key: bytes) -> None:
        refusal = keyring_refusal()
        if refusal:
            raise StoreError(
                N_("{refusal}, so this computer cannot remember the key."),
                hint=N_("Enter the passphrase each time, or set BORRADOR_PASSPHRASE."),
                refusal=refusal,
            )
        wrap_key = secrets.token_bytes(KEY_BYTES)
        keyring_set(KEYRING_SERVICE, self._keyring_user, b64(wrap_key))
        self.keyring_slot = seal(wrap_key, data_key, self.file_id, {"label": "keyring"})
        self.save()

    def unlock_from_keyring(self) -> bytes | None:
        if self.keyring_slot is None or not keyring_available():
            return None
        secret = keyring_get(KEYRING_SERVICE, self._keyring_user)
        try:
            return open_sealed(unb64(secret), self.keyring_slot, self.file_id) if secret else None
        except (ValueError, KeyError):
            return None

    def forget(self) -> None:
        """Remove the keyring wrap and its secret; the passphrase still opens the store."""
        if self.keyring_slot is not None:
            keyring_delete_everywhere(KEYRING_SERVICE, self._keyring_user)
        self.keyring_slot = None
        self.save()
