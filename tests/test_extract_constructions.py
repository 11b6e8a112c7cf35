"""More constructions the extractor reads, each on a sentence written for this test."""

from __future__ import annotations

import pytest

from extract_helpers import names, only, run


def test_call_framing_the_clause_links_its_subject() -> None:
    m = only(
        "In a phone call with Emmanuel Macron on Wednesday, Xi Jinping said China wanted peace.",
        "2023-03-16",
    )
    assert names(m) == {"Emmanuel Macron", "Xi Jinping"}
    assert (m.mode, m.date) == ("phone", "2023-03-15")


def test_after_meeting_takes_the_outer_subject() -> None:
    m = only("Olaf Scholz spoke to reporters after meeting Joe Biden.", "2023-03-04")
    assert names(m) == {"Olaf Scholz", "Joe Biden"}
    assert m.mode == "meeting"


def test_exchanged_letters() -> None:
    m = only("Xi Jinping and Kim Jong Un exchanged letters on Monday.", "2023-03-08")
    assert (m.mode, m.date) == ("letter", "2023-03-06")


def test_headline_infinitive_is_planned() -> None:
    assert only("Lavrov to meet Blinken in Geneva", "2022-01-19").status == "planned"


def test_title_case_headline_parses_like_prose() -> None:
    m = only("Biden Holds Call With Xi Amid Trade Tensions", "2022-07-28")
    assert (m.status, m.mode) == ("occurred", "phone")
    assert names(m) == {"Joe Biden", "Xi Jinping"}


def test_calls_refused_by_both_sides_are_paired_by_office() -> None:
    ex = run(
        "Lloyd Austin and Mark Milley sought calls with Sergei Shoigu and Valery Gerasimov, "
        "but the Russian side declined.",
        "2022-03-24",
    )
    pairs = sorted(sorted(str(n) for n in names(m)) for m in ex.mentions)
    assert pairs == [["Lloyd Austin", "Sergei Shoigu"], ["Mark Milley", "Valery Gerasimov"]]
    assert {m.status for m in ex.mentions} == {"declined"}


def test_no_plans_for_a_meeting_is_no_contact() -> None:
    text = "The Kremlin said Vladimir Putin had no plans for a meeting with Joe Biden."
    assert run(text, "2022-03-30").mentions == ()


def test_a_conversation_that_could_end_the_war_is_hypothetical() -> None:
    text = (
        "Zelensky said only a conversation between Volodymyr Zelensky and Vladimir Putin "
        "could end the war."
    )
    assert run(text, "2022-03-20").mentions == ()


def test_talks_possible_only_if_are_conditional() -> None:
    text = (
        "Direct talks between Joe Biden and Vladimir Putin would be possible only if Russia "
        "withdrew its troops."
    )
    assert run(text, "2022-03-30").mentions == ()


def test_a_letter_cancelling_a_summit_is_itself_sent() -> None:
    ex = run(
        "President Donald Trump on Thursday cancelled his planned June 12 summit with "
        "Kim Jong Un in a letter to Kim.",
        "2018-05-25",
    )
    by_mode = {m.mode: m for m in ex.mentions}
    assert set(by_mode) == {"letter", "meeting"}
    assert (by_mode["letter"].status, by_mode["letter"].date) == ("occurred", "2018-05-24")
    assert (by_mode["meeting"].status, by_mode["meeting"].date) == ("cancelled", "2018-06-12")


def test_the_last_time_they_spoke_takes_the_stated_date() -> None:
    ex = run(
        "Mark Milley spoke with Valery Gerasimov on Thursday. "
        "The last time the two generals spoke was on Feb. 18.",
        "2022-05-20",
    )
    assert sorted(str(m.date) for m in ex.mentions) == ["2022-02-18", "2022-05-19"]


def test_then_continues_the_previous_contacts_day() -> None:
    ex = run(
        "John Kerry met Sergey Lavrov in Sochi on Tuesday. "
        "Kerry then met with Russian President Vladimir Putin for four hours.",
        "2015-05-13",
    )
    dates = {frozenset(str(n) for n in names(m)): m.date for m in ex.mentions}
    assert dates[frozenset({"John Kerry", "Vladimir Putin"})] == "2015-05-12"


def test_not_spoken_since_before_a_new_call_is_a_first_since_gap() -> None:
    ex = run(
        "Lloyd Austin spoke with Andrei Belousov by phone on Tuesday. "
        "Austin has not spoken with a Russian defense minister since March 2023.",
        "2024-06-26",
    )
    assert [m.status for m in ex.mentions] == ["occurred"]
    [gap] = ex.gap_claims
    assert gap.type == "first_since"
    keys = {p.key for p in gap.participants}
    assert keys == {"lloyd-austin", "RUS:defense_minister"}


def test_a_follow_up_sentence_adds_the_length_to_the_call() -> None:
    m = only(
        "Antony Blinken spoke with Sergey Lavrov on Friday. The call lasted about 25 minutes.",
        "2022-07-30",
    )
    assert (m.mode, m.duration_minutes) == ("phone", 25)
    assert len(m.evidence) == 2


def test_travelled_to_meet_links_the_traveller() -> None:
    m = only(
        "Volodymyr Zelensky travelled to Washington to meet Joe Biden on Thursday.", "2023-07-08"
    )
    assert names(m) == {"Volodymyr Zelensky", "Joe Biden"}


