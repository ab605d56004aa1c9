"""First run (create the passphrase) and unlock."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Input, Select, Static

from borrador.core.errors import BorradorError
from borrador.i18n import LANGUAGES, _, language
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import StoreUnlocked
from borrador.tui.safe import literal


class UnlockScreen(BaseScreen):
    def __init__(self, first_run: bool) -> None:
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            # The language first: someone who reads only Spanish must be able to start.
            yield Select([(name, code) for code, name in LANGUAGES.items()], value=language(),
                         allow_blank=False, id="language")  # fmt: skip
            if self.first_run:
                yield Static(_("Welcome to Borrador"), classes="title")
                yield Static(
                    _(
                        "Everything you enter is kept encrypted on this computer. Choose a "
                        "passphrase: it is the only way in, and it cannot be recovered if lost. "
                        "A few unrelated words work well. Write it down and keep it away from "
                        "this computer."
                    ),
                    classes="hint",
                )
                yield Input(password=True, placeholder=_("New passphrase"), id="passphrase")
                yield Input(password=True, placeholder=_("The same passphrase again"), id="again")
                if self._keyring_available():
                    yield Checkbox(
                        _(
                            "Remember on this device (its keyring opens Borrador "
                            "without the passphrase; anyone using this account can "
                            "then open it)"
                        ),
                        id="remember",
                    )
                yield Button(_("Create"), variant="primary", id="go")
            else:
                yield Static(_("Borrador is locked"), classes="title")
                yield Static(_("Enter the passphrase to open the encrypted data."), classes="hint")
                yield Input(password=True, placeholder=_("Passphrase"), id="passphrase")
                yield Button(_("Unlock"), variant="primary", id="go")
            yield Static("", id="message", classes="error")

    @staticmethod
    def _keyring_available() -> bool:
        from borrador.services.keys import keyring_available

        try:
            return keyring_available()
        except Exception:
            return False

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        code = str(event.value)
        if event.select.id != "language" or code == language():
            return
        self.host.prefs.save("language", code)  # kept for the next start, before any store
        self.host.apply_language(code)
        self.refresh(recompose=True)
        self.call_after_refresh(lambda: self.query_one("#passphrase", Input).focus())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "passphrase" and self.first_run:
            self.query_one("#again", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "go":
            self.submit()

    def submit(self) -> None:
        passphrase = self.query_one("#passphrase", Input).value
        if self.first_run and passphrase != self.query_one("#again", Input).value:
            self.message(_("The two passphrases differ. Type them again."))
            return
        remember = bool(self.query("#remember") and self.query_one("#remember", Checkbox).value)
        self.query_one("#go", Button).disabled = True
        self.message(_("Opening…"), error=False)
        self.open_store(passphrase, remember)

    @work(thread=True, exclusive=True)
    def open_store(self, passphrase: str, remember: bool) -> None:
        """The key derivation takes a moment on purpose: off the UI thread."""
        from borrador.services import init_store, open_store

        try:
            clock = self.host.clock
            if self.first_run:
                session = init_store(self.host.paths, passphrase, clock=clock)
                if remember:
                    session.keys.remember_on_device(passphrase)
            else:
                session = open_store(self.host.paths, passphrase=passphrase, clock=clock)
        except BorradorError as exc:
            self.from_worker(self.failed, advice(exc))
            return
        self.from_worker(self.announce, StoreUnlocked(session))

    def failed(self, message: str) -> None:
        self.message(message)
        passphrase = self.query_one("#passphrase", Input)
        passphrase.value = ""
        passphrase.focus()
        self.query_one("#go", Button).disabled = False

    def message(self, message: str, error: bool = True) -> None:
        widget = self.query_one("#message", Static)
        widget.set_classes("error" if error else "hint")
        widget.update(literal(message))
