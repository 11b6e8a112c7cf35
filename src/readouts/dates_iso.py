"""Partial ISO dates (YYYY-MM-DD, YYYY-MM, YYYY): validate, order, compare, shift."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_RANK = {"year": 0, "month": 1, "day": 2}


def _parts(s: str) -> tuple[int, int | None, int | None]:
    m = _ISO.match(s.strip()) if isinstance(s, str) else None
    if not m:
        raise ValueError(f"invalid date {s!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        date(year, int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"invalid date {s!r}: {exc}") from None
    return year, int(month) if month else None, int(day) if day else None


def validate(s: str) -> str:
    """Return ``s`` when it is a valid YYYY-MM-DD / YYYY-MM / YYYY date, else raise ValueError."""
    _parts(s)
    return s.strip()


def parse_iso(s: str) -> date:
    """Return the first day a partial ISO date covers."""
    year, month, day = _parts(s)
    return date(year, month or 1, day or 1)


def precision(d: str) -> str:
    """Return 'day', 'month' or 'year' for a partial ISO date."""
    _, month, day = _parts(d)
    return "day" if day else "month" if month else "year"


def interval(d: str) -> tuple[date, date]:
    """Return the first and last day a partial ISO date covers."""
    year, month, day = _parts(d)
    if day:
        one = date(year, month or 1, day)
        return one, one
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def compatible(a: str | None, b: str | None, tolerance_days: int = 1) -> bool:
    """Return whether two partial dates can denote the same day.

    Two days agree within ``tolerance_days``; a month or year agrees with any date
    inside it. Two unknown dates agree; an unknown and a known one do not.
    """
    if a is None or b is None:
        return a is None and b is None
    (a0, a1), (b0, b1) = interval(a), interval(b)
    if precision(a) == "day" and precision(b) == "day":
        return abs((a0 - b0).days) <= tolerance_days
    return a0 <= b1 and b0 <= a1


def days_between(a: str | None, b: str | None) -> int | None:
    """Return the days from ``a`` to ``b`` (first days covered), or None when either is missing."""
    if a is None or b is None:
        return None
    return (parse_iso(b) - parse_iso(a)).days


def sort_key(d: str | None) -> tuple[int, int, int, int, int]:
    """Return a key ordering partial dates chronologically (coarser first on ties), unknown last."""
    if d is None:
        return (1, 0, 0, 0, 0)
    first = parse_iso(d)
    return (0, first.year, first.month, first.day, _RANK[precision(d)])


def add_months(d: date, months: int) -> date:
    """Return ``d`` shifted by whole months, clamping the day to the month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def month_of(d: date) -> str:
    """Return the YYYY-MM that contains ``d``."""
    return f"{d.year:04d}-{d.month:02d}"


def covering(first: date, last: date, coarsest: str = "year") -> str | None:
    """Return the most precise partial date covering the whole range (no coarser), or None."""
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return month_of(first)
    if first.year == last.year and coarsest == "year":
        return f"{first.year:04d}"
    return None


def week_bounds(d: date) -> tuple[date, date]:
    """Return the Monday and Sunday of the week containing ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)
