"""The registry's vocabulary and records: offices, persons, tenures, name folding."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Office types, most senior first: a person holding several offices on one day is
# described by the first of them (``Person.office_on``).
OFFICES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "high_representative",
    "director_general",
    "foreign_minister",
    "defense_minister",
    "national_security_adviser",
    "military_chief",
    "intelligence_chief",
    "un_ambassador",
    "ambassador",
    "envoy",
    "deputy_foreign_minister",
    "presidential_aide",
    "spokesperson",
)
SENIORITY = {office: rank for rank, office in enumerate(OFFICES)}

# The six offices every covered country has (issue 4's coverage target).
CORE_OFFICES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
    "military_chief",
    "national_security_adviser",
)

# Offices held by one person at a time (per country, and per host for ambassadors);
# the others (intelligence chiefs, envoys, aides, deputies, spokespeople) have several.
SINGLE_HOLDER: frozenset[str] = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defense_minister",
        "military_chief",
        "national_security_adviser",
        "un_ambassador",
        "ambassador",
        "secretary_general",
        "high_representative",
        "director_general",
    }
)

ORGANISATIONS: frozenset[str] = frozenset({"UN", "NATO", "EU", "IAEA"})

TENURE_COLUMNS: tuple[str, ...] = (
    "office",
    "host",
    "title",
    "name",
    "aliases",
    "start",
    "end",
    "note",
)

_SPACE = re.compile(r"\s+")
_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into ASCII.
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "ı": "i"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Return text lower-cased, without diacritics, with single spaces and plain quotes."""
    text = text.translate(_LETTERS).translate(_QUOTES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip().lower()


def slug(name: str) -> str:
    """Return the person id for a canonical name ("Sergey Lavrov" -> "sergey-lavrov")."""
    return _SLUG.sub("-", fold(name).replace("'", "")).strip("-")


def as_date(on: date | str | None) -> date:
    """Return ``on`` as a date: a date, ``YYYY-MM-DD``/``YYYY-MM``/``YYYY``, or None for today."""
    if on is None:
        return date.today()
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    text = on.strip()
    # A month or a year stands for its middle: the likeliest day of a vague date.
    if len(text) == 7 and text[4] == "-":
        return date(int(text[:4]), int(text[5:7]), 15)
    if len(text) == 4 and text.isdigit():
        return date(int(text), 7, 1)
    return date.fromisoformat(text[:10])


@dataclass(frozen=True)
class Tenure:
    """One person's time in one office; ``end`` is the day they left (None: still in office)."""

    person_id: str
    country: str
    office: str
    host: str | None
    title: str
    start: date
    end: date | None = None
    note: str = ""
    source: str = ""  # "file:line" the tenure was read from

    def covers(self, on: date | str | None = None) -> bool:
        """Return whether the person held the office on ``on`` (today when None)."""
        day = as_date(on)
        # `end` is exclusive: on a changeover day the successor holds the office.
        return self.start <= day and (self.end is None or day < self.end)

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "country": self.country,
            "office": self.office,
            "host": self.host,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class Person:
    """Someone who held a registered office: canonical name, spellings and tenures."""

    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = field(default=(), compare=False)

    def office_on(self, on: date | str | None = None) -> Tenure | None:
        """Return the most senior tenure the person held on ``on`` (today when None)."""
        held = [t for t in self.tenures if t.covers(on)]
        if not held:
            return None
        # Among equally senior offices, the one in their own country describes them
        # (a monarch of several realms), then the latest begun.
        return min(
            held,
            key=lambda t: (
                SENIORITY.get(t.office, len(OFFICES)),
                t.country != self.country,
                -t.start.toordinal(),
            ),
        )

    def last_tenure(self) -> Tenure | None:
        """Return the tenure that ended last (an open one first)."""
        if not self.tenures:
            return None
        return max(self.tenures, key=lambda t: (t.end or date.max, t.start))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "aliases": list(self.aliases),
            "tenures": [t.as_dict() for t in self.tenures],
        }
