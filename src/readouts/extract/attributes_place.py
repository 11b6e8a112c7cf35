"""Where a meeting took place: the city or venue a contact's sentence states.

The rules are documented with examples in docs/attributes.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readouts.extract.attributes_words import (
    COUNTRY_WORDS,
    GATHERINGS,
    NOT_PLACES,
    STATE_NAMES,
    VENUES,
    words,
)

_CAP = r"#?[A-Z][\w.-]*[a-zà-ÿ]\b(?![’'])"
_PLACE = rf"(?P<place>{_CAP}(?:\s+(?:{_CAP}|(?:de|del|am|on|upon|la|le)\b)){{0,3}})"
_IN_PLACE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?"
    r"(?:(?:[\w’'-]+\s+){0,4}?(?:resort|city|town|capital|port|village|seaside|spa)"
    r"(?:\s+city|\s+town)?(?:\s+of\s+|,\s*)|[A-Z]\w+(?:'s|’s)\s+)?" + _PLACE
)
_VENUE = re.compile(
    r"\b(?:at|in|inside)\s+(?:the\s+)?(?P<venue>(?:[A-Z][\w’'-]+\s+){1,3}"
    r"(?:[Pp]alace|[Cc]astle|[Hh]otel|[Vv]illa|House|Hall|Center|Centre|[Rr]esidence|[Ll]odge|"
    r"[Mm]ansion|[Ee]state|[Cc]omplex|[Cc]osmodrome|[Rr]esort|Pavilion))"
    r"(?:,?\s+(?:in\s+)?(?P<city>" + _CAP + r"))?"
)
# "in Tokyo's Ginza district": the city is the location (a state's: "Finland's Rovaniemi").
_DISTRICT = re.compile(
    r"\b(?:[Ii]n|[Aa]t)\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+(?:[A-Z][\w-]+\s+){1,2}"
    r"(?:district|neighbou?rhood|quarter|area|suburb|borough)\b"
)
_ADJ_EVENT = re.compile(
    r"\b(?:the|a|an|their|his|her)\s+(?P<place>" + _CAP + r")\s+(?:summit|talks|meeting|"
    r"meetings|negotiations|round|conference|encounter)\b"
)
_TRAVEL = re.compile(
    r"\b(?:visit(?:s|ed|ing)?\s+(?:to\s+|in\s+)?|(?:trip|travel(?:l?ed|s|l?ing)?|"
    r"arriv(?:ed|es|al|ing)|flew|went|came|headed)\s+(?:[\w-]+\s+){0,4}?(?:to|in)\s+"
    # Plain motion verbs carry less: "come to Sydney", "fly to Kyiv", "going to Minsk".
    r"|(?:fl(?:y|ies|ying)|go(?:es|ing)?|com(?:e|es|ing)|head(?:s|ing)?)\s+(?:[\w-]+\s+){0,2}?to\s+"
    # "a stop in Lahore", "a stopover in Doha", "was due in Berlin".
    r"|(?:stop(?:s|ped)?|stopover|layover|due)\s+(?:(?:back|briefly|later)\s+)?(?:in|at)\s+)"
    + _PLACE
)
# Well-known recurring gatherings, named without their city: "the Munich Security Conference".
_GATHERING = re.compile(
    r"\b(?:of|at|during|attending|to|for)\s+(?:the\s+)?(?:annual\s+|(?:19|20)\d\d\s+)?"
    r"(?P<event>"
    + "|".join(re.escape(e) for e in sorted(GATHERINGS, key=len, reverse=True))
    + r")\b"
)
# "the war in Ukraine" names the subject of the talks, not where they were held.
_MEETING_WORDS = re.compile(
    r"\b(?:met|meet\w*|talks|summit\w*|visit\w*|held|hold\w*|host\w*|gather\w*|arriv\w*|"
    r"took place|take place|takes place|taking place|sidelines|conference|forum|negotiat\w*|"
    r"received|receive|welcomed|summoned|round|session|encounter|face-to-face|trip|sat down|"
    r"called on|stop|stopover|dinner|lunch|breakfast)\b",
    re.I,
)
_TOPICAL_BEFORE = re.compile(
    r"\b(?:war|conflict|crisis|situation|fighting|invasion|peace|settlement|operation|events|"
    r"troops|forces|people|elections?|attacks?|strikes?|offensive|ceasefire|security|stability|"
    r"interference|presence|involvement|deployment|prisoners?|detained|jailed|born|"
    r"investments?|interests|sanctions|rights|aggression|escalation|tensions|standoff|dispute|"
    r"violence|unrest|actions|extremists|residents)\s+"
    # "strategic stability talks in Geneva": a meeting word after the topic is the meeting.
    r"(?:(?!talks|meeting|meetings|summit|negotiations|dialogue|consultations)\w+\s+)?$",
    re.I,
)
_NOT_PLACE = words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An His Her Their Its This That
    Addition Particular Fact General Response Total Order Turn Recent Public English Russian
    Congress Parliament Senate Mr Mrs Ms Dr President Prime Minister Secretary
    Reuters Interfax TASS Sputnik Twitter Telegram Facebook Short Brief Contrast
    Return Exchange Accordance Light Line Terms Spite View Case Total Support Charge Office
    Power Time Person Private Public"""
)