def test_speaking_after_talks_links_the_speaker() -> None:
    m = only(
        "Sergey Lavrov, speaking after talks with Chinese Foreign Minister Wang Yi, "
        "said the West was to blame.",
        "2023-02-22",
    )
    assert {p.country for p in m.participants} == {"RUS", "CHN"}


def test_the_presidents_of_two_countries_are_their_heads_of_state() -> None:
    m = only(
        "Recep Tayyip Erdogan repeated his readiness to receive the presidents of Russia and "
        "Ukraine in Istanbul.",
        "2022-03-17",
    )
    assert m.status == "requested"
    assert {p.country for p in m.participants} == {"TUR", "RUS", "UKR"}
    assert {p.office for p in m.participants} == {"head_of_state"}


def test_a_stated_country_wins_over_the_titles_usual_one() -> None:
    m = only(
        "Russian presidential aide Vladimir Medinsky met Ukrainian National Security Council "
        "Secretary Rustem Umerov in Istanbul on Wednesday.",
        "2025-07-25",
    )
    assert {p.country for p in m.participants} == {"RUS", "UKR"}


def test_unnamed_delegations_are_their_countries() -> None:
    m = only(
        "A new round of talks between the Russian and Ukrainian delegations took place on "
        "Monday in Istanbul.",
        "2025-06-04",
    )
    assert {(p.country, p.name) for p in m.participants} == {("RUS", None), ("UKR", None)}
    assert m.date == "2025-06-02"


def test_a_summit_inside_a_since_phrase_keeps_its_own_date() -> None:
    ex = run(
        "Vladimir Putin has not met Joe Biden since their summit in Geneva in 2021.", "2023-07-12"
    )
    by_status = {m.status: m for m in ex.mentions}
    assert by_status["occurred"].date == "2021"
    assert by_status["not_occurred"].date is None
    assert [g.type for g in ex.gap_claims] == ["none_since"]


def test_a_summoning_ministry_stays_an_institution() -> None:
    m = only("Russia's Foreign Ministry summoned the US ambassador on Monday.", "2024-06-25")
    ministry = next(p for p in m.participants if p.country == "RUS")
    assert (ministry.name, ministry.office) == (None, "foreign_minister")
    assert (m.mode, m.date) == ("meeting", "2024-06-24")


def test_relative_clause_links_its_antecedent() -> None:
    m = only("Emmanuel Macron, who spoke with Vladimir Putin on Monday, said little.", "2022-03-01")
    assert names(m) == {"Emmanuel Macron", "Vladimir Putin"}


def test_the_pentagon_chief_and_his_counterpart() -> None:
    m = only("The Pentagon chief spoke with his Russian counterpart on Tuesday.", "2024-06-26")
    assert names(m) == {"Lloyd Austin", "Andrei Belousov"}


def test_dismissing_the_idea_of_a_meeting_declines_it() -> None:
    m = only(
        "The Kremlin dismissed the idea of a meeting between Vladimir Putin and "
        "Volodymyr Zelensky on Tuesday.",
        "2025-04-15",
    )
    assert m.status == "declined"


def test_the_prospect_of_talks_is_no_contact() -> None:
    text = "Analysts raised the prospect of talks between Joe Biden and Vladimir Putin."
    assert run(text, "2022-03-30").mentions == ()


def test_an_organisation_official_speaks_for_the_organisation() -> None:
    m = only(
        "After a meeting with NATO Secretary General Mark Rutte, Volodymyr Zelensky "
        "accused Moscow of dragging out the war.",
        "2025-04-15",
    )
    assert {(p.name, p.country) for p in m.participants} == {
        ("Mark Rutte", "NATO"),
        ("Volodymyr Zelensky", "UKR"),
    }


def test_a_subject_pronoun_is_the_last_subject_not_a_nearer_object() -> None:
    m = only(
        "Volodymyr Zelensky returned to Kyiv on Monday. "
        "After a meeting with Olaf Scholz, he called for more air defence.",
        "2024-06-11",
    )
    assert names(m) == {"Volodymyr Zelensky", "Olaf Scholz"}


def test_greetings_sent_are_a_letter_and_those_not_sent_did_not_occur() -> None:
    ex = run(
        "Vladimir Putin sent New Year greetings to Xi Jinping on Sunday. "
        "Putin did not send greetings to Joe Biden.",
        "2024-01-01",
    )
    got = {(m.status, m.mode, frozenset(str(n) for n in names(m))) for m in ex.mentions}
    assert got == {
        ("occurred", "letter", frozenset({"Vladimir Putin", "Xi Jinping"})),
        ("not_occurred", "letter", frozenset({"Vladimir Putin", "Joe Biden"})),
    }


def test_a_video_conference_is_video_but_a_press_conference_is_nothing() -> None:
    m = only("Vladimir Putin and Xi Jinping held a video conference in December.", "2024-01-01")
    assert (m.mode, m.date) == ("video", "2023-12")
    text = "Vladimir Putin and Xi Jinping held a joint press conference in Moscow."
    assert run(text, "2023-03-22").mentions == ()


def test_not_ruling_out_a_call_is_no_contact() -> None:
    text = "Emmanuel Macron said he would not rule out speaking with Vladimir Putin again."
    assert run(text, "2024-01-01").mentions == ()


def test_sat_down_with_is_a_meeting() -> None:
    m = only("Antony Blinken sat down with Xi Jinping in Beijing on Monday.", "2023-06-20")
    assert (m.mode, m.date) == ("meeting", "2023-06-19")


