"""The Textual application: unlock, navigation, command palette, language, idle auto-lock."""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable, Iterable
from typing import Any, cast

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.worker import WorkerFailed

from borrador.core.display import sanitize
from borrador.core.errors import StoreError
from borrador.i18n import N_, _, from_environment, language, set_language
from borrador.services import Clock, Session
from borrador.services.preferences import Preferences, Settings
from borrador.services.store import Paths, data_paths
from borrador.tui.advice import without_commands
from borrador.tui.base import translated
from borrador.tui.host import ScreenFactory
from borrador.tui.messages import (
    Change,
    IdentityChanged,
    PersonChanged,
    RequestChanged,
    StoreLocked,
    StoreUnlocked,
)

IDLE_CHECK_SECONDS = 5
# Textual's own commands and keys, in the palette too: their words, marked for translation.
TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"), N_("Minimize"),
    N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Copy selected text"), N_("Focus Next"),
    N_("Focus Previous"), N_("Search for commands…"),
)  # fmt: skip


class BorradorApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Borrador"
    # Navigation is listed by `?` and the palette; the footer keeps room for each screen's
    # own keys (the dashboard shows the main ways on).
    BINDINGS = [
        Binding("question_mark", "keys", N_("Keys"), key_display="?", id="keys", show=False),
        Binding("f1", "go('dashboard')", N_("Dashboard"), id="dashboard", show=False),
        Binding("f2", "go('people')", N_("People"), id="people", show=False),
        Binding("f3", "go('catalog')", N_("Catalog"), id="catalog", show=False),
        Binding("f4", "go('new')", N_("New requests"), id="new-requests", show=False),
        Binding("f5", "go('settings')", N_("Settings"), id="settings", show=False),
        Binding("f6", "go('clinic')", N_("Clinic"), id="clinic", show=False),
        Binding("f7", "go('replies')", N_("Replies"), id="replies", show=False),
        Binding("f8", "go('scorecard')", N_("Scorecard"), id="scorecard", show=False),
        Binding("ctrl+l", "lock", N_("Lock"), id="lock", show=False),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True, show=False),
        Binding(
            "ctrl+p", "command_palette", N_("Commands"), id="palette", priority=True, show=False
        ),
    ]

    def __init__(
        self,
        paths: Paths | None = None,
        *,
        idle_clock: Callable[[], float] = time.monotonic,
        clock: Clock | None = None,
        session: Session | None = None,
    ) -> None:
        """`clock` (dates) and `idle_clock` (auto-lock) are for tests; `session` starts the app
        already unlocked."""
        super().__init__()
        self._untranslated = self._bindings  # with the palette key; translated on each switch
        self.paths = paths or data_paths()
        self.prefs = Preferences(self.paths.config)  # one source of settings, re-read when saved
        self.clock = clock
        self.session: Session | None = None
        self._start_session = session
        self.idle_clock = idle_clock
        self.last_activity = idle_clock()
        self._top_factory: ScreenFactory | None = None

    # -- start, unlock, lock --------------------------------------------------------------
    @property
    def preferences(self) -> Settings:
        return self.prefs.current

    def on_mount(self) -> None:
        self.apply_language(self.preferences.language or from_environment(os.environ))
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        session = self._start_session or self._remembered()
        if session is not None:
            self.unlocked(session)
        else:
            self.show_unlock()

    def _remembered(self) -> Session | None:
        """At start only: open with this device's keyring (or BORRADOR_PASSPHRASE) if the
        user chose that; a lock later always asks for the passphrase again."""
        from borrador.core.errors import BorradorError
        from borrador.services import open_store, store_exists

        if not store_exists(self.paths):
            return None
        try:
            return open_store(self.paths, clock=self.clock)
        except BorradorError:
            return None

    def show_unlock(self) -> None:
        from borrador.services import store_exists
        from borrador.tui.screens.unlock import UnlockScreen

        self._top_factory = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(UnlockScreen(first_run=not store_exists(self.paths)))

    def unlocked(self, session: Session) -> None:
        if self.session is not None and self.session is not session:
            self.session.close()
        self.session = session
        self.sub_title = session.actor  # in clinic mode: which volunteer is at the keyboard
        self.last_activity = self.idle_clock()
        for warning in session.warnings:
            self.notify(
                sanitize(without_commands(warning)), severity="warning", timeout=15, markup=False
            )
        self.action_go("dashboard", replace=True)

    def action_lock(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        self.show_unlock()

    # -- what screens announce -----------------------------------------------------------
    def on_store_unlocked(self, message: StoreUnlocked) -> None:
        self.unlocked(message.session)

    def on_store_locked(self, message: StoreLocked) -> None:
        self.action_lock()
        if message.reason:
            self.notify(
                sanitize(message.reason),
                severity="error" if message.severity == "error" else "information",
                timeout=15,
                markup=False,
            )

    def on_identity_changed(self, _message: IdentityChanged) -> None:
        if self.session is not None:
            self.sub_title = self.session.actor
        self.refresh_bindings()

    def relay(self, message: Change) -> None:
        """The screen in front hears of a change at once; the ones underneath refill
        themselves when shown again (on_screen_resume), so a covered screen never works."""
        screen = next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)),
                      None)  # fmt: skip
        if screen is not None:
            screen.post_message(copy.copy(message))

    def on_request_changed(self, message: RequestChanged) -> None:
        self.relay(message)

    def on_person_changed(self, message: PersonChanged) -> None:
        self.relay(message)

    def lock_if_idle(self) -> None:
        if self.session is not None and not self.still_open():
            return
        minutes = self.preferences.auto_lock_minutes
        if (
            self.session is not None
            and minutes
            and self.idle_clock() - self.last_activity >= minutes * 60
        ):
            self.action_lock()
            self.notify(_("Locked after a period without activity."), markup=False)

    def on_key(self) -> None:
        self.last_activity = self.idle_clock()

    def on_mouse_down(self) -> None:
        self.last_activity = self.idle_clock()

    # -- navigation ---------------------------------------------------------------------
    def screens_by_name(self) -> dict[str, ScreenFactory]:
        from borrador.tui.screens.catalog import CatalogScreen
        from borrador.tui.screens.clinic import ClinicScreen
        from borrador.tui.screens.dashboard import DashboardScreen
        from borrador.tui.screens.new_requests import NewRequestsScreen
        from borrador.tui.screens.people import PeopleScreen
        from borrador.tui.screens.replies import RepliesScreen
        from borrador.tui.screens.scorecard import ScorecardScreen
        from borrador.tui.screens.settings import SettingsScreen

        return {
            "dashboard": DashboardScreen,
            "people": PeopleScreen,
            "catalog": CatalogScreen,
            "new": NewRequestsScreen,
            "settings": SettingsScreen,
            "clinic": ClinicScreen,
            "replies": RepliesScreen,
            "scorecard": ScorecardScreen,
        }

    def clinic_on(self) -> bool:
        return self.session is not None and bool(self.session.clinic.on)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The clinic screen exists only in clinic mode: someone alone never sees it."""
        if action == "go" and parameters[:1] == ("clinic",):
            return self.clinic_on()
        return True

    def action_go(self, name: str, replace: bool = False) -> None:
        if self.session is None:
            return
        if name == "clinic" and not self.clinic_on():
            return
        factory = self.screens_by_name()[name]
        self.open(factory, replace=replace or len(self.screen_stack) > 1)

    def still_open(self) -> bool:
        """False (and locked, saying why) when another window re-encrypted the data."""
        if self.session is None:
            return False
        try:
            self.session.check_still_open()
        except StoreError:
            self.locked_elsewhere()
            return False
        return True

    def open(self, factory: ScreenFactory, *, replace: bool = False) -> None:
        """Show a screen made by `factory` (kept, so a language switch can rebuild it)."""
        if not self.still_open():
            return
        self._top_factory = factory
        if replace and len(self.screen_stack) > 1:
            while len(self.screen_stack) > 2:
                self.pop_screen()
            if len(self.screen_stack) > 1:
                self.switch_screen(factory())
                return
        self.push_screen(factory())

    def open_link(self, url: str) -> bool:
        """Open a web or mailto: link in the person's own program; True only when one
        opened (never claimed in a test or over a remote terminal without one)."""
        if self.is_headless:
            return False
        import webbrowser

        try:
            return bool(webbrowser.open(url))
        except webbrowser.Error:
            return False

    # -- language -----------------------------------------------------------------------
    def apply_language(self, code: str) -> None:
        set_language(code)
        self._bindings = translated(self._untranslated)
        self.refresh_bindings()
        if self._top_factory is not None and len(self.screen_stack) > 1:
            self.switch_screen(self._top_factory())

    # -- every key, and the command palette: every screen and action ----------------------
    def action_keys(self) -> None:
        from borrador.tui.screens.keys import KeysScreen

        if isinstance(self.screen, KeysScreen):
            return
        rows, seen = [], set()
        everything = [*self.screen._bindings, *self._bindings]  # the screen's keys first
        for key, binding in everything:
            action = binding.action.removeprefix("app.")
            if not binding.id or action in seen or action == "keys":
                continue  # Textual's own keys (tab, copy) are not Borrador's to explain
            if binding.action.startswith("go(") and not self.check_action(
                "go", (binding.action[4:-2],)
            ):
                continue
            seen.add(action)
            rows.append((self.get_key_display(binding) or key, binding.description))
        self.push_screen(KeysScreen(_("Keys on this screen"), rows))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        if self.session is not None:
            for name, title in (
                ("dashboard", N_("Dashboard")),
                ("people", N_("People")),
                ("catalog", N_("Catalog")),
                ("new", N_("New requests")),
                ("settings", N_("Settings")),
                *([("clinic", N_("Clinic"))] if self.clinic_on() else []),
            ):
                yield SystemCommand(
                    _(title),
                    _("Open the {name} screen").format(name=_(title)),
                    lambda name=name: self.action_go(name),
                )
            yield SystemCommand(
                _("Lock"), _("Close the database and ask for the passphrase"), self.action_lock
            )
        yield from screen_commands(screen)
        # Named in the language it switches to: found by whoever cannot read the current one.
        other = "en" if language() == "es" else "es"
        yield SystemCommand(
            "English" if other == "en" else "Español",
            "Show Borrador in English" if other == "en" else "Mostrar Borrador en español",
            lambda: self.switch_language(other),
        )
        yield SystemCommand(_("Keys"), _("Every key of this screen"), self.action_keys)
        # Textual's own commands stay out: untranslated, and Screenshot writes an unlogged file.
        yield SystemCommand(_("Quit"), _("Close Borrador"), self.action_quit)

    def switch_language(self, code: str) -> None:
        if self.session is not None:
            self.prefs.save("language", code)
        self.apply_language(code)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            self.push_screen(
                CommandPalette(placeholder=_("Search for commands…"), id="--command-palette")
            )

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Textual's screenshot writes the screen (names, notes) to a file Borrador cannot
        log or erase: not offered, and refused if reached some other way."""
        self.bell()  # (no new wording here: the command is not offered at all)

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> None:
        self.action_screenshot()

    # -- a crash shows no traceback, locals or personal data ------------------------------
    def _handle_exception(self, error: Exception) -> None:
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, StoreError) and self.session is not None:
            # The database stopped opening under this session's key: another window
            # re-encrypted it (a volunteer removed there) or it is damaged. Lock, say why.
            self.call_later(self.locked_elsewhere)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._fatal_error()

    def locked_elsewhere(self) -> None:
        if self.session is None:
            return
        self.action_lock()
        self.notify(
            _(
                "The data was re-encrypted in another window (a volunteer was removed there), "
                "or it is damaged. It is locked here: open it again with your passphrase."
            ),
            severity="warning",
            timeout=30,
            markup=False,
        )

    def _fatal_error(self) -> None:
        self.bell()
        name = type(self._exception).__name__ if self._exception else "error"
        self._exit_renderables.append(
            Text(
                f"Borrador stopped because of an internal error ({name}). The last step was not "
                "saved. Please report it, saying what you were doing."
            )
        )
        self._close_messages_no_wait()


def screen_commands(screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The active screen's own actions, so the palette reaches them too."""
    for key, binding in screen.active_bindings.items():
        # Borrador's own keys (they have an id); Textual's (copy, focus) are not explained
        if binding.binding.description and binding.binding.id and binding.node is screen:
            action = binding.binding.action
            shown_key = binding.binding.key_display or screen.app.get_key_display(binding.binding)
            yield SystemCommand(
                binding.binding.description,
                _("On this screen: {key}").format(key=shown_key or key),
                lambda action=action, node=screen: node.run_action(action),
            )  # fmt: skip


def run(headless: bool = False) -> None:
    """Run the TUI; exit with its status (non-zero after an internal error)."""
    app = BorradorApp()
    app.run(headless=headless)
    if app.return_code:
        raise SystemExit(app.return_code)
