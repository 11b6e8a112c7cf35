"""The records that flow between pipeline stages.

Every stage takes and returns these frozen dataclasses; ``as_dict()`` gives the
JSON/storage form and ``from_dict()`` reads it back, so ``from_dict(as_dict(x)) == x``.

Dates are ISO strings of varying precision: ``YYYY-MM-DD`` (day), ``YYYY-MM``
(month) or ``YYYY`` (year); ``None`` when unknown. ``readouts.dates`` has the
helpers to compare and order them.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any, Self, cast, get_args, get_origin, get_type_hints

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


@dataclass(frozen=True)
class _Field:
    """How one record field turns into JSON and back."""

    name: str
    many: bool  # a tuple field: a JSON list, ``None`` or missing reads as ``()``
    record: Any  # the nested record class (of the items, for a tuple), else None
    required: bool  # no default: a missing key is an error (or None when the type allows it)
    nullable: bool


class _Record:
    """Give a frozen dataclass ``as_dict()``/``from_dict()`` driven by its field types."""

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON/storage form: nested records as dicts, tuples as lists."""
        d: dict[str, Any] = {}
        for f in _spec(type(self)):
            value = getattr(self, f.name)
            d[f.name] = [_dump(v) for v in value] if f.many else _dump(value)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Self:
        """Return the record that ``as_dict()`` described (unknown keys are ignored)."""
        kw: dict[str, Any] = {}
        for f in _spec(cls):
            if f.many:
                kw[f.name] = tuple(_load(v, f.record) for v in (d.get(f.name) or ()))
            elif f.name in d:
                kw[f.name] = _load(d[f.name], f.record)
            elif f.required:
                kw[f.name] = None if f.nullable else d[f.name]  # KeyError names the missing key
        return cls(**kw)


# Per record class; resolving the string annotations once, not once per record.
_SPECS: dict[type, tuple[_Field, ...]] = {}


def _spec(cls: type) -> tuple[_Field, ...]:
    spec = _SPECS.get(cls)
    if spec is None:
        hints = get_type_hints(cls)
        spec = _SPECS[cls] = tuple(_describe(f, hints[f.name]) for f in fields(cast(Any, cls)))
    return spec


def _describe(f: Field[Any], hint: Any) -> _Field:
    many = get_origin(hint) is tuple
    inner = get_args(hint)[0] if many else hint
    record = inner if isinstance(inner, type) and issubclass(inner, _Record) else None
    required = f.default is MISSING and f.default_factory is MISSING
    nullable = type(None) in get_args(hint)
    return _Field(f.name, many, record, required, nullable)


def _dump(value: Any) -> Any:
    return value.as_dict() if isinstance(value, _Record) else value


def _load(value: Any, record: Any) -> Any:
    return record.from_dict(value) if record is not None and isinstance(value, dict) else value


@dataclass(frozen=True)
class Zone(_Record):
    """A named stretch of text removed from a document's body (never extracted from)."""

    name: str
    text: str


@dataclass(frozen=True)
class Document(_Record):
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


@dataclass(frozen=True)
class Evidence(_Record):
    """Where a statement stands: document id, character offsets into its body, the text."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Participant(_Record):
    """One side of a contact: the words used and who they resolve to on the event date."""

    text: str | None = None  # the span as written ("his Russian counterpart")
    person_id: str | None = None  # registry id, when the person is determinable
    name: str | None = None  # canonical name
    country: str | None = None  # ISO alpha-3, or UN / NATO / EU / IAEA ...
    office: str | None = None  # office type, e.g. foreign_minister
    role: str | None = None  # English title, e.g. "Foreign Minister"

    @property
    def key(self) -> str:
        """Return the identity used to compare participants: person, else COUNTRY:office."""
        if self.person_id:
            return self.person_id
        return f"{self.country or '?'}:{self.office or '?'}"


@dataclass(frozen=True)
class Mention(_Record):
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


@dataclass(frozen=True)
class GapClaim(_Record):
    """A statement measuring time between contacts ("the first call since February")."""

    doc_id: str
    participants: tuple[Participant, ...]
    type: str  # first_since | none_since | last_was
    mode: str = "unspecified"
    since: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Extraction(_Record):
    """What extraction found in one document."""

    doc_id: str
    mentions: tuple[Mention, ...] = ()
    gap_claims: tuple[GapClaim, ...] = ()
    published: str | None = None  # the date used as anchor (may be inferred)
    published_inferred: bool = False

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Self:
        """Return the extraction ``as_dict()`` described; ``published_inferred`` read as a bool."""
        return super().from_dict(d | {"published_inferred": bool(d.get("published_inferred"))})


@dataclass(frozen=True)
class Source(_Record):
    """One document's support for a ledger event."""

    doc_id: str
    outlet: str | None = None  # host of the URL, else the source path
    published: str | None = None
    status: str | None = None  # the status this source reports
    date: str | None = None  # the date this source gives
    evidence: tuple[Evidence, ...] = ()
    kind: str = "mention"  # mention | gap_claim


@dataclass(frozen=True)
class Account(_Record):
    """A statement one side's officials made about the contact."""

    side: str  # country code
    speaker: str | None
    text: str
    doc_id: str


@dataclass(frozen=True)
class Contact(_Record):
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
