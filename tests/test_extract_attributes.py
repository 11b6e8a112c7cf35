"""Duration, initiator, location and topics read from a contact's sentence."""

from __future__ import annotations

import pytest

from readouts.extract.attributes import duration_minutes, initiator, location, topics
from readouts.records import Participant

BLINKEN = Participant(text="Blinken", name="Antony Blinken", country="USA")
LAVROV = Participant(text="Lavrov", name="Sergey Lavrov", country="RUS")
PUTIN = Participant(text="Vladimir Putin", name="Vladimir Putin", country="RUS")
BIDEN = Participant(text="President Biden", name="Joe Biden", country="USA")

# --- duration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Biden and Xi spoke by video for approximately 110 minutes.", 110),  # minutes
        ("The Geneva summit ended after about four hours of talks.", 240),  # hours of talks
        ("Austin held an hour-long call with Shoigu.", 60),  # hour-long
        ("Macron and Putin spoke for about an hour.", 60),  # about an hour
        ("Biden and Putin met for more than two hours.", 120),  # more than N hours
        ("Trump and Putin held a 90-minute phone conversation.", 90),  # N-minute
        ("Erdogan and Putin talked for an hour and a half.", 90),  # an hour and a half
        ("The leaders spoke for one and a half hours.", 90),  # one and a half hours
        ("The Helsinki meeting lasted two hours and 10 minutes.", 130),  # hours and minutes
        ("The call lasted roughly 1 hour 20 minutes.", 80),  # hours minutes
        ("Biden and Xi held a 3.5-hour virtual meeting.", 210),  # decimal hours
        ("Scholz and Putin spoke for half an hour.", 30),  # half an hour
        ("Biden and Putin had a two-hour video call.", 120),  # N-hour
    ],
)
def test_duration_forms(text: str, minutes: int) -> None:
    assert duration_minutes(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "The talks began an hour later than planned.",  # a delay
        "Putin left some 20 minutes later.",  # a time after
        "The ceasefire must hold for 72 hours, Lavrov told Blinken.",  # another span
        "Xi paid a two-day state visit to Moscow.",  # days are no contact length
        "Blinken spoke with Lavrov by phone.",  # nothing stated
        "The talks resumed after a 15-minute break.",  # a break
        "Their talks lasted less than four hours.",  # an upper bound
    ],
)
def test_duration_not_about_the_contact(text: str) -> None:
    assert duration_minutes(text) is None


def test_duration_first_length_wins_over_a_break() -> None:
    assert duration_minutes("The video talks lasted 3.5 hours with a 15-minute break.") == 210


# --- initiator --------------------------------------------------------------------


def test_initiator_adjective_initiated() -> None:
    assert initiator("A US-initiated call between Austin and Belousov took place.", []) == "USA"


def test_initiator_at_the_request_of_a_side() -> None:
    text = "Blinken and Lavrov spoke at the request of the Russian side."
    assert initiator(text, [BLINKEN, LAVROV]) == "RUS"


def test_initiator_at_capitals_initiative() -> None:
    text = "Putin and Biden spoke by phone at Washington's initiative."
    assert initiator(text, [PUTIN, BIDEN]) == "USA"


def test_initiator_subject_initiated_the_contact() -> None:
    text = "Lavrov initiated the contact with Blinken."
    assert initiator(text, [BLINKEN, LAVROV]) == "RUS"


def test_initiator_x_called_y() -> None:
    assert initiator("Vladimir Putin called President Biden on Friday.", [PUTIN, BIDEN]) == "RUS"
    assert initiator("Blinken phoned Lavrov.", [BLINKEN, LAVROV]) == "USA"


def test_initiator_call_from() -> None:
    text = "Lavrov received a call from Blinken."
    assert initiator(text, [BLINKEN, LAVROV]) == "USA"


def test_initiator_declined_calls_from() -> None:
    milley = Participant(text="Gen. Mark A. Milley", name="Mark Milley", country="USA")
    shoigu = Participant(text="the Russian defense minister", country="RUS")
    text = "In March, the Russian defense minister declined calls from Gen. Mark A. Milley."
    assert initiator(text, [shoigu, milley]) == "USA"


def test_initiator_possessive_call_to() -> None:
    text = "Putin's call to President Biden came late on Friday."
    assert initiator(text, [PUTIN, BIDEN]) == "RUS"


