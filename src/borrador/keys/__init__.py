"""Keys: crypto primitives, the key file, volunteer slots, the keyring policy.

Import from the submodules; this package re-exports the names front ends and services use."""

from borrador.keys.key_file import FORMAT, KeyFile
from borrador.keys.keyring_policy import KEYRING_SERVICE, keyring_available
from borrador.keys.passphrase import PASSPHRASE_MIN, check_passphrase
from borrador.keys.primitives import FLOOR, KEY_BYTES, KdfParams

__all__ = ["FLOOR", "FORMAT", "KEYRING_SERVICE", "KEY_BYTES", "PASSPHRASE_MIN", "KdfParams",
           "KeyFile", "check_passphrase", "keyring_available"]
