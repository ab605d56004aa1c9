"""Replies to requests, brought in from mail files or an IMAP mailbox, matched to the requests
they answer, kept as evidence, and turned into a status change only when the user accepts the
suggestion. Importing never changes a request's status."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from borrador.core.errors import N_, BorradorError, Phrase, ValidationError
from borrador.core.requests import Request, Status, parse_enum
from borrador.services.reply_account import ReplyAccount
from borrador.storage.replies_repo import NewReply, ReplyRow

# The mail parsing and matching modules load when replies are used, not for every command.
if TYPE_CHECKING:
    from borrador.letters.replies.matching import Candidate, Match
    from borrador.letters.replies.message import ParsedMessage
    from borrador.services.catalog import CatalogService
    from borrador.services.clock import Clock
    from borrador.services.requests import RequestService
    from borrador.storage.people_repo import PeopleRepo
    from borrador.storage.replies_repo import RepliesRepo
    from borrador.storage.requests_repo import RequestsRepo
    from borrador.storage.settings_repo import SettingsRepo

STORE_BATCH = 500

_STATE_WORDS = {"accepted": N_("accepted"), "dismissed": N_("dismissed")}  # a reply's state


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One message read: matched (request_id set), unmatched, or already stored."""

    reply_id: int | None
    request_id: int | None
    confidence: float
    reason: str
    suggested: str
    until: str
    exemption: str
    evidence: str
    from_name: str
    from_address: str
    date: str
    subject: str
    source: str


@dataclasses.dataclass(frozen=True)
class Skipped:
    file: str
    position: str
    reason: str


@dataclasses.dataclass
class ImportResult:
    matched: list[Outcome] = dataclasses.field(default_factory=list)
    unmatched: list[Outcome] = dataclasses.field(default_factory=list)
    skipped: list[Skipped] = dataclasses.field(default_factory=list)
    already: int = 0  # stored by an earlier import or fetch: not stored twice
    ignored: int = 0  # mailbox messages nothing could tie to a request: not stored
    interrupted: str = ""  # a fetch cut short: what arrived is kept


@dataclasses.dataclass(frozen=True)
class Accepted:
    request: Request
    appeal: str  # for a denial: how long the law gives to decide an appeal, or ""


def imap_account(
    host: str, port: int, security: str, user: str, folder: str, ca_file: str
) -> object:
    """The IMAP account settings (imapclient loads only when mail is read)."""
    from borrador.letters.imap import ImapAccount

    return ImapAccount(host, port, security, user, folder or "INBOX", ca_file)


def fingerprint(message: ParsedMessage, raw: bytes) -> str:
    """The same message from an export and from the mailbox is stored once."""
    key = message.message_id.encode() if message.message_id else raw
    return hashlib.sha256(key).hexdigest()


