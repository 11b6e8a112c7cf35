"""Matching predictions to gold, one test per rule of GUIDELINES.md "Matching"."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.evaluate.matching import (
    Matcher,
    as_participant,
    fold,
    match_contacts,
    match_gap_claims,
    modes_agree,
)


class FakeVocabulary:
    """A tiny registry: a few aliases and role phrases."""

    ALIASES = {
        "sergei lavrov": "Sergey Lavrov",
        "lavrov": "Sergey Lavrov",
        "shoygu": "Sergei Shoigu",
    }
    OFFICES = {
        "foreign minister": "foreign_minister",
        "secretary of state": "foreign_minister",
        "defense minister": "defense_minister",
        "minister of defence": "defense_minister",
        "secretary of defense": "defense_minister",
        "president": "head_of_state",
    }

    def canonical_name(self, name: str, on: str | None = None) -> str | None:
        return self.ALIASES.get(fold(name))

    def office_type(self, role_text: str) -> str | None:
        return self.OFFICES.get(fold(role_text))


M = Matcher(FakeVocabulary())


def person(name: str | None, country: str | None, role: str | None = None) -> dict[str, Any]:
    return {"name": name, "country": country, "role": role}


BLINKEN = person("Antony Blinken", "USA", "Secretary of State")
LAVROV = person("Sergey Lavrov", "RUS", "Foreign Minister")
BIDEN = person("Joe Biden", "USA", "President")
PUTIN = person("Vladimir Putin", "RUS", "President")


def contact(
    *participants: dict[str, Any],
    status: str = "occurred",
    mode: str = "phone",
    date: str | None = "2022-07-29",
) -> dict[str, Any]:
    return {"participants": list(participants), "status": status, "mode": mode, "date": date}


def matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return bool(match_contacts([gold], [pred], M).pairs)


def test_names_fold_case_and_diacritics() -> None:
    gold = contact(person("Recep Tayyip Erdogan", "TUR"), PUTIN)
    pred = contact(person("RECEP TAYYİP ERDOĞAN", "TUR"), person("vladimir putin", "RUS"))
    assert matches(gold, pred)


def test_names_agree_through_registry_aliases() -> None:
    pred = contact(BLINKEN, person("Sergei Lavrov", "RUS"))
    assert matches(contact(BLINKEN, LAVROV), pred)


def test_another_person_does_not_match() -> None:
    pred = contact(BLINKEN, person("Maria Zakharova", "RUS"))
    assert not matches(contact(BLINKEN, LAVROV), pred)


def test_unnamed_gold_agrees_with_same_country_and_office_type() -> None:
    gold = contact(person("Lloyd Austin", "USA"), person(None, "RUS", "Minister of Defence"))
    named = contact(
        person("Lloyd Austin", "USA"), person("Andrei Belousov", "RUS", "Defense Minister")
    )
    by_office = contact(
        person("Lloyd Austin", "USA"),
        {"name": None, "country": "RUS", "office": "defense_minister"},
    )
    assert matches(gold, named)
    assert matches(gold, by_office)


def test_unnamed_gold_rejects_another_office_type_or_country() -> None:
    gold = contact(person("Lloyd Austin", "USA"), person(None, "RUS", "Defense Minister"))
    assert not matches(gold, contact(person("Lloyd Austin", "USA"), LAVROV))
    assert not matches(
        gold, contact(person("Lloyd Austin", "USA"), person(None, "UKR", "Defense Minister"))
    )


def test_unmapped_role_lets_the_country_decide() -> None:
    gold = contact(
        person("Lynne Tracy", "USA"), person(None, "RUS", "the ministry"), mode="meeting"
    )
    pred = contact(person("Lynne Tracy", "USA"), LAVROV, mode="meeting")
    assert matches(gold, pred)


def test_unnamed_prediction_does_not_stand_for_a_named_gold_participant() -> None:
    pred = contact(BLINKEN, person(None, "RUS", "Foreign Minister"))
    assert not matches(contact(BLINKEN, LAVROV), pred)


def test_participants_are_one_to_one() -> None:
    pred = contact(BLINKEN, BLINKEN)
    assert not matches(contact(BLINKEN, LAVROV), pred)


def test_extra_predicted_participant_does_not_match_a_pair() -> None:
    pred = contact(BLINKEN, LAVROV, BIDEN)
    assert not matches(contact(BLINKEN, LAVROV), pred)


def test_summit_matches_its_principals_when_every_country_is_named() -> None:
    summit = contact(BIDEN, PUTIN, BLINKEN, LAVROV, mode="meeting", date="2021-06-16")
    assert matches(summit, contact(BIDEN, PUTIN, mode="meeting", date="2021-06-16"))
    assert matches(summit, contact(BLINKEN, PUTIN, mode="meeting", date="2021-06-16"))


def test_summit_rejects_a_subset_missing_a_country() -> None:
    three = contact(
        LAVROV,
        person("Dmytro Kuleba", "UKR"),
        person("Mevlut Cavusoglu", "TUR"),
        mode="meeting",
        date="2022-03-10",
    )
    assert not matches(
        three, contact(LAVROV, person("Dmytro Kuleba", "UKR"), mode="meeting", date="2022-03-10")
    )


def test_a_pair_is_not_matched_by_a_single_participant() -> None:
    assert M.participants([BLINKEN, LAVROV], [BLINKEN]) is None
    assert M.participants([BIDEN, PUTIN, LAVROV], [PUTIN]) is None


def test_statuses_must_agree() -> None:
    assert not matches(contact(BLINKEN, LAVROV), contact(BLINKEN, LAVROV, status="requested"))


def test_unspecified_mode_agrees_with_any_mode() -> None:
    assert modes_agree("unspecified", "video") and modes_agree("letter", "unspecified")
    assert matches(contact(BLINKEN, LAVROV), contact(BLINKEN, LAVROV, mode="unspecified"))
    assert not matches(contact(BLINKEN, LAVROV), contact(BLINKEN, LAVROV, mode="meeting"))


@pytest.mark.parametrize(
    ("gold_date", "pred_date", "agree"),
    [
        ("2022-07-29", "2022-07-29", True),
        ("2022-07-29", "2022-07-30", True),  # within one day (time zones)
        ("2022-07-29", "2022-07-31", False),
        ("2022-07", "2022-07-29", True),  # a month agrees with any day inside it
        ("2022-07-29", "2022-07", True),
        ("2022", "2022-07-29", True),
        ("2022-06", "2022-07-01", False),
        ("2021", "2022-01-01", False),
        (None, "2022-07-29", True),  # an unstated date never blocks a match
        ("2022-07-29", None, True),
    ],
)
def test_date_rule(gold_date: str | None, pred_date: str | None, agree: bool) -> None:
    assert (
        matches(contact(BLINKEN, LAVROV, date=gold_date), contact(BLINKEN, LAVROV, date=pred_date))
        is agree
    )


def test_each_item_matches_at_most_once_greedy_in_gold_order() -> None:
    gold = [
        contact(BLINKEN, LAVROV, date="2022-07-29"),
        contact(BLINKEN, LAVROV, date="2022-07-30"),
    ]
    result = match_contacts(gold, [contact(BLINKEN, LAVROV, date="2022-07-30")], M)
    assert result.pairs == ((0, 0),)
    assert result.missed == (1,)
    assert result.spurious == ()


def test_exact_participant_match_is_preferred_over_partial() -> None:
    summit = contact(BIDEN, PUTIN, BLINKEN, LAVROV, mode="meeting", date="2021-06-16")
    preds = [
        contact(BIDEN, PUTIN, mode="meeting", date="2021-06-16"),
        contact(PUTIN, LAVROV, BIDEN, BLINKEN, mode="meeting", date="2021-06-16"),
    ]
    result = match_contacts([summit], preds, M)
    assert result.pairs == ((0, 1),)
    assert result.spurious == (0,)


def test_closest_date_is_preferred() -> None:
    preds = [
        contact(BLINKEN, LAVROV, date="2022-07-30"),
        contact(BLINKEN, LAVROV, date="2022-07-29"),
        contact(BLINKEN, LAVROV, date=None),
    ]
    assert match_contacts([contact(BLINKEN, LAVROV)], preds, M).pairs == ((0, 1),)
    undated_last = match_contacts([contact(BLINKEN, LAVROV)], [preds[2], preds[0]], M)
    assert undated_last.pairs == ((0, 1),)


def gap(
    participants: list[Any],
    type_: str = "first_since",
    since: str | None = "2022-02-15",
) -> dict[str, Any]:
    return {"participants": participants, "type": type_, "since": since, "mode": "unspecified"}


def test_gap_claim_participant_strings() -> None:
    assert as_participant("RUS:defense minister") == {
        "name": None,
        "country": "RUS",
        "role": "defense minister",
    }
    assert as_participant("Lloyd Austin")["name"] == "Lloyd Austin"


def test_gap_claims_match_on_participants_type_and_since() -> None:
    gold = [gap(["Lloyd Austin", "RUS:defense minister"], "first_since", "2023-03")]
    pred = [
        gap(
            [
                person("Lloyd Austin", "USA"),
                {"name": "Sergei Shoigu", "country": "RUS", "office": "defense_minister"},
            ],
            "first_since",
            "2023-03-15",
        )
    ]
    assert match_gap_claims(gold, pred, M).pairs == ((0, 0),)
    wrong_type = [dict(pred[0], type="none_since")]
    assert match_gap_claims(gold, wrong_type, M).pairs == ()
    wrong_since = [dict(pred[0], since="2023-05")]
    assert match_gap_claims(gold, wrong_since, M).pairs == ()
    other_people = [gap(["Lloyd Austin", "RUS:foreign minister"], "first_since", "2023-03")]
    assert match_gap_claims(gold, other_people, M).pairs == ()


def test_gap_claim_null_since_agrees_only_with_null() -> None:
    gold = [gap(["Joe Biden", "Vladimir Putin"], "first_since", None)]
    assert match_gap_claims(gold, [gap(["Joe Biden", "Vladimir Putin"], since=None)], M).pairs
    assert not match_gap_claims(gold, [gap(["Joe Biden", "Vladimir Putin"], since="2021")], M).pairs
    dated = [gap(["Joe Biden", "Vladimir Putin"], since="2021-01")]
    assert not match_gap_claims(dated, [gap(["Joe Biden", "Vladimir Putin"], since=None)], M).pairs


def test_the_mode_of_a_gap_claim_is_not_matched() -> None:
    gold = [dict(gap(["Joe Biden", "Vladimir Putin"]), mode="phone")]
    pred = [dict(gap(["Joe Biden", "Vladimir Putin"]), mode="meeting")]
    assert match_gap_claims(gold, pred, M).pairs == ((0, 0),)


PEOPLE = [BLINKEN, LAVROV, BIDEN, PUTIN, person(None, "RUS", "Defense Minister")]
contacts = st.builds(
    lambda ps, status, mode, date: contact(*ps, status=status, mode=mode, date=date),
    st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=3, unique_by=id),
    st.sampled_from(["occurred", "planned"]),
    st.sampled_from(["phone", "meeting", "unspecified"]),
    st.sampled_from([None, "2022-07", "2022-07-29", "2022-07-30", "2022-08-02"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(contacts, max_size=5), st.lists(contacts, max_size=5))
def test_matching_is_one_to_one_and_accounts_for_every_item(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    result = match_contacts(gold, pred, M)
    gold_side = [g for g, _ in result.pairs] + list(result.missed)
    pred_side = [p for _, p in result.pairs] + list(result.spurious)
    assert sorted(gold_side) == list(range(len(gold)))
    assert sorted(pred_side) == list(range(len(pred)))


@settings(max_examples=60, deadline=None)
@given(st.lists(contacts, max_size=5))
def test_gold_matches_itself_completely(gold: list[dict[str, Any]]) -> None:
    result = match_contacts(gold, gold, M)
    assert not result.missed and not result.spurious