def test_an_accepted_invitation_is_planned_between_inviter_and_guest() -> None:
    m = only(
        "Narendra Modi accepted an invitation from Joe Biden to visit Washington.", "2023-03-01"
    )
    assert (m.status, m.mode) == ("planned", "meeting")
    assert names(m) == {"Narendra Modi", "Joe Biden"}


def test_a_threatened_cancellation_leaves_the_summit_planned() -> None:
    m = only("Donald Trump threatened to cancel the summit with Kim Jong Un.", "2018-05-20")
    assert m.status == "planned"


def test_a_denied_meeting_did_not_occur() -> None:
    m = only(
        "Kremlin spokesman Dmitry Peskov denied reports that Vladimir Putin and Donald Trump "
        "had spoken by phone.",
        "2024-01-10",
    )
    assert (m.status, m.mode, m.date) == ("not_occurred", "phone", None)


def test_a_count_of_meetings_is_no_contact() -> None:
    assert run("Vladimir Putin has met Xi Jinping more than 40 times.", "2024-01-10").mentions == ()


def test_a_meeting_framing_a_dated_clause_takes_its_day() -> None:
    m = only(
        "Antonio Guterres urged restraint on Friday after meeting Iranian Foreign Minister "
        "Hossein Amir-Abdollahian.",
        "2023-09-23",
    )
    assert (m.mode, m.date) == ("meeting", "2023-09-22")


def test_a_short_name_after_a_full_one_is_the_same_person() -> None:
    ex = run(
        "Jake Sullivan met China's top diplomat Wang Yi in Vienna on Wednesday. "
        "Sullivan and Wang spoke again by phone on Friday.",
        "2023-05-12",
    )
    got = {(m.mode, m.date, frozenset(str(n) for n in names(m))) for m in ex.mentions}
    pair = frozenset({"Jake Sullivan", "Wang Yi"})
    assert got == {("meeting", "2023-05-10", pair), ("phone", "2023-05-12", pair)}


def test_a_state_visit_to_a_country_meets_its_head_of_state() -> None:
    m = only("Last month Xi Jinping paid a two-day state visit to Russia.", "2023-04-26")
    assert names(m) == {"Xi Jinping", "Vladimir Putin"}
    assert (m.mode, m.date) == ("meeting", "2023-03")
    assert run("Antony Blinken paid a visit to Kyiv.", "2023-09-07").mentions == ()


def test_a_letter_framing_the_clause_links_its_subject() -> None:
    m = only("In a message to Xi Jinping, Vladimir Putin praised the partnership.", "2024-01-01")
    assert (m.mode, names(m)) == ("letter", {"Xi Jinping", "Vladimir Putin"})


def test_a_counted_meeting_listing_its_occasions_yields_each() -> None:
    ex = run(
        "Before Helsinki, the U.S. and the Russian Presidents met twice: at the G20 summit in "
        "Hamburg in July 2017 and at the APEC forum in Danang in November 2017.",
        "2018-07-17",
    )
    assert sorted(str(m.date) for m in ex.mentions) == ["2017-07", "2017-11"]
    assert {frozenset(str(n) for n in names(m)) for m in ex.mentions} == {
        frozenset({"Donald Trump", "Vladimir Putin"})
    }


def test_a_dash_appositive_cut_off_by_the_parser_still_gives_the_subject() -> None:
    ex = run(
        "The talks were held at the palace after the heads of the delegations — Russian "
        "presidential aide Vladimir Medinsky and Ukrainian National Security Council Secretary "
        "Rustem Umerov — had a private meeting.",
        "2025-07-25",
    )
    assert any({p.country for p in m.participants} == {"RUS", "UKR"} for m in ex.mentions)


def test_they_right_after_a_contact_are_its_participants() -> None:
    m = only(
        "Volodymyr Zelensky spoke with Xi Jinping by phone on Wednesday. "
        "They discussed the war for an hour.",
        "2023-04-27",
    )
    assert (len(m.evidence), m.duration_minutes) == (2, 60)
    text = "The administration made it clear: they won't negotiate under threats."
    assert run(text, "2025-11-06").mentions == ()


def test_their_call_after_the_two_presidents_is_theirs() -> None:
    ex = run(
        "Sergey Lavrov and Marco Rubio spoke by phone on Monday. They discussed the "
        "understandings reached by the two presidents during their phone call on October 16.",
        "2025-10-20",
    )
    pairs = {(m.date, frozenset(str(n) for n in names(m))) for m in ex.mentions}
    assert ("2025-10-16", frozenset({"Vladimir Putin", "Donald Trump"})) in pairs
    assert ("2025-10-20", frozenset({"Sergey Lavrov", "Marco Rubio"})) in pairs


def test_a_possible_visit_is_planned_and_the_source_is_no_side() -> None:
    m = only(
        "According to Yuri Ushakov, Kirill Dmitriev may visit Washington for talks with "
        "Steve Witkoff.",
        "2025-10-20",
    )
    assert m.status == "planned"
    assert names(m) == {"Kirill Dmitriev", "Steve Witkoff"}


def test_they_after_two_named_people_are_those_people() -> None:
    ex = run(
        "Donald Trump said he would speak with Vladimir Putin next week. Rustem Umerov met "
        "Mark Rutte in Brussels, where they discussed air defence.",
        "2025-07-25",
    )
    groups = {frozenset(str(n) for n in names(m)) for m in ex.mentions}
    assert groups == {
        frozenset({"Donald Trump", "Vladimir Putin"}),
        frozenset({"Rustem Umerov", "Mark Rutte"}),
    }


