"""Resolve stated dates against a publication date, and compare partial ISO dates.

Dates are ISO strings of varying precision: YYYY-MM-DD, YYYY-MM or YYYY. The rules
for each date form are documented in docs/attributes.md.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from readouts.dates_find import FUTURE, Found, anchor_day, find_dates
from readouts.dates_iso import (
    compatible,
    days_between,
    interval,
    parse_iso,
    precision,
    sort_key,
    validate,
)
from readouts.records import Document

# A date right after a reporting verb usually dates the report, not the contact.
_REPORTED = re.compile(
    r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|confirmed|announced|stated|reported|added|noted|"
    r"tweeted|wrote|insisted|claimed|explained|revealed|disclosed|acknowledged)\s*(?:on\s*)?$",
    re.I,
)
_SINCE = re.compile(r"\b(?:since|until|till|before|after|as of)\s+(?:\w+\s+){0,3}$", re.I)
_NEAR = re.compile(
    r"\b(?:days?|hours?|minutes?|shortly|soon|just|immediately|right)\s+(?:after|before)\s+"
    r"(?:\w+\s+){0,3}$",
    re.I,
)
_WHEN = re.compile(r"^[^.;]{0,25}?,?\s*when\b[^.;]*$", re.I)
_NOUN_DAY = re.compile(r"\w+day(?:'s|’s)?\s+(?!morning|afternoon|evening|night)[a-z]")
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_BREAK = re.compile(r"[,;:()\u2013\u2014]")
_FULL_DAY = ("iso", "dotted", "mdy", "dmy", "wd_date")
_PENALTY = {"event": 120, "year": 5}


def resolve_date(
    text: str,
    published: str | None,
    *,
    anchor_start: int | None = None,
    future: bool | None = None,
) -> str | None:
    """Return the date of the event ``text`` states, resolved against ``published``.

    Among several dates the one nearest ``anchor_start`` (the trigger's offset in
    ``text``) wins; the date of a report ("said on Friday") counts as farther away; a
    date in a "since" clause is skipped unless the trigger is in it or in its
    when-clause. ``future`` says whether the event lies ahead of publication
    (detected from the wording when None); ``future=False`` also rules out dates
    after publication and ``future=True`` dates before it. Nothing stated gives None:
    never the publication date.
    """
    anchor = anchor_start or 0
    if future is None:
        # Each date reads the wording before it: "will meet on Tuesday" lies ahead, while
        # "said on Friday that the planned summit ..." still lies behind.
        behind = find_dates(text, published, False)
        ahead = find_dates(text, published, True)
        candidates = [
            a if _future_before(text, b.start) else b for a, b in zip(ahead, behind, strict=True)
        ]
    else:
        candidates = find_dates(text, published, future)
    found = [
        f
        for f in candidates
        if f.value is not None and _admissible(text, f, anchor, published, future)
    ]
    if not found:
        return None
    return min(found, key=lambda f: (_cost(text, f, anchor, len(found)), f.start)).value


def _future_before(text: str, start: int) -> bool:
    """Return whether future wording precedes a date in its sentence (not "said on ...")."""
    before = text[max(0, start - 120) : start]
    before = re.split(r"[.;!?]\s", before)[-1]
    # A past subordinate clause has its own tense: "invited Xi when the two held a call on ...".
    past_clause = re.search(
        r"\b(?:when|after|where|since)\s+[^,]*?\b(?:had|held|met|was|were|spoke|\w+ed)\b[^,]*$",
        before,
        re.I,
    )
    if past_clause:
        before = before[past_clause.start() :]
    return bool(FUTURE.search(before)) and not _REPORTED.search(before[-40:])


def _admissible(
    text: str, f: Found, anchor: int, published: str | None, future: bool | None
) -> bool:
    """Drop dates that cannot be the event's: a past event's future date, a "since" clause."""
    pub = anchor_day(published)
    if pub and f.value and future is not None:
        first, last = interval(f.value)
        if future is False and (first - pub).days > 1:
            return False  # an occurred contact cannot lie ahead of publication
        if future is True and (pub - last).days > 1:
            return False  # a planned one cannot lie behind it
    before = text[max(0, f.start - 40) : f.start]
    if (
        f.kind == "weekday"
        and _ARTICLE.search(before)
        and _NOUN_DAY.match(text, f.start)
        and not f.start <= anchor < f.end + 25
    ):
        return False  # "over the Sunday strike" dates the strike
    m = _SINCE.search(before)
    if f.kind == "event" and f.start > 5 and not (m and m[0].lower().startswith("since")):
        return False
    if f.kind == "in_over" and f.start > 5:
        return False  # "the first talks in nearly a year" measures a gap, it dates nothing
    if m and _NEAR.search(before):
        return True  # "in the days after the mutiny last month": close to that date
    if m:
        # "since last year's summit" dates the summit; "since March, when Austin held a call"
        # dates the when-clause's call; otherwise the since-date is not the trigger's.
        since_at = f.start - len(before) + m.start()
        if since_at <= anchor <= f.end + 15:
            return True
        return anchor > f.end and bool(_WHEN.match(text[f.end : anchor]))
    return True


def _cost(text: str, f: Found, anchor: int, count: int) -> int:
    # A date adverbial usually follows its verb, so a date before the trigger counts double.
    if f.start <= anchor < f.end:
        distance = 0
    elif f.end <= anchor:
        distance = 2 * (anchor - f.end)
    else:
        distance = f.start - anchor
    cost = distance + _PENALTY.get(f.kind, 0)
    # A clause break between date and trigger ("who spoke on Feb. 18, called ...") weakens
    # the link, except for a sentence-opening date ("On May 3, Putin called ...").
    between = text[min(f.end, anchor) : max(f.start, anchor)]
    if f.start > 5 and _BREAK.search(between):
        cost += 25
    before = text[max(0, f.start - 40) : f.start]
    if count > 1 and _REPORTED.search(before):
        cost += 80
    return cost


def dates_in(text: str, published: str | None) -> list[str]:
    """Return every resolvable date ``text`` states, left to right."""
    return [f.value for f in find_dates(text, published, False) if f.value is not None]


_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?!\d)"
    r"|(?<![\d-])((?:19|20)\d\d)([01]\d)([0-3]\d)(?:\d{6})?(?![\d-])"
)
_BYLINE = re.compile(r"\b(?:published|posted|updated|last updated|date:)\s*(?:on)?\s*:?\s*", re.I)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")


def infer_published(doc: Document) -> str | None:
    """Infer a publication date (YYYY-MM-DD) for a document that lacks one.

    In order: a date in the URL path; a "Published/Updated" byline date in the raw
    text or a cut zone; the latest full date the body states, unless the earliest
    reader-comment timestamp shows it to be stale; that comment timestamp; else None.
    """
    today = date.today().isoformat()
    for m in _URL_DATE.finditer(doc.url or ""):
        year, month, day = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        d = _safe_iso(int(year), int(month), int(day))
        if d and d <= today:
            return d
    zones_text = "\n".join(z.text for z in doc.zones if z.name != "comments")
    for text in (doc.raw or "", zones_text):
        for m in _BYLINE.finditer(text):
            window = text[m.end() : m.end() + 40]
            hits = [f for f in find_dates(window, None) if f.kind in _FULL_DAY and f.value]
            if hits and hits[0].start <= 3 and hits[0].value and hits[0].value <= today:
                return hits[0].value
    body = _full_days(doc.body, today)
    comments = sorted(
        d for z in doc.zones if z.name == "comments" for d in _full_days(z.text, today)
    )
    latest = max(body) if body else None
    earliest_comment = comments[0] if comments else None
    if latest and earliest_comment:
        gap = days_between(latest, earliest_comment) or 0
        return latest if 0 <= gap <= 7 else earliest_comment
    return latest or earliest_comment


@lru_cache(maxsize=1024)
def _full_days_cached(text: str) -> tuple[str, ...]:
    days = [f.value for f in find_dates(text, None) if f.kind in _FULL_DAY and f.value]
    days += [d for d in (_numeric(m) for m in _NUMERIC.finditer(text)) if d]
    return tuple(days)


def _full_days(text: str, today: str) -> list[str]:
    """Return the full dates (day, month and year stated) in ``text``, none in the future."""
    return [d for d in _full_days_cached(text) if d <= today]


def _numeric(m: re.Match[str]) -> str | None:
    """Normalise a numeric date with dateparser: dots are day-first, slashes month-first."""
    return _parse_numeric(m.group(0), "DMY" if m[2] == "." else "MDY")


@lru_cache(maxsize=1024)
def _parse_numeric(span: str, order: str) -> str | None:
    import dateparser  # slow to import; only numeric timestamps need it

    parsed = dateparser.parse(span, settings={"DATE_ORDER": order, "STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


def _safe_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


__all__ = [
    "compatible",
    "dates_in",
    "days_between",
    "infer_published",
    "interval",
    "parse_iso",
    "precision",
    "resolve_date",
    "sort_key",
    "validate",
]
