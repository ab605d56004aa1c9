"""What a passphrase must be before it protects the store.

Length alone lets `password` or `12345678` through. The strength is estimated with zxcvbn
(how many guesses an attacker who tries common words, names, dates and patterns first would
need), and turned into time at Borrador's own Argon2id cost, so a refusal says how long a
guess-run would take.
"""

from __future__ import annotations

from borrador.core.errors import N_, Phrase, StoreError

PASSPHRASE_MIN = 8
MIN_GUESSES = 1e10  # zxcvbn's top band: at 0.13 s a guess, about 40 years on one computer
SECONDS_PER_GUESS = 0.13  # one Argon2id run at the default cost (t=3, 64 MiB), measured
MAX_CHECKED = 100  # zxcvbn is slow on very long input; past this, length alone suffices

_UNITS = ((365 * 86400, N_("years")), (30 * 86400, N_("months")), (86400, N_("days")),
          (3600, N_("hours")), (60, N_("minutes")), (1, N_("seconds")))  # fmt: skip


def guess_run(guesses: float) -> Phrase:
    """How long trying `guesses` passphrases takes at Borrador's cost, in words."""
    seconds = guesses * SECONDS_PER_GUESS
    for size, unit in _UNITS:
        if seconds >= size:
            return Phrase(N_("about {amount} {unit}"), amount=f"{seconds / size:,.0f}",
                          unit=Phrase(unit))  # fmt: skip
    return Phrase(N_("under a second"))


def estimated_guesses(passphrase: str) -> float:
    from zxcvbn import zxcvbn

    return float(zxcvbn(passphrase[:MAX_CHECKED])["guesses"])


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < PASSPHRASE_MIN:
        raise StoreError(
            N_("the passphrase must have at least {passphrase_min} characters."),
            hint=N_("A few unrelated words are easy to remember and hard to guess."),
            passphrase_min=PASSPHRASE_MIN,
        )
    guesses = estimated_guesses(passphrase)
    if guesses < MIN_GUESSES:
        raise StoreError(
            N_(
                "that passphrase is too easy to guess: someone with a copy of the data could "
                "find it in {time} on one computer (each guess costs "
                "{seconds_per_guess} s here; many computers are faster still)."
            ),
            hint=N_("Use four or more unrelated words, for example a line only you would write."),
            time=guess_run(guesses),
            seconds_per_guess=SECONDS_PER_GUESS,
        )
