"""Trips: a dated stay of one official in a city dates the undated meetings held there.

"Scholz spent a day in Beijing last Friday. ... Scholz held talks with Xi at the Great Hall of
the People." The talks are undated in their own sentence, but the article has said when
Scholz was in Beijing: a meeting of his in Beijing took place on that trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from readouts.dates import resolve_date
from readouts.extract.attributes_words import NOT_PLACES, STATE_NAMES
from readouts.records import Mention

# A stay somewhere: travel, arrival, a visit, time spent "on the ground in" a city.
_TRIP = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel(?:l?ed|s|l?ing)?|arriv(?:ed|es|ing)|flew|landed|"
    r"stop(?:ped)?|stopover|spen[dt]\w*|was\s+in|were\s+in|on\s+the\s+ground)\b[^.;]{0,60}?"
    r"\b(?:in|to)\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)",
)
_MONTHS = frozenset(
    re.findall(
        r"\w+",
        "January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    )
)


@dataclass(frozen=True)
class Trip:
    """One official's dated stay in a city."""

    people: frozenset[str]  # the registry ids the sentence's first name may denote
    place: str
    date: str


def find_trip(text: str, people: tuple[str, ...], published: str | None) -> Trip | None:
    """Return the trip a sentence states ("X spent less than a day in Beijing last Friday")."""
    if not people:
        return None
    m = _TRIP.search(text)
    if m is None:
        return None
    place = m["place"]
    if place in _MONTHS or place in NOT_PLACES or place in STATE_NAMES:
        return None  # a country is no city; a weekday is no place
    date = resolve_date(text, published, anchor_start=m.start(), future=False)
    if not date or len(date) != 10:
        return None
    return Trip(frozenset(people), place, date)


def date_by_trips(mentions: list[Mention], trips: list[Trip]) -> list[Mention]:
    """Date an undated held meeting by the trip of one of its participants to its city."""
    out = []
    for m in mentions:
        if m.date is None and m.status == "occurred" and m.location and m.mode == "meeting":
            ids = {p.person_id for p in m.participants if p.person_id}
            days = {t.date for t in trips if t.people & ids and _same_place(t.place, m.location)}
            if len(days) == 1:
                m = replace(m, date=days.pop())
        out.append(m)
    return out


def _same_place(trip: str, location: str) -> bool:
    """Return whether a meeting's location ("Great Hall, Beijing", "Beijing") is the city."""
    return trip == location or location.endswith(", " + trip)
