"""What every screen shares: translated bindings, the host app (as a Protocol) and the
unlocked session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, cast

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.message import Message
from textual.screen import ModalScreen, Screen

from borrador.core.display import sanitize
from borrador.i18n import N_, _
from borrador.services import Session
from borrador.tui.host import Host

Severity = Literal["information", "warning", "error"]


def translated(bindings: BindingsMap) -> BindingsMap:
    """The same bindings with their descriptions in the current language."""
    return BindingsMap(
        [
            Binding(
                b.key,
                b.action,
                _(b.description),
                show=b.show,
                key_display=b.key_display,
                priority=b.priority,
                id=b.id,
            )
            for _key, keys in bindings.key_to_bindings.items()
            for b in keys
        ]
    )


class BaseScreen(Screen[Any]):
    """A screen whose footer speaks the current language (it is rebuilt on a switch), and
    starts with `?`, the list of every key."""

    BINDINGS = [Binding("question_mark", "app.keys", N_("Keys"), key_display="?", id="keys")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = translated(self._bindings)
        self._app: App[Any] | None = None

    def on_mount(self) -> None:
        # Kept for worker threads: a screen switched away while its worker runs is no longer
        # attached, and Textual cannot find the app from it then.
        self._app = self.app

    @property
    def host(self) -> Host:
        """The running app, seen only through what screens need of it."""
        return cast(Host, self._app or self.app)

    def from_worker(self, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        """From a worker thread: run `callback` on the UI thread, unless the screen is gone."""
        app = self._app or self.app

        def run() -> None:
            if self.is_attached:
                callback(*args, **kwargs)

        app.call_from_thread(run)

    def say(self, message: str, severity: Severity = "information", timeout: float = 6) -> None:
        """A notification whose text is shown literally (never as markup)."""
        self.notify(sanitize(message), severity=severity, timeout=timeout, markup=False)

    def announce(self, message: Message) -> None:
        """Tell the app (which relays changes to every open screen)."""
        self.app.post_message(message)

    @property
    def session(self) -> Session:
        session = self.host.session
        assert session is not None, "the store is locked"
        return session


class BaseModal(ModalScreen[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bindings = translated(self._bindings)
