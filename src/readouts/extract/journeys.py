"""Contacts that are the purpose of a journey: under way, still to come, or called off."""

from __future__ import annotations

from typing import Any

from readouts.extract import lexicon as lx


def _future(words: list[Any]) -> bool:
    """Return whether ``words`` put the clause ahead (the status module's reading)."""
    from readouts.extract.status import _future as future  # status imports this module

    return future(words)


_MOTION = frozenset({"travel", "head", "fly", "go", "drive", "journey", "sail"})


_TRIP_NOUNS = frozenset({"trip", "visit", "journey", "tour", "travel"})


def journey_ahead(t: Any) -> str | None:
    """Return "planned" for talks that are the purpose of a journey still to come ("will
    travel to Beijing for talks", "is due to fly to Kyiv for talks"), or "cancelled" when
    a coordinated clause calls that journey off; None otherwise."""
    if not (t.dep_ == "pobj" and t.head.lower_ == "for"):
        return None
    verb = t.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MOTION | {"come", "return"}:
        return None
    heads = [verb]
    if verb.dep_ == "xcomp":
        heads.append(verb.head)  # "is due to travel", "is expected to fly"
        if verb.head.dep_ == "acomp":
            heads.append(verb.head.head)
    ahead = _future([c for h in heads for c in h.children]) or any(
        h.lemma_.lower() in lx.PLAN for h in heads
    )
    if not ahead:
        return None
    top = heads[-1]
    for c in top.children:
        subject = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if (
            c.dep_ == "conj"
            and _cancel_lemma(c)
            and any(s.lemma_.lower() in _TRIP_NOUNS for s in subject)
        ):
            return "cancelled"
    return "planned"


def _cancel_lemma(v: Any) -> bool:
    """Return whether verb ``v`` calls something off ("cancelled", "was called off")."""
    if v.lemma_.lower() in lx.CANCEL:
        return True
    return v.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in v.children
    )


def on_the_way(t: Any) -> bool:
    """Return whether the contact is the purpose of a journey under way ("is flying to
    Beijing for talks", "was heading to Kyiv to meet Zelensky")."""
    if t.dep_ == "pobj" and t.head.lower_ == "for":
        verb = t.head.head
    elif t.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in t.children):
        verb = t.head
    else:
        return False
    progressive = verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children
    )
    return progressive and verb.lemma_.lower() in _MOTION
