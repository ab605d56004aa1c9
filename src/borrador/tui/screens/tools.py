"""Dialogs that finish in the TUI what the CLI also does: the mail account (set up and
test), the calendar export, hand-off import and export, erasing one person. Each takes the
screen it is opened from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from borrador.core.errors import BorradorError
from borrador.i18n import _
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import PersonChanged
from borrador.tui.screens.modals import FormModal, TypedConfirmModal

PORTS = {"tls": 465, "starttls": 587, "plain": 25}


def plain_file(path: Path) -> str:
    """Every file written outside the encrypted store is announced as such, with where."""
    return _("Wrote {path}. It is NOT encrypted: keep it safe and delete it when done.").format(
        path=path
    )


def mail_setup(screen: BaseScreen) -> None:
    from borrador.services.mail import account_type

    try:
        current: Any = screen.session.mail.account()
    except BorradorError:
        current = None

    def save(values: dict[str, str] | None) -> None:
        if values is None:
            return
        security = values["security"]
        port_text = values["port"].strip()
        try:
            port = int(port_text) if port_text else PORTS[security]
            account = account_type()(values["host"].strip(), port, security,
                                     values["user"].strip(), values["from"].strip())  # fmt: skip
            screen.session.mail.save_account(account, values["password"],
                                             remember=values["remember"] == "yes")  # fmt: skip
        except ValueError:
            screen.say(_("The port is a number, such as 465 or 587."), "error")
            return
        except BorradorError as exc:
            screen.say(advice(exc), "error", 12)
            return
        screen.say(_("Saved the mail account. Test it with “Test mail”."))

    fields: list[Any] = [
        ("host", _("Outgoing mail server (e.g. smtp.example.org)"),
         current.host if current else "", None),
        ("security", _("Security"), current.security if current else "tls",
         [("tls", "TLS (465)"), ("starttls", "STARTTLS (587)"),
          ("plain", _("none (this computer only)"))]),
        ("port", _("Port (empty: the usual one)"), str(current.port) if current else "", None),
        ("user", _("User name"), current.user if current else "", None),
        ("from", _("From address"), current.from_address if current else "", None),
        ("password", _("Password (kept in memory, or in the keyring below)"), "", None),
        ("remember", _("Keep the password in this computer's keyring"), "no",
         [("no", _("no")), ("yes", _("yes"))]),
    ]  # fmt: skip
    screen.app.push_screen(FormModal(_("Mail account"), fields, password=("password",)), save)


def mail_test(screen: BaseScreen) -> None:
    try:
        screen.session.mail.account()
    except BorradorError as exc:
        screen.say(advice(exc), "error", 10)
        return

    def go(values: dict[str, str] | None) -> None:
        if values is not None:
            _run_mail_test(screen, values.get("password", ""))

    fields: list[Any] = []
    if not screen.session.mail.has_password():
        fields.append(("password", _("Mail password (kept in memory only)"), "", None))
    if not fields:
        _run_mail_test(screen, "")
        return
    screen.app.push_screen(FormModal(_("Test mail"), fields, password=("password",)), go)


def _run_mail_test(screen: BaseScreen, password: str) -> None:
    screen.say(_("Connecting…"))

    def run() -> None:
        try:
            secret = screen.session.mail.password(lambda: password)
            message = screen.session.mail.test(secret)
        except BorradorError as exc:
            screen.from_worker(screen.say, advice(exc), "error", 15)
            return
        screen.from_worker(screen.say, message, "information", 10)

    screen.run_worker(run, thread=True, exclusive=True, group="mail-test")


def calendar_export(screen: BaseScreen) -> None:
    def write(values: dict[str, str] | None) -> None:
        if not values:
            return
        from borrador.services.files import write_export

        target = Path(values["file"]).expanduser()
        items, data = screen.session.tracking.calendar(stamp=dt.datetime.now(dt.UTC))
        whose = {i.person_id for i in items}
        try:
            write_export(screen.host.paths, target, data, kind="calendar", person_ids=whose)
        except (OSError, BorradorError) as exc:
            screen.say(advice(exc) if isinstance(exc, BorradorError) else str(exc), "error")
            return
        screen.say(
            _("{n} deadlines in the calendar file; events show initials and recipients only.")
            .format(n=len(items)) + " " + plain_file(target), timeout=15,
        )  # fmt: skip

    default = str(Path.home() / "borrador-deadlines.ics")
    screen.app.push_screen(
        FormModal(_("Calendar export (.ics)"), [("file", _("File"), default, None)]), write
    )


def handoff_import(screen: BaseScreen) -> None:
    def go(values: dict[str, str] | None) -> None:
        if not values:
            return
        try:
            person_id, counts = screen.session.handoff.import_file(
                Path(values["file"]).expanduser(), values["passphrase"]
            )
        except BorradorError as exc:
            screen.say(advice(exc), "error", 15)
            return
        person = screen.session.people.get(person_id)
        screen.say(_("Imported {name} with {n} request(s).").format(
            name=person.name, n=counts.get("requests", 0)), timeout=15)  # fmt: skip
        screen.announce(PersonChanged(person_id))

    screen.app.push_screen(
        FormModal(
            _("Import a hand-off"),
            [("file", _("Hand-off file"), "", None),
             ("passphrase", _("Its one-time passphrase"), "", None)],
        ),
        go,
    )  # fmt: skip


def handoff_export(screen: BaseScreen, person_id: int) -> None:
    person = screen.session.people.get(person_id)

    def go(values: dict[str, str] | None) -> None:
        if not values:
            return
        target = Path(values["file"]).expanduser()
        try:
            passphrase = screen.session.handoff.export(person_id, target)
        except (OSError, BorradorError) as exc:
            screen.say(advice(exc) if isinstance(exc, BorradorError) else str(exc), "error")
            return
        screen.app.push_screen(
            FormModal(
                _("Hand-off written"),
                [],
                _("Wrote {path} (encrypted). Give its one-time passphrase separately, never "
                  "with the file: {passphrase}").format(path=target, passphrase=passphrase),
            )
        )  # fmt: skip

    stamp = screen.session.clock.today().isoformat()
    default = str(Path.home() / f"handoff-{person_id}-{stamp}.borrador")
    screen.app.push_screen(
        FormModal(_("Hand off {name}").format(name=person.name),
                  [("file", _("File"), default, None)]),
        go,
    )  # fmt: skip


def erase_person(screen: BaseScreen, person_id: int, then: Any) -> None:
    person = screen.session.people.get(person_id)

    def done(confirmed: bool | None) -> None:
        if not confirmed:
            screen.say(_("Not confirmed; nothing was erased."))
            return
        try:
            files = screen.session.safety.erase_person(person_id)
        except BorradorError as exc:
            screen.say(advice(exc), "error", 12)
            return
        screen.say(_("Erased {name}, {n} request(s) and the files written for them.").format(
            name=person.name, n=files))  # fmt: skip
        screen.announce(PersonChanged(person_id))
        then()

    screen.app.push_screen(
        TypedConfirmModal(
            _("Erase {name}").format(name=person.name),
            "ERASE",
            _("This erases this person, every request for them and every file Borrador wrote "
              "for them. It cannot be undone."),
        ),
        done,
    )  # fmt: skip
