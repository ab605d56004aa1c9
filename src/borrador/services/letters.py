"""Letter use cases: draft requests with their letters, in text, PDF, email or web-form form.

Everything is rendered and checked before anything is stored or written: a batch with one
bad letter makes no request and no file.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from borrador.catalog.model import Broker
from borrador.core.errors import BorradorError, ValidationError
from borrador.core.people import Person
from borrador.core.requests import Event, Kind, Request
from borrador.home.faults import fault_point
from borrador.home.written_files import write_logged
from borrador.letters import context as ctx
from borrador.letters.compose import Letter
from borrador.letters.dates import long_date as _long_date
from borrador.letters.resources import shipped_templates
from borrador.letters.webform import FormGuide, form_guide
from borrador.services.letter_files import Made, write_files
from borrador.services.requests import ESCALATES, LETTER_NOTE

# Jinja (through the template library), fpdf2 and babel load on first use, not per command.
if TYPE_CHECKING:
    from borrador.home.paths import Paths
    from borrador.letters.library import TemplateLibrary
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.requests import RequestService
    from borrador.services.tracking import Tracking
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.requests_repo import RequestsRepo

FORMATS = ("txt", "pdf", "eml", "web")


class AgentPolicy(Protocol):
    def agent(self) -> ctx.Agent | None:
        """Who signs as authorised agent when nobody is named (None: the person signs)."""


class LetterService:
    """Letters for requests: rendered and checked before anything is stored or written."""

    def __init__(
        self,
        paths: Paths,
        people: PeopleRepo,
        drafts: RequestService,
        requests: RequestsRepo,
        catalog: CatalogService,
        tracking: Tracking,
        clock: Clock,
        signer: AgentPolicy,
    ) -> None:
        self.paths = paths
        self.people = people
        self.drafts = drafts
        self.requests = requests
        self.catalog = catalog
        self.tracking = tracking
        self.clock = clock
        self.signer = signer

    @functools.cached_property
    def templates(self) -> TemplateLibrary:
        from borrador.letters.library import TemplateLibrary

        return TemplateLibrary(shipped_templates(), self.paths.user_templates)

    def _context(
        self,
        person: Person,
        entry: Broker,
        request: Request,
        requires: tuple[str, ...],
        fmt: str,
        options: dict[str, Any],
        agent: ctx.Agent | None,
    ) -> dict[str, Any]:
        channel = ctx.pick_channel(entry, str(request.kind), fmt)
        fields = ctx.needed_fields(entry, channel, requires)
        if fmt == "eml":
            fields.add("email")  # an email goes out from the person's address anyway
        missing = ctx.missing_fields(person, fields)
        if missing:
            raise ValidationError(
                missing[0],
                f"{person.name} has none recorded, and {entry.name} needs it to find the records",
                hint=f"Add it with 'borrador people edit {person.id}'.",
            )
        # A follow-up or complaint runs on the clock of the request it is about.
        original = options.get("original") or {}
        rule = self.tracking.rule_for(request.legal_basis, original.get("kind", str(request.kind)))
        person_ctx = ctx.person_context(person, fields, _long_date("en"))
        recipient = ctx.recipient_context(entry, channel, options)
        if request.kind is Kind.COMPLAINT:  # addressed to the regulator, about the recipient
            recipient = {**recipient, "name": rule.complaint_to, "address": [], "email": ""}
        return {
            "person": person_ctx, "recipient": recipient, "law": ctx.law_context(rule),
            "request": {"id": request.id, "kind": str(request.kind)},
            "sender": ctx.sender_context(person_ctx, agent),
            "agent": dataclasses.asdict(agent) if agent else None,
            "today": ctx.english_date(self.clock.today()),
            "options": {"fee_waiver": bool(options.get("fee_waiver")),
                        "about": options.get("about") or ctx.DEFAULT_RECORDS_SUBJECT},
            "history": options.get("history", []), "original": options.get("original"),
            "deadline": ctx.deadline_context(rule), "channel": channel,
        }  # fmt: skip

    def build(
        self,
        person: Person,
        entry: Broker,
        request: Request,
        fmt: str,
        options: dict[str, Any] | None = None,
        agent: ctx.Agent | None = None,
    ) -> Letter | FormGuide:
        """The letter (or web-form guide) for one request, with the person's explainer."""
        options = options or {}
        if request.kind is Kind.DISPUTE and not options.get("about"):
            raise ValidationError("about", "say which items in the file you dispute, and why")
        info = self.templates.choose(str(request.kind), request.legal_basis or "policy")
        data = self._context(person, entry, request, info.requires, fmt, options, agent)
        channel = data.pop("channel")
        if fmt == "web":
            if channel is None:
                raise BorradorError(
                    f"{entry.name} has no web form in the catalog.",
                    hint="Use --format pdf or eml instead.",
                )
            return form_guide(entry.name, channel, data["person"])
        if fmt == "eml" and not data["recipient"]["email"]:
            raise BorradorError(f"{entry.name} has no email address in the catalog for this "
                                "request.", hint="Use --format pdf to mail it.")  # fmt: skip
        blocks = self.templates.render(info, data)
        return Letter(
            request_id=request.id or 0, recipient_name=data["recipient"]["name"],
            sender_lines=tuple(data["sender"]["lines"]), date_line=data["today"],
            recipient_lines=(data["recipient"]["name"], *data["recipient"]["address"]),
            subject=blocks["subject"], body=blocks["body"], signer=data["sender"]["name"],
            signer_note=f"Authorized agent for {person.name}" if agent else "",
            to_email=data["recipient"]["email"], sender_email=data["sender"]["email"],
            by_mail=fmt in ("pdf", "txt"), explainer=self.explainer(person, entry, request),
            explainer_language=person.language,
        )  # fmt: skip

    def explainer(self, person: Person, entry: Broker, request: Request) -> str:
        """Plain words for the person, in their language: what was asked, what comes next."""
        info = self.templates.explainer(str(request.kind), person.language)
        if info is None:
            return ""
        rule = self.tracking.rule_for(request.legal_basis, str(request.kind))
        data = {"recipient": {"name": entry.name}, "request": {"id": request.id},
                "today": _long_date(info.language)(self.clock.today()),
                "deadline": ctx.deadline_context(rule)}  # fmt: skip
        return self.templates.render(info, data, ("body",))["body"]

    def preview(
        self,
        person_id: int,
        recipients: list[str],
        kind: str,
        *,
        fmt: str = "txt",
        law: str = "",
        options: dict[str, Any] | None = None,
        agent: ctx.Agent | None = None,
    ) -> list[tuple[Request, Letter | FormGuide]]:
        """The letters as they would be made, without storing anything (for review)."""
        person = self.people.get(person_id)
        drafts = [self.drafts.draft(person, r, kind, law, None, "") for r in recipients]
        catalog = self.catalog.catalog()
        agent = agent or self.signer.agent()
        return [(d, self.build(person, catalog.get(d.recipient), d, fmt, options, agent))
                for d in drafts]  # fmt: skip

    def make(
        self,
        person_id: int,
        recipients: list[str],
        kind: str,
        *,
        fmt: str = "pdf",
        out_dir: Path,
        law: str = "",
        combined: bool = False,
        options: dict[str, Any] | None = None,
        agent: ctx.Agent | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Made]:
        """Draft one request per recipient with its letter and files; all or nothing."""
        if fmt not in FORMATS:
            raise ValidationError("format", f"{fmt!r} is not one of {', '.join(FORMATS)}")
        person = self.people.get(person_id)
        drafts = [self.drafts.draft(person, r, kind, law, None, "") for r in recipients]
        return self._issue(person, drafts, fmt, out_dir, combined, options or {}, agent, progress)

    def escalate(
        self,
        request_id: int,
        kind: str,
        *,
        fmt: str = "pdf",
        out_dir: Path,
        agent: ctx.Agent | None = None,
    ) -> Made:
        """A follow-up (to the recipient) or complaint (to the regulator) about a late request,
        with its history; a new request linked to the original."""
        escalation = Kind(kind)
        if escalation not in ESCALATES:
            raise ValidationError("kind", "use follow-up or complaint")
        original = self.requests.get(request_id)
        clocks = self.tracking.deadlines(original)
        if clocks is None:
            raise ValidationError("request", f"request {request_id} was never sent")
        person = self.people.get(original.person_id)
        entry = self.catalog.catalog().get(original.recipient)
        events = sorted(self.requests.events(request_id), key=lambda e: (e.on, e.id or 0))
        described = [(e, _describe(e)) for e in events]
        history = [{"on": ctx.english_date(e.on), "text": text} for e, text in described if text]
        respond_by = original.extended_due_on or clocks.respond_by
        options = {
            "history": history,
            "original": {
                "id": original.id,
                "kind": str(original.kind),
                "recipient_name": entry.name,
                "sent_on": ctx.english_date(original.sent_on or clocks.received),
                "respond_by": ctx.english_date(respond_by),
                "confirmation": original.confirmation,
            },
        }
        note = f"{escalation} about request {original.id}"
        draft = self.drafts.draft(person, original.recipient, str(escalation), original.legal_basis,
                            None, note, parent_id=original.id)  # fmt: skip
        return self._issue(person, [draft], fmt, out_dir, False, options, agent, None)[0]

    def _issue(
        self,
        person: Person,
        drafts: list[Request],
        fmt: str,
        out_dir: Path,
        combined: bool,
        options: dict[str, Any],
        agent: ctx.Agent | None,
        progress: Callable[[int, int], None] | None,
    ) -> list[Made]:
        from borrador.letters.pdf import check_printable

        agent = agent or self.signer.agent()
        if agent:  # recorded so sending can check for the person's signed authorisation
            drafts = [dataclasses.replace(d, agent=agent.name) for d in drafts]
        catalog = self.catalog.catalog()
        outputs = []
        for n, draft in enumerate(drafts, 1):  # render everything before storing anything
            entry = catalog.get(draft.recipient)
            output = self.build(person, entry, draft, fmt, options, agent)
            edited = options.get("bodies", {}).get(draft.recipient)
            if edited and isinstance(output, Letter):  # the text the person reviewed and edited
                output = dataclasses.replace(output, body=edited.strip())
            outputs.append(output)
            if progress:
                progress(n, len(drafts))
        if fmt == "pdf":
            check_printable([o for o in outputs if isinstance(o, Letter)])
        authorization = self._authorization(person, drafts[0], agent) if agent else None

        def write(path: Path, data: bytes, request_ids: tuple[int, ...]) -> Path:
            write_logged(self.paths, path, data, kind="letter", person_ids=[person.id or 0],
                         request_ids=request_ids)  # fmt: skip
            fault_point("letters.after-file")
            return path

        # Requests and their files are one unit: the files are written inside the transaction
        # that stores the requests, so a failure (or a kill) leaves neither. A kill leaves
        # logged files for requests that never were; the next opening removes them.
        with self.requests.db.write():
            saved = self.requests.add_many(drafts, self.clock.now(),
                                           note=f"Letter drafted ({fmt}).")  # fmt: skip
            fault_point("letters.after-insert")
            made = []
            for request, output in zip(saved, outputs, strict=True):
                stored = self._store_letter(request, output.text)
                if isinstance(output, Letter):
                    explainer = self.explainer(person, catalog.get(request.recipient), stored)
                    letter = dataclasses.replace(output, request_id=stored.id or 0,
                                                 explainer=explainer)  # fmt: skip
                    made.append(Made(stored, letter, None))
                else:
                    made.append(Made(stored, None, output))
            written = write_files(made, fmt, out_dir, combined, authorization, write)
            fault_point("letters.before-commit")
        fault_point("letters.after-commit")
        return written

    def _authorization(self, person: Person, draft: Request, agent: ctx.Agent) -> Letter:
        info = self.templates.choose("authorization", draft.legal_basis or "policy")
        entry = self.catalog.catalog().get(draft.recipient)
        data = self._context(person, entry, draft, info.requires, "txt", {}, agent)
        data.pop("channel")
        blocks = self.templates.render(info, data)
        return Letter(request_id=0, recipient_name=person.name, sender_lines=(),
                      date_line=data["today"], recipient_lines=(), subject=blocks["subject"],
                      body=blocks["body"], signer=person.name, signer_note="",
                      by_mail=False)  # fmt: skip

    def check_templates(self) -> list[str]:
        """Every template, the user's included, loaded and rendered with invented data, with
        and without an authorised agent."""
        from borrador.letters.library import TemplateLibrary

        library = TemplateLibrary(shipped_templates(), self.paths.user_templates)
        problems = library.check(lambda info: ctx.sample_context(with_agent=True))
        # The authorization names its agent; every other template must also work without one.
        return problems or library.check(
            lambda info: ctx.sample_context(with_agent=info.kind == "authorization")
        )

    def _store_letter(self, request: Request, text: str) -> Request:
        """The exact text sent is evidence: it is kept with the request."""
        after = dataclasses.replace(request, letter_text=text, version=request.version + 1)
        event = Event(request_id=request.id or 0, on=self.clock.today(),
                      from_status=request.status, to_status=request.status,
                      note="Letter text stored.")  # fmt: skip
        return self.requests.save_change(request, after, event, self.clock.now())


# Facts of an event that are for Borrador's own bookkeeping, never quoted to a recipient.
_UNQUOTED = frozenset({LETTER_NOTE, "message_id"})


def _describe(event: Event) -> str | None:
    """One line of a request's history for a follow-up or complaint, or None to leave it
    out. Notes typed by the user are private (they may say anything about the person): only
    a note marked for the letter is quoted; status changes and the recorded facts are."""
    detail = dict(event.detail)
    quoted = detail.get(LETTER_NOTE) == "yes"
    facts = [f"{k.replace('_', ' ')}: {v}" for k, v in detail.items() if k not in _UNQUOTED]
    note = [event.note] if quoted and event.note else []
    if event.from_status is None:
        text = "request drafted"
    elif event.from_status == event.to_status:
        if not note and not facts:
            return None  # a private note (or Borrador's own, such as a stored letter)
        return "; ".join([*note, *facts])
    else:
        text = f"{event.to_status}"
    return "; ".join([text, *facts, *note])
