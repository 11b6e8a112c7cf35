"""Assemble a document's mentions: one per contact, however often the text repeats it."""

from __future__ import annotations

from dataclasses import replace

from readouts.records import Mention, Participant

_PRECISION = {3: 2, 2: 1, 1: 0}


def same_people(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> bool:
    """Return whether two participant lists can denote the same sides and people."""
    if {p.country for p in a} != {p.country for p in b}:
        return False
    for country in {p.country for p in a}:
        ids_a = {p.person_id for p in a if p.country == country and p.person_id}
        ids_b = {p.person_id for p in b if p.country == country and p.person_id}
        if ids_a and ids_b and ids_a != ids_b:
            return False
    return True


def dates_agree(a: str | None, b: str | None) -> bool:
    """Return whether two partial dates may denote the same day (unknown agrees with any)."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    if len(a) == len(b) == 10:
        from datetime import date

        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return False


def _more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


# Statuses one contact moves through before it happens; a later stage wins when merged
# ("planned" then "cancelled" is the cancelled contact; a request then a plan, the request).
_PENDING = {"requested": 2, "planned": 1, "declined": 3, "cancelled": 4}


def compatible(a: Mention, b: Mention) -> bool:
    """Return whether two mentions can be one contact."""
    if a.status != b.status and not (a.status in _PENDING and b.status in _PENDING):
        return False
    if a.mode != b.mode and "unspecified" not in (a.mode, b.mode):
        return False
    if not places_agree(a.location, b.location):
        return False  # met in Tokyo, talks in Phnom Penh: two meetings
    return dates_agree(a.date, b.date) and same_people(a.participants, b.participants)


def places_agree(a: str | None, b: str | None) -> bool:
    """Return whether two locations may be one place (a country holds any city we name)."""
    if not a or not b or a in b or b in a:
        return True
    from readouts.extract.attributes_words import COUNTRY_WORDS, STATE_NAMES

    if a in STATE_NAMES or b in STATE_NAMES:
        # Saudi Arabia holds Riyadh, not Moscow (capitals are the cities we can place).
        ca, cb = COUNTRY_WORDS.get(a), COUNTRY_WORDS.get(b)
        return not (ca and cb and ca != cb)
    return False


def merge(a: Mention, b: Mention) -> Mention:
    """Return one mention holding both, keeping the most specific attributes."""
    people = list(a.participants)
    for q in b.participants:
        if not any(_same(p, q) for p in people):
            people.append(q)
    people = [
        p
        for p in people
        if p.person_id or not any(q.person_id and q.country == p.country for q in people)
    ]
    status = a.status
    if a.status in _PENDING and b.status in _PENDING and _PENDING[b.status] > _PENDING[a.status]:
        status = b.status if b.status in ("declined", "cancelled") else a.status
    return replace(
        a,
        status=status,
        participants=tuple(people),
        mode=a.mode if a.mode != "unspecified" else b.mode,
        date=_more_precise(a.date, b.date),
        location=_finer_place(a.location, b.location),
        duration_minutes=a.duration_minutes or b.duration_minutes,
        initiator=a.initiator or b.initiator,
        topics=tuple(dict.fromkeys((*a.topics, *b.topics))),
        evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
    )


def _finer_place(a: str | None, b: str | None) -> str | None:
    """Return the more precise of two agreeing locations (a city over its country)."""
    from readouts.extract.attributes_words import STATE_NAMES

    if a and b and a in STATE_NAMES and b not in STATE_NAMES:
        return b
    return a or b


def _same(p: Participant, q: Participant) -> bool:
    if p.person_id or q.person_id:
        return p.person_id == q.person_id
    return p.country == q.country and p.office == q.office


def assemble(found: list[Mention]) -> list[Mention]:
    """Merge mentions of the same contact, in order of first mention."""
    out: list[Mention] = []
    for m in found:
        for i, prev in enumerate(out):
            if compatible(prev, m):
                out[i] = merge(prev, m)
                break
        else:
            out.append(m)
    return out


def inherit_dates(mentions: list[Mention]) -> list[Mention]:
    """Date an undated mention from a dated one of the same event (same status, same people)."""
    out = []
    for m in mentions:
        if m.date is None and m.status not in ("not_occurred",):
            ids = {p.person_id for p in m.participants if p.person_id}
            for o in mentions:
                if o is m or o.date is None or o.status != m.status:
                    continue
                if o.mode != m.mode and "unspecified" not in (o.mode, m.mode):
                    continue
                if not places_agree(o.location, m.location):
                    continue
                oids = {p.person_id for p in o.participants if p.person_id}
                nested = bool(ids and oids) and (ids <= oids or oids <= ids)
                placed = bool(ids & oids) and m.location is not None and m.location == o.location
                if nested or placed:
                    m = replace(m, date=o.date)
                    break
        out.append(m)
    return out
