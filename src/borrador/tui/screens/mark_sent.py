"""The dialog that marks one or several letters sent on the same day (step 6 of New requests).
All are marked or none; a refusal names the letter it is about and keeps the dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from borrador.core.requests import Request
from borrador.core.text import parse_date
from borrador.i18n import _
from borrador.services.letter_files import Made
from borrador.tui.base import BaseScreen
from borrador.tui.messages import RequestChanged
from borrador.tui.screens.modals import Field, FormModal
from borrador.tui.wording import CHANNELS


def ask_mark_sent(
    screen: BaseScreen,
    chosen: list[Made],
    name: Callable[[Made], str],
    done: Callable[[list[Request]], None],
) -> None:
    names = {m.request.id or 0: name(m) for m in chosen}
    fields: list[Field] = [("on", _("Date sent (empty for today)"), "", None)]
    if any(m.request.channel is None for m in chosen):  # plain text: it could have gone any way
        fields.append(("channel", _("How (letters made as plain text)"), "mail",
                       [(k, _(t)) for k, t in CHANNELS]))  # fmt: skip
    if len(chosen) == 1:
        fields.append(("confirmation", _("Certified-mail or confirmation number"), "", None))
        note = ""
    else:
        note = _("Each letter's own certified-mail number goes on its request (Enter opens it).")
    note = "\n".join(filter(None, [unsigned_warning(screen, list(names), names), note]))

    def submit(values: dict[str, Any]) -> None:
        # A refusal names its letter ("411.info: …") and keeps the dialog; nothing is marked.
        text = values["on"].strip()
        sent = screen.session.requests.mark_sent_many(
            list(names),
            on=parse_date("date", text) if text else None,
            channel=values.get("channel"),
            confirmation=values.get("confirmation", ""),
        )
        screen.say(_("{n} marked sent.").format(n=len(sent)))
        screen.announce(RequestChanged())
        done(sent)

    title = _("Mark {n} letters sent").format(n=len(chosen)) if len(chosen) > 1 else _("Mark sent")
    screen.app.push_screen(FormModal(title, fields, note, submit=submit))


def unsigned_warning(screen: BaseScreen, request_ids: list[int], names: dict[int, str]) -> str:
    """Agent letters whose signed authorisation is not recorded: the recipient may refuse
    them, so the dialog says so before they are marked sent."""
    unsigned = screen.session.clinic.unauthorised(request_ids)
    if not unsigned:
        return ""
    return _("⚠ Agent letters without the person's signed authorisation recorded: {names}. "
             "Record it on the Clinic screen (F6) once it is signed.").format(
        names=", ".join(names.get(r.id or 0, r.recipient) for r in unsigned))  # fmt: skip
