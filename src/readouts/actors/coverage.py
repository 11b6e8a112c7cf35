"""Summarise registry coverage (countries x offices x years) as a Markdown table.

Run ``python -m readouts.actors.coverage`` to regenerate the table in docs/registry.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date, timedelta

from readouts.actors.model import CORE_OFFICES, OFFICES, ORGANISATIONS, Tenure
from readouts.actors.registry import Registry

SINCE = date(2009, 1, 1)
# Gaps shorter than this (acting holders not listed, a day between two terms) are not
# reported as missing coverage.
GAP_DAYS = 45


def gaps(
    tenures: Iterable[Tenure], since: date = SINCE, until: date | None = None
) -> list[tuple[date, date]]:
    """Return the stretches of GAP_DAYS or more between ``since`` and ``until`` left uncovered."""
    until = until or date.today()
    spans = sorted((max(t.start, since), min(t.end or until, until)) for t in tenures)
    out = []
    cursor = since
    for start, end in spans:
        if end <= cursor:
            continue
        if start > cursor and (start - cursor).days >= GAP_DAYS:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if (until - cursor).days >= GAP_DAYS:
        out.append((cursor, until))
    return out


def cell(registry: Registry, country: str, office: str, until: date) -> str:
    """Return one table cell: the years covered, or the gaps, or a dash."""
    tenures = registry.tenures(country, office)
    if not tenures:
        return "-"
    holes = gaps(tenures, SINCE, until)
    if not holes:
        return f"{SINCE.year}-{until.year}"
    return "gaps " + ", ".join(f"{a:%Y-%m}..{b - timedelta(days=1):%Y-%m}" for a, b in holes)


def coverage_table(registry: Registry, offices: Iterable[str] = CORE_OFFICES) -> str:
    """Return a Markdown table of which offices each country's data covers since 2009."""
    until = date.today()
    offices = list(offices)
    codes = sorted({t.country for p in registry.people() for t in p.tenures} - ORGANISATIONS)
    lines = [
        "| country | " + " | ".join(offices) + " | persons |",
        "|---" * (len(offices) + 2) + "|",
    ]
    for code in codes:
        cells = [cell(registry, code, office, until) for office in offices]
        people = {t.person_id for o in OFFICES for t in registry.tenures(code, o)}
        lines.append(f"| {code} | " + " | ".join(cells) + f" | {len(people)} |")
    return "\n".join(lines)


def deep_table(registry: Registry, codes: Iterable[str] = ("USA", "RUS")) -> str:
    """Return a Markdown table of tenure counts for every office of the deeply covered states."""
    codes = list(codes)
    lines = ["| office | " + " | ".join(codes) + " |", "|---" * (len(codes) + 1) + "|"]
    for office in OFFICES:
        counts = [len(registry.tenures(c, office)) for c in codes]
        if any(counts):
            lines.append(f"| {office} | " + " | ".join(str(n) for n in counts) + " |")
    return "\n".join(lines)


def organisations_table(registry: Registry) -> str:
    """Return a Markdown list of the organisations' offices and their coverage."""
    until = date.today()
    lines = []
    for code in sorted(ORGANISATIONS):
        for office in OFFICES:
            if registry.tenures(code, office):
                lines.append(f"- {code} {office}: {cell(registry, code, office, until)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the coverage tables."""
    from readouts.actors import load_registry

    registry = load_registry()
    print(f"Coverage on {date.today().isoformat()} (six core offices since {SINCE.year}):\n")
    print(coverage_table(registry))
    print("\nTenures per office, United States and Russia:\n")
    print(deep_table(registry))
    print("\nOrganisations:\n")
    print(organisations_table(registry))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
