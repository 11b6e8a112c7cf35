"""Questions the ledger answers: contacts between actors, the last one, the gaps between them.

Actors are given as a person's name or alias (read through the registry), a country
code ("RUS") or ``COUNTRY:office`` ("RUS:defense_minister").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from readouts import dates
from readouts.errors import InputError, NotFound
from readouts.records import Contact, Participant
from readouts.resolve_units import optional_registry
from readouts.store import ledger as ledger_store

__all__ = [
    "ActorSpec",
    "Gap",
    "GapReport",
    "actor",
    "contacts",
    "country_code",
    "event",
    "gaps",
    "last_contact",
]

_CODE = re.compile(r"^[A-Z]{2,5}$")


def checked_date(value: str, name: str) -> str:
    """Return a YYYY-MM-DD / YYYY-MM / YYYY value, or raise InputError naming the argument."""
    try:
        return dates.validate(value)
    except ValueError as exc:
        raise InputError(name, str(exc)) from None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


@dataclass(frozen=True)
class ActorSpec:
    """Who a query names: a person (ids and names), a country, or a country's office."""

    text: str
    person_ids: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # folded names, for people the registry lacks
    country: str | None = None
    office: str | None = None

    def matches(self, p: Participant, on: str | None = None) -> bool:
        """Return whether a participant is this actor (an unnamed office: its holder ``on``)."""
        if self.person_ids or self.names:
            if p.person_id in self.person_ids or (p.name and _fold(p.name) in self.names):
                return True
            if p.person_id or p.name or not (p.country and p.office and on):
                return False
            return _holder(p.country, p.office, on) in self.person_ids
        if self.country and p.country != self.country:
            return False
        if not self.office or p.office == self.office:
            return True
        # The participant's recorded office may be the one held on the article's date.
        return bool(
            on and p.person_id and p.country and _holder(p.country, self.office, on) == p.person_id
        )


@lru_cache(maxsize=4096)
def _holder(country: str, office: str, on: str) -> str | None:
    """Return the registry id of who held an office on a date, if the registry knows."""
    registry = optional_registry()
    if registry is None:
        return None
    try:
        person = registry.holder(country, office, on=dates.interval(on)[0])
    except Exception:  # an office the registry lacks: no holder to compare
        return None
    return None if person is None else str(person.id)


def _known_countries() -> Any | None:
    """Return the registry's country codes, or None when there is no registry to check with."""
    return getattr(optional_registry(), "countries", None)


def country_code(text: str, actor_spec: str | None = None) -> str:
    """Return the code of a country given by code or name; raise NotFound for an unknown one."""
    code = text.strip().upper()
    known = _known_countries()
    if known is None or code in known:
        return code
    try:
        found = optional_registry().country_code(text.strip())  # type: ignore[union-attr]
    except Exception:  # a registry that cannot read names: only codes are accepted
        found = None
    if found:
        return str(found)
    where = f" in actor {actor_spec!r}" if actor_spec else ""
    raise NotFound(f"unknown country {text.strip()!r}{where}: give a code such as RUS or USA")


def _office(role: str, country: str, spec: str) -> str | None:
    """Return the office type a ``COUNTRY:office`` spec names ("defence minister" too)."""
    office = re.sub(r"[\s-]+", "_", role.strip().lower()) or None
    registry = optional_registry()
    if office is None or _known_countries() is None:
        return office
    from readouts.actors.model import OFFICES

    if office in OFFICES:
        return office
    try:
        found = registry.office_type(role.strip().replace("_", " "), country)  # type: ignore[union-attr]
    except Exception:  # an unreadable title is reported below like an unknown one
        found = None
    if found:
        return str(found)
    raise NotFound(
        f"unknown office {role.strip()!r} in actor {spec!r}: use an office type "
        f"({', '.join(OFFICES)})"
    )


def _place_or_role(registry: Any, text: str) -> ActorSpec | None:
    """Return the side a country, place or role phrase names ("the Pentagon", "Russian FM")."""
    code = registry.country_code(text)
    office = registry.office_type(text, code)
    if code is None and office is not None:
        code = registry.role_country(text)  # "Secretary of State" is American
        words = text.split()
        for i in range(1, len(words)):
            code = code or registry.country_code(" ".join(words[:i]))  # "Russian Foreign Minister"
    if code is None:
        return None  # "President" alone names no side
    return ActorSpec(text, country=str(code), office=office)


def actor(spec: str) -> ActorSpec:
    """Parse an actor spec: ``COUNTRY:office``, a country code, or a person's name or alias."""
    text = spec.strip()
    if not text:
        raise NotFound("an actor must be a name, a country code or COUNTRY:office")
    if ":" in text:
        country, role = text.split(":", 1)
        code = country_code(country, text)
        return ActorSpec(text, country=code, office=_office(role, code, text))
    known = _known_countries()
    if _CODE.match(text) and (known is None or text in known):
        return ActorSpec(text, country=text)
    # Not a known code: an all-capitals alias ("MBS") or an unknown name, checked below.
    registry = optional_registry()
    ids: set[str] = set()
    if registry is not None:
        try:
            ids = {p.id for p in registry.find(text)}
        except Exception:  # a registry lookup failing must not hide the name match below
            ids = set()
    if not ids and registry is not None:
        try:
            place = _place_or_role(registry, text)
        except Exception:  # a registry without place words: the name match below decides
            place = None
        if place is not None:
            return place
    names = {_fold(text)}
    if registry is not None:
        for pid in ids:
            try:
                person = registry.person(pid)
            except Exception:
                continue
            names.add(_fold(person.name))
            names.update(_fold(a) for a in getattr(person, "aliases", ()))
    return ActorSpec(text, person_ids=frozenset(ids), names=frozenset(names))


