"""Event resolution: merge rules, statuses, implied contacts, accounts, order independence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_fixtures import (
    ANTONOV,
    AUSTIN,
    BELOUSOV,
    BIDEN,
    BLINKEN,
    ERDOGAN,
    LAVROV,
    PUTIN,
    SHOIGU,
    TRUMP,
    Doc,
    office,
    store_docs,
)
from readouts.resolve import rebuild_ledger, resolve
from readouts.store import ledger as ledger_store


def _resolve(*docs: Doc):
    return resolve([d.item() for d in docs])


def _ledger(store):
    with store.transaction() as conn:
        return ledger_store.load_contacts(conn)


def test_two_outlets_one_call_is_one_event_with_both_sources():
    a = Doc("alpha", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    b = Doc("beta", "2022-07-30").mention([LAVROV, BLINKEN], date="2022-07-29")
    (event,) = _resolve(a, b)
    assert {s.doc_id for s in event.sources} == {a.id, b.id}
    assert event.outlets == 2
    assert event.date == "2022-07-29"
    (single,) = _resolve(a)
    assert single.outlets == 1
    assert event.confidence > single.confidence


def test_same_outlet_twice_counts_once():
    a = Doc("alpha", "2022-07-29", url="https://news.example.org/a")
    b = Doc("beta", "2022-07-29", url="https://www.news.example.org/b")
    a.mention([BLINKEN, LAVROV], date="2022-07-29")
    b.mention([BLINKEN, LAVROV], date="2022-07-29")
    (event,) = _resolve(a, b)
    assert len(event.sources) == 2 and event.outlets == 1


def test_requested_call_that_later_occurred_is_one_event():
    asked = Doc("asked", "2022-07-20").mention([BLINKEN, LAVROV], status="requested")
    held = Doc("held", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    (event,) = _resolve(held, asked)
    assert event.status == "occurred"
    assert event.status_history == ("requested", "occurred")
    assert event.date == "2022-07-29"


def test_a_late_request_report_does_not_undo_an_outcome():
    held = Doc("held", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    rehash = Doc("rehash", "2022-07-30").mention(
        [BLINKEN, LAVROV], status="requested", date="2022-07-29"
    )
    (event,) = _resolve(held, rehash)
    assert event.status == "occurred"
    assert event.status_history == ("occurred", "requested")


def test_planned_summit_that_was_cancelled():
    plan = Doc("plan", "2025-10-16").mention(
        [TRUMP, PUTIN], mode="meeting", status="planned", location="Budapest"
    )
    off = Doc("off", "2025-10-22").mention([TRUMP, PUTIN], mode="meeting", status="cancelled")
    (event,) = _resolve(plan, off)
    assert event.status == "cancelled"
    assert event.status_history == ("planned", "cancelled")
    assert event.location == "Budapest"


def test_different_calls_two_days_apart_stay_apart():
    a = Doc("alpha", "2022-07-28").mention([BLINKEN, LAVROV], date="2022-07-27")
    b = Doc("beta", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29")
    events = _resolve(a, b)
    assert [e.date for e in events] == ["2022-07-27", "2022-07-29"]


def test_consecutive_days_in_one_document_are_two_calls():
    a = Doc("alpha", "2022-07-30")
    a.mention([BLINKEN, LAVROV], date="2022-07-28").mention([BLINKEN, LAVROV], date="2022-07-29")
    assert len(_resolve(a)) == 2


def test_one_day_apart_across_time_zones_is_one_call():
    a = Doc("alpha", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-28")
    b = Doc("beta", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    b2 = Doc("gamma", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29")
    (event,) = _resolve(a, b, b2)
    assert event.date == "2022-07-29"  # the day most sources give
    assert any(c.startswith("date:") for c in event.conflicts)


def test_month_mention_joins_the_only_event_of_that_month():
    day = Doc("day", "2023-03-16").mention([AUSTIN, SHOIGU], date="2023-03-15")
    month = Doc("month", "2024-06-25").mention([AUSTIN, SHOIGU], date="2023-03")
    (event,) = _resolve(day, month)
    assert event.date == "2023-03-15" and len(event.sources) == 2


def test_month_mention_with_two_candidates_stays_its_own():
    one = Doc("one", "2023-03-03").mention([AUSTIN, SHOIGU], date="2023-03-02")
    two = Doc("two", "2023-03-21").mention([AUSTIN, SHOIGU], date="2023-03-20")
    vague = Doc("vague", "2024-06-25").mention([AUSTIN, SHOIGU], date="2023-03")
    assert len(_resolve(one, two, vague)) == 3


def test_undated_mention_joins_a_recent_event_only():
    dated = Doc("dated", "2022-05-13").mention([AUSTIN, SHOIGU], date="2022-05-13")
    soon = Doc("soon", "2022-05-16").mention([AUSTIN, SHOIGU])
    late = Doc("late", "2022-09-01").mention([AUSTIN, SHOIGU])
    events = _resolve(dated, soon, late)
    assert len(events) == 2
    joined = next(e for e in events if e.date)
    assert {s.doc_id for s in joined.sources} == {dated.id, soon.id}
    assert next(e for e in events if not e.date).confidence < joined.confidence


def test_different_modes_stay_apart_and_unspecified_joins():
    call = Doc("call", "2021-12-08").mention([BIDEN, PUTIN], mode="video", date="2021-12-07")
    meet = Doc("meet", "2021-12-08").mention([BIDEN, PUTIN], mode="meeting", date="2021-12-07")
    talk = Doc("talk", "2021-12-09").mention([BIDEN, PUTIN], mode="unspecified", date="2021-12-07")
    events = _resolve(call, meet, talk)
    assert sorted(e.mode for e in events) == ["meeting", "video"]
    assert sum(len(e.sources) for e in events) == 3


def test_summit_principals_join_the_delegations_but_a_trilateral_does_not():
    full = Doc("full", "2021-06-17").mention(
        [BIDEN, PUTIN, BLINKEN, LAVROV, ANTONOV], mode="meeting", date="2021-06-16"
    )
    pair = Doc("pair", "2021-06-16").mention(
        [BIDEN, PUTIN], mode="meeting", date="2021-06-16", location="Geneva"
    )
    tri = Doc("tri", "2021-06-16").mention(
        [BIDEN, PUTIN, ERDOGAN], mode="meeting", date="2021-06-16"
    )
    events = _resolve(full, pair, tri)
    assert len(events) == 2
    summit = next(e for e in events if len(e.sources) == 2)
    assert len(summit.participants) == 5 and summit.location == "Geneva"


def test_unnamed_office_matches_the_named_holder():
    named = Doc("named", "2024-06-25").mention([AUSTIN, BELOUSOV], date="2024-06-25")
    unnamed = Doc("unnamed", "2024-06-26").mention(
        [AUSTIN, office("RUS", "defense_minister")], date="2024-06-25"
    )
    (event,) = _resolve(named, unnamed)
    assert BELOUSOV in event.participants and len(event.participants) == 2


def test_merge_rules_duration_location_topics():
    a = Doc("a", "2022-07-29").mention(
        [BLINKEN, LAVROV], date="2022-07", topics=("prisoners",), initiator="USA"
    )
    b = Doc("b", "2022-07-29").mention(
        [BLINKEN, LAVROV], date="2022-07-29", duration_minutes=25, topics=("grain",)
    )
    c = Doc("c", "2022-07-30").mention(
        [BLINKEN, LAVROV], date="2022-07-29", topics=("grain",), initiator="RUS"
    )
    d = Doc("d", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29", initiator="USA")
    (event,) = _resolve(a, b, c, d)
    assert event.date == "2022-07-29"
    assert event.duration_minutes == 25
    assert event.topics == ("grain", "prisoners")
    assert event.initiator == "USA"
    assert any(x.startswith("initiator: USA (2 sources) vs RUS") for x in event.conflicts)


def test_first_since_claim_implies_an_earlier_contact():
    d = Doc("d", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    d.claim(
        [BLINKEN, LAVROV],
        "first_since",
        "2022-02-15",
        text="It was their first conversation since February 15.",
    )
    events = _resolve(d)
    implied = next(e for e in events if e.implied)
    assert implied.date == "2022-02-15" and implied.status == "occurred"
    assert [s.kind for s in implied.sources] == ["gap_claim"]
    assert implied.confidence < next(e for e in events if not e.implied).confidence


def test_claim_absorbed_by_a_reported_contact():
    old = Doc("old", "2022-02-15").mention([BLINKEN, LAVROV], date="2022-02-15")
    new = Doc("new", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    new.claim([BLINKEN, LAVROV], "first_since", "2022-02", text="the first call since February")
    events = _resolve(old, new)
    assert len(events) == 2 and not any(e.implied for e in events)
    feb = next(e for e in events if e.date == "2022-02-15")
    assert [s.kind for s in feb.sources] == ["mention", "gap_claim"]


def test_claims_that_imply_nothing():
    d = Doc("d", "2022-03-30")
    d.claim([BIDEN, PUTIN], "none_since", "2022-02", text="They have not spoken since February.")
    d.claim(
        [BIDEN, PUTIN], "first_since", "2021-01", text="the first meeting since Biden took office"
    )
    d.claim([BIDEN, PUTIN], "first_since", "2021-03", text="the first time in over a year")
    d.claim([BIDEN, PUTIN], "last_was", None)
    assert _resolve(d) == []


def test_accounts_attribute_statements_to_each_side():
    body = (
        "Blinken said he pressed Lavrov on the release of two detained Americans. "
        "The weather in Washington was mild. "
        "Lavrov told Blinken that sanctions were worsening the food crisis."
    )
    d = Doc("d", "2022-07-29", body=body).mention(
        [BLINKEN, LAVROV], date="2022-07-29", text="Blinken said he pressed Lavrov"
    )
    (event,) = _resolve(d)
    sides = {a.side: a for a in event.accounts}
    assert set(sides) == {"USA", "RUS"}
    assert sides["USA"].text.startswith("Blinken said he pressed")
    assert sides["RUS"].speaker == "Lavrov"


def test_event_ids_are_stable_and_distinct():
    a = Doc("alpha", "2022-07-28").mention([BLINKEN, LAVROV], date="2022-07-27")
    b = Doc("beta", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29")
    first = [e.id for e in _resolve(a, b)]
    assert first == [e.id for e in _resolve(b, a)]
    assert len(set(first)) == 2 and all(i.startswith("ev-") for i in first)


# Order independence: any order of any subset, and repeats, give the same ledger.

_PAIRS = [
    (BLINKEN, LAVROV),
    (AUSTIN, SHOIGU),
    (BIDEN, PUTIN, BLINKEN, LAVROV),
    (BIDEN, PUTIN),
    (PUTIN, ERDOGAN),
]
_DATES = [None, "2022", "2022-07", "2022-06-30", "2022-07-01", "2022-07-28", "2022-07-29"]
_DATES += ["2022-07-31", "2022-08-01"]
_mention = st.tuples(
    st.sampled_from(range(len(_PAIRS))),
    st.sampled_from(["phone", "meeting", "unspecified"]),
    st.sampled_from(["occurred", "requested", "planned", "cancelled"]),
    st.sampled_from(_DATES),
)
_doc = st.tuples(
    st.sampled_from(["2022-07-25", "2022-07-29", "2022-07-30", "2022-08-02"]),
    st.lists(_mention, min_size=1, max_size=3),
    st.sampled_from([None, "2022-07", "2022-02-15"]),
)


def _build(specs) -> list[Doc]:
    docs = []
    for n, (published, mentions, since) in enumerate(specs):
        d = Doc(f"gen{n}", published, url=f"https://outlet{n % 3}.example.com/{n}")
        for k, (pair, mode, status, date) in enumerate(mentions):
            # Each mention is followed by a statement, so accounts are exercised too.
            speaker = _PAIRS[pair][k % 2].name.split()[-1]
            text = f"Item {k}: they talked. {speaker} said the talks were useful."
            d.mention(_PAIRS[pair], mode=mode, status=status, date=date, text=text)
        if since:
            d.claim(_PAIRS[0], "first_since", since, text="the first call since then")
        docs.append(d)
    return docs


@settings(max_examples=40, deadline=None)
@given(st.lists(_doc, min_size=1, max_size=5), st.randoms(use_true_random=False))
def test_resolution_is_order_independent(specs, rnd):
    docs = _build(specs)
    expected = _resolve(*docs)
    shuffled = list(docs)
    rnd.shuffle(shuffled)
    assert _resolve(*shuffled) == expected
    assert _resolve(*shuffled, *docs) == expected  # seeing a document twice changes nothing


@settings(max_examples=30, deadline=None)
@given(st.lists(_doc, min_size=1, max_size=5))
def test_the_cluster_index_changes_nothing(specs):
    from readouts import resolve as module

    docs = _build(specs)
    indexed = _resolve(*docs)
    original = module._Channel.candidates
    module._Channel.candidates = lambda self, unit: self.clusters  # scan every cluster
    try:
        assert _resolve(*docs) == indexed
    finally:
        module._Channel.candidates = original


@settings(max_examples=15, deadline=None)
@given(st.lists(_doc, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_incremental_ledger_matches_a_full_rebuild(specs, rnd):
    from readouts.store import Store

    docs = _build(specs)
    with Store.open("sqlite://") as store:
        order = list(docs)
        rnd.shuffle(order)
        for d in order:  # one document per batch, in a random order
            store_docs(store, [d])
        incremental = _ledger(store)
        store_docs(store, order)  # ingesting again is a no-op
        assert _ledger(store) == incremental
        rebuild_ledger(store)
        assert _ledger(store) == incremental
    assert sorted(c.id for c in incremental) == sorted(c.id for c in _resolve(*docs))


def test_update_ledger_stores_and_replaces_events(store):
    a = Doc("alpha", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    store_docs(store, [a])
    (first,) = _ledger(store)
    assert first.outlets == 1
    b = Doc("beta", "2022-07-30").mention([BLINKEN, LAVROV], date="2022-07-29")
    other = Doc("other", "2022-05-13").mention([AUSTIN, SHOIGU], date="2022-05-13")
    store_docs(store, [b, other])
    events = _ledger(store)
    assert len(events) == 2
    call = next(e for e in events if e.date == "2022-07-29")
    assert call.id == first.id and call.outlets == 2


def test_a_ledger_never_built_is_built_whole(store):
    from readouts.resolve import update_ledger

    old = Doc("old", "2022-05-14").mention([AUSTIN, SHOIGU], date="2022-05-13")
    store_docs(store, [old], update=False)  # stored before the ledger existed
    new = Doc("new", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-07-29")
    store_docs(store, [new], update=False)
    update_ledger(store, [new.id])
    assert {e.date for e in _ledger(store)} == {"2022-05-13", "2022-07-29"}


def test_bad_dates_and_lone_participants_do_not_break_resolution():
    d = Doc("d", "2022-07-29").mention([BLINKEN, LAVROV], date="2022-13-45")
    d.mention([BLINKEN], date="2022-07-29")  # one participant: no contact
    d.claim([BLINKEN, LAVROV], "last_was", "July 2022", text="they last spoke in July")
    (event,) = _resolve(d)
    assert event.date is None and len(event.participants) == 2


def test_accounts_stay_with_the_contact_they_follow():
    body = (
        "Blinken spoke with Lavrov by phone on Friday. "
        "Blinken said he raised the detained Americans with Lavrov. "
        "Separately, Austin held a call with Shoigu on Friday. "
        "Austin said he urged Shoigu to keep channels open. "
        "The two men last met in Geneva in 2021, when Biden and Putin held a summit. "
        "Putin said at the time that the talks with Biden were constructive."
    )
    d = Doc("d", "2022-07-29", body=body)
    d.mention([BLINKEN, LAVROV], date="2022-07-29", text="Blinken spoke with Lavrov by phone")
    d.mention([AUSTIN, SHOIGU], date="2022-07-29", text="Austin held a call with Shoigu")
    d.mention([BIDEN, PUTIN], mode="meeting", date="2021", text="Biden and Putin held a summit")
    events = {e.participants[1].name: e for e in _resolve(d)}
    assert [a.speaker for a in events["Antony Blinken"].accounts] == ["Blinken"]
    assert [a.speaker for a in events["Lloyd Austin"].accounts] == ["Austin"]
    assert events["Joe Biden"].accounts == ()  # a contact recalled in passing


def test_the_speaker_nearest_the_verb_decides_the_side():
    from readouts.resolve_accounts import side_of

    assert side_of("Lavrov's remarks came a day after Blinken", [BLINKEN, LAVROV]) == "USA"
    assert side_of("Blinken's counterpart Lavrov", [BLINKEN, LAVROV]) == "RUS"
    assert side_of("a spokesman for the zoo", [BLINKEN, LAVROV]) is None


def test_speaker_phrases():
    from readouts.resolve_accounts import _speaker

    said = "The Russian Foreign Ministry issued a statement which says Lavrov told Blinken to wait."
    assert _speaker(said) == ("The Russian Foreign Ministry", "says")
    assert _speaker('"It was useful," a State Department official said.')[0] == (
        "a State Department official"
    )
    assert _speaker("But while Mr. Kerry emphasized the need for talks, Lavrov")[0] == "Mr. Kerry"
    assert _speaker("According to the Kremlin, the call was businesslike.")[0] == "the Kremlin"
    assert _speaker("The two men met in Geneva.") is None


def test_offices_are_read_through_the_registry(monkeypatch):
    from types import SimpleNamespace

    from readouts import resolve_units
    from readouts.records import Participant

    class FakeRegistry:
        def person(self, person_id):
            offices = {"sergei-shoigu": ["defense_minister", "national_security_adviser"]}
            return SimpleNamespace(tenures=[SimpleNamespace(office=o) for o in offices[person_id]])

        def holder(self, country, office, on=None):
            if (country, office) == ("RUS", "defense_minister"):
                return SimpleNamespace(id="sergei-shoigu", name="Sergei Shoigu")
            return None

    monkeypatch.setattr(resolve_units, "optional_registry", lambda: FakeRegistry())
    resolve_units._ever_held.cache_clear()
    try:
        # The article resolved Shoigu to the office he held on its own date.
        later = Participant(
            "Sergei Shoigu", "sergei-shoigu", "Sergei Shoigu", "RUS", "national_security_adviser"
        )
        reported = Doc("r", "2024-06-25").mention([AUSTIN, later], date="2023-03")
        claimed = Doc("c", "2024-06-26").claim(
            [AUSTIN, Participant("defense minister", country="RUS", office="defense_minister")],
            "first_since",
            "2023-03",
            mode="phone",
            text="It was Austin's first call with a Russian counterpart since March 2023.",
        )
        (event,) = _resolve(reported, claimed)
        assert [s.kind for s in event.sources] == ["mention", "gap_claim"]
        assert resolve_units.claim_participants(claimed.claims[0])[1].name == "Sergei Shoigu"
        # The article's own contact lent the claim its participants; the claim names only Austin.
        lent = Doc("lent", "2024-06-26").claim(
            [AUSTIN, BELOUSOV], "first_since", "2023-03", text="Austin's first such call in a year"
        )
        assert resolve_units.claim_participants(lent.claims[0])[1].name == "Sergei Shoigu"
        unnamed = Participant(country="RUS", office="defense_minister")
        assert resolve_units.same_participant(unnamed, later)
        assert not resolve_units.same_participant(Participant(country="RUS", office="envoy"), later)
    finally:
        resolve_units._ever_held.cache_clear()


def test_a_documents_mention_is_listed_before_its_claim():
    d = Doc("d", "2024-06-25").mention([AUSTIN, SHOIGU], date="2023-03")
    d.claim([AUSTIN, SHOIGU], "last_was", "2023-03", text="They last spoke in March 2023.")
    (event,) = _resolve(d)
    assert [s.kind for s in event.sources] == ["mention", "gap_claim"]


def test_a_new_document_can_split_an_event(store):
    early = Doc("early", "2023-03-03").mention([AUSTIN, SHOIGU], date="2023-03-02")
    vague = Doc("vague", "2024-06-25").mention([AUSTIN, SHOIGU], date="2023-03")
    store_docs(store, [early, vague])
    (merged,) = _ledger(store)
    assert len(merged.sources) == 2
    late = Doc("late", "2023-03-21").mention([AUSTIN, SHOIGU], date="2023-03-20")
    store_docs(store, [late])  # now "in March" could be either call
    events = _ledger(store)
    assert len(events) == 3 and all(len(e.sources) == 1 for e in events)
    assert merged.id in {e.id for e in events}


def test_an_undated_report_does_not_open_the_status_history():
    plan = Doc("plan", "2021-05-25").mention(
        [BIDEN, PUTIN], mode="meeting", status="planned", date="2021-06-16"
    )
    held = Doc("held", "2021-06-16").mention([BIDEN, PUTIN], mode="meeting", date="2021-06-16")
    undated = Doc("undated", None).mention([BIDEN, PUTIN], mode="meeting")
    (event,) = _resolve(plan, held, undated)
    assert len(event.sources) == 3
    # Not "occurred → planned → occurred": the undated report is no earlier than the plan.
    assert event.status_history == ("planned", "occurred")


def test_an_undated_outcome_that_decides_the_status_ends_the_history():
    plan = Doc("plan", "2025-10-16").mention(
        [TRUMP, PUTIN], mode="meeting", status="planned", date="2025-11"
    )
    off = Doc("off", None).mention([TRUMP, PUTIN], mode="meeting", status="cancelled")
    (event,) = _resolve(plan, off)
    assert event.status == "cancelled"
    assert event.status_history == ("planned", "cancelled")


def test_a_statement_that_reads_and_an_aside_before_the_verb():
    from readouts.resolve_accounts import _speaker

    reads = "A Kremlin statement, however, reads: the two ministers spoke at length."
    assert _speaker(reads) == ("A Kremlin statement", "reads")
    # A clause between the speaker and the verb is not skipped: no guessing inside it.
    assert _speaker("Putin, meeting Biden in Geneva, said the talks went well.") == ("", "said")
