"""Labelled reply fixtures, written for these tests (invented people, invented text): each
message says which request it answers (or None) and the next step it should suggest. Senders
use the catalog recipients' listed domains, since matching depends on them."""

from __future__ import annotations

import dataclasses
import mailbox
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

X = "xiomara.pruebas@example.net"
T = "teo.ficticio@example.org"
DATE = "Mon, 16 Nov 2026 09:30:00 -0500"


@dataclasses.dataclass(frozen=True)
class Labelled:
    name: str
    category: str
    data: bytes
    expect: str | None  # the request key it answers, None: should match nothing
    suggested: str | None = None  # the status it should suggest ("" = nothing clear)
    skipped: bool = False  # malformed or too big: reported and skipped


def message(
    sender: str,
    to: str,
    subject: str,
    text: str,
    *,
    msgid: str,
    reply_to: str = "",
    references: str = "",
    html: str = "",
    charset: str = "utf-8",
) -> bytes:
    m = EmailMessage(policy=SMTP)
    m["From"], m["To"], m["Subject"], m["Date"] = sender, to, subject, DATE
    m["Message-ID"] = f"<{msgid}>"
    if reply_to:
        m["In-Reply-To"] = f"<{reply_to}>"
    if references:
        m["References"] = references
    if text:
        m.set_content(text, charset=charset)
    if html:
        if text:
            m.add_alternative(html, subtype="html")
        else:
            m.set_content(html, subtype="html")
    return m.as_bytes()


ANSWERS_EN = {
    "acknowledged": "Thank you. We have received your request and will respond within 45 days.",
    "verification-requested": "Before we can proceed we must verify your identity. Please "
    "reply with a copy of your government-issued ID.",
    "extended": "We need additional time. We are extending the response period by an "
    "additional 45 days, until February 15, 2027.",
    "completed": "Your personal information has been deleted from our systems.",
    "partially-completed": "Your request has been partially completed: some of your data has "
    "been deleted, but we must retain transaction records for tax law.",
    "denied": "We are unable to honor your request. The information is exempt under "
    "Cal. Civ. Code § 1798.145(a)(1)(A) because it is required by law.",
}
ANSWERS_ES = {
    "acknowledged": "Hemos recibido su solicitud y le responderemos en un plazo de 45 días.",
    "verification-requested": "Para continuar necesitamos verificar su identidad. Envíe una "
    "copia de su identificación.",
    "extended": "Necesitamos más tiempo: ampliamos el plazo hasta el 15 de febrero de 2027.",
    "completed": "Sus datos personales han sido eliminados de nuestros sistemas.",
    "partially-completed": "Su solicitud fue parcialmente completada; debemos conservar "
    "algunos registros de facturación.",
    "denied": "No podemos atender su solicitud: los datos están exentos según la Ley de "
    "registros públicos del estado.",
}
QUOTE = (
    "\n\nOn Mon, Nov 2, 2026, Xiomara wrote:\n> I ask you to delete my personal "
    "information.\n> Your request has been completed? (quoted text must not count)\n"
)


def _thread(out: list[Labelled]) -> None:
    pairs = [
        ("eps-x", "privacy@epsilon.com", "req-eps-x.1@example.net", X),
        ("acx-x", "consumeradvo@acxiom.com", "req-acx-x.2@example.net", X),
        ("eps-t", "privacy@legal.epsilon.com", "req-eps-t.3@example.org", T),
    ]
    n = 0
    for key, sender, sent_id, to in pairs:
        for status, text in [*ANSWERS_EN.items(), *list(ANSWERS_ES.items())[:2]]:
            n += 1
            if n > 14:
                return
            out.append(
                Labelled(
                    f"thread-{n}",
                    "thread",
                    message(
                        sender,
                        to,
                        "Re: Privacy request",
                        text + QUOTE,
                        msgid=f"t{n}@mail.test",
                        reply_to=sent_id,
                        references=f"<{sent_id}>",
                    ),
                    key,
                    status,
                )
            )


def _references_only(out: list[Labelled]) -> None:
    for n, (status, text) in enumerate(list(ANSWERS_ES.items())[2:], 1):
        out.append(
            Labelled(
                f"refs-{n}",
                "references",
                message(
                    "Privacidad <privacy@epsilon.com>",
                    T,
                    "RE: Solicitud de privacidad",
                    text,
                    msgid=f"r{n}@mail.test",
                    references="<older.thread@example.org> <req-eps-t.3@example.org>",
                ),
                "eps-t",
                status,
            )
        )


