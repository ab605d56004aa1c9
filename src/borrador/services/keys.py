"""The unlocked store's keys: the data key (memory only), the passphrase, "remember on this
device", and re-keying when a volunteer leaves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError
from borrador.home.faults import fault_point
from borrador.keys import keyring_available

__all__ = ["KeyService", "keyring_available"]

if TYPE_CHECKING:
    from borrador.keys import KdfParams, KeyFile
    from borrador.storage.db import Database


class KeyService:
    def __init__(self, key_file: KeyFile, db: Database, data_key: bytes) -> None:
        self.key_file = key_file
        self.db = db
        self._data_key = data_key  # memory only: backups and new volunteer slots need it

    @property
    def data_key(self) -> bytes:
        return self._data_key

    @property
    def clinic_on(self) -> bool:
        return bool(self.key_file.volunteer_slots)

    def change_passphrase(self, old: str, new: str, params: KdfParams | None = None) -> None:
        self.key_file.change_passphrase(old, new, params)

    def forget_on_device(self) -> None:
        self.key_file.forget()

    def remember_on_device(self, passphrase: str) -> None:
        if self.clinic_on:
            raise BorradorError(N_("in clinic mode each volunteer unlocks with their passphrase."))
        self.key_file.remember(self.key_file.unlock(passphrase))

    def rekey(self, new_key: bytes, departed_slot: str) -> None:
        """Seal `new_key` for every slot but `departed_slot`, re-encrypt the database under it,
        then drop the old key. Whatever step a crash stops at, one of the keys opens it."""
        self.key_file.prepare_rekey(self._data_key, new_key, departed_slot)
        fault_point("rekey.after-prepare")
        self.db.rekey(new_key)
        fault_point("rekey.after-rekey")
        self._data_key = new_key
        self.key_file.finish_rekey()
