"""Match predicted contacts and gap claims to gold ones, as GUIDELINES.md "Matching" says.

Participants are dicts ``{name, country, role}`` (predictions may add ``office``, an office
type); gap-claim participants may also be the gold strings ``"Name"`` or ``"COUNTRY:role"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from readouts import dates

# Candidates with no comparable date rank after every dated one.
_FAR = 10**6


class Vocabulary(Protocol):
    """What matching needs from the actor registry."""

    def canonical_name(self, name: str, on: str | None = None) -> str | None: ...

    def office_type(self, role_text: str) -> str | None: ...


class NullVocabulary:
    """A registry that knows nobody: names compare folded, every role maps to no office."""

    def canonical_name(self, name: str, on: str | None = None) -> str | None:
        return None

    def office_type(self, role_text: str) -> str | None:
        return None


def default_vocabulary() -> Vocabulary:
    """Return the shipped actor registry, or a NullVocabulary while it is not installed."""
    try:
        from readouts.actors import load_registry
    except ImportError:
        return NullVocabulary()
    return load_registry()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return ``text`` lower-cased, without diacritics or punctuation, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


_OFFICE_STRING = re.compile(r"^([A-Z][A-Z0-9]{1,5}):(.*)$")


def as_participant(p: Any) -> dict[str, Any]:
    """Return a participant dict from a dict or a gap-claim string (``Name`` / ``COUNTRY:role``)."""
    if isinstance(p, dict):
        return p
    text = str(p)
    m = _OFFICE_STRING.match(text)
    if m:
        return {"name": None, "country": m.group(1), "role": m.group(2).strip() or None}
    return {"name": text, "country": None, "role": None}


@dataclass
class Matcher:
    """Compare participants, dates and whole items through a registry vocabulary."""

    vocabulary: Vocabulary = field(default_factory=lambda: default_vocabulary())
    _names: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _offices: dict[str, str | None] = field(default_factory=dict, repr=False)

    def name_keys(self, name: str) -> frozenset[str]:
        """Return the folded forms a name is known by: itself and its canonical name."""
        keys = self._names.get(name)
        if keys is None:
            found = {fold(name)}
            canonical = self.vocabulary.canonical_name(name)
            if canonical:
                found.add(fold(canonical))
            keys = self._names[name] = frozenset(found)
        return keys

    def office(self, p: dict[str, Any]) -> str | None:
        """Return a participant's office type: its ``office``, else its role read as one."""
        if p.get("office"):
            return str(p["office"])
        role = p.get("role")
        if not role:
            return None
        if role not in self._offices:
            self._offices[role] = self.vocabulary.office_type(role)
        return self._offices[role]

    def agrees(self, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
        """Return whether a predicted participant stands for a gold one."""
        if gold.get("name"):
            return bool(pred.get("name")) and bool(
                self.name_keys(gold["name"]) & self.name_keys(pred["name"])
            )
        country = gold.get("country")
        if not country or not pred.get("country") or fold(pred["country"]) != fold(country):
            return False
        gold_office, pred_office = self.office(gold), self.office(pred)
        # Where either role maps to no office type, the country alone decides.
        return gold_office is None or pred_office is None or gold_office == pred_office

    def participants(self, gold: Sequence[Any], pred: Sequence[Any]) -> str | None:
        """Return 'exact', 'partial' (a summit named by some of its countries' people) or None."""
        g = [as_participant(p) for p in gold]
        p = [as_participant(x) for x in pred]
        if not p or len(p) > len(g):
            return None
        edges = [[j for j, gp in enumerate(g) if self.agrees(gp, pp)] for pp in p]
        if len(p) == len(g):
            return "exact" if any(True for _ in _assignments(edges, 0, set())) else None
        # A partial match needs every gold country known (gold gap-claim names carry none).
        if len(g) <= 2 or len(p) < 2 or not all(x.get("country") for x in g):
            return None
        countries = {fold(x["country"]) for x in g}
        for used in _assignments(edges, 0, set()):
            covered = {fold(g[j]["country"]) for j in used}
            if countries <= covered:
                return "partial"
        return None


def _assignments(edges: list[list[int]], i: int, used: set[int]) -> Iterator[frozenset[int]]:
    """Yield the gold indices of every one-to-one assignment of predicted participants."""
    if i == len(edges):
        yield frozenset(used)
        return
    for j in edges[i]:
        if j not in used:
            used.add(j)
            yield from _assignments(edges, i + 1, used)
            used.discard(j)


def dates_agree(gold: str | None, pred: str | None, *, null_agrees: bool) -> bool:
    """Return whether two dates agree; a missing one agrees only when ``null_agrees``."""
    if gold is None or pred is None:
        return null_agrees or (gold is None and pred is None)
    try:
        return dates.compatible(gold, pred, tolerance_days=1)
    except (ValueError, TypeError, KeyError, IndexError):
        return False


def date_distance(gold: str | None, pred: str | None) -> int:
    """Return the days between two dates' intervals (0 when they overlap); far when unknown."""
    if gold is None or pred is None:
        return _FAR
    try:
        g0, g1 = dates.interval(gold)
        p0, p1 = dates.interval(pred)
    except (ValueError, TypeError, KeyError, IndexError):
        return _FAR
    if p1 < g0:
        return (g0 - p1).days
    if g1 < p0:
        return (p0 - g1).days
    return 0


def modes_agree(gold: str | None, pred: str | None) -> bool:
    """Return whether two modes agree (``unspecified`` agrees with any)."""
    gold, pred = gold or "unspecified", pred or "unspecified"
    return gold == pred or "unspecified" in (gold, pred)


@dataclass(frozen=True)
class Matching:
    """Index pairs (gold, predicted) and the indices left unmatched on each side."""

    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]  # gold indices with no prediction: false negatives
    spurious: tuple[int, ...]  # predicted indices with no gold item: false positives


