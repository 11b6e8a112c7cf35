"""Shared helpers for the extraction tests: extract from a sentence written in the test."""

from __future__ import annotations

from readouts.clean import make_document
from readouts.extract import extract_document
from readouts.records import Extraction, Mention


def run(text: str, published: str | None) -> Extraction:
    """Extract from a plain-text article published on ``published``."""
    return extract_document(make_document(text, fmt="text", source="test", published=published))


def only(text: str, published: str | None) -> Mention:
    """Return the single mention extracted from ``text``."""
    mentions = run(text, published).mentions
    assert len(mentions) == 1, [m.as_dict() for m in mentions]
    return mentions[0]


def names(m: Mention) -> set[str | None]:
    """Return the canonical names of a mention's participants."""
    return {p.name for p in m.participants}
