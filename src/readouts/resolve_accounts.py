"""Each side's account of a contact: sentences attributing statements to a side's officials."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from readouts import dates
from readouts.records import Account, Participant
from readouts.resolve_units import Unit, optional_registry

# How far around a mention's evidence to look for statements about it.
BEFORE_CHARS = 300
AFTER_CHARS = 1500
MAX_PER_SIDE = 3
RECALLED_DAYS = 30

_BOUNDARY = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\s*\n\s*")
_REPORTING = re.compile(
    r"\b(said|says|told|tells|stated|states|noted|added|adding|stressed|emphasi[sz]ed|"
    r"pressed|described|announced|declared|warned|insisted|confirmed|urged|explained|"
    r"reiterated|underlined|informed|reads|according to)\b",
    re.IGNORECASE,
)
_ABBREV = re.compile(r"(?:^|[\s.])(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St)\.$")
_AUXILIARIES = frozenset(
    ["had", "has", "have", "was", "is", "were", "are", "been", "would", "will"]
    + ["also", "then", "later", "previously", "reportedly"]
)
# Words that open a clause before its speaker: "But while Mr. Kerry said …".
_LEADING = frozenset(
    ["but", "and", "while", "when", "as", "however", "earlier", "later", "meanwhile"]
    + ["also", "then", "so", "yet", "in", "on", "at", "after", "before", "since", "though"]
)
_CLAUSE = re.compile(
    r"\s+(?:which|that|who|issued|released|published|posted|in a statement|in comments)\b"
)
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    registry = optional_registry()
    if registry is None or not hasattr(registry, "places"):
        return ()
    found = []
    for phrase, country, _office in registry.places():
        text = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)
        if text and country:
            found.append((text.casefold(), country))
    return tuple(sorted(found, key=lambda pc: -len(pc[0])))


def _surnames(participants: Sequence[Participant]) -> dict[str, str]:
    """Return name or surname (folded) → side, for the event's named participants."""
    names: dict[str, str] = {}
    for p in participants:
        if p.name and p.country:
            names[p.name.casefold()] = p.country
            names[p.name.split()[-1].casefold()] = p.country
    return names


def _about_event(sentence: str, speaker: str, participants: Sequence[Participant]) -> bool:
    """Return whether a statement concerns the event: it names one of its participants."""
    lowered = sentence.casefold()
    names = [n for n in _surnames(participants) if len(n) > 2]
    if not names:
        return True  # only offices known: the window around the evidence must do
    return any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in names)


def side_of(speaker: str, participants: Sequence[Participant]) -> str | None:
    """Return the side a speaker phrase belongs to, among the event's sides.

    Names of the event's participants, the registry's places ("the State
    Department"), people and country words ("Russian", "the Kremlin") all count;
    the one nearest the verb, i.e. rightmost, decides ("Erdogan's remarks came
    after Israel said" is Israel's statement).
    """
    sides = {p.country for p in participants if p.country}
    lowered = speaker.casefold()
    found: list[tuple[int, str]] = []
    for name, side in _surnames(participants).items():
        found.extend((m.end(), side) for m in re.finditer(rf"\b{re.escape(name)}\b", lowered))
    for phrase, side in _places():
        if side in sides:
            found.extend((m.end(), side) for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered))
    registry = optional_registry()
    if registry is not None:
        for match in _NAME.finditer(speaker):
            found.extend((match.end(), side) for side in _registry_sides(registry, match, sides))
    return max(found)[1] if found else None


def _registry_sides(registry: Any, match: re.Match[str], sides: set[str]) -> list[str]:
    """Return the sides the registry reads in a capitalised phrase (a person, a country)."""
    text = match.group(0)
    found: list[str] = []
    try:
        people = registry.find(text) if len(text.split()) > 1 else []
    except Exception:  # a registry lookup failing only loses this hint
        people = []
    found.extend(str(p.country) for p in people if p.country in sides)
    for word in [text, *text.split()]:
        try:
            code = registry.country_code(word)
        except Exception:
            code = None
        if code in sides:
            found.append(str(code))
    return found[:1]


def evidence_owner(units: Sequence[Unit]) -> Callable[[str, int], str | None]:
    """Return owner(doc_id, offset): the key of the mention whose evidence last precedes it."""
    starts: dict[str, list[tuple[int, str]]] = {}
    for u in units:
        if u.kind == "mention":
            for e in u.evidence:
                starts.setdefault(u.doc_id, []).append((e.start, u.key))
    for spans in starts.values():
        spans.sort()

    def owner(doc_id: str, offset: int) -> str | None:
        spans = starts.get(doc_id, [])
        i = bisect.bisect_right(spans, (offset, "\uffff"))
        return spans[i - 1][1] if i else None

    return owner


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return (start, end) of each sentence, not splitting after "U.S." or "Mr."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 4) : m.start() + 1]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