def test_summoned_over_a_weekday_event_is_dated_to_its_month() -> None:
    m = only(
        "US Ambassador Lynne Tracy was summoned by Russia's Foreign Ministry over the "
        "Sunday strike.",
        "2024-06-25",
    )
    assert m.date == "2024-06"


def test_talks_that_have_just_concluded_are_dated_today() -> None:
    m = only("The virtual talks between Xi Jinping and Joe Biden have concluded.", "2021-11-16")
    assert (m.mode, m.date) == ("video", "2021-11-16")


def test_a_later_sentence_dates_the_letter() -> None:
    m = only(
        "Donald Trump wrote a letter to Kim Jong Un. "
        "Trump wrote in the letter, which was released on Thursday, that he was sad.",
        "2018-05-25",
    )
    assert (m.mode, m.date) == ("letter", "2018-05-24")


def test_the_two_presidents_are_the_latest_pair_of_presidents() -> None:
    ex = run(
        "Vladimir Putin and his Iranian counterpart Masoud Pezeshkian held a phone call on "
        "Friday. The leaders discussed the Middle East. Later on Friday, Putin also spoke with "
        "Israeli Prime Minister Benjamin Netanyahu. The two presidents last met in Kazan in "
        "October.",
        "2025-06-14",
    )
    got = {(m.date, frozenset(str(n) for n in names(m))) for m in ex.mentions}
    assert got == {
        ("2025-06-13", frozenset({"Vladimir Putin", "Masoud Pezeshkian"})),
        ("2025-06-13", frozenset({"Vladimir Putin", "Benjamin Netanyahu"})),
        ("2024-10", frozenset({"Vladimir Putin", "Masoud Pezeshkian"})),
    }


def test_an_aide_reporting_a_visit_is_no_side_of_it() -> None:
    text = "Masoud Pezeshkian is expected to visit Moscow, Kremlin aide Yuri Ushakov said."
    assert run(text, "2025-06-14").mentions == ()


def test_hours_of_talks_and_each_clause_keeps_its_own_length() -> None:
    ex = run(
        "On Sunday, Antony Blinken held more than seven hours of talks with Foreign Minister "
        "Qin Gang, and on Monday he met China's top diplomat Wang Yi for three hours.",
        "2023-06-19",
    )
    got = {frozenset(str(n) for n in names(m)): (m.date, m.duration_minutes) for m in ex.mentions}
    assert got == {
        frozenset({"Antony Blinken", "Qin Gang"}): ("2023-06-18", 420),
        frozenset({"Antony Blinken", "Wang Yi"}): ("2023-06-19", 180),
    }


def test_no_contacts_planned_and_questions_about_a_call_are_no_contacts() -> None:
    text = (
        "Kremlin says no Putin-Biden contacts planned\n\n"
        "Dmitry Peskov told reporters there were no such plans when asked about a possible "
        "Putin-Biden call."
    )
    assert run(text, "2023-12-05").mentions == ()


def test_a_call_framing_a_clause_that_names_both_sides() -> None:
    m = only(
        "Recep Tayyip Erdogan and Vladimir Putin agreed during a phone call on Thursday to "
        "keep in touch.",
        "2022-03-18",
    )
    assert (m.mode, m.date) == ("phone", "2022-03-17")


def test_a_plan_told_in_the_past_is_the_contact_that_then_took_place() -> None:
    ex = run(
        "Joe Biden and Vladimir Putin met in Geneva on Wednesday. "
        "The two sides had said they expected to meet for five hours.",
        "2021-06-17",
    )
    assert [m.status for m in ex.mentions] == ["occurred"]
    ex = run("Joe Biden and Vladimir Putin are expected to meet in Geneva.", "2021-06-01")
    assert [m.status for m in ex.mentions] == ["planned"]


def test_the_two_leaders_are_the_latest_pair_of_leaders() -> None:
    ex = run(
        "Vladimir Putin phoned Barack Obama on Friday. The call built on talks between John "
        "Kerry and Sergey Lavrov. What the two world leaders said over the phone is unclear.",
        "2014-03-29",
    )
    modes = {frozenset(str(n) for n in names(m)): m.mode for m in ex.mentions}
    assert modes[frozenset({"John Kerry", "Sergey Lavrov"})] == "unspecified"
    assert modes[frozenset({"Vladimir Putin", "Barack Obama"})] == "phone"


def test_talks_that_took_place_in_a_city_were_a_meeting() -> None:
    m = only(
        "Talks between Sergey Lavrov and Dmytro Kuleba took place in Antalya on Thursday.",
        "2022-03-11",
    )
    assert (m.mode, m.date) == ("meeting", "2022-03-10")


def test_a_journey_for_talks_links_the_traveller() -> None:
    m = only("Volodymyr Zelensky travelled to Washington for talks with Joe Biden.", "2023-06-12")
    assert names(m) == {"Volodymyr Zelensky", "Joe Biden"}
    m = only("Antony Blinken is due in Beijing next week for talks with Wang Yi.", "2023-06-12")
    assert m.status == "planned"
    assert names(m) == {"Antony Blinken", "Wang Yi"}


