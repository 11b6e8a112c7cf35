"""Contact extraction: one test per construction, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import names, only, run
from readouts.clean import make_document
from readouts.extract import EXTRACTOR_VERSION, extract_document
from readouts.records import Document, Zone

# --- statuses ---------------------------------------------------------------


def test_occurred_call_is_dated_by_the_weekday() -> None:
    m = only(
        "Secretary of State Antony Blinken spoke by phone with Russian Foreign Minister "
        "Sergey Lavrov on Friday.",
        "2022-07-30",
    )
    assert names(m) == {"Antony Blinken", "Sergey Lavrov"}
    assert {p.country for p in m.participants} == {"USA", "RUS"}
    assert (m.status, m.mode, m.date) == ("occurred", "phone", "2022-07-29")


def test_future_meeting_is_planned() -> None:
    m = only("Sergey Lavrov is expected to meet Antony Blinken in Geneva next week.", "2022-01-14")
    assert (m.status, m.mode) == ("planned", "meeting")


def test_will_meet_is_planned() -> None:
    m = only("Vladimir Putin will meet Recep Tayyip Erdogan in Sochi on Monday.", "2021-09-25")
    assert m.status == "planned"
    assert names(m) == {"Vladimir Putin", "Recep Tayyip Erdogan"}


def test_proposed_call_is_requested() -> None:
    m = only("Antony Blinken has proposed a phone call with Sergey Lavrov.", "2022-02-12")
    assert (m.status, m.mode) == ("requested", "phone")


def test_ignored_calls_are_an_unanswered_request() -> None:
    m = only(
        "Russian Defense Minister Sergei Shoigu is ignoring phone calls from Chuck Hagel.",
        "2014-04-25",
    )
    assert (m.status, m.mode) == ("requested", "phone")


def test_refused_calls_are_declined() -> None:
    m = only(
        "In March, Russian Defense Minister Sergei Shoigu refused to take calls from Lloyd Austin.",
        "2022-05-14",
    )
    assert (m.status, m.mode, m.date) == ("declined", "phone", "2022-03")
    assert names(m) == {"Sergei Shoigu", "Lloyd Austin"}


def test_declined_calls_from_two_people_are_two_refusals() -> None:
    ex = run(
        "The Russian defense minister declined calls from General Mark Milley as well as "
        "Secretary Lloyd Austin.",
        "2022-03-20",
    )
    pairs = sorted(sorted(str(n) for n in names(m)) for m in ex.mentions)
    assert pairs == [["Lloyd Austin", "Sergei Shoigu"], ["Mark Milley", "Sergei Shoigu"]]
    assert {m.status for m in ex.mentions} == {"declined"}


def test_called_off_summit_is_cancelled() -> None:
    m = only(
        "President Donald Trump called off his planned summit with Kim Jong Un in Singapore.",
        "2018-05-24",
    )
    assert (m.status, m.mode) == ("cancelled", "meeting")
    assert names(m) == {"Donald Trump", "Kim Jong Un"}


def test_summit_that_is_off_is_cancelled() -> None:
    m = only(
        "President Donald Trump said the Budapest summit with Vladimir Putin was off.",
        "2025-10-22",
    )
    assert m.status == "cancelled"


def test_still_not_spoken_is_not_occurred_and_undated() -> None:
    m = only("Joe Biden has still not spoken with Vladimir Putin.", "2022-07-29")
    assert (m.status, m.date) == ("not_occurred", None)


def test_reported_speech_of_a_past_call_stays_occurred() -> None:
    m = only(
        "The Kremlin said that Vladimir Putin had held a phone call with Emmanuel Macron.",
        "2025-07-02",
    )
    assert m.status == "occurred"


# --- modes ------------------------------------------------------------------


def test_video_call() -> None:
    m = only("Joe Biden and Vladimir Putin held a two-hour video call on Tuesday.", "2021-12-08")
    assert (m.mode, m.date) == ("video", "2021-12-07")


def test_meeting_with_place() -> None:
    m = only(
        "John Kerry met Russian Foreign Minister Sergey Lavrov in Sochi on Tuesday.", "2015-05-13"
    )
    assert (m.mode, m.date) == ("meeting", "2015-05-12")


def test_letter() -> None:
    m = only(
        "President Donald Trump sent a letter to North Korean leader Kim Jong Un on Thursday.",
        "2018-05-25",
    )
    assert (m.mode, m.status) == ("letter", "occurred")
    assert names(m) == {"Donald Trump", "Kim Jong Un"}


def test_talks_without_medium_are_unspecified() -> None:
    m = only(
        "Russian President Vladimir Putin and US President Joe Biden talked about prisoner "
        "exchanges on Friday.",
        "2022-07-30",
    )
    assert m.mode == "unspecified"
    # Who they talked about is a topic, not a participant.
    assert names(m) == {"Vladimir Putin", "Joe Biden"}


# --- participants -----------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "minister"),
    [("2022-05-14", "Sergei Shoigu"), ("2024-06-26", "Andrei Belousov")],
)
def test_role_only_reference_resolves_on_the_event_date(published: str, minister: str) -> None:
    m = only("The Russian defense minister spoke with Lloyd Austin on Tuesday.", published)
    assert names(m) == {minister, "Lloyd Austin"}


def test_his_counterpart_takes_the_other_participants_office() -> None:
    m = only("Lloyd Austin spoke with his Russian counterpart by phone on Tuesday.", "2024-06-26")
    assert names(m) == {"Lloyd Austin", "Andrei Belousov"}
    assert {p.office for p in m.participants} == {"defense_minister"}


def test_the_two_men_are_the_people_named_before() -> None:
    m = only(
        "John Kerry flew to Sochi to see Sergey Lavrov, and the two men met on Tuesday.",
        "2015-05-13",
    )
    assert names(m) == {"John Kerry", "Sergey Lavrov"}
    assert m.date == "2015-05-12"


def test_pronoun_takes_the_person_named_before() -> None:
    m = only(
        "Antony Blinken told reporters that he had held a call with Sergey Lavrov.",
        "2022-07-29",
    )
    assert names(m) == {"Antony Blinken", "Sergey Lavrov"}


def test_same_country_is_not_a_contact() -> None:
    assert (
        run("Vladimir Putin met Sergei Shoigu in the Kremlin on Friday.", "2022-05-14").mentions
        == ()
    )


# --- documents --------------------------------------------------------------


def test_a_repeated_contact_is_one_mention_with_all_evidence() -> None:
    text = (
        "Antony Blinken spoke with Sergey Lavrov by phone on Friday. "
        "The call between Blinken and Lavrov lasted about 25 minutes."
    )
    ex = run(text, "2022-07-30")
    assert len(ex.mentions) == 1
    m = ex.mentions[0]
    assert len(m.evidence) == 2
    for e in m.evidence:
        assert text[e.start : e.end] == e.text


def test_first_since_sentence_does_not_date_the_new_call_by_the_old_one() -> None:
    ex = run(
        "Antony Blinken spoke with Sergey Lavrov on Friday. "
        "It was the first time Blinken had spoken with Lavrov since February.",
        "2022-07-30",
    )
    assert [m.date for m in ex.mentions] == ["2022-07-29"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia imposed new sanctions on Antony Blinken on Friday.",
        "Antony Blinken criticised Sergey Lavrov at a press conference on Friday.",
        "Joe Biden warned Vladimir Putin in a speech that an invasion would be costly.",
        "It was planned that Vladimir Putin, then Joe Biden, would speak to the press.",
        "This was the third time that Joe Biden and Xi Jinping have spoken this year.",
    ],
)
def test_non_contacts_are_not_extracted(text: str) -> None:
    assert run(text, "2022-07-29").mentions == ()


def test_the_comments_zone_is_never_read() -> None:
    body = "The weather in Geneva was mild on Friday."
    doc = Document(
        id="d1",
        body=body,
        raw=body,
        published="2021-06-18",
        zones=(Zone("comments", "Joe Biden met Vladimir Putin in Geneva on Wednesday."),),
    )
    assert extract_document(doc).mentions == ()


def test_evidence_offsets_point_into_the_body() -> None:
    text = "Markets were calm.\n\nJoe Biden met Vladimir Putin in Geneva on Wednesday."
    doc = make_document(text, fmt="text", source="t", published="2021-06-17")
    m = extract_document(doc).mentions[0]
    e = m.evidence[0]
    assert doc.body[e.start : e.end] == e.text
    assert e.doc_id == doc.id


def test_extraction_carries_version_and_publication() -> None:
    ex = run("Joe Biden met Vladimir Putin in Geneva on Wednesday.", "2021-06-17")
    assert ex.published == "2021-06-17"
    assert not ex.published_inferred
    assert EXTRACTOR_VERSION


def test_an_undated_role_is_no_one_in_particular() -> None:
    doc = Document(
        id="d2",
        body="The Russian defense minister spoke with Lloyd Austin by phone.",
        raw="",
    )
    ex = extract_document(doc)
    [m] = ex.mentions
    russian = next(p for p in m.participants if p.country == "RUS")
    assert (russian.name, russian.office) == (None, "defense_minister")