class ReplyService:
    def __init__(
        self,
        replies: RepliesRepo,
        requests: RequestsRepo,
        people: PeopleRepo,
        settings: SettingsRepo,
        catalog: CatalogService,
        statuses: RequestService,
        clock: Clock,
        keyring_user: str,
    ) -> None:
        self.replies = replies
        self.requests = requests
        self.people = people
        self.catalog = catalog
        self.statuses = statuses
        self.clock = clock
        self.account = ReplyAccount(settings, keyring_user)

    # -- what can be matched --------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """Every request that was sent (closed ones too: a late answer is still evidence)."""
        from borrador.letters.replies.matching import Candidate

        catalog = self.catalog.catalog()
        emails: dict[int, tuple[str, ...]] = {}
        found = []
        for request in self.requests.find():
            if request.status is Status.DRAFTED or request.id is None:
                continue
            if request.person_id not in emails:
                emails[request.person_id] = tuple(
                    e.lower() for e in self.people.get(request.person_id).emails
                )
            try:
                entry = catalog.get(request.recipient)
                name, domains = entry.name, set(entry.domains)
                domains.update(c.email.rsplit("@", 1)[-1] for c in entry.channels if "@" in c.email)
                for brand in catalog.covered_brands(entry.slug):  # its brands answer for it
                    domains.update(brand.domains)
            except BorradorError:  # no longer in the catalog: match by thread only
                name, domains = request.recipient, set()
            message_id = request.message_id.strip().strip("<>").lower()
            found.append(
                Candidate(
                    request.id,
                    request.recipient,
                    name,
                    message_id,
                    tuple(sorted(d.lower() for d in domains)),
                    tuple(n for n in (request.confirmation, request.uid) if n),
                    emails[request.person_id],
                    request.is_open,
                )
            )
        return found

    # -- bringing replies in --------------------------------------------------------------
    def import_files(self, files: Iterable[Path]) -> ImportResult:
        from borrador.letters.replies.sources import read_files

        result = ImportResult()
        candidates = self.candidates()
        batch: list[tuple[NewReply, Outcome]] = []
        seen: set[str] = set()
        for raw in read_files(list(files)):
            if raw.data is None:
                result.skipped.append(Skipped(raw.file, raw.position, raw.problem))
                continue
            source = f"{raw.file}#{raw.position}" if raw.position else raw.file
            made = self._read(raw.data, source, candidates, result, raw.file, raw.position)
            if made is None:
                continue
            if made[0].fingerprint in seen:
                result.already += 1
                continue
            seen.add(made[0].fingerprint)
            batch.append(made)
            if len(batch) >= STORE_BATCH:
                self._store(batch, result)
                batch = []
        self._store(batch, result)
        return result

    def _read(
        self,
        data: bytes,
        source: str,
        candidates: list[Candidate],
        result: ImportResult,
        file: str,
        position: str,
    ) -> tuple[NewReply, Outcome] | None:
        from borrador.letters.replies.matching import match_reply
        from borrador.letters.replies.message import MalformedMessage, parse_message

        try:
            message = parse_message(data)
        except MalformedMessage as exc:
            result.skipped.append(Skipped(file, position, str(exc)))
            return None
        found = match_reply(message, candidates)
        if found.request_id is None and position and not self._relevant(message, candidates):
            result.ignored += 1  # a whole mailbox holds everyday mail: keep only what may matter
            return None
        return self._reply(message, data, found, source)

    @staticmethod
    def _relevant(message: ParsedMessage, candidates: list[Candidate]) -> bool:
        """Worth listing as unmatched: from a recipient's domain, in a thread we started, a
        forward by one of the people, or a subject that reads like an answer to a request."""
        from borrador.letters.replies.matching import could_match, looks_like_answer

        thread = message.in_reply_to + message.references
        people = {e for c in candidates for e in c.person_emails}
        return (
            could_match(message.from_address, thread, candidates)
            or bool(message.forwarded_from and message.from_address in people)
            or looks_like_answer(message.subject)
        )

    def _reply(
        self, message: ParsedMessage, raw: bytes, found: Match, source: str
    ) -> tuple[NewReply, Outcome]:
        from borrador.letters.replies.suggest import suggest

        advice = suggest(message.subject, message.text) if found.request_id else None
        suggestion = (
            {
                "evidence": advice.evidence,
                "until": advice.until.isoformat() if advice.until else "",
                "exemption": advice.exemption,
            }
            if advice
            else {}
        )
        reply = NewReply(
            fingerprint(message, raw),
            message.message_id,
            message.from_name,
            message.from_address,
            message.date,
            message.subject,
            message.text,
            message.header_facts(),
            found.request_id,
            found.confidence,
            found.reason,
            advice.status if advice else "",
            suggestion,
            source,
            [(a.filename, a.content_type, a.size, a.data) for a in message.attachments],
        )
        outcome = Outcome(
            None,
            found.request_id,
            found.confidence,
            found.reason,
            reply.suggested,
            suggestion.get("until", ""),
            suggestion.get("exemption", ""),
            suggestion.get("evidence", ""),
            message.from_name,
            message.from_address,
            message.date,
            message.subject,
            source,
        )
        return reply, outcome

    def _store(self, batch: list[tuple[NewReply, Outcome]], result: ImportResult) -> None:
        if not batch:
            return
        known = self.replies.known_fingerprints([r.fingerprint for r, _ in batch])
        fresh = [(r, o) for r, o in batch if r.fingerprint not in known]
        result.already += len(batch) - len(fresh)
        ids = self.replies.add_many([r for r, _ in fresh], self.clock.now())
        for (_, outcome), reply_id in zip(fresh, ids, strict=True):
            if reply_id is None:
                result.already += 1
                continue
            done = dataclasses.replace(outcome, reply_id=reply_id)
            (result.matched if done.request_id else result.unmatched).append(done)

    def fetch(self, password: str) -> ImportResult:
        """New messages from the IMAP folder since the last fetch, only those whose sender
        or thread can match; each is stored before the next is read."""
        from borrador.letters.imap import Reader
        from borrador.letters.replies.matching import could_match

        account = self.account.get()
        result = ImportResult()
        candidates = self.candidates()
        own = {e for c in candidates for e in c.person_emails}

        def wanted(address: str, ids: tuple[str, ...]) -> bool:
            return address in own or could_match(address, ids, candidates)

        position = self.account.position()
        with Reader(account, password) as reader:
            try:
                for item in reader.fetch_new(position, wanted):
                    if item.data:
                        source = f"imap:{account.folder}#{item.uidvalidity}:{item.uid}"
                        made = self._read(
                            item.data,
                            source,
                            candidates,
                            result,
                            f"imap:{account.folder}",
                            f"uid {item.uid}",
                        )
                        if made:
                            self._store([made], result)
                    self.account.save_position(item.uidvalidity, item.uid)
            except BorradorError as exc:
                result.interrupted = str(exc)
        return result

    # -- looking at them ------------------------------------------------------------------
    def get(self, reply_id: int) -> ReplyRow:
        return self.replies.get(reply_id)

    def for_request(self, request_id: int) -> list[ReplyRow]:
        return self.replies.for_request(request_id)

    def unmatched(self) -> list[ReplyRow]:
        return self.replies.unmatched()

    def pending(self) -> list[ReplyRow]:
        """Matched replies whose suggestion the user has not accepted or dismissed yet."""
        return self.replies.pending()

    # -- deciding -------------------------------------------------------------------------
    def assign(self, reply_id: int, request_id: int) -> ReplyRow:
        """The user says which request an unmatched reply answers; a suggestion follows."""
        from borrador.letters.replies.suggest import suggest

        row = self.replies.get(reply_id)
        if row.state != "new":
            raise ValidationError(
                "reply",
                N_("reply {reply_id} was already {state}"),
                reply_id=reply_id,
                state=Phrase(_STATE_WORDS.get(row.state, row.state)),
            )
        self.statuses.get(request_id)
        self.replies.assign(reply_id, request_id, "assigned by the user")
        advice = suggest(row.subject, row.body)
        self.replies.set_suggestion(
            reply_id,
            advice.status,
            {
                "evidence": advice.evidence,
                "exemption": advice.exemption,
                "until": advice.until.isoformat() if advice.until else "",
            },
        )
        return self.replies.get(reply_id)

    def dismiss(self, reply_id: int) -> None:
        """Not about any request: its text is erased; only a fingerprint stays, so the same
        message is not imported again."""
        self.replies.get(reply_id)
        self.replies.set_state(reply_id, "dismissed")

    def accept(
        self,
        reply_id: int,
        *,
        status: str = "",
        until: dt.date | None = None,
        exemption: str = "",
        on: dt.date | None = None,
    ) -> Accepted:
        """Apply the suggested (or the user's corrected) status; deadlines recompute in the
        request service. Call only after the user has confirmed."""
        row = self.replies.get(reply_id)
        if row.request_id is None:
            raise ValidationError(
                "reply",
                N_("reply {reply_id} is not matched to a request"),
                hint=N_("Assign it first: borrador replies assign {reply_id} REQUEST_ID"),
                reply_id=reply_id,
            )
        if row.state != "new":
            raise ValidationError(
                "reply",
                N_("reply {reply_id} was already {state}"),
                reply_id=reply_id,
                state=Phrase(_STATE_WORDS.get(row.state, row.state)),
            )
        chosen = (
            parse_enum("status", status or row.suggested or "", Status)
            if (status or row.suggested)
            else None
        )
        if chosen is None:
            raise ValidationError(
                "status",
                N_("the reply suggests nothing clear; say which status it means (--status)"),
            )
        stated = row.suggestion.get("until", "")
        new_date = until or (dt.date.fromisoformat(stated) if stated else None)
        named = exemption or row.suggestion.get("exemption", "")
        denied_exempt = chosen is Status.DENIED and bool(named)
        when = on or self._reply_date(row)
        note = f"Reply of {row.sent_at[:10] or 'unknown date'} from {row.from_address}: "
        saved = self.statuses.change_status(
            row.request_id,
            str(chosen),
            on=when,
            note=(note + row.subject)[:2000],
            until=new_date if chosen is Status.EXTENDED else None,
            reason="exempt" if denied_exempt else None,
            exemption=named if denied_exempt else "",
        )
        self.replies.set_state(reply_id, "accepted")
        return Accepted(saved, self._appeal(saved) if chosen is Status.DENIED else "")

    def _reply_date(self, row: ReplyRow) -> dt.date:
        """The day the reply was sent, kept within the request's history: not in the future,
        not before the last status change already recorded (history stays in date order)."""
        today = self.clock.today()
        try:
            stated = min(dt.date.fromisoformat(row.sent_at[:10]), today)
        except ValueError:
            return today
        changes = [e.on for e in self.requests.events(row.request_id or 0)
                   if e.from_status and e.from_status != e.to_status]  # fmt: skip
        return max([stated, *changes])

    @staticmethod
    def _appeal(request: Request) -> str:
        from borrador.laws.table import law_table

        table = law_table()
        if not table.has(request.legal_basis, str(request.kind)):
            return ""
        rule = table.rule(request.legal_basis, str(request.kind))
        if rule.appeal is None:
            return ""
        return (
            f"{rule.name} gives a right to appeal this denial; the recipient then has "
            f"{rule.appeal.days} days to decide. Draft it with: borrador letters escalate "
            f"{request.id} --kind follow-up --out FOLDER"
        )
