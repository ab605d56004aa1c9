"""The clinic screen's forms: a resident's signed authorisation, their papers (sheet and
case report), and adding or removing volunteers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.widgets import Select

from borrador.core.errors import BorradorError
from borrador.i18n import _, language
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import RequestChanged
from borrador.tui.safe import literal


class ClinicForms(BaseScreen):
    """Mixed into ClinicScreen, which provides the tables these refresh."""

    progress: list[Any]

    def fill(self) -> None: ...

    def show_resident(self, person_id: int | None) -> None: ...

    def resident_id(self) -> int | None:
        value = self.query_one("#resident", Select).value
        if not isinstance(value, int):
            self.say(_("Choose a resident first (s)."), "warning")
            return None
        return value

    def action_authorised(self) -> None:
        """Record the date the resident signed the authorisation on their agent requests."""
        from borrador.tui.screens.modals import FormModal

        person_id = self.resident_id()
        if person_id is None:
            return
        today = self.session.clock.today().isoformat()
        fields: list[Any] = [("date", _("Date signed (YYYY-MM-DD)"), today, None)]

        def record(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                signed = dt.date.fromisoformat(values["date"].strip())
                changed = self.session.clinic.record_authorization(person_id, signed)
            except ValueError:
                self.say(_("Give the date as YYYY-MM-DD."), "error")
                return
            except BorradorError as exc:
                self.say(advice(exc), "error")
                return
            self.say(_("Recorded on {n} request(s).").format(n=len(changed)))
            self.announce(RequestChanged())
            self.progress = self.session.progress.per_person()
            self.fill()
            self.show_resident(person_id)

        self.app.push_screen(FormModal(_("Signed authorisation"), fields), record)

    def action_papers(self) -> None:
        """Save the resident sheet (their language) and the case report as PDFs."""
        from borrador.services.files import write_person_file
        from borrador.tui.screens.modals import FormModal

        person_id = self.resident_id()
        if person_id is None:
            return
        folder = str(Path.home() / "borrador-letters")
        fields: list[Any] = [("folder", _("Folder"), folder, None)]

        def save(values: dict[str, str] | None) -> None:
            if values is None:
                return
            out = Path(values["folder"]).expanduser()
            stamp = self.session.clock.today().isoformat()
            try:
                out.mkdir(parents=True, exist_ok=True)
                sheet = out / f"resident-{person_id}-sheet-{stamp}.pdf"
                report = out / f"resident-{person_id}-case-report-{stamp}.pdf"
                for path, data in (
                    (sheet, self.session.reports.resident_sheet(person_id)),
                    (report, self.session.reports.case_report(person_id, language())),
                ):
                    write_person_file(self.session.paths, person_id, path, data)
            except (OSError, BorradorError) as exc:
                self.say(advice(exc) if isinstance(exc, BorradorError) else str(exc), "error")
                return
            self.say(_("Saved {sheet} and {report}.").format(sheet=sheet, report=report))

        self.app.push_screen(FormModal(_("Sheet and report"), fields), save)

    def action_add_volunteer(self) -> None:
        from borrador.tui.screens.modals import FormModal

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            if values["passphrase"] != values["again"]:
                self.say(_("The two passphrases differ; nothing was changed."), "error")
                return
            try:
                self.session.clinic.add_volunteer(values["name"], values["passphrase"])
            except BorradorError as exc:
                self.say(advice(exc), "error")
                return
            self.refresh_volunteers()
            self.say(_("{name} can now open Borrador.").format(name=values["name"]))

        fields: list[Any] = [
            ("name", _("Name"), "", None),
            ("passphrase", _("Their passphrase"), "", None),
            ("again", _("The same again"), "", None),
        ]
        self.app.push_screen(
            FormModal(_("Add volunteer"), fields, password=("passphrase", "again")), done
        )

    def action_remove_volunteer(self) -> None:
        from borrador.tui.screens.modals import FormModal

        others = [(n, n) for n in self.session.clinic.volunteers() if n != self.session.actor]
        if not others:
            self.say(_("There is no other volunteer to remove."), "warning")
            return

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            if values["word"].strip() != "REMOVE":
                self.say(_("Not confirmed; nothing was changed."))
                return
            try:
                stale = self.session.clinic.remove_volunteer(values["name"])
            except BorradorError as exc:
                self.say(advice(exc), "error")
                return
            self.refresh_volunteers()
            message = _("{name} was removed; the data is now under a new key.").format(
                name=values["name"]
            )
            if stale:
                message += " " + _(
                    "{n} earlier backup(s) still open with the old key: make a "
                    "new backup and destroy them."
                ).format(n=len(stale))
            self.say(message, timeout=15)

        fields: list[Any] = [
            ("name", _("Volunteer"), others[0][0], others),
            ("word", _("Type {word} to go on").format(word="REMOVE"), "", None),
        ]
        note = _(
            "Their passphrase will open nothing, and the database is re-encrypted with a "
            "new key. Backups made before now still open with the old one: replace them."
        )
        self.app.push_screen(FormModal(_("Remove volunteer"), fields, note), done)

    def refresh_volunteers(self) -> None:
        self.query_one("#volunteer", Select).set_options(
            [(literal(name), name) for name in self.session.clinic.volunteers()]
        )
