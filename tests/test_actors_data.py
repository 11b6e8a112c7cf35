"""The shipped registry data against outside references: REIGN leaders and the gold names."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from readouts.actors import Registry, load_registry
from readouts.actors.coverage import coverage_table, gaps
from readouts.actors.loader import TENURE_DIR
from readouts.actors.model import Tenure
from readouts.actors.roles import tokens

SHARED = Path(__file__).resolve().parents[2] / "shared"
REIGN = SHARED / "external" / "reign" / "leaderlist_3_21.csv"
GOLD = SHARED / "gold"

# Correlates of War state numbers (REIGN's ccode) -> ISO alpha-3.
COW = {
    2: "USA", 20: "CAN", 40: "CUB", 70: "MEX", 101: "VEN", 140: "BRA", 160: "ARG",
    200: "GBR", 210: "NLD", 211: "BEL", 212: "LUX", 220: "FRA", 225: "CHE", 230: "ESP",
    235: "PRT", 255: "DEU", 290: "POL", 310: "HUN", 316: "CZE", 317: "SVK", 325: "ITA",
    339: "ALB", 341: "MNE", 343: "MKD", 344: "HRV", 345: "SRB", 349: "SVN", 350: "GRC",
    355: "BGR", 359: "MDA", 360: "ROU", 365: "RUS", 366: "EST", 367: "LVA", 368: "LTU",
    369: "UKR", 370: "BLR", 371: "ARM", 372: "GEO", 373: "AZE", 375: "FIN", 380: "SWE",
    385: "NOR", 390: "DNK", 395: "ISL", 560: "ZAF", 630: "IRN", 640: "TUR", 651: "EGY",
    652: "SYR", 666: "ISR", 670: "SAU", 694: "QAT", 696: "ARE", 705: "KAZ", 710: "CHN",
    731: "PRK", 732: "KOR", 740: "JPN", 750: "IND", 770: "PAK", 850: "IDN", 900: "AUS",
}  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(Path("/nonexistent-overlay"))


def _similar(surname: str, names: list[str]) -> bool:
    """Return whether REIGN's leader name (often a surname, sometimes misspelt) is among names."""
    want = [w for w in tokens(surname.replace("-", " ")) if len(w) > 2]
    have = [w for n in names for w in tokens(n.replace("-", " "))]
    return any(SequenceMatcher(None, w, h).ratio() >= 0.75 for w in want for h in have)


def test_heads_agree_with_reign(registry: Registry) -> None:
    """At the middle of each REIGN leader's time since 2009, we list them as a head."""
    if not REIGN.is_file():
        pytest.skip(f"../shared not found: {REIGN}")
    shipped = {p.stem for p in TENURE_DIR.glob("*.csv")}
    probes, misses = 0, []
    with REIGN.open(encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            code = COW.get(int(row["ccode"]))
            if code not in shipped or not row["syear"]:
                continue
            start = date(int(row["syear"]), int(row["smonth"]), int(row["sdate"] or 1))
            end = (
                date(int(row["eyear"]), int(row["emonth"]), 1) if row["eyear"] else date(2021, 3, 1)
            )
            if end < date(2009, 3, 1) or (end - start).days < 60:
                continue  # before our range, or a caretaker too short to probe reliably
            probe = date.fromordinal(
                (max(start, date(2009, 1, 1)).toordinal() + end.toordinal()) // 2
            )
            heads = [
                registry.holder(code, o, probe) for o in ("head_of_state", "head_of_government")
            ]
            probes += 1
            if not _similar(row["leader"], [p.name for p in heads if p]):
                misses.append(
                    f"{code} {probe}: REIGN {row['leader']!r}, ours {[p and p.name for p in heads]}"
                )
    assert probes >= 40, probes
    # REIGN codes the *effective* leader and spells loosely; a handful of differences
    # (e.g. a country's leading office) is expected, many means wrong data.
    assert len(misses) <= max(3, probes // 20), "\n".join(misses)


def _gold_people() -> list[tuple[str, str, str, str | None]]:
    if not GOLD.is_dir():
        pytest.skip(f"../shared not found: {GOLD}")
    people = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for contact in doc.get("contacts", []):
                on = contact.get("date") or doc.get("published")
                for p in contact["participants"]:
                    if p.get("name") and on:
                        people.append((p["name"], p["country"], on, p.get("role")))
    return people


def test_gold_participants_resolve(registry: Registry) -> None:
    """Every named participant of a covered country is found, canonical, in office that day."""
    shipped = {p.stem for p in TENURE_DIR.glob("*.csv")}
    checked = 0
    for name, country, on, role in _gold_people():
        if country not in shipped:
            continue
        found = registry.find(name, on=on, country=country)
        assert found and found[0].name == name, (name, on)
        tenure = found[0].office_on(on)
        assert tenure is not None and tenure.country == country, (name, on)
        kind = registry.office_type(role, country) if role else None
        if kind is not None:
            held = {t.office for t in found[0].tenures if t.covers(on)}
            assert kind in held, (name, on, role, held)
        checked += 1
    assert checked >= 20


def test_gaps_finds_uncovered_stretches() -> None:
    t = [
        Tenure("a", "XXX", "envoy", None, "E", date(2009, 1, 1), date(2010, 1, 1)),
        Tenure("b", "XXX", "envoy", None, "E", date(2010, 1, 10), date(2012, 1, 1)),
        Tenure("c", "XXX", "envoy", None, "E", date(2013, 1, 1), None),
    ]
    until = date(2014, 1, 1)
    # Nine days between a and b are a changeover, not a gap; 2012 is.
    assert gaps(t, date(2009, 1, 1), until) == [(date(2012, 1, 1), date(2013, 1, 1))]
    assert gaps(t[:1], date(2009, 1, 1), until) == [(date(2010, 1, 1), until)]
    assert gaps([], date(2013, 1, 1), date(2013, 1, 1) + timedelta(days=10)) == []


def test_coverage_table_lists_the_deep_countries(registry: Registry) -> None:
    table = coverage_table(registry).splitlines()
    year = date.today().year
    usa = next(line for line in table if line.startswith("| USA |"))
    rus = next(line for line in table if line.startswith("| RUS |"))
    assert usa.count(f"2009-{year}") == 6 and rus.count(f"2009-{year}") == 6
