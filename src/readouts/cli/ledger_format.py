"""Plain-text renderings of ledger events, gap reports and claim verdicts for the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from readouts.claims import ClaimVerdict
from readouts.query import GapReport
from readouts.records import Contact, Participant

EVIDENCE_WIDTH = 160
TABLE_PEOPLE = 4  # a summit's delegations: `readouts event` lists them all


def who(p: Participant) -> str:
    """Return 'Name (COUNTRY)' or 'COUNTRY:office' for a participant."""
    if p.name:
        return f"{p.name} ({p.country})" if p.country else p.name
    return p.key


def people(c: Contact, limit: int | None = None) -> str:
    """Return the participants, the first ``limit`` of them and a count of the rest."""
    names = [who(p) for p in c.participants]
    if limit is not None and len(names) > limit:
        return ", ".join(names[:limit]) + f" +{len(names) - limit}"
    return ", ".join(names)


def _clip(text: str, width: int = EVIDENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[Sequence[str]], head: Sequence[str]) -> list[str]:
    """Return left-aligned columns separated by two spaces, trailing spaces stripped."""
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    return [
        "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [head, *rows]
    ]


def contacts_lines(events: Sequence[Contact]) -> list[str]:
    """Return the contacts listing: one row per event, then a count."""
    if not events:
        return ["no contacts"]
    rows = [
        (
            c.date or "undated",
            c.status + ("*" if c.implied else ""),
            c.mode,
            people(c, limit=TABLE_PEOPLE),
            str(c.outlets),
            f"{c.confidence:.2f}",
            c.id,
        )
        for c in events
    ]
    head = ("DATE", "STATUS", "MODE", "PARTICIPANTS", "OUTLETS", "CONF", "EVENT")
    lines = table(rows, head)
    lines.append(f"{len(events)} contact{'s' if len(events) != 1 else ''}")
    if any(c.implied for c in events):
        lines.append("* implied by a gap claim")
    return lines


def source_lines(c: Contact) -> list[str]:
    lines = []
    for s in c.sources:
        where = s.outlet or "?"
        kind = " (gap claim)" if s.kind == "gap_claim" else ""
        lines.append(
            f"  {s.doc_id}  {where}  published {s.published or '?'}  "
            f"says {s.status or '?'} {s.date or 'undated'}{kind}"
        )
        for e in s.evidence:
            lines.append(f"    “{_clip(e.text)}” [{e.start}:{e.end}]")
    return lines


def event_lines(c: Contact) -> list[str]:
    """Return everything about one event."""
    lines = [
        f"event {c.id}",
        f"date: {c.date or 'undated'}",
        f"status: {c.status}" + (" (implied by a gap claim)" if c.implied else ""),
        f"history: {' → '.join(c.status_history)}",
        f"mode: {c.mode}",
        f"participants: {people(c)}",
    ]
    for label, value in (
        ("location", c.location),
        ("duration", f"{c.duration_minutes} minutes" if c.duration_minutes else None),
        ("initiator", c.initiator),
        ("topics", ", ".join(c.topics) if c.topics else None),
    ):
        if value:
            lines.append(f"{label}: {value}")
    lines.append(f"outlets: {c.outlets}  confidence: {c.confidence:.2f}")
    if c.conflicts:
        lines.append("conflicts:")
        lines.extend(f"  {x}" for x in c.conflicts)
    lines.append(f"sources ({len(c.sources)}):")
    lines.extend(source_lines(c))
    if c.accounts:
        lines.append("accounts:")
        for side in sorted({a.side for a in c.accounts}):
            lines.append(f"  {side}:")
            lines.extend(
                f"    {a.speaker or '?'}: “{_clip(a.text)}” ({a.doc_id})"
                for a in c.accounts
                if a.side == side
            )
    return lines


def last_lines(c: Contact) -> list[str]:
    """Return the answer to `readouts last`: date, mode, participants, sources."""
    return [
        f"{c.date}  {c.mode}  {c.status}" + ("  (implied by a gap claim)" if c.implied else ""),
        f"participants: {people(c)}",
        f"event: {c.id}",
        f"sources ({len(c.sources)}):",
        *source_lines(c),
    ]


def gaps_lines(report: GapReport) -> list[str]:
    """Return the gaps report: the gaps longest first, then the days since the last contact."""
    n = len(report.contacts)
    if n == 0:
        return [f"no occurred contacts between {report.a} and {report.b}"]
    lines = [f"{n} occurred contact{'s' if n != 1 else ''} between {report.a} and {report.b}"]
    implied = {c.id for c in report.contacts if c.implied}

    def mark(day: str, event_id: str) -> str:
        return day + ("*" if event_id in implied else "")

    if report.gaps:
        rows = [
            (str(g.days), mark(g.start, g.start_event), mark(g.end, g.end_event))
            + (g.start_event, g.end_event)
            for g in report.gaps
        ]
        lines.extend(table(rows, ("DAYS", "FROM", "TO", "FROM_EVENT", "TO_EVENT")))
    last = report.last
    if last is not None:
        lines.append(f"last contact: {mark(last.date or '', last.id)} ({last.mode}, {last.id})")
        lines.append(f"days since the last contact: {report.days_since_last}")
    if implied:
        lines.append("* implied by a gap claim")
    return lines


def claims_lines(verdicts: Sequence[ClaimVerdict]) -> list[str]:
    """Return one block per gap claim with its verdict."""
    if not verdicts:
        return ["no gap claims"]
    lines = []
    for v in verdicts:
        c = v.claim
        names = " – ".join(p.name or p.key for p in c.participants)
        event = f" [{v.event_id}]" if v.event_id else ""
        lines.append(
            f"{v.verdict.upper()}  {c.type} {c.since or '?'} ({c.mode})  {names}  "
            f"doc {c.doc_id} {v.published or 'undated'}"
        )
        if c.evidence:
            lines.append(f"  “{_clip(' '.join(e.text for e in c.evidence))}”")
        lines.append(f"  {v.reason}{event}")
    counts = {k: sum(v.verdict == k for v in verdicts) for k in ("consistent", "contradicted")}
    unverifiable = len(verdicts) - sum(counts.values())
    lines.append(
        f"{len(verdicts)} claim{'s' if len(verdicts) != 1 else ''}: "
        f"{counts['consistent']} consistent, "
        f"{counts['contradicted']} contradicted, {unverifiable} unverifiable"
    )
    return lines