def test_a_plan_told_on_a_weekday_is_not_moved_a_year_on() -> None:
    m = only("Donald Trump said on Tuesday he would meet Vladimir Putin.", "2025-01-15")
    assert m.status == "planned"
    assert m.date is None or m.date.startswith("2025")
    m = only("Donald Trump will meet Kim Jong Un in Singapore on June 12.", "2018-07-01")
    assert m.date == "2019-06-12"


def test_a_meeting_place_outside_the_trigger_clause_is_read() -> None:
    m = only(
        "Emmanuel Macron spoke to the press in Moscow on Monday, after talks with Vladimir Putin.",
        "2022-02-08",
    )
    assert m.location == "Moscow"


def test_a_place_in_another_contacts_clause_is_not_taken() -> None:
    ex = run(
        "When Antony Blinken met Sergey Lavrov in Geneva on Friday, it was two years since "
        "the last time the two men had met in person, in January 2020.",
        "2022-01-22",
    )
    old = [m for m in ex.mentions if m.date == "2020-01"]
    assert old and old[0].location is None


def test_a_call_has_no_location() -> None:
    m = only("Joe Biden spoke by phone with Xi Jinping from Washington on Thursday.", "2022-07-29")
    assert m.location is None


def test_meetings_in_different_cities_stay_apart() -> None:
    ex = run(
        "Narendra Modi met Xi Jinping in Kazan. The two leaders had earlier met in Bali "
        "in November 2022.",
        "2024-10-24",
    )
    places = sorted(str(m.location) for m in ex.mentions)
    assert places == ["Bali", "Kazan"]
    kazan = next(m for m in ex.mentions if m.location == "Kazan")
    assert kazan.date != "2022-11"


def test_talks_on_the_sidelines_of_a_summit_take_its_date() -> None:
    m = only(
        "Joe Biden held talks with Xi Jinping on the sidelines of the G20 summit in Bali "
        "last November.",
        "2023-03-10",
    )
    assert (m.date, m.location, m.mode) == ("2022-11", "Bali", "meeting")


def test_a_district_of_a_city_gives_the_city() -> None:
    m = only(
        "Fumio Kishida met Yoon Suk Yeol for dinner on Thursday in Tokyo's Ginza district.",
        "2023-03-17",
    )
    assert m.location == "Tokyo"


def test_talks_held_in_a_city_are_a_meeting() -> None:
    m = only("Hakan Fidan held talks with Sergey Lavrov in Moscow on August 31.", "2023-09-01")
    assert (m.mode, m.location) == ("meeting", "Moscow")


def test_a_bare_since_refers_to_the_contact_reported_before() -> None:
    ex = run(
        "Joe Biden met Xi Jinping in Bali on November 14, 2022. "
        "The two leaders have not spoken since.",
        "2023-02-20",
    )
    assert [(g.type, g.since) for g in ex.gap_claims] == [("none_since", "2022-11-14")]


def test_ending_a_silence_is_a_gap_claim() -> None:
    ex = run(
        "Olaf Scholz spoke with Vladimir Putin by phone on Friday, breaking a two-year silence.",
        "2024-11-16",
    )
    assert [g.type for g in ex.gap_claims] == ["first_since"]
    assert (ex.gap_claims[0].since or "").startswith("2022")


def test_no_meeting_since_stands_after_a_later_call() -> None:
    ex = run(
        "Joe Biden and Vladimir Putin last spoke by phone on December 30. "
        "They have not met in person since June last year.",
        "2022-01-13",
    )
    kinds = {(g.type, g.since) for g in ex.gap_claims}
    assert ("none_since", "2021-06") in kinds
    assert not any(g.type == "first_since" for g in ex.gap_claims)
    assert any(m.status == "not_occurred" for m in ex.mentions)


def test_a_summit_framing_an_agreement_takes_its_day() -> None:
    m = only(
        "Joe Biden and Xi Jinping agreed on Wednesday to resume military contacts, at a summit "
        "both sides described as candid.",
        "2023-11-16",
    )
    assert (m.mode, m.date) == ("meeting", "2023-11-15")


def test_asked_for_a_call_is_a_request_and_a_refusal_declines_it() -> None:
    asked = only("Lloyd Austin asked for a call with Wei Fenghe on Saturday.", "2023-02-06")
    assert (asked.status, asked.mode) == ("requested", "phone")
    ex = run(
        "Lloyd Austin asked for a call with Wei Fenghe on Saturday. The Chinese side said no.",
        "2023-02-06",
    )
    assert [m.status for m in ex.mentions] == ["declined"]


def test_their_first_meeting_in_a_year_is_a_gap_claim_about_the_pair() -> None:
    ex = run(
        "Joe Biden met Xi Jinping in Woodside on Wednesday. "
        "It was their first face-to-face meeting in a year.",
        "2023-11-16",
    )
    assert len(ex.mentions) == 1
    claims = [(g.type, g.since, {p.name for p in g.participants}) for g in ex.gap_claims]
    assert claims == [("first_since", "2022", {"Joe Biden", "Xi Jinping"})]


def test_a_date_after_after_in_a_follow_up_is_another_events() -> None:
    ex = run(
        "Joe Biden met Xi Jinping in Woodside. "
        "The summit followed months of repair work after a balloon was shot down in February.",
        "2023-11-16",
    )
    assert [m.date for m in ex.mentions] == [None]


def test_is_to_meet_is_planned() -> None:
    m = only("Moon Jae-in is to meet Kim Jong Un at Panmunjom next Friday.", "2018-04-20")
    assert m.status == "planned"


