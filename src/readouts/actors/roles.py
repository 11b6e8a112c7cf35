"""Read free-text roles ("Russian Defense Minister") as office types, by phrase matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

from readouts.actors.model import fold

_NON_WORD = re.compile(r"[^a-z0-9']+")
MAX_PHRASE = 10


def tokens(text: str) -> tuple[str, ...]:
    """Return the folded word tokens of ``text`` (punctuation and possessives dropped)."""
    words = _NON_WORD.sub(" ", fold(text).replace(".", "")).split()
    return tuple(w[:-2] if w.endswith("'s") else w.strip("'") for w in words if w.strip("'"))


class PhraseTable:
    """Longest-match lookup of phrases (as token tuples) inside a text."""

    def __init__(self, entries: Iterable[tuple[str, str | None, str | None]]) -> None:
        # phrase tokens -> [(office or None, country or None)] in file order
        self._table: dict[tuple[str, ...], list[tuple[str | None, str | None]]] = {}
        for phrase, office, country in entries:
            key = tokens(phrase)
            if key and key[0] == "the" and len(key) > 1:
                key = key[1:]
            if key:
                self._table.setdefault(key, []).append((office or None, country or None))

    def matches(self, text: str) -> list[list[tuple[str | None, str | None]]]:
        """Return the entries of each longest, non-overlapping phrase found, left to right."""
        words = tokens(text)
        found = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_PHRASE, len(words) - i), 0, -1):
                hit = self._table.get(words[i : i + n])
                if hit is not None:
                    found.append(hit)
                    i += n
                    break
            else:
                i += 1
        return found

    def office(self, text: str, country: str | None = None) -> tuple[str, str | None] | None:
        """Return (office, implied country) of the first phrase in ``text`` naming an office."""
        for entries in self.matches(text):
            chosen = _pick(entries, country)
            if chosen is not None and chosen[0]:
                return chosen[0], chosen[1]
            if chosen is not None and chosen[0] is None:
                # A known non-office phrase ("vice president") hides the words inside it.
                continue
        return None


def _pick(
    entries: list[tuple[str | None, str | None]], country: str | None
) -> tuple[str | None, str | None] | None:
    """Choose the entry for ``country`` when the phrase means different offices by country."""
    if country:
        for entry in entries:
            if entry[1] == country:
                return entry
    for entry in entries:
        if entry[1] is None:
            return entry
    return entries[0] if entries else None