def _greedy(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], candidate: Any, date_key: str
) -> Matching:
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for gi, g in enumerate(gold):
        best: tuple[int, int, int] | None = None
        for pi, p in enumerate(pred):
            if pi in taken:
                continue
            kind = candidate(g, p)
            if kind is None:
                continue
            rank = (
                0 if kind == "exact" else 1,
                date_distance(g.get(date_key), p.get(date_key)),
                pi,
            )
            if best is None or rank < best:
                best = rank
        if best is None:
            missed.append(gi)
        else:
            taken.add(best[2])
            pairs.append((gi, best[2]))
    spurious = tuple(pi for pi in range(len(pred)) if pi not in taken)
    return Matching(tuple(pairs), tuple(missed), spurious)


def match_contacts(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], matcher: Matcher | None = None
) -> Matching:
    """Match contacts greedily in gold order: exact participant matches first, then closest date.

    A missing date on either side does not prevent a match (the date is then scored as an
    attribute); two given dates must be compatible (days within one day; a month or year
    agrees with any date inside it).
    """
    m = matcher or Matcher()

    def candidate(g: dict[str, Any], p: dict[str, Any]) -> str | None:
        if g.get("status") != p.get("status") or not modes_agree(g.get("mode"), p.get("mode")):
            return None
        if not dates_agree(g.get("date"), p.get("date"), null_agrees=True):
            return None
        return m.participants(g.get("participants") or [], p.get("participants") or [])

    return _greedy(gold, pred, candidate, "date")


def match_gap_claims(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], matcher: Matcher | None = None
) -> Matching:
    """Match gap claims on participants, type and ``since``.

    ``since`` null agrees only with null: a claim with no stated anchor ("their first
    meeting") is a different claim from one anchored in time ("first since January").
    """
    m = matcher or Matcher()

    def candidate(g: dict[str, Any], p: dict[str, Any]) -> str | None:
        if g.get("type") != p.get("type"):
            return None
        if not dates_agree(g.get("since"), p.get("since"), null_agrees=False):
            return None
        return m.participants(g.get("participants") or [], p.get("participants") or [])

    return _greedy(gold, pred, candidate, "since")