_FACILITIES = words(
    """Airport Airbase Base Hotel Palace Castle Hall Center Centre Embassy Consulate House
    Residence Office Building Headquarters Villa Estate Lodge Mansion Complex Pavilion Ministry
    Room Stadium Arena Museum Theatre Theater University Cathedral Church Mosque Hospital"""
)


def _clean_place(place: str) -> str | None:
    words = place.lstrip("#").split()
    while words and (words[-1] in _NOT_PLACE or words[-1].lower() in ("on", "de", "la", "le")):
        words.pop()
    if not words or words[0] in _NOT_PLACE:
        return None
    if len(words) > 1 and words[0] in NOT_PLACES and " ".join(words[:2]) not in STATE_NAMES:
        return None  # "the Turkish House", "the Russian Embassy": a building, not a city
    # Titles, people and other country words end a place name: "in Moscow President Putin".
    for i, w in enumerate(words[1:], 1):
        if w in _NOT_PLACE or w in COUNTRY_WORDS:
            words = words[:i]
            break
    if words[-1] in _FACILITIES:
        return None  # "at Allama Iqbal International Airport": a building; its city says where
    name = " ".join(words).rstrip(".")
    return None if not name or name in NOT_PLACES else name


def location(
    text: str, *, places: Sequence[str] | None = None, anchor_start: int | None = None
) -> str | None:
    """Return the city or venue of a meeting ("Venue, City" when both are stated).

    ``places`` optionally restricts the answer to place names an NER pass found (spaCy
    GPE/LOC/FAC spans); known venues name their city ("at the White House" -> Washington).
    With ``anchor_start`` (the trigger's offset) the place nearest the trigger wins.
    """
    allowed = set(places) if places is not None else None

    def ok(name: str | None) -> bool:
        if not name:
            return False
        return allowed is None or any(name in p or p in name for p in allowed) or name in VENUES

    found: list[tuple[int, int, int, str]] = []  # (position, distance, rank, name)

    def add(pos: int, rank: int, name: str) -> None:
        distance = abs(pos - anchor_start) if anchor_start is not None else pos
        found.append((pos, distance, rank, name))

    for venue, city in VENUES.items():
        for m in re.finditer(rf"\b(?:at|in|inside)\s+(?:the\s+)?{re.escape(venue)}\b", text):
            add(m.start(), 0, city)
    for m in _GATHERING.finditer(text):
        add(m.start(), 0, GATHERINGS[m["event"]])
    for m in _VENUE.finditer(text):
        if m["city"] and ok(m["city"]):
            add(m.start(), 0, f"{m['venue']}, {m['city']}")
    for m in _DISTRICT.finditer(text):
        if m["place"] not in STATE_NAMES and _meeting_context(text, m.start(), m.end()):
            add(m.start(), 0, m["place"])
    for rank, pattern in enumerate((_IN_PLACE, _TRAVEL, _ADJ_EVENT), 1):
        for m in pattern.finditer(text):
            if pattern is _IN_PLACE and not _meeting_context(text, m.start(), m.end()):
                continue
            if _EITHER.match(text, m.end()) or _EITHER_BEFORE.search(text, 0, m.start("place")):
                continue  # "in Ankara or Istanbul" names no place yet
            if anchor_start is not None and _in_other_when(text, m.start(), anchor_start):
                continue
            name = _clean_place(m["place"])
            if name is None or not ok(name) or (pattern is _ADJ_EVENT and "-" in name):
                continue
            add(m.start(), rank, name)
    if not found:
        return None
    cities = [f[0] for f in found if f[3] not in STATE_NAMES]

    def key(f: tuple[int, int, int, str]) -> tuple[int, int, int]:
        # A city beats a country it is stated with ("in Turkey ... in Antalya"); a city far
        # off in the sentence is another event's ("meet in Saudi Arabia ... visit Moscow").
        near_city = f[3] in STATE_NAMES and any(abs(c - f[0]) <= _NEAR_CITY for c in cities)
        return (int(near_city), f[1], f[2])

    return min(found, key=key)[3]


