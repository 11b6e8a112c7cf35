"""Validate registry data: dates, overlaps, codes, office types, ambiguous aliases."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import combinations
from pathlib import Path

from readouts.actors.loader import tenure_files
from readouts.actors.model import OFFICES, SINGLE_HOLDER, Person, slug
from readouts.actors.registry import LEADER, Registry, _key, build_registry

# Offices whose `host` names another country; for the rest it must be empty.
HOSTED = ("ambassador", "envoy")


def check(registry_or_paths: Registry | Path | str | Iterable[Path | str]) -> list[str]:
    """Return the problems of a registry, or of tenure files/directories, each naming file:line."""
    if isinstance(registry_or_paths, Registry):
        registry = registry_or_paths
    else:
        items = (
            [registry_or_paths]
            if isinstance(registry_or_paths, str | Path)
            else list(registry_or_paths)
        )
        paths = [Path(p) for p in items]
        files = [p for p in paths if not p.is_dir()] + tenure_files(
            *(p for p in paths if p.is_dir())
        )
        registry = build_registry(files)
    problems = list(registry.problems)
    problems += _rows(registry)
    problems += [
        f"{new.source}: repeats the tenure at line {old.source.rsplit(':', 1)[1]}"
        for old, new in registry.replaced
        if old.source.rsplit(":", 1)[0] == new.source.rsplit(":", 1)[0]
    ]
    problems += _overlaps(registry)
    problems += _ambiguous_aliases(registry)
    problems += _spellings(registry)
    problems += _phrases(registry)
    return problems


def _rows(registry: Registry) -> list[str]:
    out = []
    known = registry.countries
    for row in registry.rows:
        where = row.source
        if row.end is not None and row.end <= row.start:
            out.append(f"{where}: end {row.end} is not after start {row.start}")
        if known and row.country not in known:
            out.append(f"{where}: unknown country code {row.country!r} (see countries.csv)")
        if row.host and known and row.host not in known:
            out.append(f"{where}: unknown host country code {row.host!r}")
        if row.office == "ambassador" and not row.host:
            out.append(f"{where}: an ambassador needs a host country")
        if row.host and row.office not in HOSTED:
            out.append(f"{where}: host is only for {' and '.join(HOSTED)}, not {row.office}")
        if row.host and row.host == row.country:
            out.append(f"{where}: host {row.host} is the holder's own country")
    return out


def _overlaps(registry: Registry) -> list[str]:
    """Report two tenures of a single-holder office that share a day."""
    groups: dict[tuple[str, str, str | None], list] = {}
    for row in registry.rows:
        if row.office in SINGLE_HOLDER:
            groups.setdefault((row.country, row.office, row.host), []).append(row)
    out = []
    for (country, office, host), rows in groups.items():
        rows.sort(key=lambda r: r.start)
        for a, b in zip(rows, rows[1:], strict=False):
            if a.end is None or b.start < a.end:
                what = f"{country} {office}" + (f" in {host}" if host else "")
                out.append(
                    f"{b.source}: {b.name} starts {b.start} while {a.name} ({a.source}) "
                    f"still holds {what} (until {a.end or 'today'})"
                )
    return out


def _span(person: Person) -> tuple[date, date]:
    start = min(t.start for t in person.tenures)
    end = max(t.end or date.max for t in person.tenures)
    return start, end


def _ambiguous_aliases(registry: Registry) -> list[str]:
    """Report a spelling shared by people of one country whose times in office overlap."""
    by_alias: dict[str, list[Person]] = {}
    for text, pid in registry.aliases():
        people = by_alias.setdefault(_key(text), [])
        person = registry.person(pid)
        if person not in people:
            people.append(person)
    out = []
    for alias, people in by_alias.items():
        for a, b in combinations(people, 2):
            countries_a = {a.country, *(t.country for t in a.tenures)}
            countries_b = {b.country, *(t.country for t in b.tenures)}
            (sa, ea), (sb, eb) = _span(a), _span(b)
            if countries_a & countries_b and sa < eb and sb < ea:
                where = registry.alias_sources.get((b.id, alias), "?")
                first = registry.alias_sources.get((a.id, alias), "?")
                out.append(
                    f"{where}: {alias!r} names both {b.name} and {a.name} ({first}) "
                    "in the same country at overlapping times"
                )
    return out


def _spellings(registry: Registry) -> list[str]:
    """Report one person (one id) written with different canonical names."""
    first: dict[str, tuple[str, str]] = {}
    out = []
    for row in registry.rows:
        pid = slug(row.name)
        name, where = first.setdefault(pid, (row.name, row.source))
        if row.name != name:
            out.append(f"{row.source}: {row.name!r} is spelt {name!r} at {where}; use one spelling")
    return out


def _phrases(registry: Registry) -> list[str]:
    out = []
    known = registry.countries
    for phrase, office, country, src in registry._titles:
        if office and office not in OFFICES and office != LEADER:
            out.append(f"{src}: unknown office type {office!r} for {phrase!r}")
        if country and known and country not in known:
            out.append(f"{src}: unknown country code {country!r} for {phrase!r}")
    for place, code, kind, where in registry._places:
        if kind and kind not in OFFICES:
            out.append(f"{where}: unknown office type {kind!r} for {place!r}")
        if known and code not in known:
            out.append(f"{where}: unknown country code {code!r} for {place!r}")
    return out
