"""The units event resolution works on: one per mention or usable gap claim, with its document.

A unit is a mention ("Blinken spoke with Lavrov on Friday") or a contact implied by a
gap claim ("the first call since February 15th"), plus what resolution needs to know
about its document (outlet, publication date). Participant matching lives here too.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from readouts import dates
from readouts.records import Document, Evidence, Extraction, GapClaim, Mention, Participant

# Statuses that describe a contact before it happens; a later report of these never
# overrides an outcome (occurred/declined/cancelled) already reported.
PRE_STATUSES = frozenset({"requested", "planned"})
# Tie-break when two statuses are reported on the same publication date: later wins.
STATUS_ORDER = {
    "requested": 0,
    "planned": 1,
    "declined": 2,
    "cancelled": 3,
    "occurred": 4,
    "not_occurred": 5,
}
# How far around its document's publication an undated mention may refer to.
BACKWARD_DAYS = 7
FORWARD_DAYS = 30  # requests and plans point ahead

# A "since ..." that names something other than a contact implies no earlier contact.
_NON_CONTACT_SINCE = re.compile(
    r"\bsince\b[^.;]{0,40}?\b(took office|taking office|came to power|inaugurat\w*|"
    r"invasion|invaded|invade|war\b|conflict|start|beginning|began|outbreak|election|"
    r"elected|pandemic|crisis|annex\w*|offensive|took power)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def optional_registry() -> Any | None:
    """Return the actor registry, or None while it is unavailable."""
    try:
        from readouts.actors import load_registry

        return load_registry()
    except Exception:  # the registry only refines matching; names and offices still work
        return None


@dataclass(frozen=True)
class DocMeta:
    """What resolution needs from a document: id, outlet, publication date, body."""

    doc_id: str
    published: str | None = None
    outlet: str | None = None
    body: str = ""

    @classmethod
    def of(cls, doc: Document | DocMeta, published: str | None = None) -> DocMeta:
        """Return the meta of a Document (or the meta itself), preferring ``published``."""
        if isinstance(doc, DocMeta):
            return doc
        return cls(
            doc_id=doc.id,
            published=doc.published or published,
            outlet=outlet_of(doc.url, doc.source) or doc.id,
            body=doc.body,
        )


def outlet_of(url: str | None, source: str | None = None) -> str | None:
    """Return the outlet of a document: the URL's host without www., else the source path."""
    if url:
        host = urlparse(url if "//" in url else f"//{url}").hostname
        if host:
            return host.lower().removeprefix("www.")
    if source and source != "-":
        return source.split("#", 1)[0]
    return None


@dataclass(frozen=True)
class Unit:
    """One mention, or one contact implied by a gap claim, ready to be clustered."""

    key: str  # "<doc_id>/m<idx>" or "<doc_id>/g<idx>": stable across runs
    kind: str  # mention | gap_claim
    meta: DocMeta
    participants: tuple[Participant, ...]
    mode: str
    status: str
    date: str | None
    location: str | None = None
    duration_minutes: int | None = None
    initiator: str | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    claim: GapClaim | None = field(default=None, compare=False)

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    @property
    def channel(self) -> str:
        """Return the set of sides (countries) as a string; only same-channel units merge."""
        return channel_of(self.participants)

    def window(self) -> tuple[dt.date, dt.date] | None:
        """Return the days an undated unit may refer to, from its document's date."""
        if not self.meta.published:
            return None
        pub = dates.parse_iso(self.meta.published)
        ahead = FORWARD_DAYS if self.status in PRE_STATUSES else 0
        return pub - dt.timedelta(days=BACKWARD_DAYS), pub + dt.timedelta(days=ahead)

    def order(self) -> tuple[Any, ...]:
        """Return the canonical processing order: precise dates first, then by date and key."""
        rank = {"day": 0, "month": 1, "year": 2}[dates.precision(self.date)] if self.date else 3
        return (rank, dates.sort_key(self.date), self.meta.published or "9999", self.key)


def channel_of(participants: Sequence[Participant]) -> str:
    """Return the sorted sides of a participant list joined by '|' (unknown sides by id)."""
    sides = {p.country or f"?{_identity(p) or '?'}" for p in participants}
    return "|".join(sorted(sides))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _identity(p: Participant) -> str | None:
    if p.person_id:
        return p.person_id
    if p.name:
        return "name:" + _fold(p.name)
    return None


def same_participant(p: Participant, q: Participant) -> bool:
    """Return whether two participants can be the same actor (person, else country+office)."""
    ip, iq = _identity(p), _identity(q)
    if ip and iq:
        return ip == iq
    if not p.country or p.country != q.country:
        return False
    if p.office and q.office and p.office != q.office:
        # A named participant may carry the office they hold on the article's date;
        # the unnamed one matches if that person ever held its office.
        named = p if ip else q if iq else None
        other = q if named is p else p
        return named is not None and _ever_held(named.person_id, other.office)
    return True  # an unknown office: the country alone decides


@lru_cache(maxsize=4096)
def _ever_held(person_id: str | None, office: str | None) -> bool:
    """Return whether the registry records the person in the office at some time."""
    registry = optional_registry()
    if registry is None or not person_id or not office:
        return False
    try:
        person = registry.person(person_id)
    except Exception:  # not in the registry: nothing to go by
        return False
    return any(t.office == office for t in getattr(person, "tenures", ()))


