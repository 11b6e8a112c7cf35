"""Document-level clean-up: superseded negations, gap claims, follow-up sentences."""

from __future__ import annotations

import re
from dataclasses import replace

from readouts.dates import resolve_date
from readouts.extract import lexicon as lx
from readouts.extract.attributes import duration_minutes, initiator
from readouts.extract.mentions import dates_agree, same_people
from readouts.extract.sentence import ahead
from readouts.records import Evidence, GapClaim, Mention

# A sentence about "the call" that names nobody adds to the contact just reported.
FOLLOW_UP = re.compile(
    r"\b(?:the|that|this|their|a) (?:(?:phone|telephone|video) )?"
    r"(?:call|conversation|talks|meeting|summit|discussion|dialogue|contact|letter|message)\b",
    re.I,
)
_OTHER_EVENT = re.compile(r"\b(?:after|before|since|when|following|until|ahead of)\b", re.I)
_MODE_WORDS = (
    ("video", "video"),
    ("phone", "phone"),
    ("telephone", "phone"),
    ("call", "phone"),
    ("meeting", "meeting"),
    ("summit", "meeting"),
    ("letter", "letter"),
    ("message", "letter"),
)


def _since(m: Mention, published: str | None) -> str:
    for e in m.evidence:
        found = lx.SINCE.search(e.text)
        if found:
            return resolve_date(found.group(), published) or ""
    return ""


def _later(o: Mention, people: tuple, since: str) -> bool:
    """Return whether ``o`` is a contact of ``people`` dated after ``since``."""
    if o.status != "occurred" or not o.date:
        return False
    after = o.date > since and not o.date.startswith(since or "-")
    return after and same_people(o.participants, people)


def _superseded(g: GapClaim, mentions: list[Mention]) -> bool:
    """Return whether the document reports a contact after the claim's "since"."""
    return any(
        _later(o, g.participants, g.since or "") and g.mode in ("unspecified", o.mode)
        for o in mentions
    )


def drop_superseded(mentions: list[Mention], published: str | None) -> list[Mention]:
    """Drop "has not spoken since X" when the document reports a contact after X."""
    out = []
    for m in mentions:
        if m.status == "not_occurred" and any("since" in e.text for e in m.evidence):
            since = _since(m, published)
            if not since:
                out.append(m)  # a bare "since": its date is the contact told before, not later
                continue
            # "have not met in person since June" stands after a later phone call.
            later = [o for o in mentions if o is not m and _later(o, m.participants, since)]
            if any(m.mode in ("unspecified", o.mode) for o in later):
                continue
        out.append(m)
    return out


def settle_gaps(gaps: list[GapClaim], mentions: list[Mention]) -> list[GapClaim]:
    """Merge repeated gap claims; "has not spoken since X" before a new contact is a first."""
    out: list[GapClaim] = []
    for g in gaps:
        if len({p.country for p in g.participants if p.country}) < 2:
            continue
        text = " ".join(e.text for e in g.evidence)
        present = re.search(r"\b(?:has|have)\b[^.]*\bnot\b", text)
        if g.type == "none_since" and present and _superseded(g, mentions):
            g = replace(g, type="first_since")
        for i, prev in enumerate(out):
            if (
                prev.type == g.type
                and same_people(prev.participants, g.participants)
                and dates_agree(prev.since, g.since)
            ):
                if len(g.since or "") > len(prev.since or ""):
                    out[i] = replace(g, evidence=prev.evidence + g.evidence)
                break
        else:
            out.append(g)
    return out


def follow_up(
    found: list[Mention], text: str, start: int, published: str | None, full: str | None = None
) -> None:
    """Add what a sentence about "the call" says (length, medium, initiator) to its contact.

    ``text`` may be one clause of the sentence ``full`` (blanked elsewhere, same offsets).
    """
    match = FOLLOW_UP.search(text)
    if not match:
        return
    low = match.group().lower()
    mode = next((m for word, m in _MODE_WORDS if re.search(rf"\b{word}\b", low)), None)
    # "the call" is the last call reported; failing that, the last contact of unknown medium.
    pick = next((i for i in range(len(found) - 1, -1, -1) if found[i].mode == mode), None)
    if pick is None:
        pick = len(found) - 1
    m = found[pick]
    changed = m
    minutes = duration_minutes(text)
    if minutes and not m.duration_minutes:
        changed = replace(changed, duration_minutes=minutes)
    if m.mode == "unspecified" and mode:
        changed = replace(changed, mode=mode)
    # "The summit followed months of work after the balloon was shot down in February":
    # a date past "after / since / when" is another event's.
    other = _OTHER_EVENT.search(text, match.end())
    day = resolve_date(
        text[: other.start()] if other else text, published, anchor_start=match.start()
    )
    if m.status in ("planned", "cancelled", "requested"):
        day = ahead(day, published, text)
    definite = low.split()[0] in ("the", "that", "this")
    if day and m.date and len(day) > len(m.date) and day.startswith(m.date):
        changed = replace(changed, date=day)  # "next month", then "set for June 12"
    elif day and not m.date and definite and m.status == "occurred" and day <= (published or day):
        changed = replace(changed, date=day)  # "the letter, which was released Thursday"
    side = initiator(text, m.participants)
    if side and not m.initiator:
        changed = replace(changed, initiator=side)
    if changed is not m:
        said = full or text
        evidence = Evidence(m.doc_id, start, start + len(said), said)
        found[pick] = replace(changed, evidence=(*m.evidence, evidence))


# "The Chinese side said no.": a refusal of the request just reported, naming no contact.
REFUSAL = re.compile(
    r"^\W*(?:but\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:side|government|ministry|Kremlin|"
    r"leadership|[Hh]e|[Ss]he|[Tt]hey|Beijing|Moscow|Washington|Kyiv|Tehran|Pyongyang)\s+"
    r"(?:(?:has|have|had|quickly|flatly)\s+)*(?:said\s+no|(?:declined|refused|rejected)"
    r"(?!\s+to\b)|turned\s+(?:it|this|the\s+request|the\s+offer)\s+down)\b",
)


# "Raisi welcomed the invitation": an accepted request is a plan.
ACCEPTANCE = re.compile(
    r"\b(?:accepted|welcomed|took\s+up)\s+(?:the|an|this|that|his|her|their)\s+"
    r"(?:invitation|offer|proposal)\b",
    re.I,
)


def refusal(found: list[Mention], text: str, start: int) -> None:
    """Settle the request just reported when the next sentence refuses or accepts it."""
    if not found or found[-1].status != "requested":
        return
    if REFUSAL.search(text):
        status = "declined"
    elif ACCEPTANCE.search(text):
        status = "planned"
    else:
        return
    m = found[-1]
    evidence = Evidence(m.doc_id, start, start + len(text), text)
    found[-1] = replace(m, status=status, evidence=(*m.evidence, evidence))
