"""Weak passphrases are refused, saying how long a guess-run would take (issue 13)."""

from __future__ import annotations

import pytest

from borrador.core.errors import StoreError
from borrador.keys import FLOOR, check_passphrase
from borrador.services import init_store
from tests.helpers.common import PASSPHRASE


@pytest.mark.parametrize(
    "weak",
    [
        "password",
        "12345678",
        "qwertyuiop",
        "contraseña",
        "Password1!",
        "aaaaaaaaaaaa",
        "iloveyou2026",
    ],
)
def test_weak_passphrases_are_refused_with_the_guess_time(weak):
    with pytest.raises(StoreError, match="too easy to guess") as refused:
        check_passphrase(weak)
    assert "on one computer" in str(refused.value) and "each guess costs" in str(refused.value)


def test_weak_passphrase_creates_no_store(paths):
    with pytest.raises(StoreError, match="too easy"):
        init_store(paths, "password", kdf=FLOOR)
    assert not paths.key_file.exists() and not paths.database.exists()


def test_the_shared_test_passphrase_and_word_lines_pass():
    for good in (PASSPHRASE, "caballo bateria grapa correcta", "mi gato duerme en la azotea"):
        check_passphrase(good)


def test_weak_new_passphrase_is_refused_on_change(session):
    with pytest.raises(StoreError, match="too easy"):
        session.keys.change_passphrase(PASSPHRASE, "12345678", FLOOR)
