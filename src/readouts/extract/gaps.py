"""Gap claims: sentences measuring time between contacts ("the first call since February").

Three types (see docs/attributes.md): ``first_since`` ("the first call since X", "the first
time in over a year"), ``none_since`` ("has not spoken to him since X", "no contact since X")
and ``last_was`` ("the last time they met was in January 2014", "last spoke on May 3").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readouts.dates import resolve_date
from readouts.dates_find import war_start
from readouts.records import Evidence, GapClaim, Participant

_CONTACT = (
    r"(?:time|call|calls|phone\s+call|conversation|conversations|talks|meeting|meetings|"
    r"contact|contacts|summit|visit|encounter|face-to-face|exchange|discussion|spoke|spoken|"
    r"talked|met|meet|call(?:ed)?|phoned|communicat\w*|dialogue|negotiations|letter)"
)
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
_SPAN = r"[^;!?]"  # one sentence comes in, and abbreviations carry periods
_CONTACT_RE = re.compile(rf"\b{_CONTACT}\b", re.I)
_CONTACT_BEFORE = re.compile(rf"\b{_CONTACT}\b(?!{_SPAN}*\b(?:said|says)\b){_SPAN}*$", re.I)

_FIRST_SINCE = re.compile(
    rf"\bfirst\b(?P<mid>{_SPAN}{{0,90}}?)\b(?:ever\s+)?since\b\s*(?P<since>{_SPAN}*)", re.I
)
_IN_SPAN = (
    r"(?:(?:well\s+)?over|more\s+than|nearly|almost|about|some|at\s+least|roughly|around)?\s*"
    rf"(?:the\s+past\s+|the\s+last\s+)?{_NUM}\s+(?:years?|months?|weeks?)"
)
_FIRST_IN = re.compile(
    rf"\bfirst\b(?P<mid>{_SPAN}{{0,90}}?)\bin\s+(?P<since>{_IN_SPAN})\b",
    re.I,
)
# "held" and "had" name a contact only with one as object ("held talks", "had a call").
_HELD = (
    r"(?:held|had|hold|have)\s+(?:[\w-]+\s+){0,3}?(?:talks|calls?|conversations?|meetings?|"
    r"contacts?|discussions?|phone|telephone|summit)"
)
_NONE_SINCE = re.compile(
    rf"\b(?:not|n['’]t|never)\b(?P<mid>{_SPAN}{{0,50}}?\b(?:spoken|spoke|speak|talked|talk|met|"
    rf"meet|{_HELD}|communicated|contact\w*|touch|convers\w*|call\w*|phoned){_SPAN}{{0,80}}?)"
    rf"\b(?:since|(?:ever|particularly|especially|even)\s+(?:since|after))\b\s*"
    rf"(?P<since>{_SPAN}*)",
    re.I,
)
_NONE_IN = re.compile(
    rf"\b(?:not|n['’]t|never)\b(?P<mid>{_SPAN}{{0,40}}?\b(?:spoken|spoke|speak|talked|talk|met|"
    rf"meet|{_HELD}|communicated|been\s+in\s+(?:touch|contact)){_SPAN}{{0,60}}?)\b(?:in|for)\s+"
    rf"(?P<since>{_IN_SPAN})\b",
    re.I,
)
# "no direct contact since X"; "they had contact before the war but nothing since X".
_NO_CONTACT_SINCE = re.compile(
    rf"(?:\bno(?P<mid>\s+(?:(?:direct|formal|official|high-level|face-to-face|phone|further|"
    rf"such|other|personal)\s+)*(?:contacts?|calls?|talks|meetings?|communications?|"
    rf"conversations?|dialogue|exchanges?)\b{_SPAN}{{0,60}}?)"
    rf"|\b{_CONTACT}\b{_SPAN}{{0,80}}?\bnothing\s+)\bsince\b\s*(?P<since>{_SPAN}*)",
    re.I,
)
# "No Japanese prime minister has met a North Korean leader since."
_NO_ONE_SINCE = re.compile(
    rf"\b(?:no|none\s+of\s+the)\s+(?P<mid>[^;!?]{{0,60}}?\b(?:has|have|had)\s+(?:ever\s+)?"
    rf"(?:spoken|talked|met|visited|called|phoned|held\s+talks)\b{_SPAN}{{0,60}}?)"
    rf"\b(?:since|ever\s+since)\b\s*(?P<since>{_SPAN}*)",
    re.I,
)
# "since then", "since." : the date of the contact the text has just reported.
_BARE_SINCE = re.compile(
    r"^\s*(?:then|that\s+(?:time|meeting|call|summit|visit))?\s*[.,;:!?\"”)]*\s*$", re.I
)
# "Since the February invasion, there have been no calls between them."
_SINCE_THEN_NONE = re.compile(
    r"\bsince\s+(?P<since>[^,;]{3,60}),\s*[^;]{0,100}?\b(?:no|not|n['’]t|never)\b[^;]{0,60}?"
    r"\b(?:calls?|contacts?|talks|meetings?|spoken|spoke|met|talked|conversations?)\b",
    re.I,
)
_LAST_TIME = re.compile(rf"\b(?:the\s+)?(?:last|previous)\s+time\b(?P<mid>{_SPAN}{{0,80}})", re.I)
_WHEN_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|week|month|year|night|weekend|\w+day)\b"
)
_LINK = r"(?:for|to|of|in|on|at|with|the|a|an|and|or|that|which)\b"
_ADJ = r"[a-z][\w-]*"
_LAST_NOUN = re.compile(
    # "their last structured meeting", "the last known call", "his last face-to-face"
    rf"\b(?:last|previous)\s+(?!time\b|{_WHEN_WORD})(?:(?!{_LINK}){_ADJ}\s+){{0,2}}?"
    rf"(?P<mid>(?:phone\s+|telephone\s+|video\s+)?(?:call|conversation|meeting|talks|"
    rf"face-to-face|contact|summit|encounter|visit|exchange|discussion)"
    rf"{_SPAN}{{0,60}}?\b(?:was|were|occurred|took\s+place|came|happened|had\s+been|dates)\b)",
    re.I,
)
_LAST_VERB = re.compile(
    # "last held formal bilateral talks": up to two modifiers before the contact noun.
    rf"\blast\s+(?P<mid>(?:spoke|met|talked|contacted|communicated|conferred|"
    rf"(?:held|had)\s+(?:a\s+)?(?:(?!{_LINK}){_ADJ}\s+){{0,2}}?"
    rf"(?:call|talks|conversation|meeting)|been\s+in\s+(?:touch|"
    rf"contact)|exchanged\s+letters|phoned|called){_SPAN}{{0,60}})",
    re.I,
)
# "16 months after they last met"; "it had been more than a year since they last spoke"
_AFTER_LAST = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:after|since)\s+"
    rf"{_SPAN}{{0,40}}?"
    rf"\blast\s+(?P<mid>spoke|met|talked|held\s+talks|had\s+talks)\b",
    re.I,
)
# "resumed talks after a two-year hiatus", "spoke on Friday, ending a 16-month freeze"
_HIATUS = re.compile(
    rf"\b(?:after|ending|ended|ends|breaking|broke)\s+(?:(?:a|an|the|their|its)\s+)?"
    rf"(?:(?:nearly|almost|more\s+than|over|roughly|about)\s+)?(?:(?P<n>{_NUM})[- ])?"
    r"(?P<unit>year|month|week)s?(?:[- ]long)?\s+(?:hiatus|break|gap|pause|freeze|lull|silence)\b"
    rf"|\bafter\s+(?:a|an)\s+(?:hiatus|break|gap|pause|freeze|lull)\s+of\s+(?:(?:nearly|almost|"
    rf"more\s+than|over|about)\s+)?(?P<n2>{_NUM})\s+(?P<unit2>year|month|week)s?\b",
    re.I,
)
_MODES = (
    ("video", re.compile(r"\b(?:video\w*|virtual\w*|online)\b", re.I)),
    ("phone", re.compile(r"\b(?:phone\w*|telephone\w*|calls?|(?<!so-)called)\b", re.I)),
    ("letter", re.compile(r"\b(?:letters?|wrote|written|messages?)\b", re.I)),
    (
        "meeting",
        re.compile(r"\b(?:met|meet\w*|summits?|face-to-face|in\s+person|visit\w*)\b", re.I),
    ),
)


_TRIP_TO = re.compile(r"\s*(?:[\w-]+\s+)?(?:visit|trip)\s+to\s+[A-Z]")


def _about_contact(sentence: str, m: re.Match[str]) -> bool:
    """Tell "the first call since X" / "the call was the first since X" from other firsts."""
    if _TRIP_TO.match(m["mid"]):
        return False  # "the first visit to China by a Japanese minister": travel, not a contact
    if not m["mid"].strip() or _CONTACT_RE.search(m["mid"]):
        return True
    # "The call was the first between the two leaders since ...": the noun comes first.
    return bool(_CONTACT_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()]))


def _with_noun(sentence: str, m: re.Match[str]) -> str:
    """Return the claim's span with the words just before "first" ("the call was the first")."""
    return sentence[max(0, m.start() - 40) : m.end()]


