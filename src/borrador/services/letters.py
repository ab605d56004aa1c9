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
from borrador.core.errors import N_, BorradorError, Phrase, ValidationError
from borrador.core.people import Person
from borrador.core.requests import (
    ESCALATION_KINDS,
    LETTER_STORED,
    LETTER_STORED_NOTE,
    Channel,
    Event,
    Kind,
    Request,
    parse_enum,
    worded_note,
)
from borrador.core.states import state_name
from borrador.home.faults import fault_point
from borrador.home.written_files import write_logged
from borrador.i18n import _
from borrador.letters import context as ctx
from borrador.letters import law_context as lctx
from borrador.letters.compose import Letter
from borrador.letters.dates import long_date as _long_date
from borrador.letters.resources import shipped_templates
from borrador.letters.webform import FormGuide, drop_guide, form_guide
from borrador.services import escalation_facts as esc
from borrador.services.letter_files import Made, write_files

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
GUIDES = ("drop", "own-file")

# The channel a letter made in this format goes by (plain text could go any way: not set).
PLANNED_CHANNEL = {"pdf": Channel.MAIL, "eml": Channel.EMAIL, "web": Channel.WEB}


def drop_context(person: Person, entry: Broker, kind: str) -> dict[str, bool]:
    """Californians asking a broker to delete or opt out: DROP reaches registered brokers
    first (Civ. Code §1798.99.86); the explainer says so and what DROP does not reach."""
    offer = person.state == "CA" and entry.kind == "broker" and kind in ("delete", "opt-out")
    return {"offer": offer, "registered": "CA" in dict(entry.registry_ids)}


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
                N_("{name} has none recorded, and {entry_name} needs it to find the records"),
                hint=N_("Add it with 'borrador people edit {id}'."),
                name=person.name, entry_name=entry.name, id=person.id,
            )
        # A follow-up, appeal or complaint runs on the clock of the request it is about.
        original = options.get("original") or {}
        about_kind = original.get("kind", str(request.kind))
        rule = self.tracking.rule_for(request.legal_basis, about_kind)
        today = self.clock.today()
        rights = lctx.rights_context(request.legal_basis, about_kind, today)
        acting = agent if agent and lctx.agent_acts(rights, about_kind) else None
        person_ctx = ctx.person_context(person, fields, _long_date("en"))
        person_ctx["state_name"] = state_name(person.state)
        recipient = ctx.recipient_context(entry, channel, options)
        who = lctx.who_context(person_ctx, agent, acting is not None)
        their = "their" if who["agent"] else "my"
        rights["opt_out_text"] = lctx.opt_out_phrase(rights["opt_outs"], their)
        rights["agent_kind_words"] = lctx.agent_kind_words(rights)
        if request.kind is Kind.COMPLAINT:  # addressed to the regulator, about the recipient
            recipient = lctx.complaint_recipient(recipient, rights["regulator"], rule)
        return {
            "person": person_ctx, "recipient": recipient, "law": ctx.law_context(rule),
            "request": {"id": request.id, "kind": str(request.kind)},
            "sender": ctx.sender_context(person_ctx, acting),
            "agent": dataclasses.asdict(acting) if acting else None,
            "who": who,
            "rights": rights, "agency": lctx.agency_context(entry, options),
            "fcra": lctx.fcra_context(entry),
            "authorization": {"recipients": options.get("authorization_for", []),
                              "language": person.language,
                              "kind_words": lctx.agent_kind_words(rights, person.language)},
            "today": ctx.english_date(today),
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
            raise ValidationError("about", N_("say which items in the file you dispute, and why"))
        if request.legal_basis == "delete-act":
            raise BorradorError(
                N_("a Delete Act request is made through California's DROP, not by letter."),
                hint=N_("See 'borrador letters guide drop --person {id}'."), id=person.id,
            )
        info = self.templates.choose(str(request.kind), request.legal_basis or "policy")
        data = self._context(person, entry, request, info.requires, fmt, options, agent)
        channel = data.pop("channel")
        if fmt == "web":
            if channel is None:
                raise BorradorError(
                    N_("{name} has no web form in the catalog."),
                    hint=N_("Use --format pdf or eml instead."), name=entry.name,
                )
            return form_guide(entry.name, channel, data["person"], _)
        if fmt == "eml" and not data["recipient"]["email"]:
            raise BorradorError(N_("{name} has no email address in the catalog for this "
                                "request."), hint=N_("Use --format pdf to mail it."),
                                name=entry.name)  # fmt: skip
        blocks = self.templates.render(info, data)
        return Letter(
            request_id=request.id or 0, recipient_name=data["recipient"]["name"],
            sender_lines=tuple(data["sender"]["lines"]), date_line=data["today"],
            recipient_lines=(data["recipient"]["name"], *data["recipient"]["address"]),
            subject=blocks["subject"], body=blocks["body"], signer=data["sender"]["name"],
            signer_note=f"Authorised agent for {person.name}" if data["agent"] else "",
            to_email=data["recipient"]["email"], sender_email=data["sender"]["email"],
            by_mail=fmt in ("pdf", "txt"),
            explainer=self.explainer(person, entry, request, options),
            explainer_language=person.language,
        )  # fmt: skip

    def explainer(self, person: Person, entry: Broker, request: Request,
                  options: dict[str, Any] | None = None) -> str:  # fmt: skip
        """Plain words for the person, in their language: what was asked, what comes next."""
        info = self.templates.explainer(str(request.kind), person.language)
        if info is None:
            return ""
        options = options or {}
        rule = self.tracking.rule_for(request.legal_basis, str(request.kind))
        name = options.get("agency_name") or entry.name
        data = {"recipient": {"name": name}, "request": {"id": request.id},
                "today": _long_date(info.language)(self.clock.today()),
                "deadline": ctx.deadline_context(rule),
                "agency": lctx.agency_context(entry, options),
                "drop": drop_context(person, entry, str(request.kind))}  # fmt: skip
        return self.templates.render(info, data, ("body",))["body"]

    def guide(self, person_id: int, topic: str) -> str:
        """A guide with no letter, in the person's language: "drop" (California's Delete
        Request and Opt-out Platform) or "own-file" (one's own immigration file)."""
        if topic not in GUIDES:
            raise ValidationError("topic", N_("use one of {choices}"), choices=', '.join(GUIDES))
        person = self.people.get(person_id)
        info = self.templates.explainer(topic, person.language)
        if info is None:
            raise BorradorError(N_("no {topic} guide is installed."), topic=topic)
        data = {"today": _long_date(info.language)(self.clock.today()),
                "person": {"name": person.name, "state": person.state},
                "drop": {"offer": person.state == "CA", "registered": True}}  # fmt: skip
        return self.templates.render(info, data, ("body",))["body"]

    def drop_guide(self, person_id: int) -> FormGuide:
        """The DROP web-form guide for a Californian (the `guide("drop")` sheet explains it)."""
        person = self.people.get(person_id)
        if person.state != "CA":
            raise ValidationError("state", N_("DROP is only for California residents; "
                                  "{name}'s state is {state}"),
                                  name=person.name,
                                  state=person.state or Phrase(N_("not recorded")))
        fields = {"name", "birth_date", "email"}
        return drop_guide(ctx.person_context(person, fields, _long_date("en")), _)

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
        place = str((options or {}).get("agency_state") or "")
        drafts = [self.drafts.draft(person, r, kind, law, None, "", agency_state=place)
                  for r in recipients]  # fmt: skip
        catalog = self.catalog.catalog()
        agent = agent or self.signer.agent()
        return [(d, self.build(person, catalog.get(d.recipient), d, fmt, options, agent))
                for d in drafts]  # fmt: skip

    def refusals(
        self,
        person_id: int,
        ways: dict[str, list[str]],
        kind: str,
        *,
        options: dict[str, Any] | None = None,
        agent: ctx.Agent | None = None,
    ) -> dict[str, BorradorError]:
        """What would stop each recipient's letter in the way chosen for it (format -> slugs),
        found before any file is made: a missing phone, no web form, no email address."""
        person = self.people.get(person_id)
        place = str((options or {}).get("agency_state") or "")
        catalog, agent = self.catalog.catalog(), agent or self.signer.agent()
        found: dict[str, BorradorError] = {}
        for fmt, slugs in ways.items():
            for slug in slugs:
                try:
                    draft = self.drafts.draft(person, slug, kind, "", None, "", agency_state=place)
                    self.build(person, catalog.get(slug), draft, fmt, options, agent)
                except BorradorError as exc:
                    found[slug] = exc
        return found

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
            raise ValidationError("format", N_("{fmt!r} is not one of {choices}"),
                fmt=fmt, choices=', '.join(FORMATS))
        person = self.people.get(person_id)
        place = str((options or {}).get("agency_state") or "")
        drafts = [self.drafts.draft(person, r, kind, law, None, "", agency_state=place)
                  for r in recipients]  # fmt: skip
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
        """A follow-up (to the recipient), appeal (to the recipient, after a denial or a
        missed deadline) or complaint (to the regulator) about a request, stating only what its
        history records; a new request linked to the original."""
        escalation = parse_enum("kind", kind, Kind)
        if escalation not in ESCALATION_KINDS:
            raise ValidationError("kind", N_("use follow-up, appeal or complaint"))
        original = self.requests.get(request_id)
        clocks = self.tracking.deadlines(original)
        if clocks is None:
            raise ValidationError("request", N_("request {request_id} was never sent"),
                request_id=request_id)
        person = self.people.get(original.person_id)
        entry = self.catalog.catalog().get(original.recipient)
        events = self.requests.events(request_id)
        children = [r for r in self.requests.find(original.person_id)
                    if r.parent_id == original.id]  # fmt: skip
        today = self.clock.today()
        facts = esc.escalation_facts(original, events, children, clocks, today,
                                     ctx.english_date)  # fmt: skip
        esc.check_escalation(escalation, original, facts, children, self.tracking.deadlines,
                             today)  # fmt: skip
        options = {"history": esc.history_lines(events, ctx.english_date),
                   "original": {**facts, "recipient_name": entry.name}}  # fmt: skip
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
        catalog = self.catalog.catalog()
        planned = PLANNED_CHANNEL.get(fmt)  # marking it sent starts from the way it was made for
        drafts = [d if d.channel or not planned else dataclasses.replace(d, channel=planned)
                  for d in drafts]  # fmt: skip
        # Recorded so sending can check for the person's signed authorisation: only where the
        # law lets the agent make this kind (elsewhere the letter is the person's own).
        acting = [d for d in drafts if agent and self._agent_acts(d, options)]
        if agent:
            drafts = [dataclasses.replace(d, agent=agent.name) if d in acting else d
                      for d in drafts]  # fmt: skip
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
        authorization = None
        if agent and acting:
            names = [catalog.get(d.recipient).name for d in acting]
            authorization = self._authorization(person, acting[0], agent, names)

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
                                           *worded_note(N_("Letter drafted ({fmt})."), fmt=fmt))
            fault_point("letters.after-insert")
            made = []
            for request, output in zip(saved, outputs, strict=True):
                stored = self._store_letter(request, output.text)
                if isinstance(output, Letter):
                    explainer = self.explainer(person, catalog.get(request.recipient), stored,
                                               options)  # fmt: skip
                    letter = dataclasses.replace(output, request_id=stored.id or 0,
                                                 explainer=explainer)  # fmt: skip
                    made.append(Made(stored, letter, None))
                else:
                    made.append(Made(stored, None, output))
            written = write_files(made, fmt, out_dir, combined, authorization, write)
            fault_point("letters.before-commit")
        fault_point("letters.after-commit")
        return written

    def _agent_acts(self, draft: Request, options: dict[str, Any]) -> bool:
        kind = (options.get("original") or {}).get("kind", str(draft.kind))
        rights = lctx.rights_context(draft.legal_basis, kind, self.clock.today())
        return lctx.agent_acts(rights, kind)

    def _authorization(
        self, person: Person, draft: Request, agent: ctx.Agent, recipients: list[str]
    ) -> Letter:
        """The form the person signs: the provisions of their state, the kinds an agent may
        make there, the recipients, one signature block; in their language beside English."""
        info = self.templates.choose("authorization", draft.legal_basis or "policy")
        entry = self.catalog.catalog().get(draft.recipient)
        data = self._context(person, entry, draft, info.requires, "txt",
                             {"authorization_for": recipients}, agent)  # fmt: skip
        data.pop("channel")
        blocks = self.templates.render(info, data)
        return Letter(request_id=0, recipient_name=person.name, sender_lines=(),
                      date_line=data["today"], recipient_lines=(), subject=blocks["subject"],
                      body=blocks["body"], signer="", signer_note="",
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
                      note=LETTER_STORED_NOTE,
                      detail=((LETTER_STORED, "yes"),))  # fmt: skip
        return self.requests.save_change(request, after, event, self.clock.now())
