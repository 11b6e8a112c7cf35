"""The actor registry: holders by date, names in any spelling, roles, places, counterparts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.actors import (
    CORE_OFFICES,
    OFFICES,
    Person,
    Registry,
    Tenure,
    fold,
    load_registry,
    slug,
)
from readouts.errors import NotFound


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(Path("/nonexistent-overlay"))


def holder_name(registry: Registry, country: str, office: str, on: str, **kw: str) -> str | None:
    person = registry.holder(country, office, on, **kw)
    return person.name if person else None


@pytest.mark.parametrize(
    ("country", "office", "on", "name"),
    [
        ("RUS", "defense_minister", "2024-06-25", "Andrei Belousov"),
        ("RUS", "defense_minister", "2022-03-01", "Sergei Shoigu"),
        ("USA", "foreign_minister", "2015-05-12", "John Kerry"),
        ("FRA", "foreign_minister", "2019-06-01", "Jean-Yves Le Drian"),
        ("USA", "head_of_state", "2014-03-28", "Barack Obama"),
        ("USA", "head_of_government", "2022-06-01", "Joe Biden"),
        ("RUS", "head_of_state", "2010-01-01", "Dmitry Medvedev"),
        ("RUS", "head_of_government", "2010-01-01", "Vladimir Putin"),
        ("RUS", "national_security_adviser", "2024-06-01", "Sergei Shoigu"),
        ("RUS", "national_security_adviser", "2020-06-01", "Nikolai Patrushev"),
        ("USA", "national_security_adviser", "2018-09-01", "John Bolton"),
        ("USA", "military_chief", "2021-06-01", "Mark Milley"),
        ("RUS", "military_chief", "2023-01-15", "Valery Gerasimov"),
        ("USA", "intelligence_chief", "2022-06-01", "William Burns"),
        ("RUS", "intelligence_chief", "2022-06-01", "Sergey Naryshkin"),
        ("RUS", "spokesperson", "2020-06-01", "Dmitry Peskov"),
        ("RUS", "presidential_aide", "2021-06-01", "Yuri Ushakov"),
        ("RUS", "un_ambassador", "2023-06-01", "Vasily Nebenzya"),
        ("USA", "un_ambassador", "2015-06-01", "Samantha Power"),
        ("UN", "secretary_general", "2015-06-01", "Ban Ki-moon"),
        ("NATO", "secretary_general", "2025-06-01", "Mark Rutte"),
        ("EU", "high_representative", "2022-06-01", "Josep Borrell"),
        ("IAEA", "director_general", "2023-06-01", "Rafael Grossi"),
    ],
)
def test_holder_on_date(registry: Registry, country: str, office: str, on: str, name: str) -> None:
    assert holder_name(registry, country, office, on) == name


def test_ambassadors_by_host(registry: Registry) -> None:
    assert holder_name(registry, "USA", "ambassador", "2018-05-01", host="RUS") == "Jon Huntsman"
    assert holder_name(registry, "RUS", "ambassador", "2019-05-01", host="USA") == "Anatoly Antonov"
    # A host the data lacks has no holder rather than another host's ambassador.
    assert registry.holder("USA", "ambassador", "2018-05-01", host="ISL") is None


@pytest.mark.parametrize(
    ("country", "office", "change", "before", "after"),
    [
        ("RUS", "defense_minister", "2024-05-14", "Sergei Shoigu", "Andrei Belousov"),
        ("USA", "foreign_minister", "2013-02-01", "Hillary Clinton", "John Kerry"),
        ("USA", "head_of_state", "2017-01-20", "Barack Obama", "Donald Trump"),
        ("USA", "head_of_state", "2021-01-20", "Donald Trump", "Joe Biden"),
        ("RUS", "head_of_state", "2012-05-07", "Dmitry Medvedev", "Vladimir Putin"),
        ("NATO", "secretary_general", "2014-10-01", "Anders Fogh Rasmussen", "Jens Stoltenberg"),
    ],
)
def test_tenure_boundaries(
    registry: Registry, country: str, office: str, change: str, before: str, after: str
) -> None:
    day = date.fromisoformat(change)
    eve = date.fromordinal(day.toordinal() - 1)
    assert holder_name(registry, country, office, eve.isoformat()) == before
    # On the changeover day the successor holds the office.
    assert holder_name(registry, country, office, change) == after


def test_tenure_covers_is_end_exclusive() -> None:
    t = Tenure("x", "RUS", "envoy", None, "Envoy", date(2020, 1, 1), date(2020, 2, 1))
    assert not t.covers("2019-12-31")
    assert t.covers("2020-01-01") and t.covers(date(2020, 1, 31))
    assert not t.covers("2020-02-01")
    assert Tenure("x", "RUS", "envoy", None, "Envoy", date(2020, 1, 1)).covers(None)


def test_no_holder_before_the_data(registry: Registry) -> None:
    assert registry.holder("RUS", "defense_minister", "1990-01-01") is None


def test_holder_takes_country_names(registry: Registry) -> None:
    assert holder_name(registry, "Russia", "foreign_minister", "2020-01-01") == "Sergey Lavrov"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("SERGEY LAVROV", "Sergey Lavrov"),
        ("Lavrov's", "Sergey Lavrov"),
        ("Russian Foreign Minister Sergei Lavrov", "Sergey Lavrov"),
        ("Sergey Viktorovich Lavrov", "Sergey Lavrov"),
        ("Shoygu", "Sergei Shoigu"),
        ("Sergey Shoigu", "Sergei Shoigu"),
        ("Andrey Belousov", "Andrei Belousov"),
        ("Yury Ushakov", "Yuri Ushakov"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Vassily Nebenzia", "Vasily Nebenzya"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("António Guterres", "Antonio Guterres"),
        ("Antonio Guterres", "Antonio Guterres"),
        ("Tony Blinken", "Antony Blinken"),
        ("Steven Witkoff", "Steve Witkoff"),
    ],
)
def test_find_through_spellings(registry: Registry, text: str, name: str) -> None:
    assert registry.canonical_name(text) == name
    assert registry.find(text)[0].name == name


def test_find_ranks_office_holders_on_the_date_first(registry: Registry) -> None:
    # "Burns" as a surname: William Burns held offices; the ranking follows the date.
    found = registry.find("William Burns", on="2022-01-01")
    assert found[0].name == "William Burns"
    assert found[0].office_on("2022-01-01").office == "intelligence_chief"
    assert found[0].office_on("2012-01-01").office == "deputy_foreign_minister"


def test_find_filters_by_country(registry: Registry) -> None:
    assert [p.name for p in registry.find("Lavrov", country="RUS")] == ["Sergey Lavrov"]
    assert registry.find("Lavrov", country="USA") == []
    assert registry.find("Nobody Atall") == []


def test_person_office_on_prefers_the_most_senior(registry: Registry) -> None:
    rubio = registry.find("Marco Rubio")[0]
    assert rubio.office_on("2025-08-01").office == "foreign_minister"
    assert {t.office for t in rubio.tenures if t.covers("2025-08-01")} == {
        "foreign_minister",
        "national_security_adviser",
    }
    assert rubio.office_on("2020-01-01") is None


def test_person_by_id(registry: Registry) -> None:
    person = registry.person("sergey-lavrov")
    assert isinstance(person, Person) and person.country == "RUS"
    assert slug("Jean-Yves Le Drian") == "jean-yves-le-drian"
    assert slug("António Guterres") == "antonio-guterres"
    with pytest.raises(NotFound):
        registry.person("no-such-person")


def test_organisation_leaders_keep_their_own_country(registry: Registry) -> None:
    rutte = registry.find("Mark Rutte")[0]
    assert rutte.office_on("2025-01-01").country == "NATO"
    if any(t.country == "NLD" for t in rutte.tenures):  # once the NLD file exists
        assert rutte.country == "NLD"


def test_aliases_cover_names_and_spellings(registry: Registry) -> None:
    pairs = set(registry.aliases())
    assert ("Sergey Lavrov", "sergey-lavrov") in pairs
    assert ("Sergei Lavrov", "sergey-lavrov") in pairs
    assert ("Shoygu", "sergei-shoigu") in pairs


@pytest.mark.parametrize(
    ("role", "office"),
    [
        ("Secretary of State", "foreign_minister"),
        ("Russian Defense Minister", "defense_minister"),
        ("Minister of National Defense", "defense_minister"),
        ("the Pentagon chief", "defense_minister"),
        ("President", "head_of_state"),
        ("Prime Minister", "head_of_government"),
        ("Chairman of the Joint Chiefs of Staff", "military_chief"),
        ("Chief of the General Staff", "military_chief"),
        ("National Security Adviser", "national_security_adviser"),
        ("Secretary of the Security Council", "national_security_adviser"),
        ("Deputy Foreign Minister", "deputy_foreign_minister"),
        ("Deputy Secretary of State", "deputy_foreign_minister"),
        ("Ambassador to the United States", "ambassador"),
        ("U.N. ambassador", "un_ambassador"),
        ("Special Envoy", "envoy"),
        ("CIA Director", "intelligence_chief"),
        ("Director of the Foreign Intelligence Service (SVR)", "intelligence_chief"),
        ("Presidential Aide for Foreign Policy", "presidential_aide"),
        ("Presidential Spokesman", "spokesperson"),
        ("Foreign Ministry", "foreign_minister"),
        ("UN Secretary-General", "secretary_general"),
        ("EU foreign policy chief", "high_representative"),
        ("Deputy Prime Minister and Foreign Minister", "foreign_minister"),
        ("Vice President", None),
        ("government", None),
    ],
)
def test_office_type_reads_roles(registry: Registry, role: str, office: str | None) -> None:
    assert registry.office_type(role) == office
    assert office is None or office in OFFICES


def test_leader_means_the_leading_office(registry: Registry) -> None:
    assert registry.office_type("British leader", country="GBR") == "head_of_government"
    assert registry.office_type("Russian leader", country="RUS") == "head_of_state"
    assert registry.office_type("leader") == "head_of_state"
    assert registry.leader("GBR", "2023-06-01").name == "Rishi Sunak"
    assert registry.leader("RUS", "2023-06-01").name == "Vladimir Putin"
    assert registry.leader_office("DEU") == "head_of_government"


def test_office_type_by_country(registry: Registry) -> None:
    assert registry.office_type("President", country="IRN") == "head_of_government"
    assert registry.office_type("President", country="USA") == "head_of_state"
    assert registry.role_country("Secretary of State") == "USA"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("American", "USA"),
        ("Washington", "USA"),
        ("the White House", "USA"),
        ("Russian", "RUS"),
        ("Russia's", "RUS"),
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Beijing", "CHN"),
        ("Türkiye", "TUR"),
        ("the Elysee", "FRA"),
        ("Downing Street", "GBR"),
        ("North Korean", "PRK"),
        ("NATO", "NATO"),
        ("Atlantis", None),
    ],
)
def test_country_code(registry: Registry, text: str, code: str | None) -> None:
    assert registry.country_code(text) == code


def test_places_name_offices(registry: Registry) -> None:
    places = {phrase: (country, office) for phrase, country, office in registry.places()}
    assert places["the Kremlin"] == ("RUS", "head_of_state")
    assert places["the Pentagon"] == ("USA", "defense_minister")
    assert places["the State Department"] == ("USA", "foreign_minister")
    assert places["Downing Street"] == ("GBR", "head_of_government")
    titles = {(p, o, c) for p, o, c in registry.titles()}
    assert ("secretary of state", "foreign_minister", "USA") in titles
    assert all(o in OFFICES for _, o, _ in titles)
    assert {"vice president", "deputy prime minister"} <= set(registry.non_titles())
    assert not {p for p, _, _ in titles} & set(registry.non_titles())
    names = set(registry.country_names())
    assert ("Washington", "USA") in names and ("Kiev", "UKR") in names


def test_counterparts(registry: Registry) -> None:
    on = "2022-07-29"
    assert registry.counterpart("foreign_minister", "RUS", on).name == "Sergey Lavrov"
    assert registry.counterpart("defense_minister", "USA", on).name == "Lloyd Austin"
    # Russia's Security Council secretary is the US national security adviser's counterpart.
    assert registry.counterpart("national_security_adviser", "RUS", on).name == "Nikolai Patrushev"
    # A president's counterpart in a parliamentary state is the head of government.
    assert (
        registry.counterpart("head_of_state", "DEU", on, from_country="USA").name == "Olaf Scholz"
    )
    assert registry.counterpart("head_of_state", "RUS", on, from_country="USA").name == (
        "Vladimir Putin"
    )
    # A chancellor's counterpart in a presidential state is its president.
    assert registry.counterpart("head_of_government", "USA", on, from_country="DEU").name == (
        "Joe Biden"
    )
    assert registry.counterpart("ambassador", "RUS", on, from_country="USA").name == (
        "Anatoly Antonov"
    )
    assert registry.counterpart("ambassador", "RUS", on) is None


def test_registry_is_loaded_once() -> None:
    assert load_registry() is load_registry()


@pytest.mark.parametrize("country", ["USA", "RUS"])
@pytest.mark.parametrize("office", CORE_OFFICES)
def test_core_offices_have_one_holder_every_day(
    registry: Registry, country: str, office: str
) -> None:
    tenures = registry.tenures(country, office)
    day, last = date(2009, 1, 1), date(2026, 11, 22)
    while day <= last:
        holders = {t.person_id for t in tenures if t.covers(day)}
        assert len(holders) == 1, (day, holders)
        day = date.fromordinal(day.toordinal() + 1)


@given(st.text(max_size=40))
def test_fold_and_slug_are_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert slug(slug(text)) == slug(text)


def test_find_ranks_a_shared_alias_by_date_and_country() -> None:
    from readouts.actors import build_registry

    res = Path(__file__).resolve().parent / "resources" / "actors" / "disambiguated_alias.csv"
    small = build_registry([res])
    in_1950 = [p.name for p in small.find("Testov", on="1950-06-01")]
    assert set(in_1950[:2]) == {"Ivan Testov", "Ilya Testov"} and in_1950[2] == "Igor Testov"
    assert [p.name for p in small.find("Testov", on="1953-01-01", country="RUS")] == [
        "Igor Testov",
        "Ivan Testov",
    ]
    assert small.canonical_name("testov", on="1953-01-01") in {"Igor Testov", "Ilya Testov"}