def _mode(span: str, default: str) -> str:
    """Return the medium the claim's own words name, else ``default``."""
    for mode, pattern in _MODES:
        if pattern.search(span):
            return mode
    return default


def find_gap_claims(
    sentence: str,
    start: int,
    doc_id: str,
    participants: Sequence[Participant],
    published: str | None,
    mode: str,
    *,
    then: str | None = None,
) -> list[GapClaim]:
    """Return the gap claims ``sentence`` states, each with the sentence as evidence.

    ``start`` is the sentence's offset in the document body; ``mode`` is the contact's
    mode, used when the claim's own words name no medium; ``since`` is resolved against
    ``published`` and is None when the text gives no resolvable date. ``then`` is the date
    of the contact the text reported just before, which a bare "since" / "since then"
    ("The two have not spoken since.") refers to.
    """
    found: list[tuple[str, str | None, str]] = []  # (type, since, span)

    def since_of(text: str) -> str | None:
        if _BARE_SINCE.match(text):
            return then
        found = resolve_date(text, published, anchor_start=0, future=False)
        return found or war_start(text, sentence, published)

    for m in _FIRST_SINCE.finditer(sentence):
        if _about_contact(sentence, m):
            found.append(("first_since", since_of(m["since"]), _with_noun(sentence, m)))
    for m in _FIRST_IN.finditer(sentence):
        if _about_contact(sentence, m):
            found.append(("first_since", since_of("in " + m["since"]), _with_noun(sentence, m)))
    if not any(t == "first_since" for t, _, _ in found):
        for m in _SINCE_THEN_NONE.finditer(sentence):
            found.append(("none_since", since_of(m["since"]), m[0]))
        for pattern in (_NONE_SINCE, _NO_CONTACT_SINCE, _NO_ONE_SINCE):
            for m in pattern.finditer(sentence):
                found.append(("none_since", since_of(m["since"]), m[0]))
        for m in _NONE_IN.finditer(sentence):
            found.append(("none_since", since_of("in " + m["since"]), m[0]))
    for pattern in (_LAST_TIME, _LAST_NOUN, _LAST_VERB):
        for m in pattern.finditer(sentence):
            since = resolve_date(sentence, published, anchor_start=m.start(), future=False)
            if since is not None:
                found.append(("last_was", since, sentence[m.start() : m.end()]))
    for m in _HIATUS.finditer(sentence):
        if not _CONTACT_RE.search(sentence[max(0, m.start() - 80) : m.start()]):
            continue  # "the plant reopened after a two-year pause" measures no contact
        n, unit = (m["n"], m["unit"]) if m["unit"] else (m["n2"], m["unit2"])
        since = resolve_date(f"{n or 'one'} {unit}s ago", published)
        found.append(("first_since", since, sentence[max(0, m.start() - 80) : m.end()]))
    for m in _AFTER_LAST.finditer(sentence):
        since = resolve_date(f"{m['n']} {m['unit']} ago", published)
        if since is not None:
            found.append(("last_was", since, m[0]))
    claims: list[GapClaim] = []
    seen: set[tuple[str, str | None]] = set()
    evidence = (Evidence(doc_id, start, start + len(sentence), sentence),)
    for kind, since, span in found:
        if (kind, since) in seen or (kind == "none_since" and (kind, None) in seen):
            continue
        seen.add((kind, since))
        claims.append(
            GapClaim(
                doc_id=doc_id,
                participants=tuple(participants),
                type=kind,
                mode=_mode(span, mode),
                since=since,
                evidence=evidence,
            )
        )
    return claims
