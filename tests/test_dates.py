"""Date resolution against the publication date, document dating, partial-date helpers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.dates import (
    compatible,
    dates_in,
    days_between,
    infer_published,
    interval,
    parse_iso,
    precision,
    resolve_date,
    sort_key,
    validate,
)
from readouts.records import Document, Zone


def at(text: str, word: str) -> int:
    return text.index(word)


# --- explicit dates ---------------------------------------------------------------


def test_month_day_year() -> None:
    text = "Blinken and Lavrov met in Geneva on January 21, 2022."
    assert resolve_date(text, "2022-01-22") == "2022-01-21"


def test_day_month_year() -> None:
    assert resolve_date("Putin received Xi in Beijing on 4 February 2022.", None) == "2022-02-04"


def test_dotted_numeric_date_is_day_first() -> None:
    assert resolve_date("Lukashenko received Putin in Minsk on 25.05.2023.", None) == "2023-05-25"
    assert resolve_date("The memo was dated 31.02.2023.", None) is None  # no such day


def test_a_fortnight_ago() -> None:
    assert resolve_date("Scholz phoned Xi a fortnight ago.", "2022-11-20") == "2022-11"


def test_iso_date() -> None:
    assert (
        resolve_date("The call took place on 2024-06-25, the Pentagon said.", None) == "2024-06-25"
    )


def test_month_day_without_year_takes_the_latest_past_one() -> None:
    text = "Biden and Putin spoke by video on December 7."
    assert resolve_date(text, "2021-12-08") == "2021-12-07"
    # Early in January, "December 30" is last year's.
    assert resolve_date("They last spoke on December 30.", "2023-01-05") == "2022-12-30"


def test_abbreviated_month_and_ordinal() -> None:
    assert resolve_date("Milley and Gerasimov talked on Feb. 18.", "2022-05-19") == "2022-02-18"
    assert resolve_date("They spoke on February 15th.", "2022-07-29") == "2022-02-15"


def test_day_month_without_year() -> None:
    assert resolve_date("Putin phoned Macron on 11 September.", "2022-09-12") == "2022-09-11"


def test_month_and_year() -> None:
    assert resolve_date("Kerry had met Lavrov in Paris in January, 2014.", None) == "2014-01"
    assert resolve_date("They first met in January 2014.", "2015-05-12") == "2014-01"


def test_month_alone_is_the_latest_such_month() -> None:
    assert resolve_date("In March, Shoigu declined calls from Milley.", "2022-05-14") == "2022-03"
    assert resolve_date("They met in November.", "2023-02-01") == "2022-11"


def test_month_alone_in_the_future() -> None:
    text = "Raisi will visit Turkey at the end of November."
    assert resolve_date(text, "2023-11-04") == "2023-11"
    assert resolve_date("The leaders will meet in February.", "2023-11-04") == "2024-02"


def test_part_of_month() -> None:
    text = "The invasion began in late February."
    assert resolve_date(text, "2022-05-19") == "2022-02"


def test_bare_year() -> None:
    assert resolve_date("Their 2018 meeting in Helsinki drew criticism.", "2021-06-17") == "2018"


def test_part_of_year() -> None:
    assert resolve_date("The envoys met in mid-2021.", "2022-06-01") == "2021"


def test_year_that_is_a_count_is_no_date() -> None:
    assert resolve_date("Some 2000 troops joined the drill.", "2022-06-01") is None


# --- weekdays ---------------------------------------------------------------------


def test_weekday_on_the_publication_day_is_that_day() -> None:
    text = "On Friday, Blinken said he had spoken with Lavrov."
    assert resolve_date(text, "2022-07-29") == "2022-07-29"  # a Friday


def test_bare_weekday_after_the_object() -> None:
    text = "Putin called Obama Friday to discuss Ukraine."
    assert resolve_date(text, "2014-03-28", anchor_start=at(text, "called")) == "2014-03-28"


def test_weekday_published_the_day_after() -> None:
    assert resolve_date("Biden and Xi spoke on Friday.", "2022-03-19") == "2022-03-18"


def test_weekday_never_a_week_ahead() -> None:
    resolved = resolve_date("Austin called Shoigu on Thursday.", "2022-05-14")
    assert resolved == "2022-05-12"
    assert parse_iso(resolved) <= date(2022, 5, 14)


def test_weekday_ahead_for_a_planned_meeting() -> None:
    text = "Lavrov will hold talks with Pompeo in Sochi on Tuesday."
    assert resolve_date(text, "2019-05-12") == "2019-05-14"  # published on a Sunday


def test_weekday_with_a_date_takes_the_date() -> None:
    assert (
        resolve_date("Putin and Xi held talks on Thursday, May 16.", "2024-05-20") == "2024-05-16"
    )
    assert resolve_date("They met on Tuesday 25 June 2024.", None) == "2024-06-25"


def test_future_wording_applies_to_the_dates_after_it() -> None:
    text = "Trump said on Friday that the planned summit was off."
    assert resolve_date(text, "2018-05-27") == "2018-05-25"  # published on a Sunday
    text = "Putin and Erdogan will meet in Sochi on Wednesday, the Kremlin said on Friday."
    assert resolve_date(text, "2021-09-26", anchor_start=at(text, "meet")) == "2021-09-29"


def test_last_weekday() -> None:
    assert resolve_date("They spoke last Monday.", "2022-05-16") == "2022-05-09"


# --- relative words ---------------------------------------------------------------


def test_today_and_yesterday() -> None:
    assert resolve_date("Macron is speaking with Putin today.", "2022-02-20") == "2022-02-20"
    assert resolve_date("Austin spoke with Shoigu yesterday.", "2022-05-14") == "2022-05-13"


def test_last_month() -> None:
    text = "Burns met Naryshkin in Ankara last month."
    assert resolve_date(text, "2022-12-10") == "2022-11"


def test_earlier_this_month() -> None:
    assert resolve_date("They met earlier this month.", "2023-07-20") == "2023-07"


def test_last_year_and_possessive() -> None:
    text = "Talks have gone on since last year's summit in Geneva."
    assert resolve_date(text, "2022-07-29", anchor_start=at(text, "summit")) == "2021"


def test_month_last_year() -> None:
    text = "Austin held a call with Shoigu in March last year."
    assert resolve_date(text, "2024-06-25") == "2023-03"
    assert resolve_date("They met in March of last year.", "2024-06-25") == "2023-03"


def test_last_week_is_its_month_when_the_week_lies_in_one() -> None:
    assert resolve_date("The ministers spoke last week.", "2022-06-15") == "2022-06"
    # The week of Aug 29 - Sep 4 straddles two months: nothing precise enough.
    assert resolve_date("The ministers spoke last week.", "2022-09-07") is None


def test_day_of_month_alone() -> None:
    assert resolve_date("The talks made progress on the 29th.", "2022-03-30") == "2022-03-29"
    assert resolve_date("They spoke on the 30th.", "2022-03-05") == "2022-01-30"  # no Feb 30


def test_weekend_and_earlier_in_the_month() -> None:
    assert resolve_date("They spoke over the weekend.", "2022-03-30") == "2022-03"
    assert resolve_date("They spoke over the weekend.", "2022-05-02") is None  # Apr 30-May 1
    assert resolve_date("They met earlier in the month.", "2022-03-28") == "2022-03"


def test_months_ago() -> None:
    assert resolve_date("They last met 16 months ago.", "2015-05-12") == "2014-01"


def test_more_than_a_year_ago_is_the_year_before() -> None:
    assert resolve_date("They spoke more than a year ago.", "2023-03-15") == "2022"


def test_in_over_a_year_measures_a_gap() -> None:
    # Gap claims resolve the span itself; inside a sentence it dates no contact.
    assert resolve_date("in over a year", "2023-03-15") == "2022"
    assert resolve_date("in six months", "2023-03-15") == "2022-09"
    text = "Kishida and Xi held their first talks in nearly a year on Thursday."
    assert resolve_date(text, "2023-11-17", anchor_start=at(text, "held")) == "2023-11-16"


def test_days_ago() -> None:
    assert resolve_date("They met three days ago.", "2022-05-19") == "2022-05-16"


def test_reference_event_after_since() -> None:
    text = "since Russia's full-scale invasion of Ukraine"
    assert resolve_date(text, "2023-04-26") == "2022-02-24"
    assert resolve_date("They had talked before the full-scale war.", "2023-04-26") is None


# --- choosing among dates ---------------------------------------------------------


def test_malformed_publication_date_anchors_nothing() -> None:
    assert resolve_date("They spoke on Friday.", "2022-07") is None
    assert resolve_date("They spoke on Friday.", "not a date") is None
    assert resolve_date("They met on July 16, 2018.", "not a date") == "2018-07-16"
    assert resolve_date("They spoke on Friday.", "2022-07-29T10:00:00") == "2022-07-29"


def test_never_defaults_to_publication_date() -> None:
    assert resolve_date("Biden met Putin.", "2021-06-16") is None
    assert resolve_date("They spoke on Friday.", None) is None


def test_prefers_the_date_nearest_the_trigger() -> None:
    text = "Austin, who last spoke with Shoigu on Feb. 18, called him again on May 13."
    assert resolve_date(text, "2022-05-14", anchor_start=at(text, "called")) == "2022-05-13"
    assert resolve_date(text, "2022-05-14", anchor_start=at(text, "spoke")) == "2022-02-18"


def test_report_date_yields_to_event_date() -> None:
    text = "Naryshkin confirmed on Wednesday that he spoke with Burns last month."
    assert resolve_date(text, "2023-07-12", anchor_start=at(text, "spoke")) == "2023-06"


def test_since_date_is_not_the_trigger_date() -> None:
    text = "Biden has not spoken with Putin since February 12."
    assert resolve_date(text, "2022-03-30", anchor_start=at(text, "spoken")) is None


def test_after_a_date_is_no_date_unless_close_to_it() -> None:
    text = "Milley called Gerasimov after the talks of last month."
    assert resolve_date(text, "2023-07-12", anchor_start=at(text, "called")) is None
    text = "Burns called Naryshkin in the days after the mutiny last month."
    assert resolve_date(text, "2023-07-12", anchor_start=at(text, "called")) == "2023-06"


def test_since_date_dates_its_when_clause() -> None:
    text = "Austin has not spoken to Shoigu since March last year, when he held a call with him."
    assert resolve_date(text, "2024-06-25", anchor_start=at(text, "call")) == "2023-03"


def test_weekday_naming_another_event_is_not_the_contact_date() -> None:
    text = "The US envoy was summoned by the ministry over the Sunday strike."
    assert resolve_date(text, "2024-06-25", anchor_start=at(text, "summoned")) is None
    text = "The Sunday talks in Geneva went well."
    assert resolve_date(text, "2024-06-25", anchor_start=at(text, "talks")) == "2024-06-23"


def test_past_event_cannot_have_a_future_date() -> None:
    text = "Trump wrote to Kim that their summit next month was off."
    assert resolve_date(text, "2018-05-24", anchor_start=at(text, "wrote"), future=False) is None
    assert resolve_date(text, "2018-05-24", anchor_start=at(text, "summit")) == "2018-06"


def test_planned_event_cannot_have_a_past_date() -> None:
    text = "Asked on May 2, 2023, Peskov said Putin and Erdogan would meet soon."
    assert resolve_date(text, "2023-05-10", anchor_start=at(text, "meet"), future=True) is None
    assert resolve_date(text, "2023-05-10", anchor_start=at(text, "meet")) == "2023-05-02"


def test_dates_in_lists_every_date() -> None:
    assert dates_in("From May 6, 2015 to January 2014 and in 2018.", None) == [
        "2015-05-06",
        "2014-01",
        "2018",
    ]


# --- document dating --------------------------------------------------------------


def doc(body: str, url: str | None = None, zones: tuple[Zone, ...] = (), raw: str = "") -> Document:
    return Document(id="d", body=body, raw=raw or body, url=url, zones=zones)


def test_infer_published_from_url() -> None:
    d = doc("Putin met Trump.", url="https://example.org/news/2018/07/16/helsinki")
    assert infer_published(d) == "2018-07-16"


def test_infer_published_from_compact_url_date() -> None:
    d = doc("Putin met Witkoff.", url="https://example.org/20250725/kremlin-talks-1122490652.html")
    assert infer_published(d) == "2025-07-25"
    # A long article number is no date.
    assert (
        infer_published(doc("Putin met Witkoff.", url="https://example.org/a/1109893436")) is None
    )


def test_infer_published_from_byline() -> None:
    d = doc("Putin met Trump.", raw="Published: July 17, 2018\nPutin met Trump.")
    assert infer_published(d) == "2018-07-17"


def test_infer_published_latest_body_date() -> None:
    d = doc("Putin met Trump on July 16, 2018, a year after their talks of July 7, 2017.")
    assert infer_published(d) == "2018-07-16"


def test_infer_published_from_comment_timestamps() -> None:
    d = doc("Putin met Trump in Helsinki.", zones=(Zone("comments", "17.07.2018 09:12 Great."),))
    assert infer_published(d) == "2018-07-17"


def test_infer_published_prefers_comments_over_a_stale_body_date() -> None:
    comments = Zone("comments", "Posted by reader on March 3, 2023: sad.")
    d = doc("They first met on June 16, 2021.", zones=(comments,))
    assert infer_published(d) == "2023-03-03"


def test_infer_published_none_without_dates() -> None:
    assert infer_published(doc("Erdogan said on Saturday he would stop talking.")) is None


# --- partial-date helpers ---------------------------------------------------------


def test_precision_and_interval() -> None:
    assert precision("2022") == "year"
    assert precision("2022-02") == "month"
    assert precision("2022-02-24") == "day"
    assert interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("2022") == (date(2022, 1, 1), date(2022, 12, 31))


def test_compatible_rules() -> None:
    assert compatible("2022-07-29", "2022-07-30")
    assert not compatible("2022-07-29", "2022-07-31")
    assert compatible("2022-07", "2022-07-31")
    assert not compatible("2022-07", "2022-08-01")
    assert compatible("2022", "2022-03")
    assert compatible(None, None)
    assert not compatible(None, "2022")


def test_days_between_and_sort_key() -> None:
    assert days_between("2022-02-24", "2022-03-01") == 5
    assert days_between(None, "2022") is None
    ordered = sorted([None, "2022-03-01", "2022", "2021-12-31", "2022-03"], key=sort_key)
    assert ordered == ["2021-12-31", "2022", "2022-03", "2022-03-01", None]


@pytest.mark.parametrize("bad", ["2022-13", "2022-02-30", "22-01-01", "July 2022", "", "2022-1"])
def test_validate_rejects_bad_dates(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid date"):
        validate(bad)


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def partial(draw: st.DrawFn) -> str:
    d = draw(days)
    return draw(st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))


@given(partial(), partial())
def test_compatible_is_symmetric(a: str, b: str) -> None:
    assert compatible(a, b) == compatible(b, a)


@given(days)
def test_day_is_compatible_with_its_month_and_year(d: date) -> None:
    iso = d.isoformat()
    assert compatible(iso, iso[:7]) and compatible(iso, iso[:4])
    assert compatible(iso, (d + timedelta(days=1)).isoformat())


@given(partial())
def test_interval_contains_its_first_day_and_is_ordered(d: str) -> None:
    first, last = interval(d)
    assert first == parse_iso(d) <= last
    assert compatible(d, first.isoformat()) and compatible(d, last.isoformat())


@given(partial(), partial())
def test_sort_key_follows_first_days(a: str, b: str) -> None:
    if parse_iso(a) < parse_iso(b):
        assert sort_key(a) < sort_key(b)
    assert sort_key(a) < sort_key(None)


_VOCAB = (
    "on in since last next this the Friday May 29 2022 June 7th of early ago months year "
    "week weekend yesterday today Feb. 18, invasion Russia's will met called said"
)
_WORDS = st.sampled_from(_VOCAB.split())


@given(st.lists(_WORDS, max_size=12), days, st.booleans() | st.none())
def test_resolve_date_always_gives_a_valid_date_or_none(
    words: list[str], published: date, future: bool | None
) -> None:
    text = " ".join(words)
    resolved = resolve_date(text, published.isoformat(), anchor_start=len(text) // 2, future=future)
    assert resolved is None or validate(resolved) == resolved


@given(partial())
def test_validate_round_trips(d: str) -> None:
    assert validate(d) == d
    assert precision(d) == {10: "day", 7: "month", 4: "year"}[len(d)]