def _recalled(unit: Unit) -> bool:
    """Return whether a mention recalls a contact long before its document's date.

    Around such a mention the text is about something else: only the mention's own
    sentence may carry an account.
    """
    if not unit.date or not unit.meta.published:
        return False
    last = dates.interval(unit.date)[1]
    return (dates.parse_iso(unit.meta.published) - last).days > RECALLED_DAYS


def _owned_elsewhere(
    owner: Callable[[str, int], str | None] | None, unit: Unit, start: int, keys: set[str]
) -> bool:
    if owner is None:
        return False
    key = owner(unit.doc_id, start)
    return key is not None and key not in keys


def _trimmed(words: list[str]) -> list[str]:
    """Return the words of a speaker phrase without trailing auxiliaries or leading links."""
    while words and (
        words[-1].lower() in _AUXILIARIES or (words[-1][:1].islower() and words[-1].endswith("ly"))
    ):
        words.pop()
    while words and words[0].lower().strip(".,") in _LEADING:
        words.pop(0)
    return words


def _speaker(sentence: str) -> tuple[str, str] | None:
    """Return (speaker phrase, verb) of the first attribution in a sentence."""
    match = _REPORTING.search(sentence)
    if not match:
        return None
    if match.group(1).lower() == "according to":
        after = sentence[match.end() :].split(",")[0]
        return " ".join(after.split()[:8]), match.group(1)
    before = sentence[: match.start()]
    segments = re.split(r"[,;:“”\"()\u2013\u2014]| - ", before)
    # "A Russian Defense Ministry statement, however, reads": look past an aside word,
    # but not past a clause ("Lavrov, speaking in Tashkent, said" names no speaker here).
    while (
        len(segments) >= 3
        and not segments[-1].strip()
        and all(w.lower().strip(".") in _LEADING for w in segments[-2].split() or ["?"])
    ):
        segments = segments[:-2]
    words = _trimmed(segments[-1].split()[-8:])
    # The speaker starts at the first name or article: "a State Department official".
    start = next(
        (i for i, w in enumerate(words) if w[:1].isupper() or w.lower() in ("the", "a", "an")),
        len(words),
    )
    speaker = " ".join(words[start:])
    # "The Russian Foreign Ministry issued a statement which says": the ministry speaks.
    speaker = _CLAUSE.split(speaker)[0]
    return speaker.strip(".,;:'’\"”“ "), match.group(1)


def accounts_for(
    units: Sequence[Unit],
    participants: Sequence[Participant],
    owner: Callable[[str, int], str | None] | None = None,
) -> tuple[Account, ...]:
    """Return statements in the units' documents that a side of the event made about it.

    ``owner(doc_id, offset)`` names the unit whose contact the text at ``offset`` is
    about (the nearest mention before it); a statement counts only under its owner.
    """
    keys = {u.key for u in units}
    accounts: list[Account] = []
    per_side: dict[tuple[str, str], int] = {}
    seen: set[tuple[str, int]] = set()
    for unit in sorted(units, key=lambda u: u.key):
        body = unit.meta.body
        if not body or not unit.evidence:
            continue
        lo = max(0, min(e.start for e in unit.evidence) - BEFORE_CHARS)
        hi = min(len(body), max(e.end for e in unit.evidence) + AFTER_CHARS)
        recalled = _recalled(unit)
        for start, end in sentences(body):
            if end <= lo or start >= hi or (unit.doc_id, start) in seen:
                continue
            on_evidence = any(e.start < end and start < e.end for e in unit.evidence)
            if not on_evidence and (recalled or _owned_elsewhere(owner, unit, start, keys)):
                continue
            sentence = " ".join(body[start:end].split())
            found = _speaker(sentence)
            if not found or not found[0]:
                continue
            if not _about_event(sentence, found[0], participants):
                continue
            side = side_of(found[0], participants)
            if side is None or per_side.get((unit.doc_id, side), 0) >= MAX_PER_SIDE:
                continue
            seen.add((unit.doc_id, start))
            per_side[(unit.doc_id, side)] = per_side.get((unit.doc_id, side), 0) + 1
            accounts.append(Account(side=side, speaker=found[0], text=sentence, doc_id=unit.doc_id))
    return tuple(accounts)
