"""How the CLI shows replies: stable JSON keys, and text shown literally (sanitised again on
the way out, whatever the store holds)."""

from __future__ import annotations

from typing import Any

from borrador.core.display import sanitize
from borrador.services.replies import ImportResult, Outcome


def outcome_json(o: Outcome) -> dict[str, Any]:
    data: dict[str, Any] = {"reply_id": o.reply_id}
    if o.request_id is not None:
        data.update(
            request_id=o.request_id,
            confidence=round(o.confidence, 2),
            reason=o.reason,
            suggested=o.suggested or None,
            until=o.until or None,
            exemption=o.exemption or None,
            evidence=o.evidence or None,
        )
    else:
        data["reason"] = o.reason
    data.update(
        {
            "from": o.from_address,
            "from_name": o.from_name,
            "date": o.date,
            "subject": o.subject,
            "source": o.source,
        }
    )
    return data


def result_json(result: ImportResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "matched": [outcome_json(o) for o in result.matched],
        "unmatched": [outcome_json(o) for o in result.unmatched],
        "skipped": [
            {"file": s.file, "position": s.position, "reason": s.reason} for s in result.skipped
        ],
        "already_stored": result.already,
        "ignored": result.ignored,
    }
    if result.interrupted:
        data["interrupted"] = result.interrupted
    return data


def reply_json(row: Any) -> dict[str, Any]:
    return {
        "reply_id": row.id,
        "request_id": row.request_id,
        "from": row.from_address,
        "from_name": row.from_name,
        "date": row.sent_at,
        "subject": row.subject,
        "text": row.body,
        "state": row.state,
        "confidence": round(row.confidence, 2),
        "reason": row.reason,
        "suggested": row.suggested or None,
        "until": row.suggestion.get("until") or None,
        "exemption": row.suggestion.get("exemption") or None,
        "attachments": [
            {"filename": n, "content_type": t, "size": s, "kept": k}
            for n, t, s, k in row.attachments
        ],
    }


def _suggestion(status: str, until: str, exemption: str) -> str:
    if not status:
        return "no clear next step (say which with --status)"
    extra = f" until {until}" if until else ""
    extra += f" (exemption named: {exemption})" if exemption else ""
    return f"{status}{extra}"


def result_text(result: ImportResult) -> list[str]:
    lines = []
    for o in result.matched:
        lines.append(
            sanitize(
                f"Reply {o.reply_id} -> request {o.request_id} ({o.confidence:.0%}: {o.reason})\n"
                f"    from {o.from_address} on {o.date[:10] or '?'}: {o.subject!r}\n"
                f"    suggests: {_suggestion(o.suggested, o.until, o.exemption)}"
            )
        )
    for o in result.unmatched:
        lines.append(
            sanitize(
                f"Reply {o.reply_id} unmatched ({o.reason})\n"
                f"    from {o.from_address} on {o.date[:10] or '?'}: "
                f"{o.subject!r}"
            )
        )
    for s in result.skipped:
        where = f" {s.position}" if s.position else ""
        lines.append(sanitize(f"Skipped {s.file}{where}: {s.reason}"))
    lines.append(
        f"{len(result.matched)} matched, {len(result.unmatched)} unmatched, "
        f"{len(result.skipped)} skipped, {result.already} already stored, "
        f"{result.ignored} from a mailbox not about any request (not kept). "
        "No request's status was changed."
    )
    if result.unmatched:
        lines.append(
            "Assign or dismiss the unmatched ones: borrador replies assign REPLY_ID "
            "REQUEST_ID / borrador replies dismiss REPLY_ID"
        )
    if result.matched:
        lines.append("Apply a suggestion after reading the reply: borrador replies accept REPLY_ID")
    return lines


def reply_line(row: Any) -> str:
    to = f"request {row.request_id}" if row.request_id else "unmatched"
    return sanitize(
        f"{row.id:>6}  {row.sent_at[:10] or '?':<10}  {to:<14} {row.state:<9} "
        f"{row.from_address}  {row.subject!r}"
    )


def reply_text(row: Any) -> str:
    lines = [
        f"Reply {row.id} ({row.state})",
        f"  From:    {row.from_name} <{row.from_address}>"
        if row.from_name
        else f"  From:    {row.from_address}",
        f"  Date:    {row.sent_at or '(none given)'}",
        f"  Subject: {row.subject!r}",
    ]
    if row.request_id:
        lines.append(f"  Request: {row.request_id} ({row.confidence:.0%}: {row.reason})")
        lines.append(
            "  Suggests: "
            + _suggestion(
                row.suggested, row.suggestion.get("until", ""), row.suggestion.get("exemption", "")
            )
        )
    for name, kind, size, kept in row.attachments:
        note = "kept, not opened" if kept else "too large: only its name and size were kept"
        lines.append(f"  Attachment: {name!r} ({kind}, {size} bytes; {note})")
    lines.append("")
    lines.append(row.body)
    return sanitize("\n".join(lines))
