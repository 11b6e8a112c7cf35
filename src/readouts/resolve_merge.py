"""Merge the units of one resolved event into a ledger ``Contact`` (rules in docs/ledger.md)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence

from readouts import dates
from readouts.records import Contact, Evidence, Source
from readouts.resolve_accounts import accounts_for
from readouts.resolve_units import PRE_STATUSES, STATUS_ORDER, Unit, merge_participants

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
# A gap claim is indirect evidence: it counts half an outlet towards confidence.
CLAIM_WEIGHT = 0.5
UNDATED_FACTOR = 0.8
CONFLICT_FACTOR = 0.9


def event_id(units: Sequence[Unit]) -> str:
    """Return a stable id: a hash of the earliest-reported unit (mentions before claims)."""
    first = min(units, key=lambda u: (u.kind != "mention", u.meta.published or "9999", u.key))
    return "ev-" + hashlib.sha1(first.key.encode()).hexdigest()[:12]


def best_date(values: Sequence[str]) -> str | None:
    """Return the most precise date supported by most of ``values`` (earliest on ties)."""
    if not values:
        return None

    def score(d: str) -> tuple[int, int, tuple[int, ...]]:
        support = sum(dates.compatible(d, o, tolerance_days=0) for o in values)
        rank = _PRECISION_RANK[dates.precision(d)]
        # Negated sort key: among equals, the earliest date wins under max().
        key = dates.sort_key(d)
        return rank, support, tuple(-k for k in key)

    return max(sorted(set(values)), key=score)


def _majority(values: Sequence[object], label: str, conflicts: list[str]) -> object | None:
    """Return the most frequent value (smallest on ties) and note disagreement in ``conflicts``."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if len(ranked) > 1:
        detail = " vs ".join(f"{v} ({n} source{'s' if n > 1 else ''})" for v, n in ranked)
        conflicts.append(f"{label}: {detail}")
    return ranked[0][0]


def status_of(units: Sequence[Unit]) -> tuple[str, tuple[str, ...]]:
    """Return the current status and the history of statuses reported, oldest first.

    Reports are ordered by publication date, ties by ``STATUS_ORDER``; the latest one
    wins, except that a request or plan never overrides an outcome reported earlier.
    """
    reports = sorted(
        (u.meta.published or "", STATUS_ORDER.get(u.status, 0), u.status)
        for u in units
        if u.kind == "mention"
    )
    if not reports:
        return "occurred", ("occurred",)
    current: str | None = None
    for _, _, status in reports:
        if current is not None and status in PRE_STATUSES and current not in PRE_STATUSES:
            continue
        current = status
    current = current or reports[-1][2]
    # An undated report has no place in time: it shows in the history only when nothing
    # else does, or as the current status it decided.
    dated = [status for published, _, status in reports if published] or [
        status for _, _, status in reports
    ]
    history: list[str] = []
    for status in dated if current in dated else [*dated, current]:
        if not history or history[-1] != status:
            history.append(status)
    return current, tuple(history)


def confidence(outlets: int, claim_outlets: int, dated: bool, conflicted: bool) -> float:
    """Return 1 - 0.5**w, w = reporting outlets + half the claim-only outlets, then discounted."""
    weight = outlets + CLAIM_WEIGHT * claim_outlets
    value = 1 - 0.5**weight
    if not dated:
        value *= UNDATED_FACTOR
    if conflicted:
        value *= CONFLICT_FACTOR
    return round(min(value, 0.99), 2)


def _sources(units: Sequence[Unit]) -> tuple[Source, ...]:
    """Return one source per document and kind, its evidence merged."""
    groups: dict[tuple[str, str], list[Unit]] = {}
    # By publication, then document; within a document its mentions before its claims.
    for u in sorted(
        units, key=lambda u: (u.meta.published or "9999", u.doc_id, u.kind != "mention", u.key)
    ):
        groups.setdefault((u.doc_id, u.kind), []).append(u)
    sources = []
    for (doc_id, kind), us in groups.items():
        evidence: list[Evidence] = []
        for u in us:
            evidence.extend(e for e in u.evidence if e not in evidence)
        status, _ = status_of(us) if kind == "mention" else ("occurred", ())
        sources.append(
            Source(
                doc_id=doc_id,
                outlet=us[0].meta.outlet,
                published=us[0].meta.published,
                status=status,
                date=best_date([u.date for u in us if u.date]),
                evidence=tuple(sorted(evidence, key=lambda e: (e.start, e.end))),
                kind=kind,
            )
        )
    return tuple(sources)


def build_contact(
    units: Sequence[Unit], owner: Callable[[str, int], str | None] | None = None
) -> Contact:
    """Return the ledger event the given units (one resolved cluster) describe.

    ``owner`` (see ``resolve_accounts.evidence_owner``) keeps statements about other
    contacts of the same documents out of this event's accounts.
    """
    reported = [u for u in units if u.kind == "mention"]
    basis = reported or list(units)
    conflicts: list[str] = []
    participants = merge_participants(u.participants for u in basis)
    modes = [u.mode for u in basis if u.mode != "unspecified"]
    mode = _majority(modes, "mode", conflicts) or "unspecified"
    status, history = status_of(units)
    all_dates = [u.date for u in basis if u.date] or [u.date for u in units if u.date]
    date = best_date(all_dates)
    days = sorted({d for d in all_dates if dates.precision(d) == "day"})
    if len(days) > 1:
        conflicts.append("date: " + " vs ".join(days))
    duration = _majority([u.duration_minutes for u in reported], "duration_minutes", conflicts)
    location = _majority([u.location for u in reported], "location", conflicts)
    initiator = _majority([u.initiator for u in reported], "initiator", conflicts)
    topics = tuple(sorted({t for u in reported for t in u.topics}))
    sources = _sources(units)
    reporting = {s.outlet or s.doc_id for s in sources if s.kind == "mention"}
    claiming = {s.outlet or s.doc_id for s in sources if s.kind == "gap_claim"} - reporting
    return Contact(
        id=event_id(units),
        participants=participants,
        mode=str(mode),
        status=status,
        date=date,
        location=location if isinstance(location, str) else None,
        duration_minutes=duration if isinstance(duration, int) else None,
        initiator=initiator if isinstance(initiator, str) else None,
        topics=topics,
        sources=sources,
        outlets=len(reporting | claiming),
        confidence=confidence(len(reporting), len(claiming), date is not None, bool(conflicts)),
        implied=not reported,
        accounts=accounts_for(reported, participants, owner),
        conflicts=tuple(conflicts),
        status_history=history,
    )
