"""Settings: language, the clinic's sender details, mail days, auto-lock, passphrase, backup,
panic erase."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Select, Static

from borrador.core.errors import BorradorError
from borrador.i18n import LANGUAGES, N_, _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import IdentityChanged, StoreLocked, StoreUnlocked
from borrador.tui.screens import tools
from borrador.tui.screens.modals import FormModal, TypedConfirmModal

CLINIC = (
    ("name", N_("Your name (as signer)")),
    ("organisation", N_("Clinic or organisation")),
    ("address", N_("Clinic address")),
    ("email", N_("Clinic email")),
    ("phone", N_("Clinic phone")),
)


class SettingsScreen(BaseScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="save-settings"),
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="form"):
            yield Static(_("Language"), classes="title")
            yield Select(
                [(name, code) for code, name in LANGUAGES.items()],
                allow_blank=False,
                value=self.current_language(),
                id="language",
            )
            yield Static(_("Clinic (used when sending as an authorised agent)"), classes="title")
            for key, label in CLINIC:
                yield Static(_(label))
                yield Input(id=f"c-{key}")
            with Horizontal(classes="buttons"):
                yield Button(_("Clinic mode…"), id="clinic-mode")
            yield Static(_("Deadlines and locking"), classes="title")
            yield Static(_("Days a mailed letter takes to arrive"))
            yield Input(id="mail_days", type="integer")
            yield Static(_("Lock after this many idle minutes (0: never)"))
            yield Input(id="auto_lock_minutes", type="integer")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="save")
            yield Static(_("Mail, calendar and hand-offs"), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(_("Mail account…"), id="mail-setup")
                yield Button(_("Test mail"), id="mail-test")
            with Horizontal(classes="buttons"):
                yield Button(_("Calendar export…"), id="calendar")
                yield Button(_("Import a hand-off…"), id="handoff-import")
            yield Static(_("Safety"), classes="title")
            yield Input(str(Path.home() / "borrador-backup.zip"), id="backup-path")
            with Horizontal(classes="buttons"):
                yield Button(_("Back up now"), id="backup")
                yield Button(_("Restore…"), id="restore")
                yield Button(_("Change passphrase"), id="passphrase")
            with Horizontal(classes="buttons"):
                yield Button(_("Export requests (CSV)"), id="export")
                yield Button(_("Panic erase…"), variant="error", id="erase")
        yield Footer(compact=True)

    def current_language(self) -> str:
        from borrador.i18n import language

        return language()

    def on_mount(self) -> None:
        settings = self.host.preferences
        self.query_one("#mail_days", Input).value = str(settings.mail_days)
        self.query_one("#auto_lock_minutes", Input).value = str(settings.auto_lock_minutes)
        agent = self.session.profile.get()
        if agent is not None:
            for key, _label in CLINIC:
                self.query_one(f"#c-{key}", Input).value = getattr(agent, key)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "language" and event.value != self.current_language():
            self.host.prefs.save("language", str(event.value))
            self.host.apply_language(str(event.value))

    def action_save(self) -> None:
        from borrador.services.profile import Agent

        try:
            for key in ("mail_days", "auto_lock_minutes"):
                self.host.prefs.save(key, self.query_one(f"#{key}", Input).value)
            values = {key: self.query_one(f"#c-{key}", Input).value for key, _l in CLINIC}
            if any(values.values()):
                self.session.profile.save(Agent(**values))
        except BorradorError as exc:
            self.say(advice(exc), "error", 10)
            return
        self.say(_("Settings saved."))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "save": self.action_save,
            "backup": self.backup,
            "restore": self.restore,
            "passphrase": self.change_passphrase,
            "erase": self.erase,
            "export": self.export,
            "clinic-mode": self.clinic_mode,
            "mail-setup": lambda: tools.mail_setup(self),
            "mail-test": lambda: tools.mail_test(self),
            "calendar": lambda: tools.calendar_export(self),
            "handoff-import": lambda: tools.handoff_import(self),
        }
        handlers[str(event.button.id)]()

    def clinic_mode(self) -> None:
        """Turn clinic mode on: the passphrase in use becomes the first volunteer's."""
        if self.session.clinic.on:
            self.say(_("Clinic mode is on: manage volunteers on the Clinic screen (F6)."))
            return

        def done(values: dict[str, Any] | None) -> None:
            if not values:
                return
            try:
                self.session.clinic.enable(values["passphrase"], values["name"])
            except BorradorError as exc:
                self.say(advice(exc), "error", 10)
                return
            self.announce(IdentityChanged())
            self.say(_("Clinic mode is on. F6 opens the clinic screen."))

        self.app.push_screen(
            FormModal(
                _("Turn on clinic mode"),
                [
                    ("name", _("Your name (the first volunteer)"), "", None),
                    ("passphrase", _("Your passphrase"), "", None),
                ],
                _(
                    "Save the clinic's details first. Each volunteer then opens Borrador with "
                    "their own passphrase, and every change records who made it."
                ),
                password=("passphrase",),
            ),
            done,
        )

    def backup(self) -> None:
        self.run_backup(Path(self.query_one("#backup-path", Input).value).expanduser())

    @work(thread=True, exclusive=True)
    def run_backup(self, target: Path) -> None:

        try:
            self.session.safety.backup(target)
        except BorradorError as exc:
            self.from_worker(self.say, advice(exc), "error")
            return
        self.from_worker(self.say, _("Backup written to {path}.").format(path=target))

    def restore(self) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if not values:
                return
            if values["word"].strip() != "RESTORE":
                self.say(_("Not confirmed; nothing was changed."))
                return
            from borrador.services import open_store
            from borrador.services.safety import restore_backup

            paths, clock = self.host.paths, self.host.clock
            self.session.close()  # the app drops it when it hears the outcome
            try:
                restore_backup(paths, Path(values["file"]).expanduser(), values["passphrase"])
                session = open_store(paths, passphrase=values["passphrase"], clock=clock)
            except BorradorError as exc:
                self.announce(StoreLocked(advice(exc), "error"))
                return
            self.announce(StoreUnlocked(session))
            self.say(_("The backup was restored."))

        self.app.push_screen(
            FormModal(
                _("Restore a backup"),
                [
                    ("file", _("Backup file"), self.query_one("#backup-path", Input).value, None),
                    ("passphrase", _("The backup's passphrase"), "", None),
                    ("word", _("Type {word} to go on").format(word="RESTORE"), "", None),
                ],
                _("This replaces all current data with the backup, after checking it completely."),
                password=("passphrase",),
            ),
            done,
        )

    def export(self) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values:
                self.run_export(values["what"], Path(values["file"]).expanduser())

        self.app.push_screen(
            FormModal(
                _("Export as CSV"),
                [
                    (
                        "what",
                        _("What"),
                        "requests",
                        [("requests", _("Requests")), ("progress", _("Progress per person"))],
                    ),
                    ("file", _("File"), str(Path.home() / "borrador-requests.csv"), None),
                ],
                _("The file holds personal data: keep it safe and delete it when done."),
            ),
            done,
        )

    @work(thread=True, exclusive=True)
    def run_export(self, what: str, target: Path) -> None:
        from borrador.services.files import write_export

        exports = self.session.exports
        text = exports.requests_csv() if what == "requests" else exports.progress_csv()
        write_export(self.host.paths, target, text.encode("utf-8"), kind="csv")
        self.from_worker(self.say, tools.plain_file(target), "information", 15)

    def change_passphrase(self) -> None:
        def done(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            if values["new"] != values["again"]:
                self.say(_("The two new passphrases differ."), severity="error")
                return
            try:
                self.session.keys.change_passphrase(values["old"], values["new"])
            except BorradorError as exc:
                self.say(advice(exc), "error", 10)
                return
            self.say(_("Passphrase changed."))

        self.app.push_screen(
            FormModal(
                _("Change passphrase"),
                [
                    ("old", _("Current passphrase"), "", None),
                    ("new", _("New passphrase"), "", None),
                    ("again", _("New passphrase again"), "", None),
                ],
                password=("old", "new", "again"),
            ),
            done,
        )

    def erase(self) -> None:
        def done(confirmed: bool | None) -> None:
            if not confirmed:
                self.say(_("Not confirmed; nothing was erased."))
                return
            from borrador.services.safety import erase_everything

            self.session.close()
            erase_everything(self.host.paths)
            self.announce(StoreLocked(_("Everything was erased."), "information"))

        self.app.push_screen(
            TypedConfirmModal(
                _("Panic erase"),
                "ERASE",
                _(
                    "This destroys every key, the database and every file Borrador exported. It "
                    "cannot be undone."
                ),
            ),
            done,
        )
