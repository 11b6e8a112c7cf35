"""A dictionary co-occurrence coder of the classic CAMEO kind, to measure extraction against.

Rule: a sentence holding a consult verb and two actors of different countries (registry
names and aliases, or titles with a country) is an ``occurred`` contact between them,
dated by the publication date. Deliberately no negation, modality, request or
cancellation handling and no date resolution: those are what it is a baseline for.
Identical events (same participants and mode) are kept once per document, which makes
it a little stronger than coders that repeat one call once per wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from readouts.records import Document, Evidence, Extraction, Mention, Participant

# Mode words, in the order a sentence's mode is decided: the most specific medium wins.
_MODE_WORDS = (
    ("video", r"video ?(?:call|conference|link|summit|talks?)|videoconference|virtual(?:ly)?"),
    ("phone", r"phone[ds]?|telephone[ds]?|(?:phone |telephone )?calls?|called|calling"),
    ("letter", r"letters?|wrote|written message"),
    ("meeting", r"met|meets?|meetings?|visit(?:s|ed)?|summit|host(?:s|ed)|received|sat down"),
)
_CONSULT_ONLY = (
    r"talks?|talked|talking|spoke|spoken|speak(?:s|ing)?|discuss(?:es|ed)?|conversation|consult(?:s|ed)?"
    r"|negotiat(?:e|ed|ions)"
)
_MODE_RE = [(mode, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for mode, words in _MODE_WORDS]
_CONSULT_RE = re.compile(
    r"\b(?:" + "|".join([w for _, w in _MODE_WORDS] + [_CONSULT_ONLY]) + r")\b", re.IGNORECASE
)
# Sentence ends: .!? followed by space and a capital or quote, or a blank line.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])|\n\s*\n|\n")


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    participant: Participant


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of ``text``."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _alternation(phrases: list[str]) -> str:
    unique = sorted({p for p in phrases if p and len(p) > 1}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in unique) or r"(?!x)x"


@dataclass
class _Dictionary:
    """Regexes over the registry's names, titles and country words."""

    registry: Any
    names: re.Pattern[str]
    name_ids: dict[str, str]
    titles: re.Pattern[str]
    title_info: dict[str, tuple[str, str | None]]
    countries: dict[str, str]


_CACHE: dict[int, _Dictionary] = {}


def _dictionary(registry: Any) -> _Dictionary:
    cached = _CACHE.get(id(registry))
    if cached is not None and cached.registry is registry:
        return cached
    name_ids = {alias: pid for alias, pid in registry.aliases()}
    title_info = {
        phrase.casefold(): (office, country) for phrase, office, country in registry.titles()
    }
    countries = {text.casefold(): code for text, code in registry.country_names()}
    names = re.compile(rf"\b(?:{_alternation(list(name_ids))})\b")
    titles = re.compile(
        rf"\b(?:(?P<country>{_alternation(list(countries))})\s+)?"
        rf"(?P<title>{_alternation(list(title_info))})\b",
        re.IGNORECASE,
    )
    d = _CACHE[id(registry)] = _Dictionary(registry, names, name_ids, titles, title_info, countries)
    return d


def _actors(d: _Dictionary, text: str, on: str | None) -> list[_Actor]:
    found: list[_Actor] = []
    for m in d.names.finditer(text):
        person = d.registry.person(d.name_ids[m.group(0)])
        tenure = person.office_on(on)
        found.append(
            _Actor(
                m.start(),
                m.end(),
                Participant(
                    text=m.group(0),
                    person_id=person.id,
                    name=person.name,
                    country=person.country,
                    office=tenure.office if tenure else None,
                    role=tenure.title if tenure else None,
                ),
            )
        )
    for m in d.titles.finditer(text):
        office, country = d.title_info[m.group("title").casefold()]
        if m.group("country"):
            country = d.countries.get(m.group("country").casefold(), country)
        if not country:
            continue
        holder = d.registry.holder(country, office, on=on)
        found.append(
            _Actor(
                m.start(),
                m.end(),
                Participant(
                    text=m.group(0),
                    person_id=holder.id if holder else None,
                    name=holder.name if holder else None,
                    country=country,
                    office=office,
                    role=m.group("title"),
                ),
            )
        )
    # Longest match first where spans overlap ("Russian Foreign Minister Sergey Lavrov").
    found.sort(key=lambda a: (a.start, a.start - a.end))
    kept: list[_Actor] = []
    for a in found:
        if not kept or a.start >= kept[-1].end:
            kept.append(a)
    return kept


def _mode(sentence: str) -> str:
    for mode, pattern in _MODE_RE:
        if pattern.search(sentence):
            return mode
    return "unspecified"


def code_sentence(
    registry: Any, sentence: str, published: str | None
) -> list[tuple[Participant, Participant, str]]:
    """Return the (actor, actor, mode) events one sentence codes to."""
    if not _CONSULT_RE.search(sentence):
        return []
    actors = _actors(_dictionary(registry), sentence, published)
    events = []
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            if a.participant.country != b.participant.country:
                events.append((a.participant, b.participant, _mode(sentence)))
    return events


def extract_document(doc: Document, registry: Any = None) -> Extraction:
    """Code ``doc.body`` sentence by sentence into occurred contacts, CAMEO style."""
    if registry is None:
        try:
            from readouts.actors import load_registry
        except ImportError:
            return Extraction(doc_id=doc.id, published=doc.published)
        registry = load_registry()
    mentions: list[Mention] = []
    seen: set[tuple[frozenset[str], str]] = set()
    for start, end in sentences(doc.body):
        text = doc.body[start:end]
        for a, b, mode in code_sentence(registry, text, doc.published):
            key = (frozenset((a.key, b.key)), mode)
            if key in seen:
                continue
            seen.add(key)
            mentions.append(
                Mention(
                    doc_id=doc.id,
                    participants=(a, b),
                    mode=mode,
                    status="occurred",
                    date=doc.published,
                    evidence=(Evidence(doc.id, start, end, text),),
                )
            )
    return Extraction(doc_id=doc.id, mentions=tuple(mentions), published=doc.published)
