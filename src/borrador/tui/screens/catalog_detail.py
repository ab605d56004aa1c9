"""Everything the catalog knows about one entry, as the text of the catalog's detail pane:
channels with every address, requirements, sources, registry reach, reported problems and the
broker's compliance scorecard from this store's own requests."""

from __future__ import annotations

from borrador.i18n import _
from borrador.services import Session
from borrador.services.catalog import model
from borrador.tui.wording import catalog_text

REGISTRY_STATES, REQUIREMENTS = model.REGISTRY_STATES, model.REQUIREMENTS


def _yes_no(value: bool | None) -> str:
    return _("unknown (no registry imported)") if value is None else _("yes") if value else _("no")


def detail_text(session: Session, slug: str) -> str:
    """Plain text (the caller shows it literally); raises BorradorError for an unknown slug."""
    entry = session.catalog.details(slug)
    lines = [entry.name]
    if entry.parent:
        lines.append(_("Part of: {p}").format(p=entry.parent))
    if entry.covered_by:
        lines.append(_("Covered by the opt-out of: {p}").format(p=entry.covered_by))
    if entry.brands:
        lines.append(_("Brands: {b}").format(b=", ".join(entry.brands)))
    if entry.website:
        lines.append(_("Website: {w}").format(w=entry.website))
    if entry.domains:
        lines.append(_("Domains: {d}").format(d=", ".join(entry.domains)))
    if entry.categories:
        lines.append(_("Categories: {c}").format(c=", ".join(_(c) for c in entry.categories)))
    if entry.agency_products:
        lines.append(_("Products sold to agencies: {p}").format(p=", ".join(entry.agency_products)))
    if entry.processing_days is not None:
        lines.append(_("Processing takes about {n} days").format(n=entry.processing_days))
    if entry.relist_days is not None:
        lines.append(_("Re-check the listing {n} days after a removal").format(n=entry.relist_days))
    lines.append(entry.notes)
    # the entry's own warnings first, then what its channels ask for (once each)
    lines += [_("Warning: {w}").format(w=catalog_text(w)) for w in entry.requirement_warnings()]
    lines += [_("Unverified: {u}").format(u=u) for u in entry.unverified]
    for link in entry.gov_links:
        lines.append(f"• {link.kind}: {link.summary} ({link.source})")
    lines.append(_("Channels:"))
    for channel in entry.channels:
        lines.append(f"• {channel.type} ({', '.join(channel.purposes)})")
        for label, value in (
            (_("URL"), channel.url),
            (_("Email"), channel.email),
            (_("Phone"), channel.phone),
            (_("Address"), channel.address.replace("\n", ", ")),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        if channel.requires:
            needs = ", ".join(_(REQUIREMENTS.get(r, r)) for r in channel.requires)
            lines.append("  " + _("Needs: {needs}").format(needs=needs))
        lines += [f"  {step}" for step in channel.steps]
        if channel.note:
            lines.append(f"  {channel.note}")
        if channel.unverified:
            lines.append("  " + _("(unverified)"))
        if channel.source:
            lines.append("  " + _("Source: {s}").format(s=channel.source))
    lines.append(_("Sources: {s}").format(s=", ".join(entry.sources)))
    lines.append(_("Last verified: {d} ({q})").format(d=entry.last_verified, q=entry.quality))
    reach = session.catalog.reach(slug)
    for state, name in REGISTRY_STATES.items():
        if reach.get(state) is not None:
            lines.append(_("In the {state} registry: {yes}").format(
                state=name, yes=_yes_no(reach.get(state))))  # fmt: skip
    lines.append(_("California DROP reaches it: {yes}").format(yes=_yes_no(reach.get("drop"))))
    reports = session.corrections.for_broker(slug)
    if reports:
        lines.append(_("Reported problems:"))
        lines += [
            f"• {r.reported_on} {r.channel} {r.target}: {r.problem} {r.note}" for r in reports
        ]
    lines.append(_scorecard(session, slug))
    return "\n".join(x for x in lines if x)


def _scorecard(session: Session, slug: str) -> str:
    score = session.scorecard.for_broker(slug)
    if score is None:
        return _("Scorecard: no requests sent to it from this store yet.")
    median = "—" if score.median_days_to_answer is None else f"{score.median_days_to_answer:g}"
    return _(
        "Scorecard: {sent} sent, {answered} answered ({in_time} in time, {late} late), "
        "{overdue} overdue, {denials} denied, {removed} removals, {relisted} relisted; "
        "median {median} days to answer."
    ).format(
        sent=score.sent, answered=score.answered, in_time=score.answered_in_time,
        late=score.answered_late, overdue=score.overdue_unanswered, denials=score.denials,
        removed=score.removals_completed, relisted=score.relistings, median=median,
    )  # fmt: skip
