"""Assembling a document's mentions: merging, later stages, inherited dates, gap claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.extract.document import drop_superseded, settle_gaps
from readouts.extract.mentions import assemble, compatible, dates_agree, inherit_dates, merge
from readouts.records import Evidence, GapClaim, Mention, Participant

BLINKEN = Participant("Blinken", "antony-blinken", "Antony Blinken", "USA", "foreign_minister")
LAVROV = Participant("Lavrov", "sergey-lavrov", "Sergey Lavrov", "RUS", "foreign_minister")
BIDEN = Participant("Biden", "joe-biden", "Joe Biden", "USA", "head_of_state")
PUTIN = Participant("Putin", "vladimir-putin", "Vladimir Putin", "RUS", "head_of_state")
RUS_FM = Participant("the Russian foreign minister", None, None, "RUS", "foreign_minister")


def mention(*people: Participant, at: int = 0, **kw: object) -> Mention:
    text = f"sentence {at}"
    ev = (Evidence("d", at, at + len(text), text),)
    return Mention("d", tuple(people), evidence=ev, **kw)  # type: ignore[arg-type]


def test_repeats_merge_into_one_mention_keeping_every_evidence_and_detail() -> None:
    a = mention(BLINKEN, LAVROV, at=0, mode="unspecified", date="2022-07-29")
    b = mention(LAVROV, BLINKEN, at=50, mode="phone", duration_minutes=25)
    [m] = assemble([a, b])
    assert (m.mode, m.date, m.duration_minutes) == ("phone", "2022-07-29", 25)
    assert [e.start for e in m.evidence] == [0, 50]


def test_different_people_or_dates_stay_apart() -> None:
    a = mention(BLINKEN, LAVROV, date="2022-07-29")
    assert not compatible(a, mention(BIDEN, PUTIN, date="2022-07-29"))
    assert not compatible(a, mention(BLINKEN, LAVROV, date="2022-02-15"))
    assert not compatible(a, mention(BLINKEN, LAVROV, date="2022-07-29", status="planned"))
    assert not compatible(
        mention(BLINKEN, LAVROV, mode="phone"), mention(BLINKEN, LAVROV, mode="video")
    )


def test_an_office_reference_merges_with_its_holder() -> None:
    [m] = assemble([mention(BLINKEN, RUS_FM), mention(BLINKEN, LAVROV)])
    assert {p.name for p in m.participants} == {"Antony Blinken", "Sergey Lavrov"}


def test_a_plan_then_its_cancellation_is_one_cancelled_contact() -> None:
    [m] = assemble(
        [mention(BIDEN, PUTIN, status="planned"), mention(BIDEN, PUTIN, status="cancelled")]
    )
    assert m.status == "cancelled"
    [r] = assemble(
        [mention(BIDEN, PUTIN, status="requested"), mention(BIDEN, PUTIN, status="planned")]
    )
    assert r.status == "requested"


def test_an_undated_mention_inherits_the_date_of_the_same_event() -> None:
    dated = mention(BIDEN, PUTIN, mode="meeting", date="2021-06-16")
    with_aides = mention(BIDEN, PUTIN, BLINKEN, LAVROV, mode="meeting")
    out = inherit_dates([dated, with_aides])
    assert out[1].date == "2021-06-16"
    phone = mention(BIDEN, PUTIN, BLINKEN, mode="phone")
    assert inherit_dates([dated, phone])[1].date is None


def test_not_spoken_since_is_dropped_when_a_later_contact_is_reported() -> None:
    never = Mention(
        "d",
        (BIDEN, PUTIN),
        status="not_occurred",
        evidence=(Evidence("d", 0, 60, "Biden has not spoken with Putin since February 24, 2022"),),
    )
    older = mention(BIDEN, PUTIN, date="2021-12-07")
    assert drop_superseded([never, older], "2022-03-30") == [never, older]
    newer = mention(BIDEN, PUTIN, date="2022-03-29")
    assert drop_superseded([never, newer], "2022-03-30") == [newer]


def test_repeated_gap_claims_keep_the_most_precise_since() -> None:
    ev = (Evidence("d", 0, 10, "first since"),)
    rough = GapClaim("d", (BLINKEN, LAVROV), "first_since", since="2022-02", evidence=ev)
    fine = GapClaim("d", (BLINKEN, LAVROV), "first_since", since="2022-02-15", evidence=ev)
    lone = GapClaim("d", (BLINKEN,), "first_since", since="2022-02", evidence=ev)
    [g] = settle_gaps([rough, fine, lone], [])
    assert g.since == "2022-02-15"


def test_merge_keeps_first_values() -> None:
    a = mention(BLINKEN, LAVROV, location="Geneva", initiator="USA")
    b = mention(BLINKEN, LAVROV, location="Vienna", initiator="RUS", topics=("ukraine",))
    m = merge(a, b)
    assert (m.location, m.initiator, m.topics) == ("Geneva", "USA", ("ukraine",))


DAYS = st.dates().map(lambda d: d.isoformat())


@given(DAYS)
def test_a_day_agrees_with_its_month_and_year(day: str) -> None:
    assert dates_agree(day, day[:7]) and dates_agree(day[:4], day) and dates_agree(None, day)


@given(DAYS, DAYS)
def test_date_agreement_is_symmetric(a: str, b: str) -> None:
    assert dates_agree(a, b) == dates_agree(b, a)


_VOCAB = (
    "Putin Biden Xi Lavrov Blinken the Russian defense minister his counterpart met spoke "
    "call phone talks summit letter with and on Friday since February first not will "
    "declined cancelled , . the two men they he in Geneva"
)
WORDS = st.sampled_from(_VOCAB.split(" "))


@settings(max_examples=25, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_any_text_extracts_without_error_and_with_true_evidence(text: str) -> None:
    from readouts.clean import make_document
    from readouts.extract import extract_document

    doc = make_document(text, fmt="text", source="t", published="2022-07-29")
    ex = extract_document(doc)
    for m in ex.mentions:
        assert len({p.country for p in m.participants}) >= 2
        for e in m.evidence:
            assert doc.body[e.start : e.end] == e.text


def test_a_merged_contact_keeps_the_city_over_its_country() -> None:
    from dataclasses import replace

    from readouts.extract.mentions import merge
    from readouts.records import Mention

    base = Mention(doc_id="d", participants=(), mode="meeting", status="occurred")
    assert merge(replace(base, location="Japan"), replace(base, location="Kyoto")).location == (
        "Kyoto"
    )
    assert merge(replace(base, location="Kyoto"), replace(base, location="Japan")).location == (
        "Kyoto"
    )
