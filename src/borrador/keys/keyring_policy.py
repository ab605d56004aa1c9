"""Which OS keyrings may hold the "remember on this device" key (and the SMTP password).

Only keyrings that encrypt what they store, by an allow-list of backend classes: the Secret
Service (GNOME Keyring, KeePassXC), the macOS Keychain, the Windows Credential Locker and
KWallet. Anything else is refused with the reason: `keyrings.alt`'s PlaintextKeyring keeps
the secret base64-encoded in a file, which would let anyone with the disk open the store
without the passphrase. Borrador talks to the chosen backend directly, so a "chainer" that
also holds a plaintext keyring is never written through.
"""

from __future__ import annotations

from typing import Any

from borrador.core.errors import N_, Phrase

KEYRING_SERVICE = "borrador"
SMTP_SERVICE = "borrador-smtp"
IMAP_SERVICE = "borrador-imap"

# module.class of each backend that encrypts at rest
ENCRYPTING_BACKENDS = frozenset({
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
})  # fmt: skip


def smtp_keyring_user(file_id: str) -> str:
    """One SMTP password entry per store, named from the key file's id alone, so panic erase
    can find and delete it without unlocking anything."""
    return f"smtp-{file_id}"


def imap_keyring_user(file_id: str) -> str:
    """The incoming-mail password entry, named like the SMTP one (panic erase deletes it)."""
    return f"imap-{file_id}"


def backend_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _viable(backend: Any) -> bool:
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def _candidates() -> list[Any]:
    """The configured backend, or the ones a chainer would use, highest priority first."""
    import keyring
    from keyring.backends import chainer, fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return []
    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


def encrypting_backend() -> Any | None:
    """The keyring backend Borrador may use, or None."""
    for backend in _candidates():
        if backend_name(backend) in ENCRYPTING_BACKENDS and _viable(backend):
            return backend
    return None


def keyring_refusal() -> Phrase | None:
    """Why no keyring may be used here (None when one may)."""
    if encrypting_backend() is not None:
        return None
    found = [backend_name(b) for b in _candidates() if _viable(b)]
    if not found:
        return Phrase(N_("this computer has no system keyring"))
    return Phrase(N_("the keyring here ({found}) does not encrypt what it stores, so the key "
                     "would lie readable on the disk; Borrador uses only Secret Service, macOS "
                     "Keychain, Windows Credential Locker or KWallet"),
                  found=", ".join(found))  # fmt: skip


def keyring_available() -> bool:
    """True only for an allow-listed, encrypting keyring backend."""
    return encrypting_backend() is not None


def keyring_get(service: str, user: str) -> str | None:
    backend = encrypting_backend()
    return None if backend is None else backend.get_password(service, user)


def keyring_set(service: str, user: str, secret: str) -> None:
    backend = encrypting_backend()
    if backend is None:
        raise RuntimeError(str(keyring_refusal()))
    backend.set_password(service, user, secret)


def keyring_delete_everywhere(service: str, user: str) -> None:
    """Delete the entry from every backend that may hold it, allow-listed or not (an older
    Borrador may have written to a plaintext one): erasing must reach every copy."""
    from keyring.errors import KeyringError, PasswordDeleteError

    for backend in _candidates():
        try:
            backend.delete_password(service, user)
        except (PasswordDeleteError, KeyringError, NotImplementedError):
            continue
