"""Which request a reply answers, with how sure and why. A wrong match is worse than none:
the thread headers decide first; then the sender's domain must be the recipient's and the
request's own number must appear; a domain alone is enough only when exactly one open
request could be meant and the text reads like an answer to one."""

from __future__ import annotations

import dataclasses
import functools
import re

from borrador.letters.replies.message import ParsedMessage

THREAD = 1.0
DOMAIN_AND_NUMBER = 0.95
NUMBER_ONLY = 0.8
DOMAIN_ONLY = 0.6
MIN_NUMBER_LEN = 4
MIN_NUMBER_ALONE_LEN = 6  # a number with no known sender must be long to be trusted

_ANSWER_WORDS = re.compile(
    r"\b(privacy|personal (?:data|information)|opt[- ]?out|delet|request|removal|remove|"
    r"suppress|consumer|records?|solicitud|datos personales|eliminaci|supresi|baja|"
    r"privacidad|petici)",
    re.IGNORECASE,
)


@dataclasses.dataclass(frozen=True)
class Candidate:
    """A request a reply could answer: what was sent, to whom, under which numbers."""

    request_id: int
    recipient: str
    recipient_name: str
    message_id: str = ""  # without angle brackets, lower case
    domains: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # confirmation / reference numbers the recipient gave
    person_emails: tuple[str, ...] = ()
    open: bool = True


@dataclasses.dataclass(frozen=True)
class Match:
    request_id: int | None  # None: unmatched; `reason` says what was tried
    confidence: float
    reason: str


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


def domain_matches(domain: str, known: tuple[str, ...]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in known if d)


@functools.lru_cache(maxsize=4096)
def _number_pattern(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(number)}(?![A-Za-z0-9])", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def usable_numbers(numbers: tuple[str, ...]) -> tuple[str, ...]:
    """Reference numbers worth looking for: no Message-IDs, nothing too short to be unique."""
    found: list[str] = []
    for number in numbers:
        number = number.strip().lstrip("#")
        if "@" in number or len(number) < MIN_NUMBER_LEN:
            continue
        found.append(number)
        digits = re.findall(r"\d{5,}", number)  # "REQ-123456" also shows up as "#123456"
        found.extend(d for d in digits if d != number)
    return tuple(dict.fromkeys(found))


_DIGITS = re.compile(r"\d+")


def _appears(number: str, digit_runs: set[str], haystack: str) -> bool:
    """Whether `number` appears as a whole word. Most numbers hold digits, and their digit
    runs must then be among the text's (one C-speed pass per message) before searching."""
    runs = _DIGITS.findall(number)
    if runs and not all(run in digit_runs for run in runs):
        return False
    return bool(_number_pattern(number).search(haystack))


def _with_number(
    candidates: list[Candidate], digit_runs: set[str], haystack: str, min_len: int
) -> list[tuple[Candidate, str]]:
    hits = []
    for candidate in candidates:
        for number in usable_numbers(candidate.numbers):
            if len(number) >= min_len and _appears(number, digit_runs, haystack):
                hits.append((candidate, number))
                break
    return hits


def _narrow_to_person(
    candidates: list[Candidate], message: ParsedMessage, known: set[str], *, strict: bool = False
) -> list[Candidate]:
    """Those sent for the person the reply is to (or was forwarded by), when the message
    names one of the people. `strict`: when it names only others, none fit."""
    named = known & {message.from_address, *message.to_addresses}
    if not named:
        return candidates
    mine = [c for c in candidates if named & set(c.person_emails)]
    return mine if (mine or strict) else candidates


def match_reply(message: ParsedMessage, candidates: list[Candidate]) -> Match:
    thread = set(message.in_reply_to) | set(message.references)
    if thread:
        for candidate in candidates:
            if candidate.message_id and candidate.message_id in thread:
                header = (
                    "In-Reply-To" if candidate.message_id in message.in_reply_to else "References"
                )
                return Match(
                    candidate.request_id,
                    THREAD,
                    f"{header} names the email sent for request {candidate.request_id}",
                )
    haystack = f"{message.subject}\n{message.text}"
    people = {e for c in candidates for e in c.person_emails}
    words = set(_DIGITS.findall(haystack))
    senders = [a for a in (message.from_address, message.forwarded_from) if a]
    by_domain: list[Candidate] = []
    sender_domain = ""
    for address in senders:
        domain = _domain(address)
        by_domain = [c for c in candidates if domain_matches(domain, c.domains)]
        if by_domain:
            sender_domain = domain
            break
    via = " (forwarded)" if sender_domain and sender_domain != _domain(message.from_address) else ""
    if by_domain:
        hits = _with_number(
            _narrow_to_person(by_domain, message, people), words, haystack, MIN_NUMBER_LEN
        )
        if len(hits) == 1:
            candidate, number = hits[0]
            where = "subject" if _number_pattern(number).search(message.subject) else "text"
            return Match(
                candidate.request_id,
                DOMAIN_AND_NUMBER,
                f"sender at {sender_domain}{via} ({candidate.recipient_name}) and "
                f"reference {number} in the {where}",
            )
        if len(hits) > 1:
            ids = ", ".join(str(c.request_id) for c, _ in hits)
            return Match(None, 0.0, f"references of several requests appear ({ids}); assign it")
        open_ones = _narrow_to_person(
            [c for c in by_domain if c.open], message, people, strict=True
        )
        if len(open_ones) == 1 and _ANSWER_WORDS.search(haystack):
            candidate = open_ones[0]
            return Match(
                candidate.request_id,
                DOMAIN_ONLY,
                f"sender at {sender_domain}{via}: the only open request to "
                f"{candidate.recipient_name}",
            )
        if len(open_ones) > 1:
            ids = ", ".join(str(c.request_id) for c in open_ones)
            return Match(
                None,
                0.0,
                f"sender at {sender_domain}: {len(open_ones)} open "
                f"requests could be meant ({ids}); assign it",
            )
    hits = _with_number(candidates, words, haystack, MIN_NUMBER_ALONE_LEN)
    if len(hits) == 1:
        candidate, number = hits[0]
        return Match(
            candidate.request_id,
            NUMBER_ONLY,
            f"reference {number} of request {candidate.request_id} in the message "
            "(the sender is not a known address of the recipient)",
        )
    if by_domain:
        return Match(
            None, 0.0, f"sender at {sender_domain}, but no open request or reference number fits"
        )
    return Match(None, 0.0, "no thread header, known sender domain or reference number matched")


def looks_like_answer(text: str) -> bool:
    return bool(_ANSWER_WORDS.search(text))


def could_match(
    from_address: str, thread_ids: tuple[str, ...], candidates: list[Candidate]
) -> bool:
    """A cheap test on headers alone, so a mailbox fetch downloads only what may match."""
    ids = set(thread_ids)
    domain = _domain(from_address)
    return any(
        (c.message_id and c.message_id in ids) or domain_matches(domain, c.domains)
        for c in candidates
    )
