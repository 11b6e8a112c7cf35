"""The records that flow between pipeline stages.

Every stage takes and returns these frozen dataclasses; ``as_dict()`` gives the
JSON/storage form and ``from_dict()`` reads it back, so ``from_dict(as_dict(x)) == x``.

Dates are ISO strings of varying precision: ``YYYY-MM-DD`` (day), ``YYYY-MM``
(month) or ``YYYY`` (year); ``None`` when unknown. ``readouts.dates`` has the
helpers to compare and order them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

MODES = ("phone", "video", "meeting", "letter", "unspecified")
STATUSES = ("occurred", "planned", "requested", "declined", "cancelled", "not_occurred")
GAP_TYPES = ("first_since", "none_since", "last_was")
# Zones a cleaner may cut out of a document; extraction reads only ``Document.body``.
ZONE_NAMES = (
    "boilerplate",
    "comments",
    "promo",
    "bio",
    "caption",
    "cdata",
    "related",
    "navigation",
)


def _tuple(items: Any, cls: Any) -> tuple[Any, ...]:
    return tuple(cls.from_dict(i) if isinstance(i, dict) else i for i in (items or ()))


@dataclass(frozen=True)
class Zone:
    """A named stretch of text removed from a document's body (never extracted from)."""

    name: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Zone:
        return cls(name=d["name"], text=d["text"])


@dataclass(frozen=True)
class Document:
    """One article: its clean body, the zones cut from it, and where it came from."""

    id: str  # sha256 of the clean body, first 16 hex digits (see readouts.clean.document_id)
    body: str  # clean text; the only text extraction reads
    raw: str  # text as read, before zoning (HTML already turned into text)
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False  # True when `published` was inferred from the text
    url: str | None = None
    author: str | None = None
    source: str = ""  # file path, "path#record", or "-" for stdin
    format: str = "text"  # text | html | jsonl | warc | rss
    external_id: str | None = None  # the input's own id (e.g. JSONL "id")
    zones: tuple[Zone, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["zones"] = [z.as_dict() for z in self.zones]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["zones"] = _tuple(d.get("zones"), Zone)
        return cls(**kw)


@dataclass(frozen=True)
class Evidence:
    """Where a statement stands: document id, character offsets into its body, the text."""

    doc_id: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(doc_id=d["doc_id"], start=d["start"], end=d["end"], text=d["text"])


@dataclass(frozen=True)
class Participant:
    """One side of a contact: the words used and who they resolve to on the event date."""

    text: str | None = None  # the span as written ("his Russian counterpart")
    person_id: str | None = None  # registry id, when the person is determinable
    name: str | None = None  # canonical name
    country: str | None = None  # ISO alpha-3, or UN / NATO / EU / IAEA ...
    office: str | None = None  # office type, e.g. foreign_minister
    role: str | None = None  # English title, e.g. "Foreign Minister"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Participant:
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})

    @property
    def key(self) -> str:
        """Return the identity used to compare participants: person, else COUNTRY:office."""
        if self.person_id:
            return self.person_id
        return f"{self.country or '?'}:{self.office or '?'}"


@dataclass(frozen=True)
class Mention:
    """One contact as one document states it."""

    doc_id: str
    participants: tuple[Participant, ...]
    mode: str = "unspecified"
    status: str = "occurred"
    date: str | None = None
    location: str | None = None
    duration_minutes: int | None = None
    initiator: str | None = None
    topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["participants"] = [p.as_dict() for p in self.participants]
        d["topics"] = list(self.topics)
        d["evidence"] = [e.as_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["participants"] = _tuple(d.get("participants"), Participant)
        kw["topics"] = tuple(d.get("topics") or ())
        kw["evidence"] = _tuple(d.get("evidence"), Evidence)
        return cls(**kw)


@dataclass(frozen=True)
class GapClaim:
    """A statement measuring time between contacts ("the first call since February")."""

    doc_id: str
    participants: tuple[Participant, ...]
    type: str  # first_since | none_since | last_was
    mode: str = "unspecified"
    since: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["participants"] = [p.as_dict() for p in self.participants]
        d["evidence"] = [e.as_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GapClaim:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["participants"] = _tuple(d.get("participants"), Participant)
        kw["evidence"] = _tuple(d.get("evidence"), Evidence)
        return cls(**kw)


@dataclass(frozen=True)
class Extraction:
    """What extraction found in one document."""

    doc_id: str
    mentions: tuple[Mention, ...] = ()
    gap_claims: tuple[GapClaim, ...] = ()
    published: str | None = None  # the date used as anchor (may be inferred)
    published_inferred: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "mentions": [m.as_dict() for m in self.mentions],
            "gap_claims": [g.as_dict() for g in self.gap_claims],
            "published": self.published,
            "published_inferred": self.published_inferred,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Extraction:
        return cls(
            doc_id=d["doc_id"],
            mentions=_tuple(d.get("mentions"), Mention),
            gap_claims=_tuple(d.get("gap_claims"), GapClaim),
            published=d.get("published"),
            published_inferred=bool(d.get("published_inferred")),
        )


@dataclass(frozen=True)
class Source:
    """One document's support for a ledger event."""

    doc_id: str
    outlet: str | None = None  # host of the URL, else the source path
    published: str | None = None
    status: str | None = None  # the status this source reports
    date: str | None = None  # the date this source gives
    evidence: tuple[Evidence, ...] = ()
    kind: str = "mention"  # mention | gap_claim

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["evidence"] = [e.as_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["evidence"] = _tuple(d.get("evidence"), Evidence)
        return cls(**kw)


@dataclass(frozen=True)
class Account:
    """A statement one side's officials made about the contact."""

    side: str  # country code
    speaker: str | None
    text: str
    doc_id: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Account:
        return cls(side=d["side"], speaker=d.get("speaker"), text=d["text"], doc_id=d["doc_id"])


@dataclass(frozen=True)
class Contact:
    """One canonical ledger event: a contact, with every source that reports it."""

    id: str
    participants: tuple[Participant, ...]
    mode: str = "unspecified"
    status: str = "occurred"
    date: str | None = None
    location: str | None = None
    duration_minutes: int | None = None
    initiator: str | None = None
    topics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    outlets: int = 0
    confidence: float = 0.0
    implied: bool = False
    accounts: tuple[Account, ...] = ()
    conflicts: tuple[str, ...] = ()  # human-readable notes on attributes sources disagree on
    status_history: tuple[str, ...] = field(default=())  # statuses reported, oldest first

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["participants"] = [p.as_dict() for p in self.participants]
        d["topics"] = list(self.topics)
        d["sources"] = [s.as_dict() for s in self.sources]
        d["accounts"] = [a.as_dict() for a in self.accounts]
        d["conflicts"] = list(self.conflicts)
        d["status_history"] = list(self.status_history)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contact:
        kw = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        kw["participants"] = _tuple(d.get("participants"), Participant)
        kw["topics"] = tuple(d.get("topics") or ())
        kw["sources"] = _tuple(d.get("sources"), Source)
        kw["accounts"] = _tuple(d.get("accounts"), Account)
        kw["conflicts"] = tuple(d.get("conflicts") or ())
        kw["status_history"] = tuple(d.get("status_history") or ())
        return cls(**kw)
