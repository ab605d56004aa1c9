"""Use cases: the only API the front ends (CLI, TUI) call.

A `Session` is an unlocked store. Opening one goes through the key file: the OS keyring
when "remember on this device" is on, else the passphrase (argument, BORRADOR_PASSPHRASE,
or a prompt the front end supplies).
"""

from borrador.services.clock import Clock, SystemClock
from borrador.services.people import normalise_email
from borrador.services.session import Session, Summary
from borrador.services.store import init_store, open_store, store_exists

__all__ = [
    "Clock",
    "Session",
    "Summary",
    "SystemClock",
    "init_store",
    "normalise_email",
    "open_store",
    "store_exists",
]
