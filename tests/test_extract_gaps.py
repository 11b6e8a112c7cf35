"""Gap claims: first_since, none_since and last_was, with their dates and evidence."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from readouts.dates import validate
from readouts.extract.gaps import find_gap_claims
from readouts.records import GAP_TYPES, MODES, GapClaim, Participant

AUSTIN = Participant(text="Austin", name="Lloyd Austin", country="USA")
SHOIGU = Participant(text="Shoigu", name="Sergei Shoigu", country="RUS")
PEOPLE = (AUSTIN, SHOIGU)


def claims(sentence: str, published: str | None, mode: str = "unspecified") -> list[GapClaim]:
    return find_gap_claims(sentence, 100, "doc1", PEOPLE, published, mode)


def one(sentence: str, published: str | None, mode: str = "unspecified") -> GapClaim:
    found = claims(sentence, published, mode)
    assert len(found) == 1, found
    return found[0]


# --- first_since ------------------------------------------------------------------


def test_first_call_since_month() -> None:
    c = one("It was the first call between Austin and Shoigu since February.", "2022-05-14")
    assert (c.type, c.since, c.mode) == ("first_since", "2022-02", "phone")


def test_first_time_since_day() -> None:
    c = one("Austin spoke with Shoigu for the first time since Feb. 18.", "2022-05-14")
    assert (c.type, c.since, c.mode) == ("first_since", "2022-02-18", "unspecified")


def test_first_since_month_and_year() -> None:
    text = "Putin held his first phone conversation with Macron since September 2022."
    c = one(text, "2025-07-01")
    assert (c.type, c.since, c.mode) == ("first_since", "2022-09", "phone")


def test_first_since_reference_event() -> None:
    c = one("It was their first contact since Russia's full-scale invasion began.", "2023-04-26")
    assert (c.type, c.since) == ("first_since", "2022-02-24")


def test_first_since_start_of_the_war_named_by_the_sentence() -> None:
    text = (
        "Milley spoke with his Russian counterpart for the first time since the start of the war."
    )
    assert one(text, "2022-05-19").since == "2022-02-24"
    # Which war is not said: no date.
    assert one("They spoke for the first time since the war began.", "2022-05-19").since is None


def test_first_since_unresolvable_event_has_no_date() -> None:
    c = one("Biden and Putin held their first summit since Mr Biden took office.", "2021-06-17")
    assert (c.type, c.since, c.mode) == ("first_since", None, "meeting")


def test_first_time_in_over_a_year() -> None:
    c = one(
        "Austin spoke with his Russian counterpart, the first time in over a year.", "2024-06-25"
    )
    assert (c.type, c.since) == ("first_since", "2023")


def test_first_in_months() -> None:
    c = one("It was the first meeting of the two ministers in 16 months.", "2015-05-12")
    assert (c.type, c.since, c.mode) == ("first_since", "2014-01", "meeting")


def test_noun_before_first() -> None:
    text = "The call was the first between the two leaders since Biden took office in January 2021."
    c = one(text, "2022-02-13")
    assert (c.type, c.since, c.mode) == ("first_since", "2021-01", "phone")


def test_first_without_since_is_no_claim() -> None:
    assert claims("Putin was the first to speak at the news conference.", "2018-07-16") == []
    assert claims("It was their first meeting as presidents.", "2021-06-16") == []


# --- none_since -------------------------------------------------------------------


def test_has_not_spoken_since() -> None:
    text = "Austin has not spoken to a Russian defense minister since March last year."
    c = one(text, "2024-06-25", mode="phone")
    assert (c.type, c.since, c.mode) == ("none_since", "2023-03", "phone")


def test_have_not_spoken_by_phone_since_day() -> None:
    c = one("Biden and Putin have not spoken by phone since February 12.", "2022-03-30")
    assert (c.type, c.since, c.mode) == ("none_since", "2022-02-12", "phone")


def test_no_contact_since() -> None:
    c = one("There has been no direct contact between the two men since 2021.", "2023-01-10")
    assert (c.type, c.since) == ("none_since", "2021")


def test_nothing_since() -> None:
    text = "They had spoken before the war but nothing since it began in February 2022."
    c = one(text, "2023-04-26")
    assert (c.type, c.since) == ("none_since", "2022-02")


def test_not_spoken_ever_since() -> None:
    text = "Putin and Erdogan have not held a phone call yet, particularly after the May talks."
    c = one(text, "2023-07-08")
    assert (c.type, c.since, c.mode) == ("none_since", "2023-05", "phone")


def test_since_first_then_no_contact() -> None:
    text = "Since the February invasion, there have been no calls between Biden and Putin."
    c = one(text, "2022-07-01")
    assert (c.type, c.since, c.mode) == ("none_since", "2022-02", "phone")
    assert claims("Since 2014, the two countries have signed no new treaties.", "2022-07-01") == []


def test_not_spoken_in_over_a_year() -> None:
    c = one("Austin and Shoigu have not spoken in more than a year.", "2024-06-20")
    assert (c.type, c.since) == ("none_since", "2023")


def test_not_spoken_for_years() -> None:
    c = one("Austin and Shoigu had not held talks for more than two years.", "2024-06-25")
    assert (c.type, c.since) == ("none_since", "2022")


def test_no_without_a_contact_is_no_claim() -> None:
    assert claims("No one has done more for the alliance since 2014.", "2022-07-01") == []
    assert claims("Russia has not held free elections since 2000.", "2022-07-01") == []
    assert claims("Nothing has changed since March.", "2022-07-01") == []


def test_not_spoken_without_since_is_no_claim() -> None:
    assert claims("Biden has still not spoken with Putin.", "2022-07-29") == []


def test_first_after_a_hiatus() -> None:
    c = one("Austin and Shoigu resumed talks after a two-year hiatus.", "2024-10-23")
    assert (c.type, c.since) == ("first_since", "2022")
    c = one("Austin called Shoigu on Friday, ending a 16-month freeze.", "2024-10-23")
    assert (c.type, c.since, c.mode) == ("first_since", "2023-06", "phone")
    c = one("The talks resumed after a hiatus of nearly three years.", "2024-10-23")
    assert (c.type, c.since) == ("first_since", "2021")


def test_hiatus_of_something_else_is_no_claim() -> None:
    assert claims("The factory reopened after a two-year pause.", "2024-10-23") == []


def test_no_one_has_met_since() -> None:
    text = "No French president has visited Algeria since 2012."
    c = one(text, "2017-02-14")
    assert (c.type, c.since, c.mode) == ("none_since", "2012", "meeting")


def test_bare_since_takes_the_date_just_reported() -> None:
    text = "Kishida and Yoon have not spoken since."
    found = find_gap_claims(text, 0, "doc1", PEOPLE, "2023-03-16", "phone", then="2022-11")
    assert [(c.type, c.since) for c in found] == [("none_since", "2022-11")]
    then = find_gap_claims("They have not met since then.", 0, "d", PEOPLE, None, "x", then="2019")
    assert [(c.type, c.since) for c in then] == [("none_since", "2019")]


def test_bare_since_without_a_reported_date_has_none() -> None:
    c = one("The two ministers have not spoken since.", "2023-03-16")
    assert (c.type, c.since) == ("none_since", None)


def test_so_called_is_no_phone_mode() -> None:
    c = one("It was the first summit in the so-called Quad format since 2019.", "2021-03-12")
    assert (c.type, c.since, c.mode) == ("first_since", "2019", "meeting")


# --- last_was ---------------------------------------------------------------------


def test_last_time_they_spoke_was() -> None:
    c = one("The last time the two generals spoke was on Feb. 18.", "2022-05-19")
    assert (c.type, c.since) == ("last_was", "2022-02-18")


def test_months_ago_the_last_time() -> None:
    text = "That was 16 months ago, the last time the two ministers met face-to-face."
    c = one(text, "2015-05-12")
    assert (c.type, c.since, c.mode) == ("last_was", "2014-01", "meeting")


def test_last_known_call_occurred() -> None:
    c = one("The last known call between Putin and Macron occurred on 11 September 2022.", None)
    assert (c.type, c.since, c.mode) == ("last_was", "2022-09-11", "phone")


def test_last_spoke_in_month() -> None:
    c = one("Naryshkin and Burns last spoke by phone in July 2023.", "2024-02-08")
    assert (c.type, c.since, c.mode) == ("last_was", "2023-07", "phone")


def test_months_after_they_last_met() -> None:
    c = one("Kerry went to Sochi 16 months after they last met.", "2015-05-12")
    assert (c.type, c.since, c.mode) == ("last_was", "2014-01", "meeting")


def test_months_since_they_last_spoke() -> None:
    c = one("It had been 16 months since the two ministers last met.", "2015-05-12")
    assert (c.type, c.since, c.mode) == ("last_was", "2014-01", "meeting")


def test_last_noun_with_adjectives() -> None:
    text = "Their last formal bilateral meeting was a summit in Bali in November 2022."
    c = one(text, "2023-11-16")
    assert (c.type, c.since, c.mode) == ("last_was", "2022-11", "meeting")


def test_last_month_is_no_last_contact() -> None:
    text = "Burns met Naryshkin in Ankara last November for talks that were kept quiet."
    assert claims(text, "2023-07-12") == []


def test_last_time_without_a_date_is_no_claim() -> None:
    assert claims("The last time they met, the talks went badly.", "2022-05-19") == []


# --- record shape -----------------------------------------------------------------


def test_claim_carries_participants_and_sentence_evidence() -> None:
    text = "It was the first call between Austin and Shoigu since February."
    c = one(text, "2022-05-14")
    assert c.doc_id == "doc1"
    assert c.participants == PEOPLE
    assert len(c.evidence) == 1
    ev = c.evidence[0]
    assert (ev.doc_id, ev.start, ev.end, ev.text) == ("doc1", 100, 100 + len(text), text)


def test_first_and_last_in_one_sentence() -> None:
    text = "Austin and Shoigu spoke for the first time since they last met on Feb. 18."
    found = {(c.type, c.since) for c in claims(text, "2022-05-14")}
    assert found == {("first_since", "2022-02-18"), ("last_was", "2022-02-18")}


_VOCAB = (
    "the first last time call met spoke not has since in over a year months February 18 "
    "Feb. 2022 no contact nothing they two was on ago after particularly phone summit"
)


@given(
    st.lists(st.sampled_from(_VOCAB.split()), max_size=14),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
)
def test_claims_are_well_formed(words: list[str], published: date) -> None:
    for c in claims(" ".join(words), published.isoformat()):
        assert c.type in GAP_TYPES and c.mode in MODES
        assert c.since is None or validate(c.since) == c.since
