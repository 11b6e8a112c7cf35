"""The cheap first pass over a document's sentences, and what unparsed sentences teach.

Only sentences with a contact word and an actor word are parsed; the others still name
people (for later pronouns and surnames). The headline's mentions are merged last.
"""

from __future__ import annotations

import re

from readouts.extract import lexicon as lx
from readouts.extract import sentence as sn
from readouts.extract.document import FOLLOW_UP
from readouts.extract.nlp import blank, sentences
from readouts.extract.participants import Context
from readouts.extract.registry import matchers
from readouts.records import Mention

_THEIR = re.compile(r"\b(?:their|they|the two)\b", re.I)


def first_pass(body: str) -> list[tuple[int, int, int, bool, tuple[str, ...]]]:
    """Return each sentence's (start, end, index, worth parsing, first person named).

    A sentence is worth parsing when it has a trigger word and an actor word (or a
    plural reference, or "the call" for follow-up facts).
    """
    nlp = blank()
    ms = matchers(nlp)
    out = []
    for index, (s, e) in enumerate(sentences(body)):
        text = body[s:e]
        tokens = nlp.make_doc(text)
        names = ms["names"](tokens)
        first = (
            tokens.vocab.strings[min(names, key=lambda m: m[1])[0]][2:].split("|") if names else []
        )
        trigger = any(t.lower_ in lx.TRIGGER_WORDS for t in tokens) and len(text) <= 1500
        actor = bool(names) or any(ms[k](tokens) for k in ("countries", "titles", "places"))
        # A capitalised word inside the sentence may be a surname named before ("Wang").
        actor = actor or any(t.is_title for t in tokens[1:])
        plural = bool(lx.PLURAL_REF.search(text)) or text.startswith("They ")
        # "It was their first face-to-face meeting in a year": a gap claim about the pair.
        plural = plural or bool(_THEIR.search(text) and sn.GAP_CUE.search(text))
        wanted = trigger and (actor or bool(plural or FOLLOW_UP.search(text)))
        out.append((s, e, index, wanted, tuple(first)))
    return out


def headline_last(
    found: list[Mention], first: list[tuple[int, int, int, bool, tuple[str, ...]]]
) -> list[Mention]:
    """Put the headline's mentions last, so that they join the body's contact they sum up.

    A headline is vague ("agree to begin talks after long phone call"); merged first, it
    would glue together body mentions of different contacts.
    """
    if not first:
        return found
    start, end = first[0][0], first[0][1]
    if found and len(first) > 1 and not _HEADLINE_END.search(found[0].evidence[0].text):
        head = [m for m in found if m.evidence[0].start == start and m.evidence[0].end == end]
        return [m for m in found if m not in head] + head
    return found


_HEADLINE_END = re.compile(r"[.!?][\"”’')]*\s*$")


def remember_surnames(ctx: Context, text: str) -> None:
    """Learn the surnames of people named in full in a sentence that is not parsed.

    "... his Pakistani counterpart Nawaz Sharif ..." makes a later "Sharif" Nawaz Sharif.
    """
    from readouts.extract.registry import lexicon

    tokens = blank().make_doc(text)
    for key, start, end in matchers(blank())["names"](tokens):
        pids = tokens.vocab.strings[key][2:].split("|")
        words = tokens[start:end].text.split()
        person = lexicon().person(pids[0]) if len(pids) == 1 and len(words) >= 2 else None
        if person is not None:
            ctx.surnames.setdefault(words[-1], person)


def remember_name(ctx: Context, pids: tuple[str, ...], published: str | None) -> None:
    """Take the first person a sentence names as its likely subject, for later pronouns."""
    from readouts.extract.registry import lexicon
    from readouts.extract.resolution import from_person

    people = [p for p in (lexicon().person(pid) for pid in pids) if p is not None]
    if people:
        ctx.last_person = from_person(people[0].name, people[0], published, None)
