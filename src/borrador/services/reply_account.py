"""The incoming (IMAP) mail account: its settings in the encrypted store, its password in
this session's memory, the OS keyring (only an encrypting backend) or asked each time, and
where the last fetch stopped."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError
from borrador.keys.keyring_policy import IMAP_SERVICE

if TYPE_CHECKING:
    from borrador.letters.imap import ImapAccount, Position
    from borrador.storage.settings_repo import SettingsRepo

ACCOUNT_KEY = "imap_account"
POSITION_KEY = "imap_position"


class ReplyAccount:
    def __init__(self, settings: SettingsRepo, keyring_user: str) -> None:
        self.settings = settings
        self.keyring_user = keyring_user  # named from the key file's id alone
        self._password: str | None = None  # this session only

    def get(self) -> ImapAccount:
        from borrador.letters.imap import ImapAccount

        data = self.settings.get(ACCOUNT_KEY)
        if not data:
            raise BorradorError(
                N_("no incoming mail account is set up."), hint=N_("Run 'borrador replies setup'.")
            )
        return ImapAccount(**data)

    def save(self, account: ImapAccount, password: str, *, remember: bool) -> None:
        account.check()
        previous = self.settings.get(ACCOUNT_KEY) or {}
        self.settings.put(ACCOUNT_KEY, dataclasses.asdict(account))
        moved = {k: previous.get(k) for k in ("host", "user", "folder")} != {
            "host": account.host,
            "user": account.user,
            "folder": account.folder,
        }
        if moved:  # another mailbox: its UIDs mean nothing here
            self.settings.delete(POSITION_KEY)
        self._password = password
        if remember:
            from borrador.keys import keyring_available

            if not keyring_available():
                raise BorradorError(
                    N_("this computer has no system keyring to keep the password in."),
                    hint=N_("It will be asked for in each session instead."),
                )
            import keyring

            keyring.set_password(IMAP_SERVICE, self.keyring_user, password)

    def password(self, ask: Callable[[], str] | None = None) -> str:
        if self._password:
            return self._password
        from borrador.keys import keyring_available

        self.get()
        if keyring_available():
            import keyring

            stored = keyring.get_password(IMAP_SERVICE, self.keyring_user)
            if stored:
                return str(stored)
        password = ask() if ask else ""
        if not password:
            raise BorradorError(
                N_("the incoming mail password is needed."),
                hint=N_("Run in a terminal to be asked for it."),
            )
        self._password = password
        return password

    def position(self) -> Position:
        from borrador.letters.imap import Position

        data = self.settings.get(POSITION_KEY) or {}
        return Position(int(data.get("uidvalidity", 0)), int(data.get("last_uid", 0)))

    def save_position(self, uidvalidity: int, uid: int) -> None:
        self.settings.put(POSITION_KEY, {"uidvalidity": uidvalidity, "last_uid": uid})