def test_initiator_summoned_by() -> None:
    envoy = Participant(text="the US ambassador", country="USA")
    text = "The US ambassador was summoned by Russia's Foreign Ministry."
    assert initiator(text, [envoy]) == "RUS"


def test_initiator_suggested_or_invited() -> None:
    assert initiator("Blinken suggested a phone call with Lavrov.", [BLINKEN, LAVROV]) == "USA"
    zelensky = Participant(text="Zelensky", name="Volodymyr Zelensky", country="UKR")
    xi = Participant(text="the Chinese leader", country="CHN")
    assert initiator("Zelensky invited the Chinese leader to Kyiv.", [zelensky, xi]) == "UKR"


def test_initiator_wrote_a_letter() -> None:
    kim = Participant(text="Kim Jong Un", name="Kim Jong Un", country="PRK")
    trump = Participant(text="Donald Trump", name="Donald Trump", country="USA")
    assert initiator("Donald Trump wrote a letter to Kim Jong Un.", [trump, kim]) == "USA"


def test_initiator_called_a_demonym_title() -> None:
    zelensky = Participant(text="Volodymyr Zelensky", name="Volodymyr Zelensky", country="UKR")
    text = "Biden said he then called Ukrainian President Volodymyr Zelensky."
    assert initiator(text, [BIDEN, zelensky]) == "USA"


def test_initiator_pronoun_subject_is_the_other_side() -> None:
    assert initiator("He has invited Lavrov to talks twice.", [BLINKEN, LAVROV]) == "USA"
    assert initiator("She had written to Moscow about the visas.", [BLINKEN, LAVROV]) == "USA"


def test_initiator_host_invites_to_visit() -> None:
    albanese = Participant(text="Albanese", name="Anthony Albanese", country="AUS")
    text = "had invited him to pay an official visit to Washington"
    assert initiator(text, [BIDEN, albanese]) == "USA"
    text = "the invitation for Biden to visit Moscow remained open"
    assert initiator(text, [BIDEN, PUTIN]) == "RUS"


def test_initiator_wish_to_meet() -> None:
    text = "Putin has said he wants to meet Biden in person."
    assert initiator(text, [PUTIN, BIDEN]) == "RUS"


def test_initiator_letter_from_stops_at_its_recipient() -> None:
    araghchi = Participant(text="Araghchi", name="Abbas Araghchi", country="IRN")
    oman = Participant(text="Busaidi", name="Badr Albusaidi", country="OMN")
    text = "Busaidi gave Araghchi a letter from the US president addressed to Iranian leaders."
    assert initiator(text, [oman, araghchi]) == "USA"
    text = "Busaidi gave Araghchi a letter from the president addressed to Iranian leaders."
    assert initiator(text, [oman, araghchi]) is None


def test_initiator_none_when_not_stated() -> None:
    assert initiator("Blinken and Lavrov spoke by phone.", [BLINKEN, LAVROV]) is None
    assert initiator("Lavrov called for calm after talking to Blinken.", [BLINKEN, LAVROV]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Biden and Putin met at a villa called La Grange in Geneva.",  # "called" = named
        "Lavrov said the so-called talks with Blinken were useless.",  # so-called
        "US officials have repeatedly called China a threat.",  # calling a country something
        "Beijing has sought to show a neutral stance.",  # "sought" with no contact object
        "They discussed long-range missiles.",  # "rang" inside a word
    ],
)
def test_initiator_not_a_contact_verb(text: str) -> None:
    assert initiator(text, [BLINKEN, LAVROV, PUTIN, BIDEN]) is None