def _tickets(out: list[Labelled]) -> None:
    cases = [
        ("acx-x", "730015", "acknowledged"),
        ("acx-x", "730015", "completed"),
        ("acx-t", "730998", "verification-requested"),
        ("acx-t", "730998", "denied"),
        ("eps-x", "448812", "extended"),
        ("eps-t", "551907", "partially-completed"),
        ("bv-x", "BV99120457", "completed"),
        ("bv-x", "BV99120457", "acknowledged"),
    ]
    domains = {"acx": "acxiom.com", "eps": "epsilon.com", "bv": "beenverified.com"}
    for n, (key, number, status) in enumerate(cases, 1):
        domain = domains[key.split("-")[0]]
        to = X if key.endswith("-x") else T
        text = f"##- Please type your reply above this line -##\n\n{ANSWERS_EN[status]}"
        out.append(
            Labelled(
                f"ticket-{n}",
                "ticket",
                message(
                    f"Privacy Support <support@{domain}>",
                    to,
                    f"[Request #{number}] Re: Your request",
                    text,
                    msgid=f"zd{n}.{number}@{domain}",
                ),
                key,
                status,
            )
        )


def _web_forms(out: list[Labelled]) -> None:
    cases = [
        ("class-x", "classmates.com", "WF-88231", "acknowledged"),
        ("class-x", "classmates.com", "WF-88231", "completed"),
        ("anywho-x", "anywho.com", "AW-310562", "verification-requested"),
        ("anywho-x", "anywho.com", "AW-310562", "completed"),
        ("bv-x", "beenverified.com", "BV99120457", "verification-requested"),
        ("class-x", "classmates.com", "WF-88231", "denied"),
    ]
    for n, (key, domain, number, status) in enumerate(cases, 1):
        out.append(
            Labelled(
                f"webform-{n}",
                "web form",
                message(
                    f"no-reply@forms.{domain}",
                    X,
                    "Your privacy request submission",
                    f"Submission reference: {number}\n\n{ANSWERS_EN[status]}\n\nDo not reply.",
                    msgid=f"wf{n}@forms.{domain}",
                ),
                key,
                status,
            )
        )


def _forwarded(out: list[Labelled]) -> None:
    for n, (status, key, sender, number) in enumerate(
        [
            ("completed", "core-x", "privacy@corelogic.com", ""),
            ("denied", "anywho-x", "privacy@anywho.com", "AW-310562"),
            ("acknowledged", "acx-x", "consumeradvo@acxiom.com", "ZD-730015"),
            ("extended", "core-x", "privacy@corelogic.com", ""),
        ],
        1,
    ):
        text = (
            f"Look what they sent.\n\n---------- Forwarded message ---------\nFrom: "
            f"Privacy Team <{sender}>\nDate: Fri, 13 Nov 2026\nSubject: Your request "
            f"{number}\nTo: <{X}>\n\n{ANSWERS_EN[status]}"
        )
        out.append(
            Labelled(
                f"forward-{n}",
                "forwarded",
                message(
                    f"Xiomara <{X}>",
                    "clinic@example.org",
                    f"Fwd: Your request {number}".strip(),
                    text,
                    msgid=f"fw{n}@example.net",
                ),
                key,
                status,
            )
        )
    # A forward as an attached message (Apple Mail, Outlook "forward as attachment").
    inner = EmailMessage(policy=SMTP)
    inner["From"], inner["To"], inner["Subject"] = "privacy@epsilon.com", X, "Request REQ-448812"
    inner["Message-ID"], inner["Date"] = "<inner1@epsilon.com>", DATE
    inner.set_content(ANSWERS_EN["completed"])
    outer = EmailMessage(policy=SMTP)
    outer["From"], outer["To"], outer["Subject"] = X, "clinic@example.org", "Fw: attached"
    outer["Message-ID"], outer["Date"] = "<fwatt@example.net>", DATE
    outer.set_content("See the attached message.")
    outer.add_attachment(inner)
    out.append(Labelled("forward-attached", "forwarded", outer.as_bytes(), "eps-x", "completed"))