def test_turning_down_a_request_declines_it() -> None:
    m = only("Imran Khan turned down an offer from Narendra Modi to hold talks.", "2019-08-20")
    assert m.status == "declined"


def test_a_bare_the_two_subject_in_a_past_clause_keeps_its_date() -> None:
    ex = run(
        "Joe Biden invited Volodymyr Zelensky to the White House when the two spoke by phone "
        "on June 7.",
        "2021-08-10",
    )
    calls = [m for m in ex.mentions if m.mode == "phone"]
    assert calls and calls[0].date == "2021-06-07"
    assert {p.name for p in calls[0].participants} == {"Joe Biden", "Volodymyr Zelensky"}


def test_a_chat_and_coming_face_to_face_are_contacts() -> None:
    chat = only(
        "Donald Trump and Vladimir Putin chatted briefly at a dinner in Buenos Aires.",
        "2018-12-01",
    )
    assert chat.status == "occurred"
    face = only(
        "Donald Trump and Kim Jong Un came face to face at Panmunjom on Sunday.", "2019-07-01"
    )
    assert (face.mode, face.date) == ("meeting", "2019-06-30")


def test_the_subject_of_due_to_meet_is_a_participant() -> None:
    m = only("Joe Biden and Vladimir Putin are due to meet in Geneva next week.", "2021-06-10")
    assert m.status == "planned"
    assert names(m) == {"Joe Biden", "Vladimir Putin"}


def test_a_summit_that_is_only_the_venue_of_a_planned_meeting_adds_nothing() -> None:
    ex = run(
        "Joe Biden and Xi Jinping are expected to meet at the G20 summit in Bali next week.",
        "2022-11-08",
    )
    assert [m.status for m in ex.mentions] == ["planned"]


def test_not_spoken_since_with_a_bare_since_is_kept() -> None:
    ex = run(
        "Xi Jinping and Joe Biden met in Bali in November 2022. "
        "The two leaders have not spoken since.",
        "2023-02-20",
    )
    assert sorted(m.status for m in ex.mentions) == ["not_occurred", "occurred"]


def test_a_journey_under_way_for_talks_is_planned() -> None:
    m = only(
        "Emmanuel Macron was travelling on Tuesday to Kyiv for talks with Volodymyr Zelensky.",
        "2022-02-08",
    )
    assert (m.status, m.mode, m.location) == ("planned", "meeting", "Kyiv")


def test_contacts_told_as_a_habit_are_not_one_contact() -> None:
    ex = run("Emmanuel Macron and Vladimir Putin have spoken by phone repeatedly.", "2022-02-08")
    assert ex.mentions == ()


def test_calling_on_a_person_is_a_visit_and_calling_on_to_is_not() -> None:
    m = only("Sushma Swaraj called on Nawaz Sharif in Islamabad on Wednesday.", "2015-12-10")
    assert (m.mode, m.status, m.date) == ("meeting", "occurred", "2015-12-09")
    urged = run("Joe Biden called on Vladimir Putin to withdraw his troops.", "2022-02-10")
    assert urged.mentions == ()


def test_face_to_face_on_a_day_takes_that_day() -> None:
    m = only(
        "Vladimir Putin and Volodymyr Zelensky came face to face for the first time on Monday.",
        "2019-12-10",
    )
    assert (m.mode, m.date) == ("meeting", "2019-12-09")


def test_an_invitation_and_a_plan_elsewhere_are_two_contacts() -> None:
    ex = run(
        "Trump and Putin agree to meet\n\n"
        "The Kremlin said the call lasted 90 minutes and that Putin had invited Trump to "
        "visit Moscow. Trump said the two men would probably first meet in Saudi Arabia.",
        "2025-02-12",
    )
    pending = {(m.status, m.location) for m in ex.mentions if m.status != "occurred"}
    assert pending == {("requested", "Moscow"), ("planned", "Saudi Arabia")}
    assert all(m.duration_minutes is None for m in ex.mentions if m.status != "occurred")


def test_a_dated_trip_dates_the_meetings_held_in_that_city() -> None:
    ex = run(
        "Olaf Scholz spent a day in Beijing last Friday. "
        "Olaf Scholz held talks with Xi Jinping at the Great Hall of the People.",
        "2022-11-07",
    )
    talks = [m for m in ex.mentions if m.status == "occurred"]
    assert [(m.location, m.date) for m in talks] == [("Beijing", "2022-11-04")]


def test_a_trip_elsewhere_dates_nothing() -> None:
    ex = run(
        "Olaf Scholz spent a day in Paris last Friday. "
        "Olaf Scholz held talks with Xi Jinping at the Great Hall of the People.",
        "2022-11-07",
    )
    assert [m.date for m in ex.mentions] == [None]


def test_then_follows_the_last_contact_held_not_a_plan() -> None:
    ex = run(
        "Donald Trump held a phone call with Vladimir Putin on Wednesday. Trump said the two "
        "men would meet in Saudi Arabia. Trump said he then called Volodymyr Zelensky.",
        "2025-02-13",
    )
    zelensky = [m for m in ex.mentions if "Volodymyr Zelensky" in names(m)]
    assert [m.date for m in zelensky] == ["2025-02-12"]


