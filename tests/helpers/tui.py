"""What the TUI tests share: the terminal size they run at and a second volunteer's passphrase."""

SIZE = (100, 32)
TOMAS = "frase de tomás bastante larga"
