"""Which OS keyrings may hold the "remember on this device" key."""

from __future__ import annotations

KEYRING_SERVICE = "borrador"
SMTP_SERVICE = "borrador-smtp"
IMAP_SERVICE = "borrador-imap"


def smtp_keyring_user(file_id: str) -> str:
    """One SMTP password entry per store, named from the key file's id alone, so panic erase
    can find and delete it without unlocking anything."""
    return f"smtp-{file_id}"


def imap_keyring_user(file_id: str) -> str:
    """The incoming-mail password entry, named like the SMTP one (panic erase deletes it)."""
    return f"imap-{file_id}"


def keyring_available() -> bool:
    """True only for a real keyring backend (not the 'fail' or 'null' ones of headless Linux)."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return False
