"""Gap-claim verdicts against the ledger: consistent, contradicted, unverifiable."""

from __future__ import annotations

from ledger_fixtures import AUSTIN, BELOUSOV, BIDEN, PUTIN, SHOIGU, Doc, store_docs
from readouts.claims import verdicts
from readouts.records import Participant


def _verdict(store, doc: Doc):
    (v,) = [v for v in verdicts(store) if v.claim.doc_id == doc.id]
    return v


def test_consistent_when_the_earlier_contact_is_reported_and_nothing_between(store):
    old = Doc("old", "2023-03-16").mention([AUSTIN, SHOIGU], date="2023-03-15")
    new = Doc("new", "2024-06-25").mention([AUSTIN, BELOUSOV], date="2024-06-25")
    # The claim names the office; the extractor resolved it to today's holder.
    role = Participant(
        text="his Russian counterpart",
        person_id="andrei-belousov",
        name="Andrei Belousov",
        country="RUS",
        office="defense_minister",
    )
    new.claim([AUSTIN, role], "first_since", "2023-03", mode="phone", text="first since March")
    store_docs(store, [old, new])
    v = _verdict(store, new)
    assert v.verdict == "consistent"
    (march,) = [e for e in _events(store) if e.date == "2023-03-15"]
    assert v.event_id == march.id


def test_contradicted_names_the_contact_in_between(store):
    old = Doc("old", "2021-06-17").mention([BIDEN, PUTIN], mode="meeting", date="2021-06-16")
    mid = Doc("mid", "2021-12-08").mention([BIDEN, PUTIN], mode="video", date="2021-12-07")
    claim = Doc("claim", "2022-03-30").claim(
        [BIDEN, PUTIN], "none_since", "2021-06", text="They have not talked since last June."
    )
    store_docs(store, [old, mid, claim])
    v = _verdict(store, claim)
    assert v.verdict == "contradicted"
    (december,) = [e for e in _events(store) if e.date == "2021-12-07"]
    assert v.event_id == december.id
    assert v.reason == "a video contact on 2021-12-07 falls between 2021-06 and 2022-03-30"


def test_mode_restricts_what_contradicts(store):
    mid = Doc("mid", "2021-12-08").mention([BIDEN, PUTIN], mode="video", date="2021-12-07")
    old = Doc("old", "2021-06-17").mention([BIDEN, PUTIN], mode="phone", date="2021-06-10")
    claim = Doc("claim", "2022-03-30").claim(
        [BIDEN, PUTIN], "none_since", "2021-06", mode="phone", text="no phone call since June"
    )
    store_docs(store, [old, mid, claim])
    v = _verdict(store, claim)
    assert v.verdict == "consistent"
    assert (
        v.reason
        == "the ledger has a phone contact on 2021-06-10 and none after it before 2022-03-30"
    )


def test_the_documents_own_new_contact_does_not_contradict(store):
    d = Doc("d", "2022-05-19").mention([AUSTIN, SHOIGU], date="2022-05-13")
    d.claim([AUSTIN, SHOIGU], "first_since", "2022-02-18", text="the first call since Feb. 18")
    store_docs(store, [d])
    v = _verdict(store, d)
    assert v.verdict == "unverifiable"  # only the claim itself vouches for 18 February


def test_unverifiable_without_a_date_or_a_known_contact(store):
    undated = Doc("undated", "2021-06-17").claim(
        [BIDEN, PUTIN], "first_since", None, mode="meeting", text="first since he took office"
    )
    unknown = Doc("unknown", "2022-07-29").claim(
        [AUSTIN, SHOIGU], "none_since", "2022-02", text="no contact since February"
    )
    store_docs(store, [undated, unknown])
    assert _verdict(store, undated).verdict == "unverifiable"
    assert "no date" in _verdict(store, undated).reason
    assert _verdict(store, unknown).verdict == "unverifiable"
    assert _verdict(store, unknown).as_dict()["verdict"] == "unverifiable"
    # A none_since claim is checked against contacts up to its date, and says so.
    assert _verdict(store, unknown).reason == (
        "the ledger reports no contact on or before 2022-02 to compare"
    )


def _events(store):
    from readouts.query import contacts

    return contacts(store)
