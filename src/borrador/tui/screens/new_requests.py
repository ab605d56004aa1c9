"""The guided flow: person → recipients → what to ask → review the letters → deliver → sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Checkbox,
    ContentSwitcher,
    DataTable,
    Footer,
    Header,
    Input,
    ProgressBar,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from borrador.core.errors import BorradorError
from borrador.core.text import parse_state
from borrador.i18n import N_, _, shown
from borrador.services.letter_files import Made
from borrador.services.profile import Agent
from borrador.tui.advice import advice
from borrador.tui.base import BaseScreen
from borrador.tui.messages import RequestChanged
from borrador.tui.safe import literal
from borrador.tui.screens.drop_offer import drop_note
from borrador.tui.widgets.routes import WAYS, Route, RouteTable

STEPS = ("person", "recipients", "kind", "review", "deliver", "sent")
KINDS = (
    ("opt-out", N_("Opt out of sale and sharing")),
    ("delete", N_("Delete my data")),
    ("access", N_("Tell me what you hold")),
    ("disclosure", N_("FCRA file disclosure")),
    ("records", N_("Public-records request to an agency")),
)


class NewRequestsScreen(BaseScreen):
    BINDINGS = [
        Binding("ctrl+n", "next", N_("Next"), id="next-step"),
        Binding("ctrl+b", "back", N_("Back"), id="previous-step"),
        Binding("c", "change_way", N_("Change how"), id="change-way"),
        Binding("ctrl+o", "full_letter", N_("Full-screen letter"), id="full-letter"),
        Binding("ctrl+g", "drop_guide", N_("DROP guide"), id="drop-guide"),
        Binding("escape", "app.pop_screen", N_("Close"), id="close"),
    ]

    def __init__(self, person_id: int | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.step = 0
        self.previews: list[Any] = []
        self.bodies: dict[str, str] = {}
        self.shown: str | None = None  # whose letter the review box holds right now
        self.duplicates_seen: tuple[int, ...] = ()  # asked about once; Next again goes on
        self.made: list[Made] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="step-title", classes="title")
        with ContentSwitcher(initial="person"):
            with Vertical(id="person"):
                yield Select([], prompt=_("Choose a person"), id="who")
            with Vertical(id="recipients"):
                yield Select([], prompt=_("Add a pack…"), id="pack")
                yield SelectionList(id="chosen")
            with Vertical(id="kind"):
                with RadioSet(id="what"):
                    for key, label in KINDS:
                        yield RadioButton(_(label), value=key == "delete", name=key)
                yield Checkbox(
                    _("I send these as the person's authorised agent (clinic)"), id="as-agent"
                )
                yield Input(
                    placeholder=_("The agency's state (two letters or its name, e.g. IL)"),
                    id="agency-state",
                )
                yield Static(id="drop-note", classes="hint")
                yield Static(id="why")
            with Vertical(id="review"):
                yield Select([], prompt=_("Letter"), id="letter-pick")
                yield TextArea(id="body")
                yield Static(id="explainer", classes="hint")
            with Vertical(id="deliver"):
                yield Static(
                    _("How each letter goes: c changes the highlighted one, or set them all."),
                    classes="hint",
                )
                yield RouteTable(id="routes")
                yield Select(
                    [(_(t), k) for k, t in WAYS], prompt=_("Set them all to…"), id="format"
                )
                yield Static(_("Folder for the files"))
                yield Input(str(Path.home() / "borrador-letters"), id="out")
                yield Checkbox(_("Also one combined PDF with a cover sheet"), id="combined")
                yield Button(_("Make the letters"), variant="primary", id="make")
                yield ProgressBar(id="progress", show_eta=False)
            with Vertical(id="sent"):
                yield Static(
                    _(
                        "Send each letter. Press Enter on one to open it, then s to mark "
                        "it sent, or e to send it by email."
                    ),
                    classes="hint",
                )
                yield DataTable(id="made", cursor_type="row")
        yield Static("", id="problem", classes="error")
        with Horizontal(classes="buttons"):
            yield Button(_("Back"), id="back")
            yield Button(_("Next"), variant="primary", id="next")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        people = [(literal(p.name), p.id) for p in self.session.people.all()]
        who = self.query_one("#who", Select)
        who.set_options(people)
        if self.person_id is not None:
            who.value = self.person_id
        if self.session.clinic.on:  # a volunteer always acts as the resident's agent
            as_agent = self.query_one("#as-agent", Checkbox)
            as_agent.value, as_agent.disabled = True, True
        catalog = self.session.catalog.catalog()
        self.query_one("#pack", Select).set_options(
            [(literal(p.title), p.id) for p in catalog.packs.values()]
        )
        # Records targets (no consumer route: ask an agency for their records) take no letter.
        self.query_one("#chosen", SelectionList).add_options(
            [(literal(e.name), e.slug) for e in self.session.catalog.search("")
             if not e.records_target]
        )
        self.query_one("#made", DataTable).add_columns(
            _("Id"), _("Recipient"), _("Files"), _("Status")
        )
        self.show_step()

    # -- moving between steps ---------------------------------------------------------------
    def show_step(self) -> None:
        name = STEPS[self.step]
        titles = {
            "person": _("1. Who is this for?"),
            "recipients": _("2. Which brokers or agencies?"),
            "kind": _("3. What to ask"),
            "review": _("4. Review each letter"),
            "deliver": _("5. Deliver"),
            "sent": _("6. Mark each one sent"),
        }
        self.query_one("#step-title", Static).update(titles[name])
        self.query_one(ContentSwitcher).current = name
        self.query_one("#problem", Static).update("")
        self.query_one("#back", Button).disabled = self.step == 0
        self.query_one("#next", Button).disabled = name in ("deliver", "sent")
        if name == "kind":
            self.explain()
        if name == "deliver":
            self.fill_routes()
        first = {"person": "#who", "recipients": "#chosen", "kind": "#what",
                 "review": "#letter-pick", "deliver": "#routes", "sent": "#made"}  # fmt: skip
        # the keyboard starts where the step does (once the step is shown)
        self.call_after_refresh(self.query_one(first[name]).focus)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "change_way":
            return STEPS[self.step] == "deliver"
        if action == "full_letter":
            return STEPS[self.step] == "review"
        if action == "drop_guide":
            return STEPS[self.step] in ("kind", "review") and bool(self.drop_note())
        return True

    def problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(literal(message))

    def action_next(self) -> None:
        name = STEPS[self.step]
        try:
            if name == "person":
                self.person()
            if name == "recipients" and not self.recipients():
                raise BorradorError(_("Choose at least one recipient."))
            if name == "kind":
                self.agency_place()
                self.ask_about_duplicates()
                self.prepare_review()
            if name == "review":
                self.keep_edit()
        except BorradorError as exc:
            self.problem(advice(exc))
            return
        if self.step < len(STEPS) - 1:
            self.step += 1
            self.show_step()

    def action_back(self) -> None:
        if self.step > 0 and STEPS[self.step] != "sent":
            self.step -= 1
            self.show_step()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "back":
            self.action_back()
        elif event.button.id == "make":
            self.make()

    # -- the choices ------------------------------------------------------------------------
    def person(self) -> int:
        value = self.query_one("#who", Select).value
        if not isinstance(value, int):
            raise BorradorError(_("Choose a person first."))
        return value

    def letter_slug(self) -> str:
        return str(self.query_one("#letter-pick", Select).value)

    def recipients(self) -> list[str]:
        return list(self.query_one("#chosen", SelectionList).selected)

    def kind(self) -> str:
        pressed = self.query_one("#what", RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "delete"

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "pack" and isinstance(event.value, str):
            chosen = self.query_one("#chosen", SelectionList)
            for member in self.session.catalog.catalog().pack_members(event.value):
                chosen.select(member.slug)
        elif event.select.id == "format" and isinstance(event.value, str):
            self.query_one(RouteTable).set_all(event.value)
        elif event.select.id == "letter-pick":
            self.keep_edit()
            self.show_letter()

    def on_radio_set_changed(self) -> None:
        self.explain()

    def generic_agencies(self) -> list[str]:
        """Chosen recipients that are the generic "state or local agency": the letter needs
        the agency's own state (its public-records law), not the person's."""
        catalog = self.session.catalog.catalog()
        return [s for s in self.recipients() if (e := catalog.covering(s)).kind == "agency"
                and e.jurisdiction == "state" and not e.agency_state]  # fmt: skip

    def agency_place(self) -> str:
        """The agency's state as a code ("" when no generic agency is chosen for records)."""
        if self.kind() != "records" or not self.generic_agencies():
            return ""
        return parse_state("agency_state", self.query_one("#agency-state", Input).value,
                           required=True)  # fmt: skip

    def options(self) -> dict[str, Any]:
        place = self.agency_place()
        return {"agency_state": place} if place else {}

    def drop_note(self) -> str:
        try:
            person = self.session.people.get(self.person())
        except BorradorError:
            return ""
        return drop_note(self.session, person.state, self.recipients(), self.kind())

    def action_drop_guide(self) -> None:
        from borrador.tui.screens.guide_view import GuideView

        try:
            person_id = self.person()
            text = self.session.letters.guide(person_id, "drop")
            text += "\n\n" + self.session.letters.drop_guide(person_id).text
        except BorradorError as exc:
            self.problem(advice(exc))
            return
        self.app.push_screen(GuideView(_("California DROP"), text))

    def explain(self) -> None:
        """The legal basis chosen for each recipient, with the one-line why, and warnings."""
        catalog = self.session.catalog.catalog()
        lines = []
        for slug in self.recipients():
            entry = catalog.covering(slug)
            _law, why = self.session.requests.explain_basis(self.person(), slug, self.kind())
            lines.append(f"{entry.name}: {why}")
            lines += [f"  ⚠ {shown(w)}" for w in entry.requirement_warnings()]
        agencies = [s for s in self.recipients() if catalog.covering(s).kind == "agency"]
        if self.kind() == "records" or agencies:
            lines.insert(
                0,
                _(
                    "⚠ A public-records request tells the agency the requester's name "
                    "and contact details. Consider sending it through the clinic."
                ),
            )
        self.query_one("#why", Static).update(literal("\n".join(lines)))
        self.query_one("#drop-note", Static).update(literal(self.drop_note()))
        self.query_one("#agency-state", Input).display = bool(
            self.kind() == "records" and self.generic_agencies()
        )
        self.refresh_bindings()

    def agent(self) -> Agent | None:
        if self.session.clinic.on:  # always the volunteer at the keyboard, for the clinic
            return self.session.clinic.agent()
        if not self.query_one("#as-agent", Checkbox).value:
            return None
        agent = self.session.profile.get()
        if agent is None:
            raise BorradorError(_("Enter the clinic's details in Settings first."))
        return agent

    def action_full_letter(self) -> None:
        """Read (and edit) the letter at full size; the text comes back to the review box."""
        from borrador.tui.screens.letter_view import LetterView

        body = self.query_one("#body", TextArea)

        def back(text: str | None) -> None:
            if text is not None:
                body.text = text
                self.keep_edit()

        name = next((letter.recipient_name for d, letter in self.previews
                     if d.recipient == self.shown), "")  # fmt: skip
        self.app.push_screen(LetterView(name, body.text), back)

    def ask_about_duplicates(self) -> None:
        """A second open request of the same kind to the same recipient is asked about
        first: Next again makes it anyway."""
        found = self.session.requests.open_duplicates(self.person(), self.recipients(),
                                                      self.kind())  # fmt: skip
        ids = tuple(sorted(r.id or 0 for r in found))
        if not ids or ids == self.duplicates_seen:
            return
        self.duplicates_seen = ids
        entries = self.session.catalog.catalog().entries
        names = ", ".join(f"{entries[r.recipient].name if r.recipient in entries else r.recipient}"
                          f" (#{r.id}, {_(str(r.status))})" for r in found)  # fmt: skip
        raise BorradorError(
            _(
                "Already open for this person: {names}. Press Next again to make another "
                "anyway, or go back and untick them."
            ).format(names=names)
        )

    def prepare_review(self) -> None:
        self.previews = self.session.letters.preview(
            self.person(),
            self.recipients(),
            self.kind(),
            fmt="txt",
            options=self.options(),
            agent=self.agent(),
        )
        self.bodies, self.shown = {}, None
        pick = self.query_one("#letter-pick", Select)
        pick.set_options(
            [(literal(letter.recipient_name), draft.recipient) for draft, letter in self.previews]
        )
        pick.value = self.previews[0][0].recipient
        self.show_letter()

    def show_letter(self) -> None:
        slug = self.letter_slug()
        for draft, letter in self.previews:
            if draft.recipient == slug:
                self.query_one("#body", TextArea).text = self.bodies.get(slug, letter.body)
                self.query_one("#explainer", Static).update(literal(letter.explainer))
                self.shown = slug

    def keep_edit(self) -> None:
        """Keep the review box's text under the recipient it was showing: the Select may
        already name the next one when this runs."""
        text = self.query_one("#body", TextArea).text
        for draft, letter in self.previews:
            if draft.recipient == self.shown:
                if text.strip() != letter.body.strip():
                    self.bodies[draft.recipient] = text
                else:
                    self.bodies.pop(draft.recipient, None)

    # -- delivering -------------------------------------------------------------------------
    def fill_routes(self) -> None:
        """Each recipient's best way by default (a way chosen earlier is kept)."""
        from borrador.services.channels import best_format, destinations

        catalog, kind = self.session.catalog.catalog(), self.kind()
        routes = []
        for draft, _letter in self.previews:
            entry = catalog.get(draft.recipient)
            routes.append(Route(draft.recipient, entry.name, best_format(entry, kind),
                                destinations(entry, kind)))  # fmt: skip
        self.query_one(RouteTable).show(routes)

    def action_change_way(self) -> None:
        self.query_one(RouteTable).cycle()

    def make(self) -> None:
        routes = self.query_one(RouteTable)
        missing = routes.unmailable()
        if missing:  # said before any file is made
            self.problem(
                _(
                    "The catalog has no postal address for {names}: choose another way for "
                    "them (c) before making the files."
                ).format(names=", ".join(missing))
            )
            return
        self.problem("")
        self.query_one("#make", Button).disabled = True
        self.query_one("#progress", ProgressBar).update(total=len(self.previews), progress=0)
        self.make_letters(
            routes.by_way(),
            Path(self.query_one("#out", Input).value).expanduser(),
            self.query_one("#combined", Checkbox).value,
        )

    @work(thread=True, exclusive=True)
    def make_letters(self, groups: dict[str, list[str]], out_dir: Path, combined: bool) -> None:
        """In a worker: the UI stays live and the bar moves while letters render. One batch
        per way (each batch is all or nothing)."""
        bar = self.query_one("#progress", ProgressBar)
        made: list[Made] = []
        for fmt, slugs in groups.items():

            def moved(n: int, _total: int, at: int = len(made)) -> None:
                self.from_worker(bar.update, progress=at + n)

            try:
                made += self.session.letters.make(
                    self.person(),
                    slugs,
                    self.kind(),
                    fmt=fmt,
                    out_dir=out_dir,
                    combined=combined and fmt == "pdf",
                    options={"bodies": self.bodies, **self.options()},
                    agent=self.agent(),
                    progress=moved,
                )
            except BorradorError as exc:
                if made:
                    self.from_worker(self.after_made, made)
                self.from_worker(self.after_failure, advice(exc))
                return
        self.from_worker(self.after_made, made)

    def after_failure(self, message: str) -> None:
        self.problem(message)
        self.query_one("#make", Button).disabled = False

    def after_made(self, made: list[Made]) -> None:
        self.made = made
        table = self.query_one("#made", DataTable)
        table.clear()
        for m in made:
            table.add_row(
                str(m.request.id),
                literal(m.request.recipient),
                literal(", ".join(p.name for p in m.files)),
                _(str(m.request.status)),
                key=str(m.request.id),
            )
        self.say(_("{n} letters made.").format(n=len(made)))
        self.announce(RequestChanged())
        self.step = STEPS.index("sent")
        self.show_step()
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from borrador.tui.screens.request import RequestScreen

        request_id = int(event.row_key.value or 0)
        self.host.open(lambda: RequestScreen(request_id))
