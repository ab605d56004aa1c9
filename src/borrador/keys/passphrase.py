"""What a passphrase must be before it protects the store.

Length alone lets `password` or `12345678` through. The strength is estimated with zxcvbn
(how many guesses an attacker who tries common words, names, dates and patterns first would
need), and turned into time at Borrador's own Argon2id cost, so a refusal says how long a
guess-run would take.
"""

from __future__ import annotations

from borrador.core.errors import StoreError

PASSPHRASE_MIN = 8
MIN_GUESSES = 1e10  # zxcvbn's top band: at 0.13 s a guess, about 40 years on one computer
SECONDS_PER_GUESS = 0.13  # one Argon2id run at the default cost (t=3, 64 MiB), measured
MAX_CHECKED = 100  # zxcvbn is slow on very long input; past this, length alone suffices

_UNITS = ((365 * 86400, "years"), (30 * 86400, "months"), (86400, "days"), (3600, "hours"),
          (60, "minutes"), (1, "seconds"))  # fmt: skip


def guess_run(guesses: float) -> str:
    """How long trying `guesses` passphrases takes at Borrador's cost, in words."""
    seconds = guesses * SECONDS_PER_GUESS
    for size, unit in _UNITS:
        if seconds >= size:
            return f"about {seconds / size:,.0f} {unit}"
    return "under a second"


def estimated_guesses(passphrase: str) -> float:
    from zxcvbn import zxcvbn

    return float(zxcvbn(passphrase[:MAX_CHECKED])["guesses"])


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN:
        raise StoreError(
            f"the passphrase must have at least {PASSPHRASE_MIN} characters.",
            hint="A few unrelated words are easy to remember and hard to guess.",
        )
    guesses = estimated_guesses(passphrase)
    if guesses < MIN_GUESSES:
        raise StoreError(
            f"that passphrase is too easy to guess: someone with a copy of the data could "
            f"find it in {guess_run(guesses)} on one computer (each guess costs "
            f"{SECONDS_PER_GUESS} s here; many computers are faster still).",
            hint="Use four or more unrelated words, for example a line only you would write.",
        )
