"""What a passphrase must be before it protects the store."""

from __future__ import annotations

from borrador.core.errors import StoreError

PASSPHRASE_MIN = 8


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN:
        raise StoreError(
            f"the passphrase must have at least {PASSPHRASE_MIN} characters.",
            hint="A few unrelated words are easy to remember and hard to guess.",
        )