def _injective(small: Sequence[Participant], large: Sequence[Participant]) -> bool:
    """Return whether every participant of ``small`` matches a distinct one of ``large``."""
    if not small:
        return True
    head, rest = small[0], small[1:]
    for i, q in enumerate(large):
        if same_participant(head, q) and _injective(rest, [*large[:i], *large[i + 1 :]]):
            return True
    return False


def participants_compatible(a: Sequence[Participant], b: Sequence[Participant]) -> bool:
    """Return whether two participant lists can name the same contact.

    Equal-sized lists must match one to one; a shorter list (a summit's principals)
    must match into the longer one and still cover every side of it.
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not _injective(small, large):
        return False
    if len(small) < len(large):
        return {p.country for p in large} <= {p.country for p in small}
    return True


def merge_participants(lists: Iterable[Sequence[Participant]]) -> tuple[Participant, ...]:
    """Return the union of participant lists, a named participant replacing an unnamed one."""
    ordered = sorted(lists, key=lambda ps: (-len(ps), -sum(bool(_identity(p)) for p in ps)))
    merged: list[Participant] = []
    for ps in ordered:
        for p in ps:
            for i, q in enumerate(merged):
                if same_participant(p, q):
                    if not _identity(q) and _identity(p):
                        merged[i] = p
                    break
            else:
                merged.append(p)
    return tuple(sorted(merged, key=lambda p: (p.country or "", p.key)))


def _names_person(text: str, name: str) -> bool:
    words = {w for w in re.findall(r"\w+", _fold(name)) if len(w) > 2}
    return bool(words & set(re.findall(r"\w+", _fold(text))))


def claim_participants(claim: GapClaim) -> tuple[Participant, ...]:
    """Return a claim's participants as they were at its ``since`` date.

    A participant the claim names only by role ("a Russian defense minister", "his
    counterpart", or not at all: "the first call between the defense chiefs since
    March") was resolved on the article's date; the earlier contact was with whoever
    held that office at ``since`` (the registry's holder), else the office.
    """
    registry = optional_registry()
    said = " ".join(e.text for e in claim.evidence)
    result = []
    for p in claim.participants:
        # Named in the claim itself, or (without evidence) in the participant's own text.
        where = said or p.text
        role_only = not p.name or (where is not None and not _names_person(where, p.name))
        if not (p.country and p.office and role_only):
            result.append(p)
            continue
        holder = None
        if registry is not None and claim.since:
            try:
                holder = registry.holder(p.country, p.office, on=dates.interval(claim.since)[0])
            except Exception:  # an office the registry does not know: keep the office
                holder = None
        if holder is not None:
            result.append(replace(p, person_id=holder.id, name=holder.name))
        else:
            result.append(replace(p, person_id=None, name=None))
    return tuple(result)


def implies_contact(claim: GapClaim) -> bool:
    """Return whether a gap claim implies an earlier contact at its ``since`` date.

    ``first_since``/``last_was`` with a resolvable ``since`` do, unless the evidence
    shows "since" names a non-contact event ("since Biden took office", "since the war
    began"), or ("first time in over a year") no date follows it at all.
    """
    if claim.type not in ("first_since", "last_was") or not claim.since:
        return False
    text = " ".join(e.text for e in claim.evidence)
    if claim.type == "first_since" and text:
        if _NON_CONTACT_SINCE.search(text):
            return False
        if not re.search(r"\bsince\b", text, re.IGNORECASE):
            return False
    return True


def valid_date(d: str | None) -> str | None:
    """Return a well-formed partial ISO date, else None (a bad date must not stop resolution)."""
    if not d:
        return None
    try:
        return dates.validate(d)
    except (ValueError, TypeError):
        return None


def units_of(meta: DocMeta, extraction: Extraction) -> list[Unit]:
    """Return the units of one document: its mentions, then the contacts its claims imply.

    A contact needs two participants; mentions with fewer are left out.
    """
    if meta.published != valid_date(meta.published):
        meta = replace(meta, published=valid_date(meta.published))
    units = [
        _mention_unit(meta, i, m)
        for i, m in enumerate(extraction.mentions)
        if len(m.participants) >= 2
    ]
    for i, claim in enumerate(extraction.gap_claims):
        claim = replace(claim, since=valid_date(claim.since))
        if len(claim.participants) >= 2 and implies_contact(claim):
            units.append(
                Unit(
                    key=f"{meta.doc_id}/g{i}",
                    kind="gap_claim",
                    meta=meta,
                    participants=claim_participants(claim),
                    mode=claim.mode,
                    status="occurred",
                    date=claim.since,
                    evidence=claim.evidence,
                    claim=claim,
                )
            )
    return units


def _mention_unit(meta: DocMeta, idx: int, m: Mention) -> Unit:
    return Unit(
        key=f"{meta.doc_id}/m{idx}",
        kind="mention",
        meta=meta,
        participants=m.participants,
        mode=m.mode,
        status=m.status if m.status in STATUS_ORDER else "occurred",
        date=valid_date(m.date),
        location=m.location,
        duration_minutes=m.duration_minutes,
        initiator=m.initiator,
        topics=tuple(m.topics),
        evidence=m.evidence,
    )