def _involves(contact: Contact, a: ActorSpec, b: ActorSpec) -> bool:
    """Return whether ``a`` and ``b`` are participants of the event on opposite sides."""
    ps = contact.participants
    return any(
        a.matches(p, contact.date) and b.matches(q, contact.date)
        for i, p in enumerate(ps)
        for j, q in enumerate(ps)
        # Biden and Blinken at one summit are colleagues, not a contact between them.
        if i != j and not (p.country and p.country == q.country)
    )


def _spec(x: str | ActorSpec) -> ActorSpec:
    return x if isinstance(x, ActorSpec) else actor(x)


def _check_known(specs: Sequence[ActorSpec], events: Sequence[Contact]) -> None:
    """Raise NotFound for a name neither the registry nor any ledger participant knows."""
    for spec in specs:
        if spec.person_ids or not spec.names:
            continue
        if not any(p.name and _fold(p.name) in spec.names for c in events for p in c.participants):
            raise NotFound(
                f"unknown actor {spec.text!r}: give a name the registry or the ledger knows, "
                "a country code (RUS) or COUNTRY:office (RUS:defense_minister)"
            )


def _load(store: Any, **filters: Any) -> list[Contact]:
    with store.transaction() as conn:
        return ledger_store.load_contacts(conn, **filters)


def contacts(
    store: Any,
    between: Sequence[str | ActorSpec] | None = None,
    countries: Sequence[str] | None = None,
    status: str | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Contact]:
    """Return ledger events, filtered, in chronological order (undated last)."""
    since = checked_date(since, "since") if since is not None else None
    until = checked_date(until, "until") if until is not None else None
    if since and until and dates.interval(since)[0] > dates.interval(until)[1]:
        raise InputError("--since/--until", f"the period {since} to {until} is empty")
    found = _load(store, status=status, mode=mode)
    if between is not None:
        a, b = (_spec(x) for x in between)
        _check_known([a, b], found)
        found = [c for c in found if _involves(c, a, b)]
    if countries is not None:
        x, y = (ActorSpec(code, country=country_code(code)) for code in countries)
        found = [c for c in found if _involves(c, x, y)]
    if since or until:
        lo = dates.interval(since)[0] if since else date.min
        hi = dates.interval(until)[1] if until else date.max
        found = [c for c in found if c.date and _within(c.date, lo, hi)]
    return found


def _within(d: str, lo: date, hi: date) -> bool:
    first, last = dates.interval(d)
    return last >= lo and first <= hi


def _chrono(c: Contact) -> tuple[Any, ...]:
    first, last = dates.interval(c.date) if c.date else (date.min, date.min)
    return (first, last, c.id)


def _ending(c: Contact) -> tuple[Any, ...]:
    first, last = dates.interval(c.date) if c.date else (date.min, date.min)
    return (last, first, c.id)


def occurred_between(
    store: Any, a: str | ActorSpec, b: str | ActorSpec, mode: str | None = None
) -> list[Contact]:
    """Return the dated, occurred contacts between two actors, oldest first."""
    sa_, sb = _spec(a), _spec(b)
    events = _load(store, status="occurred", mode=mode)
    _check_known([sa_, sb], events)
    found = [c for c in events if c.date and _involves(c, sa_, sb)]
    return sorted(found, key=_chrono)


def last_contact(
    store: Any,
    a: str | ActorSpec,
    b: str | ActorSpec,
    before: str | None = None,
    mode: str | None = None,
) -> Contact | None:
    """Return the latest occurred contact between two actors (strictly before ``before``)."""
    found = occurred_between(store, a, b, mode)
    if before is not None:
        limit = dates.interval(checked_date(before, "before"))[0]
        found = [c for c in found if dates.interval(c.date or "")[0] < limit]
    # The latest is the one ending last: a day late in a month beats the month itself.
    return max(found, key=_ending) if found else None


@dataclass(frozen=True)
class Gap:
    """The time between two consecutive occurred contacts."""

    days: int
    start: str  # date of the earlier contact
    end: str  # date of the later contact
    start_event: str
    end_event: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class GapReport:
    """Intervals between consecutive contacts of two actors, longest first, and since the last."""

    a: str
    b: str
    contacts: tuple[Contact, ...]
    gaps: tuple[Gap, ...]
    last: Contact | None
    days_since_last: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "contacts": [
                {"id": c.id, "date": c.date, "mode": c.mode, "implied": c.implied}
                for c in self.contacts
            ],
            "gaps": [g.as_dict() for g in self.gaps],
            "last": None if self.last is None else self.last.id,
            "last_date": None if self.last is None else self.last.date,
            "days_since_last": self.days_since_last,
        }


def gaps(store: Any, a: str, b: str, today: str | date | None = None) -> GapReport:
    """Return the gaps between consecutive occurred contacts of ``a`` and ``b``."""
    found = occurred_between(store, a, b)
    intervals = []
    for prev, nxt in zip(found, found[1:], strict=False):
        days = dates.days_between(prev.date, nxt.date)
        if days is None:
            continue
        intervals.append(Gap(days, prev.date or "", nxt.date or "", prev.id, nxt.id))
    intervals.sort(key=lambda g: (-g.days, g.start))
    if isinstance(today, str):
        today = dates.parse_iso(checked_date(today, "today"))
    day = today or date.today()
    last = max(found, key=_ending) if found else None
    since = dates.days_between(last.date, day.isoformat()) if last else None
    return GapReport(a, b, tuple(found), tuple(intervals), last, since)


def event(store: Any, event_id: str) -> Contact:
    """Return one ledger event by id (or unique prefix); raise NotFound otherwise."""
    with store.transaction() as conn:
        return ledger_store.load_contact(conn, event_id)