def _charsets(out: list[Labelled]) -> None:
    raw_cases = [
        ("iso-8859-1", "Hemos recibido su solicitud. Atención al cliente, España.", "acknowledged"),
        ("windows-1252", "We have deleted your data \u2014 “done” as asked.", "completed"),
        ("koi8-r", "Ваш запрос получен. We have received your request.", "acknowledged"),
        ("shift_jis", "リクエストを受け付けました. We have received your request.", "acknowledged"),
        ("iso-8859-15", "Sus datos han sido eliminados. Coste: 0 €.", "completed"),
    ]
    for n, (charset, text, status) in enumerate(raw_cases, 1):
        body = text.encode(charset)
        subject = "=?iso-8859-1?q?Re:_Solicitud_de_informaci=F3n?="
        data = (
            (
                f"From: =?iso-8859-1?q?Atenci=F3n?= <privacy@epsilon.com>\r\nTo: {X}\r\n"
                f"Subject: {subject}\r\nDate: {DATE}\r\nMessage-ID: <cs{n}@epsilon.com>\r\n"
                f"In-Reply-To: <req-eps-x.1@example.net>\r\nMIME-Version: 1.0\r\n"
                f"Content-Type: text/plain; charset={charset}\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n"
            ).encode()
            + body
            + b"\r\n"
        )
        out.append(Labelled(f"charset-{charset}", "charset", data, "eps-x", status))
    out.append(
        Labelled(
            "charset-unknown",
            "charset",
            (
                f"From: privacy@epsilon.com\r\nTo: {X}\r\nSubject: Re: request\r\nDate: {DATE}\r\n"
                "Message-ID: <cs9@epsilon.com>\r\nIn-Reply-To: <req-eps-x.1@example.net>\r\n"
                "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
                "We have received your request.\xff\r\n"
            ).encode("latin-1"),
            "eps-x",
            "acknowledged",
        )
    )


def _html(out: list[Labelled]) -> None:
    pages = [
        (
            '<html><head><style>p{color:red}</style><script>fetch("https://tracker.invalid/x")'
            '</script></head><body><img src="https://tracker.invalid/pixel.gif"><p>Your data '
            'has been deleted.</p><a href="https://phish.invalid/login">Click here</a></body>'
            "</html>",
            "completed",
        ),
        (
            '<div>We have received your request.</div><iframe src="https://x.invalid"></iframe>',
            "acknowledged",
        ),
        (
            "<table><tr><td>Please <b>verify your identity</b> at our portal.</td></tr></table>",
            "verification-requested",
        ),
        ("<p>Su solicitud ha sido <i>denegada</i>: exento según la Ley 25.326.</p>", "denied"),
    ]
    for n, (html, status) in enumerate(pages, 1):
        out.append(
            Labelled(
                f"html-{n}",
                "html",
                message(
                    "privacy@epsilon.com",
                    T,
                    "Re: request",
                    "",
                    html=html,
                    msgid=f"h{n}@epsilon.com",
                    reply_to="req-eps-t.3@example.org",
                ),
                "eps-t",
                status,
            )
        )


def _domain_only(out: list[Labelled]) -> None:
    out.append(
        Labelled(
            "domain-1",
            "domain only",
            message(
                "CoreLogic Privacy <privacy@corelogic.com>",
                X,
                "Your privacy request",
                ANSWERS_EN["acknowledged"],
                msgid="d1@corelogic.com",
            ),
            "core-x",
            "acknowledged",
        )
    )
    # 411.com has a request for each person: the To address tells them apart.
    out.append(
        Labelled(
            "domain-2",
            "domain only",
            message(
                "support@411.com", T, "Opt-out request", ANSWERS_EN["completed"], msgid="d2@411.com"
            ),
            "411-t",
            "completed",
        )
    )
    out.append(
        Labelled(
            "domain-3",
            "domain only",
            message(
                "support@411.com",
                X,
                "Opt-out request",
                ANSWERS_EN["verification-requested"],
                msgid="d3@411.com",
            ),
            "411-x",
            "verification-requested",
        )
    )


def _negatives(out: list[Labelled]) -> None:
    plain = [
        ("news@shop.example.com", X, "Black Friday deals", "Save 40% on everything today."),
        ("friend@example.net", X, "Dinner?", "Are we still on for Thursday? Request a table."),
        ("alerts@bank.example", X, "Statement ready", "Your statement 448 is available."),
        ("noreply@social.example", T, "New follower", "Someone followed you."),
        (
            "newsletter@epsilon.com",
            "someone@example.com",
            "Marketing insights",
            "Our quarterly marketing insights report.",
        ),  # the broker's domain, not an answer
        (
            "support@acxiom.com",
            "nobody@example.com",
            "Our privacy webinar",
            "Join our webinar about privacy requests.",
        ),  # two open acxiom requests: ambiguous
        ("spam@spam.example", X, "Re: your request 7300", "Claim your prize 12345."),
        ("bounce@mailer.example", X, "Delivery status", "Reference 4488 could not deliver."),
    ]
    for n, (sender, to, subject, text) in enumerate(plain, 1):
        out.append(
            Labelled(
                f"negative-{n}",
                "negative",
                message(
                    sender,
                    to,
                    subject,
                    text,
                    msgid=f"n{n}@mail.test",
                    references="<unrelated.1@mail.test>" if n == 7 else "",
                ),
                None,
                None,
            )
        )
    out.append(
        Labelled(
            "negative-fake-thread",
            "negative",
            message(
                "spam@spam.example",
                X,
                "Re: privacy",
                "We have deleted your data, click here.",
                msgid="n20@mail.test",
                reply_to="req-unknown@example.net",
            ),
            None,
            None,
        )
    )


