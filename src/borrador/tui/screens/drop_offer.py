"""The guided flow's DROP offer: a Californian asking brokers to delete or stop selling is told
that California's DROP does it at once (the letters can still be made)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borrador.i18n import _

if TYPE_CHECKING:
    from borrador.services import Session


def drop_reached(session: Session, recipients: list[str]) -> tuple[int, bool]:
    """How many chosen recipients DROP reaches, and whether that is known (a California
    Delete Act registry was imported)."""
    catalog = session.catalog.catalog()
    brokers = [s for s in recipients if catalog.covering(s).kind == "broker"]
    reach = [session.catalog.reach(s).get("drop") for s in brokers]
    return sum(1 for r in reach if r), any(r is not None for r in reach) or not brokers


def drop_note(session: Session, state: str, recipients: list[str], kind: str) -> str:
    """The note to show, or "" when DROP is not for this person or request."""
    if state != "CA" or kind not in ("delete", "opt-out"):
        return ""
    reached, known = drop_reached(session, recipients)
    if not reached and known:
        return ""
    if known:
        lead = _("California's DROP reaches {n} of these brokers: one request there asks "
                 "every registered broker to delete at once.").format(n=reached)  # fmt: skip
    else:
        lead = _(
            "California residents can use DROP, one request to every broker in the "
            "state's registry (import the registry to see which of these it reaches)."
        )
    return lead + " " + _("Ctrl+G opens the DROP guide. You can still make these letters.")
