"""Ledger queries: contacts with filters, the last contact, the gaps, one event, actor specs."""

from __future__ import annotations

from datetime import date

import pytest

from ledger_fixtures import AUSTIN, BELOUSOV, BLINKEN, LAVROV, SHOIGU, Doc, office, store_docs
from readouts.errors import InputError, NotFound
from readouts.query import actor, contacts, event, gaps, last_contact


@pytest.fixture
def ledger(store):
    """A small ledger: three Austin calls, a Blinken–Lavrov call and a declined request."""
    docs = [
        Doc("may22", "2022-05-14").mention([AUSTIN, SHOIGU], date="2022-05-13"),
        Doc("oct22", "2022-10-22").mention([AUSTIN, SHOIGU], date="2022-10-21"),
        Doc("mar23", "2023-03-16").mention([AUSTIN, SHOIGU], date="2023-03-15"),
        Doc("jun24", "2024-06-25").mention(
            [AUSTIN, office("RUS", "defense_minister")], date="2024-06-25"
        ),
        Doc("jun24b", "2024-06-26").mention([AUSTIN, BELOUSOV], date="2024-06-25"),
        Doc("jul22", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29"),
        Doc("mar22", "2022-03-25").mention(
            [AUSTIN, SHOIGU], status="declined", mode="phone", date="2022-03"
        ),
    ]
    store_docs(store, docs)
    return store


def test_actor_specs():
    assert actor("RUS:defense minister").office == "defense_minister"
    assert actor("RUS:defense_minister").country == "RUS"
    assert actor("USA").country == "USA" and actor("USA").office is None
    spec = actor("Lloyd Austin")
    assert spec.matches(AUSTIN) and not spec.matches(SHOIGU)
    assert actor("RUS:defense_minister").matches(BELOUSOV)
    with pytest.raises(NotFound):
        actor("  ")


def test_contacts_between_people_offices_and_countries(ledger):
    assert len(contacts(ledger, between=("Lloyd Austin", "Sergei Shoigu"))) == 4
    by_office = contacts(ledger, between=("Lloyd Austin", "RUS:defense_minister"))
    assert len(by_office) == 5
    assert len(contacts(ledger, countries=("USA", "RUS"))) == 6
    assert len(contacts(ledger)) == 6


def test_contacts_filters(ledger):
    assert [c.status for c in contacts(ledger, status="declined")] == ["declined"]
    dated = contacts(ledger, since="2022-07", until="2023-03")
    assert [c.date for c in dated] == ["2022-07-29", "2022-10-21", "2023-03-15"]
    assert contacts(ledger, mode="meeting") == []
    with pytest.raises(InputError, match="since"):
        contacts(ledger, since="2022-13")


def test_last_contact(ledger):
    found = last_contact(ledger, "Lloyd Austin", "Sergei Shoigu", before="2024-01-01")
    assert found is not None and found.date == "2023-03-15"
    assert found.sources[0].doc_id == Doc("mar23", None).id
    latest = last_contact(ledger, "Lloyd Austin", "RUS:defense_minister")
    assert latest is not None and latest.date == "2024-06-25" and latest.outlets == 2
    assert last_contact(ledger, "Lloyd Austin", "Sergei Shoigu", before="2022-05-13") is None
    assert last_contact(ledger, "Antony Blinken", "Sergei Shoigu") is None


def test_gaps_longest_first_and_days_since(ledger):
    report = gaps(ledger, "Lloyd Austin", "RUS", today=date(2024, 7, 5))
    spans = [
        (date(2024, 6, 25) - date(2023, 3, 15)).days,
        (date(2022, 10, 21) - date(2022, 5, 13)).days,
        (date(2023, 3, 15) - date(2022, 10, 21)).days,
    ]
    assert [g.days for g in report.gaps] == sorted(spans, reverse=True)
    assert report.gaps[0].start == "2023-03-15" and report.gaps[0].end == "2024-06-25"
    assert report.days_since_last == 10
    assert report.as_dict()["last_date"] == "2024-06-25"
    empty = gaps(ledger, "Antony Blinken", "Sergei Shoigu")
    assert empty.gaps == () and empty.last is None and empty.days_since_last is None


def test_event_by_id_and_prefix(ledger):
    (call,) = contacts(ledger, between=("Antony Blinken", "Sergey Lavrov"))
    assert event(ledger, call.id) == call
    assert event(ledger, call.id[:9]) == call
    with pytest.raises(NotFound):
        event(ledger, "ev-nope")


def test_a_person_matches_the_unnamed_office_they_held(monkeypatch):
    from types import SimpleNamespace

    from readouts import query
    from readouts.records import Participant

    class FakeRegistry:
        def holder(self, country, office, on=None):
            who = "sergei-shoigu" if on.year < 2024 else "andrei-belousov"
            return SimpleNamespace(id=who)

    monkeypatch.setattr(query, "optional_registry", lambda: FakeRegistry())
    query._holder.cache_clear()
    try:
        spec = query.ActorSpec("Sergei Shoigu", person_ids=frozenset({"sergei-shoigu"}))
        unnamed = Participant(country="RUS", office="defense_minister")
        assert spec.matches(unnamed, "2023-03")
        assert not spec.matches(unnamed, "2024-06-25")
        assert not spec.matches(unnamed)  # no date, no holder
        # An office matches whoever held it then, whatever office the article recorded.
        later = Participant(
            "Shoigu", "sergei-shoigu", "Sergei Shoigu", "RUS", "national_security_adviser"
        )
        office_spec = query.actor("RUS:defense_minister")
        assert office_spec.matches(later, "2023-03")
        assert not office_spec.matches(later, "2024-06-25")
    finally:
        query._holder.cache_clear()


def test_unknown_names_are_reported(ledger):
    with pytest.raises(NotFound, match="unknown actor 'Nobody Atall'"):
        contacts(ledger, between=("Nobody Atall", "RUS"))
    with pytest.raises(NotFound, match="unknown actor"):
        last_contact(ledger, "Lloyd Austin", "Nobody Atall")


def test_unknown_countries_and_offices_are_errors_not_empty_answers(ledger):
    with pytest.raises(NotFound, match="unknown country 'XYZ'"):
        contacts(ledger, countries=("USA", "XYZ"))
    with pytest.raises(NotFound, match="unknown office 'bogus' in actor 'USA:bogus'"):
        contacts(ledger, between=("USA:bogus", "RUS"))
    with pytest.raises(NotFound, match="unknown country 'XYZ' in actor 'XYZ:foreign_minister'"):
        last_contact(ledger, "XYZ:foreign_minister", "RUS")
    with pytest.raises(NotFound, match="unknown actor 'QQQ'"):
        last_contact(ledger, "QQQ", "RUS")  # looks like a code, is none


def test_countries_and_offices_by_their_names(ledger):
    by_code = contacts(ledger, countries=("USA", "RUS"))
    assert contacts(ledger, countries=("usa", "Russia")) == by_code
    # A British spelling and a title name the office as well as its type does.
    spec = actor("Russia:defence minister")
    assert (spec.country, spec.office) == ("RUS", "defense_minister")
    assert actor("USA:Secretary of State").office == "foreign_minister"


def test_an_empty_period_is_an_error(ledger):
    with pytest.raises(InputError, match="the period 2024 to 2022 is empty"):
        contacts(ledger, since="2024", until="2022")
    assert contacts(ledger, since="2022-05", until="2022-05")  # one month is a period


def test_places_and_titles_name_a_side_and_its_office(ledger):
    assert (actor("the Pentagon").country, actor("the Pentagon").office) == (
        "USA",
        "defense_minister",
    )
    russian_fm = actor("Russian Foreign Minister")
    assert (russian_fm.country, russian_fm.office) == ("RUS", "foreign_minister")
    assert (actor("Secretary of State").country, actor("Moscow").office) == ("USA", None)
    pentagon = contacts(ledger, between=("the Pentagon", "Russia"))
    assert pentagon == contacts(ledger, between=("Lloyd Austin", "RUS")) and pentagon
    (call,) = contacts(ledger, between=("Secretary of State", "Russian Foreign Minister"))
    assert call.date == "2022-07-29"
    with pytest.raises(NotFound, match="unknown actor 'President'"):
        contacts(ledger, between=("President", "RUS"))  # no side: not a guess


def test_colleagues_on_one_side_are_no_contact(store):
    from ledger_fixtures import BIDEN, PUTIN, store_docs

    summit = Doc("summit", "2021-06-17").mention(
        [BIDEN, BLINKEN, PUTIN, LAVROV], mode="meeting", date="2021-06-16"
    )
    store_docs(store, [summit])
    assert contacts(store, between=("Joe Biden", "Antony Blinken")) == []
    assert contacts(store, countries=("USA", "USA")) == []
    assert last_contact(store, "Antony Blinken", "Vladimir Putin") is not None
