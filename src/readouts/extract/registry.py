"""The actor registry as extraction reads it: phrase matchers and date-aware look-ups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher

# Short forms spaCy tokenizes apart from their country name.
_EXTRA_COUNTRY_NAMES = (("U.S.", "USA"), ("US", "USA"), ("U.S", "USA"), ("UK", "GBR"))


def day_of(d: str | None) -> str | None:
    """Return a YYYY-MM-DD day standing for a partial date (a month's middle, a year's)."""
    if not d:
        return None
    parts = d.split("-")
    if len(parts) == 3:
        return d
    if len(parts) == 2:
        return f"{d}-15"
    return f"{d}-07-01"


@dataclass
class Lexicon:
    """Registry phrases keyed for look-up, and the registry itself (None when absent)."""

    registry: Any
    titles: dict[str, tuple[str, str | None]]  # folded phrase -> (office, country)
    places: dict[str, tuple[str, str | None]]  # folded phrase -> (country, office)
    countries: dict[str, str]  # text as written (and lower-cased) -> code
    aliases: dict[str, tuple[str, ...]]  # alias as written -> person ids

    def country(self, text: str) -> str | None:
        """Return the country code a name, demonym, capital or metonym denotes."""
        t = text.strip()
        for cand in (t, t.lower(), t.removesuffix("'s").removesuffix("’s")):
            if cand in self.countries:
                return self.countries[cand]
        return None

    def find(self, name: str, on: str | None, country: str | None = None) -> Any:
        """Return the best registry person for ``name`` on ``on`` (None when unknown)."""
        if self.registry is None:
            return None
        try:
            found = self.registry.find(name, on=day_of(on), country=country)
        except Exception:  # a look-up problem must not sink the document
            found = []
        if not found and country:
            return None
        return found[0] if found else None

    def holder(self, country: str, office: str, on: str | None) -> Any:
        """Return the person holding ``office`` in ``country`` on ``on`` (None when undated)."""
        if self.registry is None or not on:
            return None  # an undated role is no one in particular (not today's holder)
        try:
            return self.registry.holder(country, office, on=day_of(on))
        except Exception:
            return None

    def counterpart(self, office: str, country: str, on: str | None) -> Any:
        """Return the holder of the office in ``country`` equivalent to ``office``."""
        if self.registry is None or not on:
            return None
        try:
            return self.registry.counterpart(office, country, day_of(on))
        except Exception:
            return None

    def person(self, pid: str) -> Any:
        """Return the registry person with id ``pid``."""
        try:
            return self.registry.person(pid)
        except Exception:
            return None


def fold(text: str) -> str:
    """Return ``text`` folded as the registry folds names (case, diacritics, spaces)."""
    from readouts.actors.model import fold as registry_fold

    return registry_fold(text)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the registry phrases, loaded once per process."""
    try:
        from readouts.actors import load_registry

        reg = load_registry()
    except ImportError:
        reg = None
    titles: dict[str, tuple[str, str | None]] = {}
    places: dict[str, tuple[str, str | None]] = {}
    countries: dict[str, str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    if reg is not None:
        for phrase, office, implied in reg.titles():
            titles.setdefault(fold(phrase), (office, implied or None))
        for phrase, where, seat in reg.places():
            places.setdefault(fold(phrase), (where, seat or None))
        for text, code in reg.country_names():
            countries.setdefault(text, code)
            countries.setdefault(text.lower(), code)
        for text, pid in reg.aliases():
            aliases[text] = tuple(dict.fromkeys((*aliases.get(text, ()), pid)))
    for text, code in _EXTRA_COUNTRY_NAMES:
        countries.setdefault(text, code)
    return Lexicon(reg, titles, places, countries, aliases)


_MATCHERS: dict[int, dict[str, PhraseMatcher]] = {}


def matchers(nlp: Any) -> dict[str, PhraseMatcher]:
    """Return phrase matchers (names, titles, places, countries) built once for ``nlp``."""
    key = id(nlp)
    if key in _MATCHERS:
        return _MATCHERS[key]
    vocab = nlp.vocab
    lex = lexicon()
    make = nlp.make_doc
    built: dict[str, PhraseMatcher] = {}
    # Names and country words are matched as written (case matters: "US" vs "us").
    names = PhraseMatcher(vocab, attr="ORTH")
    for text, pids in lex.aliases.items():
        names.add("P|" + "|".join(pids), [make(text)])
    built["names"] = names
    countries = PhraseMatcher(vocab, attr="ORTH")
    by_code: dict[str, list[Any]] = {}
    for text, code in lex.countries.items():
        if text and text[0].isupper():
            by_code.setdefault(code, []).append(make(text))
    for code, docs in by_code.items():
        countries.add(code, docs)
    built["countries"] = countries
    titles = PhraseMatcher(vocab, attr="LOWER")
    for phrase in lex.titles:
        titles.add("T", [make(phrase)])
    built["titles"] = titles
    places = PhraseMatcher(vocab, attr="LOWER")
    for phrase in lex.places:
        places.add("L", [make(phrase)])
    built["places"] = places
    _MATCHERS[key] = built
    return built
