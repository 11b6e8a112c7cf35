"""Contact attributes stated in a sentence: duration, initiator, location, topics.

Each rule is documented with examples in docs/attributes.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readouts.extract.attributes_place import location
from readouts.extract.attributes_words import COUNTRY_WORDS, TOPICS
from readouts.records import Participant

# --- duration ---------------------------------------------------------------------

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "ninety": 90,
}  # fmt: skip
_N = r"(?:\d+(?:\.\d+)?|forty-five|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_HALF = r"[ -]and[ -]a[ -]half"
_DURATION = re.compile(
    rf"\b(?P<half1>half[ -]an?[ -]hour|half-hour)\b"
    rf"|\b(?P<h>{_N})(?P<hhalf>{_HALF})?[ -](?:hours?|hrs?)(?P<hhalf2>{_HALF})?"
    rf"(?:,?\s+(?:and\s+)?(?P<hm>{_N})[ -]min(?:ute)?s?)?(?P<hlong>[ -]long)?\b"
    rf"|\b(?P<m>{_N})[ -](?:minutes?|mins?)(?P<mlong>[ -]long)?\b"
    r"|\b(?P<bare>hour)[ -]long\b",
    re.I,
)
# Lengths of something other than the contact: delays, breaks, travel, deadlines.
_NOT_CONTACT_AFTER = re.compile(
    r"^\s*(?:later|earlier|late|ago|before|after|behind|ahead|away|delay|break|pause|recess|"
    r"drive|flight|ride|walk|notice|deadline|window|ceasefire|truce|of (?:flight|driving|delay))",
    re.I,
)
_NOT_CONTACT_BEFORE = re.compile(
    r"(?:within|every|per|in the (?:past|last|next)|for the (?:past|last|next)|past|next|"
    r"waited|wait|delayed|delay of|late by)\s+(?:about |around |nearly |some )?$"
    r"|\b(?:ceasefire|truce|pause|moratorium|deadline|ultimatum|window|halt|curfew)\s+"
    r"(?:\w+\s+){0,2}(?:hold|last|run|expire|extend)\w*\s+(?:for\s+)?(?:\w+\s+)?$"
    # An upper bound states no length: "lasted less than four hours".
    r"|(?<!just )\b(?:less|fewer)\s+than\s+$|(?<!just )\bunder\s+$|\bup\s+to\s+$",
    re.I,
)


# No single sitting of talks runs longer; a longer span is a truce, deadline or trip.
_MAX_HOURS = 24


def _num(word: str) -> float:
    word = word.lower()
    return float(word) if word[0].isdigit() else float(_WORDS[word])


def duration_minutes(text: str) -> int | None:
    """Return the stated length of the contact in minutes (the first length about it)."""
    for m in _DURATION.finditer(text):
        if _NOT_CONTACT_AFTER.match(text[m.end() :]):
            continue
        if _NOT_CONTACT_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if m["half1"]:
            return 30
        if m["bare"]:
            return 60
        if m["h"]:
            hours = _num(m["h"]) + (0.5 if m["hhalf"] or m["hhalf2"] else 0)
            if hours > _MAX_HOURS:
                continue
            return round(hours * 60 + (_num(m["hm"]) if m["hm"] else 0))
        return round(_num(m["m"]))
    return None


# --- initiator --------------------------------------------------------------------

_CW = "|".join(re.escape(w) for w in sorted(COUNTRY_WORDS, key=len, reverse=True))
_ADJ_INITIATED = re.compile(rf"(?<![\w.])(?P<c>{_CW})[- ]initiated\b")
_OF_SIDE = re.compile(
    r"\b(?:at|on|upon)\s+(?:the\s+)?(?:request|initiative|invitation|behest|suggestion|urging)"
    r"\s+of\s+(?:the\s+)?",
    re.I,
)
_POSSESSIVE_SIDE = re.compile(
    r"\b(?:at|on|upon)\s+(?P<who>[\w.\- ]{2,40}?)(?:'s|’s|')\s+"
    r"(?:request|initiative|invitation|behest|suggestion|urging)\b",
    re.I,
)
_BY_SIDE = re.compile(
    r"\b(?:initiated|requested|proposed|sought|arranged|placed|made|summoned|invited|convened)"
    r"\s+by\s+(?:the\s+)?",
    re.I,
)
_POSSESSIVE_CALL = re.compile(
    r"\b(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?:'s|’s)\s+"
    r"(?:(?:phone|telephone|video|written)\s+)?(?:call|letter|message|invitation|request|"
    r"overture|proposal|appeal)\s+to\b"
)
_FROM_SIDE = re.compile(
    r"\b(?:calls?|phone calls?|letters?|messages?|invitations?|requests?|memos?|overtures?|"
    r"approach(?:es)?|proposals?)\s+from\s+(?:the\s+)?",
    re.I,
)
# "called" means phoning only when a person follows ("called his counterpart", "called Putin"),
# not in "called for", "called on", "so-called" or "called it".
_TITLE = (
    r"(?:[Pp]resident|[Ll]eader|[Mm]inister|[Ss]ecretary|[Cc]hancellor|[Pp]remier|[Kk]ing|[Ee]mir)"
)
_CALLEE = (
    r"(?-i:(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:counterpart|opposite number|colleague|"
    r"president|leader|minister|secretary|chancellor)|the\s+(?:[A-Z]\w+\s+){0,2}"
    + _TITLE
    + r"|(?:(?:"
    + "|".join(map(re.escape, COUNTRY_WORDS))
    + r")\s+)?(?:President|Prime|Secretary|Chancellor|Foreign|Defen[cs]e|Gen\.|General|Premier|"
    r"King|[Ll]eader|[Cc]ounterpart)|"
    r"Crown|(?!(?:" + "|".join(map(re.escape, COUNTRY_WORDS)) + r")\b)[A-Z][a-z]+\b)"
)
# Verbs whose object must be a contact for them to name its initiator ("sought a meeting",
# not "sought to show a neutral stance").
_CONTACT_OBJECT = (
    r"(?=\s+(?:(?:a|an|the|his|her|their|another|new|direct|urgent)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:call|calls|meeting|talks|conversation|contact|summit|phone|video|visit|dialogue|"
    r"negotiations|discussion|exchange)\b)"
)
_ACTIVE = re.compile(
    r"(?<![\w-])(?:(?:has|have|had)\s+)?(?:(?:repeatedly|again|first|personally|also|then)\s+)?"
    r"(?:(?:initiated|requested|sought|proposed|suggested|asked\s+for|offered)"
    + _CONTACT_OBJECT
    + r"|invited|summoned|phoned|telephoned|rang|dialed|dialled|reached\s+out\s+to|"
    r"wr(?:ote|itten)\s+(?:a\s+)?(?:letter\s+)?to|"
    r"sent\s+(?:a\s+)?(?:letter|message|memo|note)|put\s+in\s+a\s+(?:call\s+)?request|"
    r"(?:has\s+been\s+|had\s+been\s+|was\s+)?trying\s+to\s+(?:communicate|reach|contact|call|"
    r"speak|talk|get\s+through)|(?:reaffirmed|expressed|voiced)\s+(?:his|her|its|their)\s+"
    r"readiness\s+to\s+(?:receive|host|meet)|offered\s+to\s+(?:host|meet|receive)|"
    r"called(?=\s+" + _CALLEE + r")|"
    # A stated wish to meet starts the contact: "signalled that he wanted to meet Kim".
    r"(?:wanted|wants|hoped|hopes|was\s+keen|is\s+keen|was\s+eager|is\s+eager)\s+to\s+"
    r"(?:meet|talk\s+to|talk\s+with|speak\s+to|speak\s+with|sit\s+down\s+with))\b",
    re.I,
)
# "a villa called La Grange" names a thing; it is no phone call.
_NAMED = re.compile(r"\b(?:a|an|the)\s+[a-z][\w-]*\s+$")
# The host invites: "invited him to make a state visit to Washington", "the invitation for
# Obama to visit Moscow", "inviting him to visit Riyadh".
_INVITE_TO = re.compile(
    r"\binvit\w*\s+(?:[\w.'’-]+\s+){0,4}?to\s+(?:(?:make|pay)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    r"visit\s+to\s+|visit\s+|come\s+to\s+)(?:the\s+)?(?P<c>" + _CW + r")(?![\w'’-])"
)
_PRONOUN = re.compile(r"\b(?:he|she|they|we|it)\s+(?:\w+\s+){0,2}$", re.I)
# The recipient of a letter, not its sender: "a letter from Trump addressed to Khamenei".
_FROM_STOP = re.compile(r"\b(?:to|addressed|said|says|reported|told|according)\b")
_OBJECT_MEMO = re.compile(
    rf"\b(?:a|an|the)\s+(?P<c>{_CW})\s+(?:memo|letter|message|note|request|invitation|"
    r"proposal|overture)\s+to\b"
)


def _forms(participants: Sequence[Participant]) -> list[tuple[str, str]]:
    """Return (surface form, country) pairs that refer to the given participants."""
    forms: list[tuple[str, str]] = []
    for p in participants:
        if not p.country:
            continue
        for s in (p.text, p.name):
            if s:
                forms.append((s, p.country))
                last = s.split()[-1]
                if s == p.name and len(last) > 2:
                    forms.append((last, p.country))
    return forms


def _side_at(
    text: str, pos: int, forms: list[tuple[str, str]], before: bool, reach: int = 60
) -> str | None:
    """Return the country of the reference nearest ``pos`` (ending before, or starting after)."""
    best: tuple[int, str] | None = None
    window = (max(0, pos - 80), pos) if before else (pos, min(len(text), pos + reach))
    candidates = list(forms) + [(w, c) for w, c in COUNTRY_WORDS.items()]
    for surface, country in candidates:
        for m in re.finditer(
            rf"(?<![\w]){re.escape(surface)}(?![\w])", text[window[0] : window[1]]
        ):
            s, e = window[0] + m.start(), window[0] + m.end()
            dist = pos - e if before else s - pos
            if before and not text[e:pos].strip(" ,") and dist > 0:
                dist = 0
            if best is None or dist < best[0]:
                best = (dist, country)
    return best[1] if best else None


def initiator(text: str, participants: Sequence[Participant]) -> str | None:
    """Return the country code of the side the text says initiated the contact."""
    forms = _forms(participants)
    if m := _ADJ_INITIATED.search(text):
        return COUNTRY_WORDS[m["c"]]
    if m := _OBJECT_MEMO.search(text):
        return COUNTRY_WORDS[m["c"]]
    if m := _POSSESSIVE_CALL.search(text):
        side = _side_at(m["who"], 0, forms, before=False)
        if side:
            return side
    if m := _POSSESSIVE_SIDE.search(text):
        who = m["who"].split()
        for n in range(len(who), 0, -1):
            side = _side_at(" ".join(who[-n:]), 0, forms, before=False)
            if side:
                return side
    for pattern in (_OF_SIDE, _BY_SIDE, _FROM_SIDE):
        if m := pattern.search(text):
            # "calls from Gen. Milley, the chairman of the Joint Chiefs, as well as Austin"
            reach = 120 if pattern is _FROM_SIDE else 60
            if stop := _FROM_STOP.search(text, m.end(), m.end() + reach):
                reach = stop.start() - m.end()
            side = _side_at(text, m.end(), forms, before=False, reach=reach)
            if side:
                return side
    if m := _INVITE_TO.search(text):
        return COUNTRY_WORDS[m["c"]]
    for m in _ACTIVE.finditer(text):
        if m[0].lower().endswith("called") and _NAMED.search(text[: m.start()]):
            continue
        side = _side_at(text, m.start(), forms, before=True)
        if side:
            return side
        if _PRONOUN.search(text[: m.start()]):
            # "He has repeatedly invited Putin ...": the side that is not the object.
            other = _other_side(text, m.end(), forms, participants)
            if other:
                return other
    return None


def _other_side(
    text: str, pos: int, forms: list[tuple[str, str]], participants: Sequence[Participant]
) -> str | None:
    """Return the other side of a two-country contact whose object follows ``pos``."""
    countries = {p.country for p in participants if p.country}
    target = _side_at(text, pos, forms, before=False, reach=40)
    if len(countries) != 2 or target not in countries:
        return None
    return next(c for c in countries if c != target)


# --- topics -----------------------------------------------------------------------


def _topic_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = [rf"\b{w}" if w[0].isupper() else rf"(?i:\b{w})" for w in words]
    return re.compile("|".join(parts))


_TOPIC_PATTERNS = {topic: _topic_pattern(words) for topic, words in TOPICS.items()}


def topics(text: str) -> tuple[str, ...]:
    """Return the controlled-vocabulary topics the text mentions, in vocabulary order."""
    return tuple(t for t, p in _TOPIC_PATTERNS.items() if p.search(text))


__all__ = ["duration_minutes", "initiator", "location", "topics"]