def _hostile(out: list[Labelled]) -> None:
    escapes = (
        "\x1b[31mURGENT\x1b[0m \u202egnp.exe <script>alert(1)</script> "
        "\x07\x1b]8;;https://evil.invalid\x07link\x1b]8;;\x07"
    )
    data = (
        f'From: \x1b[2J"Adm\u202ein" <privacy@epsilon.com>\r\nTo: {X}\r\n'
        f"Subject: {escapes}\r\nDate: {DATE}\r\nMessage-ID: <host1@epsilon.com>\r\n"
        "In-Reply-To: <req-eps-x.1@example.net>\r\n\r\n"
        "Your data has been deleted.\x1b[8m hidden\r\n"
    ).encode()
    out.append(Labelled("hostile-escapes", "hostile", data, "eps-x", "completed"))
    nested = "multipart/mixed; boundary=b0"
    parts = []
    for depth in range(40):
        parts.append(f"--b{depth}\r\nContent-Type: multipart/mixed; boundary=b{depth + 1}\r\n\r\n")
    body = "".join(parts) + "--b40\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
    out.append(
        Labelled(
            "hostile-nested",
            "hostile",
            (
                f"From: privacy@epsilon.com\r\nTo: {X}\r\nSubject: deep\r\nDate: {DATE}\r\n"
                f"Message-ID: <host2@epsilon.com>\r\nMIME-Version: 1.0\r\nContent-Type: {nested}\r\n\r\n"
                + body
            ).encode(),
            None,
            None,
            skipped=True,
        )
    )
    many = "".join(f"--m\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n" for i in range(400))
    out.append(
        Labelled(
            "hostile-many-parts",
            "hostile",
            (
                f"From: privacy@epsilon.com\r\nTo: {X}\r\nSubject: many\r\nDate: {DATE}\r\n"
                "Message-ID: <host3@epsilon.com>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/mixed; boundary=m\r\n\r\n" + many + "--m--\r\n"
            ).encode(),
            None,
            None,
            skipped=True,
        )
    )
    out.append(
        Labelled("hostile-garbage", "hostile", bytes(range(256)) * 8, None, None, skipped=True)
    )
    attach = EmailMessage(policy=SMTP)
    attach["From"], attach["To"], attach["Subject"] = "privacy@epsilon.com", X, "Your file"
    attach["Message-ID"], attach["Date"] = "<host4@epsilon.com>", DATE
    attach["In-Reply-To"] = "<req-eps-x.1@example.net>"
    attach.set_content(
        "Attached is a copy of the information we hold; we have received your request."
    )
    attach.add_attachment(
        b"MZ\x90\x00fake-executable",
        maintype="application",
        subtype="octet-stream",
        filename="../../invoice\u202efdp.exe",
    )
    out.append(
        Labelled("hostile-attachment", "hostile", attach.as_bytes(), "eps-x", "acknowledged")
    )


def labelled() -> list[Labelled]:
    out: list[Labelled] = []
    for part in (
        _thread,
        _references_only,
        _tickets,
        _web_forms,
        _forwarded,
        _charsets,
        _html,
        _domain_only,
        _negatives,
        _hostile,
    ):
        part(out)
    return out


def huge_message(size: int) -> bytes:
    head = (
        f"From: privacy@epsilon.com\r\nTo: {X}\r\nSubject: huge\r\nDate: {DATE}\r\n"
        "Message-ID: <huge@epsilon.com>\r\n\r\n"
    ).encode()
    return head + (b"x" * 998 + b"\r\n") * (size // 1000 + 1)


def write_mbox(path: Path, messages: list[bytes]) -> Path:
    box = mailbox.mbox(str(path), create=True)
    box.lock()
    try:
        for data in messages:
            box.add(mailbox.mboxMessage(data))
    finally:
        box.flush()
        box.unlock()
        box.close()
    return path