# --- location ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kerry and Lavrov met in the Russian resort of Sochi.", "Sochi"),
        ("Biden hosted Zelensky at the White House.", "Washington"),
        ("Biden and Putin met in Geneva, Switzerland.", "Geneva"),
        ("Trump and Putin met on the sidelines of the G20 summit in Hamburg.", "Hamburg"),
        ("Lavrov and Pompeo met in Finland's Rovaniemi.", "Rovaniemi"),
        ("Medinsky and Umerov met at the Ciragan Palace in Istanbul.", "Ciragan Palace, Istanbul"),
        ("Trump said the Budapest summit would not happen.", "Budapest"),
        ("Xi travelled to Moscow for talks with Putin.", "Moscow"),
        ("In Moscow, the ambassador was summoned to the ministry.", "Moscow"),
        ("Burns met Naryshkin in Turkey in November.", "Turkey"),
        ("Biden and Xi met at the Filoli estate in Woodside.", "Filoli estate, Woodside"),
        ("Kim travelled by armoured train to Vladivostok for talks.", "Vladivostok"),
        ("The two presidents met in the Saudi capital, Riyadh.", "Riyadh"),
        ("Harris met Zelensky at the Munich Security Conference on Friday.", "Munich"),
        ("Blinken was travelling to Kyiv for talks with Kuleba.", "Kyiv"),
        ("Lula will come to Beijing next month for talks with Xi.", "Beijing"),
        ("Scholz made a brief stop in Warsaw to see Duda.", "Warsaw"),
        ("Macron was due in Berlin in the evening to brief Scholz.", "Berlin"),
        ("He spoke to reporters in Vilnius, after talks with Nauseda.", "Vilnius"),
        ("Austin was in Jakarta, where he called on President Widodo.", "Jakarta"),
        ("Earlier this month, in Doha, the envoys held two days of talks.", "Doha"),
        ("Sullivan and Wang held strategic stability talks in Vienna.", "Vienna"),
        ("Blinken met Wang on the sidelines of the G20 in Bali on Nov. 14.", "Bali"),
    ],
)
def test_location_forms(text: str, place: str) -> None:
    assert location(text) == place


def test_location_prefers_a_city_over_a_country() -> None:
    assert location("In Turkey, Lavrov met Kuleba in Antalya.") == "Antalya"


@pytest.mark.parametrize(
    "text",
    [
        "Blinken and Lavrov discussed the war in Ukraine.",
        "In March, Lavrov met Blinken.",
        "Putin and Biden spoke at Washington's request.",
        "Lavrov and Blinken spoke by phone.",
        "Erdogan offered to host the two leaders in Ankara or Istanbul.",
        "Sunak met Modi at the Indian Embassy.",
        "Kishida greeted Biden at Haneda Airport before their talks.",
    ],
)
def test_location_none(text: str) -> None:
    assert location(text) is None


def test_location_needs_a_meeting_context() -> None:
    assert location("Putin called Obama about the standoff in Ukraine.") is None
    assert location("The health ministry in Gaza gave new figures.") is None


def test_location_nearest_the_trigger() -> None:
    text = "Biden met Putin in Geneva, three years after Trump met him in Helsinki."
    assert location(text, anchor_start=text.index("Trump")) == "Helsinki"
    assert location(text, anchor_start=text.index("Biden")) == "Geneva"


def test_location_far_city_is_another_event() -> None:
    text = (
        "Trump said the two men would first meet in person in Saudi Arabia, adding that the "
        "Russian leader had asked him several times last year to come and visit Moscow."
    )
    assert location(text, anchor_start=text.index("meet")) == "Saudi Arabia"


def test_location_of_a_since_when_clause_is_not_the_triggers() -> None:
    text = "They have not met since May, when they held a summit in Oslo."
    assert location(text, anchor_start=text.index("met")) is None
    assert location(text, anchor_start=text.index("summit")) == "Oslo"


def test_location_restricted_to_ner_places() -> None:
    text = "Lavrov met Blinken in Stockholm."
    assert location(text, places=["Stockholm"]) == "Stockholm"
    assert location(text, places=[]) is None


# --- topics -----------------------------------------------------------------------


def test_topics_from_vocabulary() -> None:
    text = (
        "They discussed a prisoner swap, the grain deal, sanctions, New START and Iran's "
        "nuclear program, as well as Gaza and the war in Ukraine."
    )
    assert topics(text) == (
        "ukraine",
        "prisoners",
        "grain",
        "sanctions",
        "nuclear",
        "arms_control",
        "iran",
        "middle_east",
    )


def test_topics_more_of_the_vocabulary() -> None:
    text = "Talks covered Syria, North Korea, Venezuela, gas supplies, ransomware and a ceasefire."
    assert topics(text) == ("syria", "north_korea", "venezuela", "energy", "cyber", "ceasefire")


def test_topics_none() -> None:
    assert topics("Blinken and Lavrov spoke by phone.") == ()
