"""Tests for readouts.records: every record survives as_dict → JSON → from_dict unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.records import (
    GAP_TYPES,
    MODES,
    STATUSES,
    ZONE_NAMES,
    Account,
    Contact,
    Document,
    Evidence,
    Extraction,
    GapClaim,
    Mention,
    Participant,
    Source,
    Zone,
)

TEXT = st.text(max_size=20)
OPT_TEXT = st.none() | TEXT
DATES = st.none() | st.sampled_from(["2022", "2022-03", "2022-03-10", "2024-06-25"])
TEXTS = st.lists(TEXT, max_size=3).map(tuple)


def tuples(items: st.SearchStrategy[Any], size: int = 2) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(items, max_size=size).map(tuple)


zones = st.builds(Zone, name=st.sampled_from(ZONE_NAMES), text=TEXT)
documents = st.builds(
    Document,
    id=TEXT,
    body=TEXT,
    raw=TEXT,
    title=OPT_TEXT,
    published=DATES,
    published_inferred=st.booleans(),
    url=OPT_TEXT,
    author=OPT_TEXT,
    source=TEXT,
    format=st.sampled_from(["text", "html", "jsonl", "warc", "rss"]),
    external_id=OPT_TEXT,
    zones=tuples(zones, 3),
)
evidence = st.builds(
    Evidence, doc_id=TEXT, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=TEXT
)
participants = st.builds(
    Participant,
    text=OPT_TEXT,
    person_id=OPT_TEXT,
    name=OPT_TEXT,
    country=st.none() | st.sampled_from(["USA", "RUS", "UKR", "UN"]),
    office=OPT_TEXT,
    role=OPT_TEXT,
)
# What a mention and a ledger contact both say about the event.
EVENT_FIELDS: dict[str, st.SearchStrategy[Any]] = dict(
    participants=tuples(participants, 3),
    mode=st.sampled_from(MODES),
    status=st.sampled_from(STATUSES),
    date=DATES,
    location=OPT_TEXT,
    duration_minutes=st.none() | st.integers(0, 10_000),
    initiator=OPT_TEXT,
    topics=TEXTS,
)
mentions = st.builds(
    Mention,
    doc_id=TEXT,
    **EVENT_FIELDS,
    evidence=tuples(evidence),
)
gap_claims = st.builds(
    GapClaim,
    doc_id=TEXT,
    participants=tuples(participants),
    type=st.sampled_from(GAP_TYPES),
    mode=st.sampled_from(MODES),
    since=DATES,
    evidence=tuples(evidence),
)
extractions = st.builds(
    Extraction,
    doc_id=TEXT,
    mentions=tuples(mentions),
    gap_claims=tuples(gap_claims),
    published=DATES,
    published_inferred=st.booleans(),
)
sources = st.builds(
    Source,
    doc_id=TEXT,
    outlet=OPT_TEXT,
    published=DATES,
    status=st.none() | st.sampled_from(STATUSES),
    date=DATES,
    evidence=tuples(evidence),
    kind=st.sampled_from(["mention", "gap_claim"]),
)
accounts = st.builds(Account, side=TEXT, speaker=OPT_TEXT, text=TEXT, doc_id=TEXT)
contacts = st.builds(
    Contact,
    id=TEXT,
    **EVENT_FIELDS,
    sources=tuples(sources),
    outlets=st.integers(0, 50),
    confidence=st.floats(0, 1),
    implied=st.booleans(),
    accounts=tuples(accounts),
    conflicts=TEXTS,
    status_history=tuples(st.sampled_from(STATUSES), 3),
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Zone: zones,
    Document: documents,
    Evidence: evidence,
    Participant: participants,
    Mention: mentions,
    GapClaim: gap_claims,
    Extraction: extractions,
    Source: sources,
    Account: accounts,
    Contact: contacts,
}


def _only_json_types(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_json_types(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_only_json_types(v) for v in value)
    return value is None or isinstance(value, str | int | float | bool)


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda c: c.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_record_round_trips_through_json(cls: Any, data: st.DataObject) -> None:
    record = data.draw(STRATEGIES[cls])
    d = record.as_dict()
    assert _only_json_types(d)  # tuples became lists, nested records became dicts
    back = cls.from_dict(json.loads(json.dumps(d)))
    assert back == record
    assert type(back) is cls
    assert back.as_dict() == d


def test_as_dict_shape_is_fields_in_order_with_lists_and_nested_dicts() -> None:
    zelensky = Participant(text="Zelensky", person_id="ukr-zelensky", country="UKR")
    ev = Evidence(doc_id="d1", start=0, end=8, text="Zelensky")
    mention = Mention(doc_id="d1", participants=(zelensky,), topics=("grain",), evidence=(ev,))
    d = mention.as_dict()
    assert list(d) == [
        "doc_id",
        "participants",
        "mode",
        "status",
        "date",
        "location",
        "duration_minutes",
        "initiator",
        "topics",
        "evidence",
    ]
    assert d["participants"] == [
        {
            "text": "Zelensky",
            "person_id": "ukr-zelensky",
            "name": None,
            "country": "UKR",
            "office": None,
            "role": None,
        }
    ]
    assert d["topics"] == ["grain"]
    assert d["evidence"] == [{"doc_id": "d1", "start": 0, "end": 8, "text": "Zelensky"}]
    ex = Extraction(doc_id="d1", mentions=(mention,))
    assert ex.as_dict() == {
        "doc_id": "d1",
        "mentions": [d],
        "gap_claims": [],
        "published": None,
        "published_inferred": False,
    }


def test_from_dict_fills_defaults_and_ignores_unknown_keys() -> None:
    assert Mention.from_dict({"doc_id": "d1", "extra": 1}) == Mention(doc_id="d1", participants=())
    assert Contact.from_dict({"id": "c1", "topics": None, "sources": None}) == Contact(
        id="c1", participants=()
    )
    assert Participant.from_dict({}) == Participant()
    # An account may omit its speaker (the side spoke without a named official).
    assert Account.from_dict({"side": "USA", "text": "t", "doc_id": "d"}).speaker is None
    # Stored extractions may hold 0/1 or null for the flag; it reads back as a bool.
    assert Extraction.from_dict({"doc_id": "d", "published_inferred": 1}).published_inferred is True
    assert (
        Extraction.from_dict({"doc_id": "d", "published_inferred": None}).published_inferred
        is False
    )


def test_from_dict_keeps_records_already_built() -> None:
    ev = Evidence(doc_id="d", start=1, end=2, text="x")
    assert Source.from_dict({"doc_id": "d", "evidence": [ev]}).evidence == (ev,)


@pytest.mark.parametrize(
    ("cls", "d", "missing"),
    [
        (Zone, {"name": "bio"}, "text"),
        (Document, {"id": "x", "body": "b"}, "raw"),
        (GapClaim, {"doc_id": "d", "participants": []}, "type"),
        (Account, {"side": "USA", "doc_id": "d"}, "text"),
    ],
)
def test_from_dict_names_a_missing_required_key(cls: Any, d: dict[str, Any], missing: str) -> None:
    with pytest.raises(KeyError, match=missing):
        cls.from_dict(d)
