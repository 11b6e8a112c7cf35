"""Check every gap claim ("the first call since February") against the ledger as it stands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from readouts import dates
from readouts.records import Contact, GapClaim
from readouts.resolve_units import claim_participants, participants_compatible, valid_date
from readouts.store import ledger as ledger_store

__all__ = ["VERDICTS", "ClaimVerdict", "check_claim", "verdicts"]

VERDICTS = ("consistent", "contradicted", "unverifiable")


@dataclass(frozen=True)
class ClaimVerdict:
    """A gap claim, its verdict, and the ledger event behind the verdict."""

    claim: GapClaim
    verdict: str  # consistent | contradicted | unverifiable
    reason: str
    event_id: str | None = None  # the contradicting (or corroborating) event
    published: str | None = None  # the claim's document date

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.claim.doc_id,
            "type": self.claim.type,
            "mode": self.claim.mode,
            "since": self.claim.since,
            "participants": [p.name or p.key for p in self.claim.participants],
            "evidence": " ".join(e.text for e in self.claim.evidence),
            "published": self.published,
            "verdict": self.verdict,
            "event_id": self.event_id,
            "reason": self.reason,
        }


def _about(claim: GapClaim, c: Contact) -> bool:
    return participants_compatible(claim_participants(claim), c.participants)


def _mode_counts(claim: GapClaim, c: Contact, strict: bool) -> bool:
    """Return whether an event of mode ``c.mode`` is the kind of contact the claim counts."""
    if claim.mode == "unspecified":
        return True
    return c.mode == claim.mode or (not strict and c.mode == "unspecified")


def _current(claim: GapClaim, events: Sequence[Contact], published: str | None) -> Contact | None:
    """Return the contact the claim's own document reports after ``since``, if any.

    That contact is the one the claim measures to ("the first call since February"
    is about the call the article reports), so it cannot contradict the claim.
    """
    since_end = dates.interval(claim.since)[1] if claim.since else None
    own = [
        c
        for c in events
        if c.date
        and any(s.doc_id == claim.doc_id and s.kind == "mention" for s in c.sources)
        and (
            (since_end is not None and dates.interval(c.date)[0] > since_end)
            or (published is not None and dates.compatible(c.date, published, tolerance_days=1))
        )
    ]
    return max(own, key=lambda c: dates.interval(c.date or "")[1], default=None)


def check_claim(claim: GapClaim, published: str | None, ledger: Sequence[Contact]) -> ClaimVerdict:
    """Return the verdict on one gap claim given the ledger's events."""

    def verdict(v: str, reason: str, event: Contact | None = None) -> ClaimVerdict:
        return ClaimVerdict(claim, v, reason, event.id if event else None, published)

    published = valid_date(published)
    since = valid_date(claim.since)
    if since is None:
        return verdict("unverifiable", "the claim gives no date to check against")
    events = [c for c in ledger if c.status == "occurred" and c.date and _about(claim, c)]
    since_end = dates.interval(since)[1]
    # The claim measures up to the contact its own document reports, else to its date;
    # a day of slack either side absorbs time zones.
    current = _current(claim, events, published)
    anchor = current.date if current else published
    if anchor is None:
        return verdict("unverifiable", "the claim's document has no date")
    upper = dates.interval(anchor)[0]
    lo = since_end + timedelta(days=1)
    hi = upper - timedelta(days=1 if current else 0)
    between = [
        c
        for c in events
        if c is not current
        and _mode_counts(claim, c, strict=True)
        and _strictly_within(c.date or "", lo, hi)
        and not all(s.doc_id == claim.doc_id and s.kind == "gap_claim" for s in c.sources)
    ]
    if between:
        hit = max(between, key=lambda c: dates.interval(c.date or "")[1])
        return verdict(
            "contradicted",
            f"{_a(hit.mode)} on {hit.date} falls between {claim.since} and {upper}",
            hit,
        )
    reported = [
        c
        for c in events
        if c is not current
        and _mode_counts(claim, c, strict=False)
        and any(s.kind == "mention" for s in c.sources)
    ]
    if claim.type == "none_since":
        before = [c for c in reported if dates.interval(c.date or "")[0] <= lo]
        support = max(before, key=lambda c: dates.interval(c.date or "")[1], default=None)
    else:
        matching = [c for c in reported if dates.compatible(c.date, claim.since, tolerance_days=1)]
        support = max(matching, key=lambda c: dates.interval(c.date or "")[1], default=None)
    if support is not None:
        return verdict(
            "consistent",
            f"the ledger has {_a(support.mode)} on {support.date} and none after it before {upper}",
            support,
        )
    where = "on or before" if claim.type == "none_since" else "at"
    return verdict(
        "unverifiable",
        f"the ledger reports no {_kind(claim.mode)} {where} {claim.since} to compare",
    )


def _kind(mode: str) -> str:
    """Return "phone contact", or just "contact" for an unspecified mode."""
    return "contact" if mode == "unspecified" else f"{mode} contact"


def _a(mode: str) -> str:
    return f"a {_kind(mode)}"


def _strictly_within(d: str, lo: date, hi: date) -> bool:
    first, last = dates.interval(d)
    return first >= lo and last <= hi


def verdicts(store: Any) -> list[ClaimVerdict]:
    """Return a verdict for every gap claim in the stored extractions, by document date."""
    with store.transaction() as conn:
        ledger = ledger_store.load_contacts(conn)
    found = []
    for extraction in store.extractions():
        for claim in extraction.gap_claims:
            found.append(check_claim(claim, extraction.published, ledger))
    return sorted(found, key=lambda v: (v.published or "9999", v.claim.doc_id))