@pytest.mark.parametrize(
    "refusal", ["declined to engage", "refused to take their calls", "declined to respond"]
)
def test_a_refusal_to_engage_declines_the_sought_call(refusal: str) -> None:
    text = f"Lloyd Austin had sought a call with Sergei Shoigu, but the Russian side {refusal}."
    m = only(text, "2022-03-24")
    assert (m.status, m.mode) == ("declined", "phone")


def test_a_refusal_of_something_else_does_not_decline_the_meeting() -> None:
    m = only("Ali Khamenei received Shinzo Abe but refused to accept the letter.", "2019-06-14")
    assert (m.status, m.mode) == ("occurred", "meeting")


def test_an_invitation_outside_a_when_clause_does_not_initiate_its_call() -> None:
    ex = run(
        "Vladimir Putin invited Xi Jinping to Moscow when the two held a video call on "
        "December 30.",
        "2023-03-20",
    )
    calls = [m for m in ex.mentions if m.mode == "video"]
    assert calls and calls[0].initiator is None and calls[0].date == "2022-12-30"


def test_wanting_to_meet_is_a_request() -> None:
    m = only("Fumio Kishida said he wanted to meet Kim Jong Un soon.", "2024-03-27")
    assert m.status == "requested"


def test_no_one_has_met_since_is_a_gap_claim_only() -> None:
    ex = run(
        "The last time the leaders of Japan and North Korea met was in May 2004. "
        "No Japanese prime minister has met a North Korean leader since.",
        "2024-03-27",
    )
    assert not [m for m in ex.mentions if m.status == "occurred" and m.date is None]
    assert ("none_since", "2004-05") in {(g.type, g.since) for g in ex.gap_claims}


def test_spending_the_evening_with_a_counterpart_is_a_meeting_on_the_main_clause_day() -> None:
    m = only(
        "Narendra Modi made a stop in Lahore yesterday, spending the evening with Nawaz Sharif.",
        "2015-12-26",
    )
    assert (m.mode, m.status, m.date) == ("meeting", "occurred", "2015-12-25")


def test_a_surname_named_in_an_unparsed_sentence_is_remembered() -> None:
    ex = run(
        "Nawaz Sharif turned 66 on Friday. Narendra Modi telephoned Sharif on Friday.",
        "2015-12-26",
    )
    assert [names(m) for m in ex.mentions] == [{"Narendra Modi", "Nawaz Sharif"}]


def test_an_accepted_invitation_is_a_plan() -> None:
    ex = run(
        "King Salman sent a letter to Ebrahim Raisi inviting him to visit Riyadh. "
        "Tehran said Raisi welcomed the invitation.",
        "2023-04-06",
    )
    visits = [m for m in ex.mentions if m.mode == "meeting"]
    assert [(m.status, m.location) for m in visits] == [("planned", "Riyadh")]


def test_received_by_a_host_with_honours_is_a_meeting_dated_by_its_conjunct() -> None:
    m = only(
        "Isaac Herzog visited Ankara in March 2022 and was received by Recep Tayyip Erdogan "
        "with full military honours.",
        "2023-09-20",
    )
    assert names(m) == {"Isaac Herzog", "Recep Tayyip Erdogan"}
    assert (m.mode, m.date) == ("meeting", "2022-03")


def test_a_contact_noun_in_apposition_restates_the_contact() -> None:
    m = only(
        "On Wednesday Benjamin Netanyahu is to meet Joe Biden, their first meeting this year.",
        "2023-09-20",
    )
    assert (m.status, names(m)) == ("planned", {"Benjamin Netanyahu", "Joe Biden"})


def test_days_later_counts_from_the_date_before_it() -> None:
    ex = run(
        "On December 6, Ajit Doval held talks with Nasser Khan Janjua in Bangkok, and three "
        "days later Sushma Swaraj called on Nawaz Sharif in Islamabad.",
        "2015-12-26",
    )
    dates = {frozenset(names(m)): m.date for m in ex.mentions}
    assert dates[frozenset({"Sushma Swaraj", "Nawaz Sharif"})] == "2015-12-09"
    assert dates[frozenset({"Ajit Doval", "Nasser Khan Janjua"})] == "2015-12-06"


def test_the_host_and_guests_of_a_summit_take_part_in_it() -> None:
    ex = run(
        "Vladimir Putin and Volodymyr Zelensky met on Monday at a summit in Paris hosted by "
        "Emmanuel Macron and attended by Angela Merkel.",
        "2019-12-10",
    )
    assert [names(m) for m in ex.mentions] == [
        {"Vladimir Putin", "Volodymyr Zelensky", "Emmanuel Macron", "Angela Merkel"}
    ]


def test_briefing_a_foreign_leader_is_a_contact() -> None:
    m = only(
        "Emmanuel Macron is due in Berlin on Tuesday to brief Chancellor Olaf Scholz.",
        "2022-02-07",
    )
    assert (m.status, m.mode, names(m)) == (
        "planned",
        "meeting",
        {"Emmanuel Macron", "Olaf Scholz"},
    )


def test_the_length_of_the_call_told_beside_another_contact_goes_to_the_call() -> None:
    ex = run(
        "Donald Trump held a phone call with Vladimir Putin on Wednesday. The Kremlin said the "
        "conversation lasted 90 minutes and that Putin had invited Trump to visit Moscow.",
        "2025-02-12",
    )
    lengths = {(m.mode, m.status): m.duration_minutes for m in ex.mentions}
    assert lengths == {("phone", "occurred"): 90, ("meeting", "requested"): None}