# A city this close (in characters) to a country is where in that country the meeting was.
_NEAR_CITY = 80
_EITHER = re.compile(r"\s+or\s+(?:in\s+)?[A-Z]")
_EITHER_BEFORE = re.compile(r"[A-Z]\w+,?\s+or\s+(?:in\s+)?$")
_SINCE_WHEN = re.compile(r"\bsince\b[^.;]{0,40}?,\s*when\b[^.;]*", re.I)


def _in_other_when(text: str, pos: int, anchor: int) -> bool:
    """Return whether ``pos`` is in a "since X, when ..." clause the trigger is not in."""
    return any(
        m.start() <= pos < m.end() and not m.start() <= anchor < m.end()
        for m in _SINCE_WHEN.finditer(text)
    )


def _meeting_context(text: str, pos: int, end: int) -> bool:
    """Tell "met in Geneva" / "In Moscow, ..." from "the standoff in Ukraine"."""
    opening = text[:pos].strip(" \"'“‘(#")
    if not opening or _OPENER.match(opening):
        return True  # a sentence-opening "In Moscow, ..." or "Last month, in Beijing, ..."
    before = re.split(r"[.;:!?]\s", text[max(0, pos - 90) : pos])[-1]
    if _TOPICAL_BEFORE.search(before[-30:]):
        return False
    # "in Warsaw, after talks with ...", "in Islamabad, where she called on Sharif"
    return bool(_MEETING_WORDS.search(before) or _MEETING_AFTER.match(text, end))


# A short time adverbial opening the sentence: "Last month,", "On Tuesday,", "Earlier,".
_OPENER = re.compile(
    r"^(?:(?:on|last|this|next|earlier|later|late|early|in|at|the|same|that)\s+)*"
    r"(?:\w+day|week|month|year|morning|evening|night|earlier|later|yesterday|today|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:19|20)\d\d)(?:\s+\w+)?,$",
    re.I,
)
_MEETING_AFTER = re.compile(
    # "was in Moscow last week for talks with Putin": a short time adverbial may intervene.
    r"(?:\s+(?:last|this|next|earlier|later)(?:\s+(?:week|month|year|\w+day))?)?"
    r",?\s+(?:where|for|after|before|following|during|to\s+(?:hold|meet|attend))\b"
    r"[^.;]{0,60}?" + _MEETING_WORDS.pattern,
    re.I,
)
