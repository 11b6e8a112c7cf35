"""Find date expressions in a sentence and resolve each against a publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from readouts.dates_iso import add_months, covering, month_of, week_bounds

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "a couple of": 2, "eighteen": 18, "fifteen": 15, "twenty": 20,
}  # fmt: skip

_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Abbreviations only count when a day or year follows, so "Mar-a-Lago" is no date.
_MON = _FULL + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|several|a few|a couple of)"  # noqa: E501
_VAGUE = r"(?P<vague>more than |over |nearly |almost |about |around |some |roughly |at least |less than |under )?"  # noqa: E501
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Ordered: earlier patterns win where spans overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "wd_date",
        re.compile(
            rf"\b{_WD},?\s+(?:(?P<mon>{_MON})\s+{_DAY}|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            rf"(?P<mon2>{_MON}))(?:,?\s+{_YEAR})?\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    # "25.06.2024": dots are read day first, as everywhere they are used.
    (
        "dotted",
        re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d|\.\d)"
        ),
    ),
    ("mdy", re.compile(rf"\b(?P<mon>{_MON})\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MON}),?\s+{_YEAR}\b")),
    ("month_rel", re.compile(rf"\b(?P<mon>{_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")),
    ("rel_month", re.compile(rf"\b(?P<rel>last|this|next)\s+(?P<mon>{_FULL})\b")),
    ("my", re.compile(rf"\b(?:(?:early|mid|late)[- ])?(?P<mon>{_MON}),?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b(?P<mon>{_MON})\s+{_DAY}\b(?![,.]?\s*\d)(?!\s*(?:%|percent|per))")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MON})(?![\w-])")),
    ("month", re.compile(rf"\b(?P<mon>{_FULL})\b(?!\s+\d)")),
    ("weekday", re.compile(rf"\b(?P<rel>last|this|next|on|late|early)?\s*{_WD}\b")),
    (
        "ago",
        re.compile(
            rf"\b{_VAGUE}{_NUM}[\s-]+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b",
            re.I,
        ),
    ),
    (
        "in_over",
        re.compile(
            rf"\b(?:in|for)\s+(?:the\s+)?{_VAGUE}(?:past\s+|last\s+)?{_NUM}\s+(?P<unit>week|month|year)s?\b",
            re.I,
        ),
    ),
    (
        "day_word",
        re.compile(
            r"\b(?P<w>today|tonight|yesterday|tomorrow|this morning|this afternoon"
            r"|this evening|last night)\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<mod>earlier |later |late |early )?(?P<rel>last|this|next|past)\s+"
            r"(?P<unit>week|month|year|weekend)(?:'s|’s)?\b",
            re.I,
        ),
    ),
    (
        "in_the",
        re.compile(r"\b(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", re.I),
    ),
    ("weekend", re.compile(r"\b(?:over|during|at|on)\s+the\s+weekend\b(?!\s+of)", re.I)),
    (
        "nth",
        re.compile(r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|anniversary))"),
    ),
    (
        "edge_year",
        re.compile(
            r"\b(?:early|mid|late|end of|beginning of|spring|summer|autumn|fall|winter)[- ]"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
    ("year", re.compile(rf"(?<![\d$£€.,/-])\b{_YEAR}\b(?![\d/]|\.\d|,\d)")),
]

# Well-known dated events that sentences measure from ("since Russia's war began").
EVENTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:Russia(?:'s|’s|n)? (?:full[- ]scale )?(?:invasion|war|offensive)|(?:full[- ]scale|Russian) (?:invasion|war)|invasion of Ukraine|invaded Ukraine|war (?:in|on) Ukraine (?:began|started)|special military operation)\b",  # noqa: E501
            re.I,
        ),
        "2022-02-24",
    ),
    (re.compile(r"\b(?:annex(?:ation|ed) (?:of )?(?:the )?Crimea)\b", re.I), "2014-03-18"),
    (
        re.compile(r"\bWagner(?:'s|’s)? (?:\w+ )?(?:mutiny|rebellion|revolt|uprising)\b", re.I),
        "2023-06-24",
    ),
]

# "since the war began" names no war: the sentence around it says which one.
_WAR_START = re.compile(
    r"^\s*(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:full[- ]scale\s+)?"
    r"(?:war|invasion|conflict|fighting)|(?:full[- ]scale\s+)?(?:war|invasion|conflict|fighting)"
    r"\s+(?:began|started|broke\s+out|erupted))\b",
    re.I,
)
WARS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\b(?:Russia|Russian|Ukraine|Ukrainian|Kremlin|Kyiv|Kiev|Moscow)\b"),
        "2022-02-24",
    ),
    (re.compile(r"\b(?:Israel|Israeli|Hamas|Gaza)\b"), "2023-10-07"),
]


def war_start(since_text: str, context: str, published: str | None) -> str | None:
    """Date "since the start of the war" by the war the sentence is about, if it is clear."""
    pub = anchor_day(published)
    if pub is None or not _WAR_START.match(since_text):
        return None
    dates = {d for pattern, d in WARS if pattern.search(context) and d <= pub.isoformat()}
    return dates.pop() if len(dates) == 1 else None


FUTURE = re.compile(
    r"\b(?:will|shall|would|to be held|is to|are to|plans? to|planned|planning|scheduled|"
    r"upcoming|expected to|set to|due to|going to|intends? to|next|proposed|invited)\b",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """One date expression: its span, kind and resolved value (None when unresolvable)."""

    start: int
    end: int
    kind: str
    value: str | None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _num(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_near(pub: date | None, month: int, day: int, future: bool) -> str | None:
    """Place a month-day without a year in the year that makes it nearest the past (or future)."""
    if pub is None:
        return None
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe(y, month, day))]
    if future:
        ahead = [d for d in options if d >= pub - timedelta(days=1)]
        return min(ahead).isoformat() if ahead else None
    # One day of slack: a story dated by its local time may report "tomorrow's" date.
    past = [d for d in options if d <= pub + timedelta(days=1)]
    return max(past).isoformat() if past else None


def _month_near(pub: date | None, month: int, future: bool) -> str | None:
    if pub is None:
        return None
    if future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _weekday(pub: date | None, name: str, rel: str, future: bool) -> str | None:
    """Resolve a weekday: the publication day itself, else the nearest one back (or ahead)."""
    if pub is None:
        return None
    target = WEEKDAYS.index(name.lower())
    back = (pub.weekday() - target) % 7
    if rel == "last":
        return (pub - timedelta(days=back or 7)).isoformat()
    if rel == "next" or (future and back):
        return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
    return (pub - timedelta(days=back)).isoformat()


def _nth(pub: date | None, day: int, future: bool) -> str | None:
    """Place "on the 29th" in the latest month (or, ahead, the next month) that has it."""
    if pub is None or not 0 < day <= 31:
        return None
    step = 1 if future else -1
    month = pub.replace(day=1)
    for _ in range(3):
        d = _safe(month.year, month.month, day)
        if d and (d >= pub - timedelta(days=1) if future else d <= pub + timedelta(days=1)):
            return d.isoformat()
        month = add_months(month, step)
    return None


def _ago(pub: date | None, n: int, unit: str, vague: bool) -> str | None:
    if pub is None:
        return None
    unit = unit.lower()
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit == "year":
        return f"{pub.year - n:04d}"
    if unit == "month":
        return month_of(add_months(pub, -n))
    if unit == "week":
        mid = pub - timedelta(weeks=n)
        return covering(mid - timedelta(days=3), mid + timedelta(days=3), "month")
    then = pub - timedelta(days=n)
    return covering(then - timedelta(days=1), then, "month") if vague else then.isoformat()


def _period(pub: date | None, rel: str, unit: str, mod: str, future: bool) -> str | None:
    if pub is None:
        return None
    rel, unit, mod = rel.lower(), unit.lower(), mod.strip().lower()
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        return f"{pub.year + step:04d}"
    if unit == "month":
        return month_of(add_months(pub.replace(day=1), step))
    monday, sunday = week_bounds(pub + timedelta(weeks=step))
    if unit == "weekend":
        monday = monday + timedelta(days=5)
    if step == 0 and mod == "earlier":
        sunday = pub
    elif step == 0 and not future and unit == "week":
        sunday = min(sunday, pub)
    elif step == 0 and future:
        monday = max(monday, pub)
    return covering(monday, sunday, "month")


def _resolve(kind: str, m: re.Match[str], pub: date | None, future: bool) -> str | None:
    g = m.groupdict()
    if kind in ("iso", "dotted", "mdy", "dmy"):
        number = int(g["mon"]) if kind in ("iso", "dotted") else _month(g["mon"])
        d = _safe(int(g["year"]), number, int(g["day"]))
        return d.isoformat() if d else None
    if kind == "wd_date":
        # "Monday, March 4": the explicit date decides; the weekday only confirms it.
        month, day = (g["mon"], g["day"]) if g["mon"] else (g["mon2"], g["day2"])
        if g["year"]:
            d = _safe(int(g["year"]), _month(month), int(day))
            return d.isoformat() if d else None
        return _day_near(pub, _month(month), int(day), future)
    if kind == "my":
        return f"{int(g['year']):04d}-{_month(g['mon']):02d}"
    if kind == "month_rel":
        if pub is None:
            return None
        step = {"last": -1, "this": 0, "next": 1}[g["rel"]]
        return f"{pub.year + step:04d}-{_month(g['mon']):02d}"
    if kind == "rel_month":
        rel = g["rel"]
        return _month_near(
            pub, _month(g["mon"]), future=rel == "next" or (rel == "this" and future)
        )
    if kind in ("md", "dm"):
        return (
            _day_near(pub, _month(g["mon"]), int(g["day"]), future) if int(g["day"]) > 0 else None
        )
    if kind == "month":
        return _month_near(pub, _month(g["mon"]), future)
    if kind == "weekday":
        return _weekday(pub, g["wd"], (g["rel"] or "").lower(), future)
    if kind == "ago":
        return _ago(pub, _num(g["n"]), g["unit"], bool(g["vague"]))
    if kind == "in_over":
        return _ago(pub, _num(g["n"]), g["unit"], True)
    if kind == "day_word":
        if pub is None:
            return None
        w = g["w"].lower()
        shift = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
        return (pub + timedelta(days=shift)).isoformat()
    if kind == "period":
        return _period(pub, g["rel"], g["unit"], g["mod"] or "", future)
    if kind == "in_the":
        return _period(pub, "this", g["unit"], g["mod"] + " ", future)
    if kind == "weekend":
        if pub is not None and pub.weekday() >= 5:  # published on the weekend itself
            return _period(pub, "this", "weekend", "", False)
        return _period(pub, "next" if future else "last", "weekend", "", future)
    if kind == "nth":
        return _nth(pub, int(g["day"]), future)
    if kind in ("edge_year", "year"):
        return g["year"]
    return None


def find_dates(text: str, published: str | None, future: bool = False) -> list[Found]:
    """Return every date expression in ``text``, left to right, resolved against ``published``."""
    return list(_find(text, published, future))


@lru_cache(maxsize=4096)
def _find(text: str, published: str | None, future: bool) -> tuple[Found, ...]:
    pub = anchor_day(published)
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if kind == "weekday" and m["rel"] is None:
                s = m.start("wd")
            if any(s < b and a < e for a, b in taken):
                continue
            if kind == "year" and _year_is_number(text, s, e):
                continue
            taken.append((s, e))
            found.append(Found(s, e, kind, _resolve(kind, m, pub, future)))
    for pattern, value in EVENTS:
        for m in pattern.finditer(text):
            if pub is None or value <= pub.isoformat():
                found.append(Found(m.start(), m.end(), "event", value))
    return tuple(sorted(found, key=lambda f: f.start))


def anchor_day(published: str | None) -> date | None:
    """Read the publication date; a partial or malformed one anchors nothing."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _year_is_number(text: str, s: int, e: int) -> bool:
    """Tell a year from a count ("2000 troops") or a resolution number."""
    after = text[e : e + 12].lower()
    before = text[max(0, s - 12) : s].lower()
    if re.match(r"\s*(?:troops|soldiers|people|km|kilometers|miles|tons|tonnes|dollars)", after):
        return True
    return bool(re.search(r"(?:resolution|no\.|number|article)\s*$", before))