def test_declining_to_comment_is_no_refusal_of_the_request() -> None:
    ex = run(
        "Lloyd Austin asked for a call with Wei Fenghe on Saturday. He declined to comment.",
        "2023-02-06",
    )
    assert [m.status for m in ex.mentions] == ["requested"]


def test_a_shared_meal_is_a_meeting() -> None:
    m = only(
        "Anthony Albanese had lunch with New Zealand's Jacinda Ardern in Sydney on Friday.",
        "2022-06-11",
    )
    assert names(m) == {"Anthony Albanese", "Jacinda Ardern"}
    assert (m.mode, m.status, m.date, m.location) == ("meeting", "occurred", "2022-06-10", "Sydney")


def test_the_noun_an_object_relative_clause_is_about_is_the_one_met() -> None:
    m = only(
        "Narendra Modi said he would raise the matter with Chinese President Xi Jinping, "
        "whom he met in Kazan last month.",
        "2024-11-20",
    )
    assert names(m) == {"Narendra Modi", "Xi Jinping"}
    assert (m.status, m.date, m.location) == ("occurred", "2024-10", "Kazan")


def test_discussing_a_topic_with_someone_keeps_the_interlocutor() -> None:
    m = only("Olaf Scholz said he would discuss the gas pipeline with Joe Biden.", "2022-02-01")
    assert names(m) == {"Olaf Scholz", "Joe Biden"}
    assert (m.status, m.mode) == ("planned", "unspecified")


def test_being_in_a_city_last_week_for_talks_places_them_there() -> None:
    m = only("Xi Jinping was in Moscow last week for talks with Vladimir Putin.", "2023-03-29")
    assert (m.mode, m.location, m.date) == ("meeting", "Moscow", "2023-03")


def test_last_held_talks_with_modifiers_is_a_last_was_gap() -> None:
    ex = run(
        "Fumio Kishida met Yoon Suk Yeol on Tuesday. "
        "The two leaders had last held formal bilateral talks in Phnom Penh in November.",
        "2023-03-17",
    )
    assert [(g.type, g.since) for g in ex.gap_claims] == [("last_was", "2022-11")]


def test_a_first_visit_to_a_country_is_no_gap_between_the_two() -> None:
    ex = run(
        "Annalena Baerbock met Qin Gang in Tianjin on Friday, the first trip to China by a "
        "German foreign minister in more than three years.",
        "2023-04-15",
    )
    assert [m.status for m in ex.mentions] == ["occurred"]
    assert ex.gap_claims == ()


def test_talks_a_journey_still_to_come_is_for_are_planned() -> None:
    m = only(
        "Antony Blinken will travel to Beijing next month for talks with Qin Gang.", "2023-01-17"
    )
    assert (m.status, m.date) == ("planned", "2023-02")


def test_due_to_travel_for_talks_gives_the_traveller_and_a_date_ahead() -> None:
    m = only(
        "Josep Borrell is due to travel to China in April for talks with Qin Gang.", "2023-03-14"
    )
    assert names(m) == {"Josep Borrell", "Qin Gang"}
    assert (m.status, m.date) == ("planned", "2023-04")


def test_a_trip_for_talks_that_was_called_off_is_cancelled() -> None:
    m = only(
        "Josep Borrell had been due to travel to China in April for talks with Qin Gang, "
        "but the trip was called off after he tested positive for COVID-19.",
        "2023-10-14",
    )
    assert names(m) == {"Josep Borrell", "Qin Gang"}
    assert (m.status, m.date) == ("cancelled", "2023-04")


def test_the_two_governments_are_the_pair_just_named() -> None:
    ex = run(
        "Emmanuel Macron hosted Olaf Scholz on Wednesday. "
        "Last week the two governments postponed a joint cabinet meeting.",
        "2022-10-26",
    )
    cancelled = [m for m in ex.mentions if m.status == "cancelled"]
    assert [names(m) for m in cancelled] == [{"Emmanuel Macron", "Olaf Scholz"}]


def test_an_object_pronoun_is_not_its_own_clauses_subject() -> None:
    m = only(
        "Narendra Modi arrives in Washington next month. "
        "Antony Blinken will host a lunch for him at the State Department.",
        "2023-05-11",
    )
    assert names(m) == {"Antony Blinken", "Narendra Modi"}
    assert m.status == "planned"


def test_the_day_a_cancellation_is_announced_does_not_date_the_contact() -> None:
    m = only(
        "The State Department announced on Tuesday that the meeting between Antony Blinken "
        "and Sergey Lavrov had been cancelled.",
        "2022-02-23",
    )
    assert (m.status, m.date) == ("cancelled", None)


def test_a_contact_during_the_trip_takes_the_trips_day() -> None:
    ex = run(
        "Olaf Scholz held talks with Xi Jinping in Beijing on Friday. "
        "Scholz also met Premier Li Keqiang during the visit.",
        "2022-11-05",
    )
    dates = {frozenset(str(n) for n in names(m)): m.date for m in ex.mentions}
    assert dates[frozenset({"Olaf Scholz", "Li Keqiang"})] == "2022-11-04"


def test_will_not_meet_until_is_a_refusal() -> None:
    m = only(
        "Recep Tayyip Erdogan said he would not meet Benjamin Netanyahu while the war in "
        "Gaza went on.",
        "2023-11-05",
    )
    assert (m.status, m.date) == ("declined", None)
