"""What to do next about a due item, in the user's language."""

from __future__ import annotations

from typing import Any

from borrador.i18n import N_, _
from borrador.tui.dates import show_date


def next_step(item: Any) -> str:
    date = show_date(item.date)
    kind = _("legal deadline") if item.legal else _("target date (no statute)")
    if item.what == "re-check":
        return _("Check whether the person is listed again (since {date}).").format(date=date)
    if item.what == "verification":
        return _("Waiting on the person: answer the verification request.")
    if item.what == "acknowledgement":
        return _("No acknowledgement by {date}: check the spam folder, then follow up.").format(
            date=date
        )
    if item.days_left >= 0:
        return _("Wait for the answer: {kind} {date}.").format(kind=kind, date=date)
    if item.status == "complaint-filed":
        return _("Complaint filed: note any answer from the regulator.")
    if item.status == "follow-up-sent":
        return _("Still no answer after a follow-up: file a complaint with {who}.").format(
            who=item.complaint_to or _("the regulator")
        )
    return _("The {kind} passed on {date}: send a follow-up letter.").format(kind=kind, date=date)


def catalog_text(text: str) -> str:
    """A catalog entry's own text (a warning) in the screen's language where the catalog
    has it translated; otherwise as written, saying it is the catalog's English."""
    from borrador.i18n import language, shown

    worded = shown(text)
    if worded != text or language() == "en" or not text:
        return worded
    return _("{text} (from the catalog, in English)").format(text=text)


# How a request went, as the screens name it (a channel value, its label).
CHANNELS = [
    ("mail", N_("mail")),
    ("email", N_("email")),
    ("web", N_("web form")),
    ("fax", N_("fax")),
    ("phone", N_("phone")),
]


def channel_label(channel: object) -> str:
    return _(dict(CHANNELS).get(str(channel), str(channel))) if channel else "—"


# Status, kind and recipient names that the screens translate when they show them.
TERMS = (
    N_("drafted"),
    N_("sent"),
    N_("acknowledged"),
    N_("verification-requested"),
    N_("extended"),
    N_("completed"),
    N_("partially-completed"),
    N_("denied"),
    N_("follow-up-sent"),
    N_("complaint-filed"),
    N_("withdrawn"),
    N_("opt-out"),
    N_("delete"),
    N_("access"),
    N_("disclosure"),
    N_("dispute"),
    N_("records"),
    N_("follow-up"),
    N_("complaint"),
    N_("broker"),
    N_("agency"),
    N_("Full name"),
    N_("Date of birth"),
    N_("Address"),
    N_("Email"),
    N_("Phone"),
)


# Catalog categories and what a channel asks for, as the catalog screen shows them.
CATALOG_TERMS = (
    N_("risk-and-identity"),
    N_("people-search"),
    N_("marketing"),
    N_("credit-bureau"),
    N_("consumer-reporting"),
    N_("location"),
    N_("government-contractor"),
    N_("property"),
    N_("business-contact"),
    N_("insurance"),
    N_("government-agency"),
    N_("your name"),
    N_("your date of birth"),
    N_("your address"),
    N_("an email address"),
    N_("a phone number"),
    N_("solving a captcha"),
    N_("clicking a link sent by email"),
    N_("a code sent by text message"),
    N_("the web address of your listing"),
    N_("creating an account"),
    N_("answering questions about your credit history"),
    N_("a Social Security number (optional there: leave it out)"),
    N_("uploading a photo of an ID document"),
    N_("a phone call"),
    N_("a payment"),
    N_("your phone's advertising ID"),
    N_("a signed form"),
)
