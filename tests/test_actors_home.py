"""A person listed in several files gets one own country, by the documented rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.actors import build_registry, check, load_registry
from readouts.actors.loader import PERSONAL_UNION, home_country, read_tenures
from readouts.actors.model import ORGANISATIONS

HOME = Path(__file__).resolve().parent / "resources" / "actors" / "home_country.csv"


@pytest.mark.parametrize(
    ("name", "country", "why"),
    [
        ("Ana Testa", "NZL", "tenures noted as a personal union do not count"),
        ("Bo Testa", "FIN", "the most tenures beat an earlier start"),
        ("Cy Testa", "LVA", "then the earliest-starting tenure"),
        ("Di Testa", "ISL", "then a head of government or foreign minister tenure"),
        ("Ed Testa", "SWE", "then a title naming the country"),
        ("Fa Testa", "DNK", "then the alphabetically first code"),
        ("Gu Testa", "NOR", "an organisation counts only when there is no state"),
        ("Hu Testa", "AUS", "personal unions alone still give a state"),
    ],
)
def test_own_country_rule(name: str, country: str, why: str) -> None:
    registry = build_registry([HOME])
    (person,) = registry.find(name)
    assert person.country == country, why


def test_own_country_does_not_depend_on_line_order() -> None:
    problems: list[str] = []
    rows = read_tenures(HOME, problems)
    assert problems == []
    for name in {r.name for r in rows}:
        mine = [r for r in rows if r.name == name]
        assert home_country(mine) == home_country(list(reversed(mine)))


def test_resource_file_is_valid() -> None:
    assert check(HOME) == []


def test_shipped_personal_unions_resolve_to_the_one_other_state() -> None:
    registry = load_registry(Path("/nonexistent-overlay"))
    checked = 0
    for person in registry.people():
        states = {t.country for t in person.tenures if t.country not in ORGANISATIONS}
        own = {t.country for t in person.tenures if PERSONAL_UNION not in t.note.lower()}
        if len(states) > 1 and len(own & states) == 1:
            assert person.country in own, person.name
            checked += 1
    assert checked >= 2  # the shared monarchs of the Commonwealth realms


def test_office_on_prefers_the_own_country_among_equal_offices() -> None:
    registry = build_registry([HOME])
    (person,) = registry.find("Ana Testa")
    assert person.office_on("1955-01-01").country == "NZL"
    assert registry.holder("AUS", "head_of_state", "1955-01-01") == person
