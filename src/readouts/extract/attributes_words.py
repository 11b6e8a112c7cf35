"""Word lists the attribute rules read: country words, well-known venues, topic keywords."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


# Demonyms, names, capitals and metonyms -> ISO alpha-3 / organisation code.
COUNTRY_WORDS: dict[str, str] = {}
for _code, _words in {
    "USA": "US U.S. U.S U.S.A. USA American Americans America United States Washington "
    "White House Pentagon State Department",
    "RUS": "Russia Russian Russians Moscow Kremlin Russian Federation",
    "UKR": "Ukraine Ukrainian Ukrainians Kyiv Kiev",
    "CHN": "China Chinese Beijing PRC",
    "TUR": "Turkey Turkish Türkiye Ankara Turkiye",
    "FRA": "France French Paris Elysee Élysée",
    "DEU": "Germany German Berlin",
    "GBR": "Britain British UK U.K. United Kingdom London Downing Street",
    "IND": "India Indian New Delhi",
    "PAK": "Pakistan Pakistani Islamabad",
    "ISR": "Israel Israeli Jerusalem",
    "IRN": "Iran Iranian Tehran",
    "PRK": "North Korea North Korean Pyongyang DPRK",
    "KOR": "South Korea South Korean Seoul",
    "JPN": "Japan Japanese Tokyo",
    "SAU": "Saudi Arabia Saudi Riyadh",
    "QAT": "Qatar Qatari Doha",
    "ARE": "UAE Emirati Abu Dhabi United Arab Emirates",
    "SYR": "Syria Syrian Damascus",
    "BLR": "Belarus Belarusian Minsk",
    "POL": "Poland Polish Warsaw",
    "ITA": "Italy Italian Rome",
    "HUN": "Hungary Hungarian Budapest",
    "FIN": "Finland Finnish Helsinki",
    "CHE": "Switzerland Swiss Bern",
    "EGY": "Egypt Egyptian Cairo",
    "VEN": "Venezuela Venezuelan Caracas",
    "CUB": "Cuba Cuban Havana",
    "BRA": "Brazil Brazilian Brasilia",
    "KAZ": "Kazakhstan Kazakh Astana",
    "JOR": "Jordan Jordanian Amman",
    "AFG": "Afghanistan Afghan Kabul",
    "NATO": "NATO",
    "UN": "UN U.N. United Nations",
    "EU": "EU E.U. European Union Brussels",
    "IAEA": "IAEA",
}.items():
    for _w in _words.split():
        COUNTRY_WORDS[_w] = _code
# Multi-word names must be whole keys too.
COUNTRY_WORDS.update(
    {
        "United States": "USA",
        "White House": "USA",
        "State Department": "USA",
        "Russian Federation": "RUS",
        "North Korea": "PRK",
        "North Korean": "PRK",
        "South Korea": "KOR",
        "South Korean": "KOR",
        "Saudi Arabia": "SAU",
        "United Kingdom": "GBR",
        "Downing Street": "GBR",
        "New Delhi": "IND",
        "Abu Dhabi": "ARE",
        "United Arab Emirates": "ARE",
        "United Nations": "UN",
        "European Union": "EU",
    }
)
for _w in ("United", "House", "Department", "Federation", "North", "South", "Korea", "Korean"):
    COUNTRY_WORDS.pop(_w, None)
for _w in ("Delhi", "Abu", "Dhabi", "Arabia", "Kingdom", "Downing", "Street", "Nations", "Union"):
    COUNTRY_WORDS.pop(_w, None)
COUNTRY_WORDS.pop("New", None)
COUNTRY_WORDS.pop("Arab", None)
COUNTRY_WORDS.pop("Emirates", None)
COUNTRY_WORDS.pop("Saudi", None)
COUNTRY_WORDS["Saudi"] = "SAU"

# Names of states (as opposed to their cities): a city is a better meeting location.
_STATES = (
    "Russia Ukraine China Turkey Türkiye France Germany Britain India Pakistan Israel Iran "
    "Japan Qatar Syria Belarus Poland Italy Hungary Finland Switzerland Egypt Venezuela Cuba "
    "Brazil Kazakhstan Jordan Afghanistan Finland Norway Sweden Austria Serbia Georgia Armenia "
    "Azerbaijan Lebanon Iraq Oman Mongolia Vietnam Indonesia Mexico Canada Spain "
    "Greece Romania Bulgaria Estonia Latvia Lithuania Moldova Slovakia Denmark Belgium "
    "Netherlands Portugal Ireland Croatia Malaysia Thailand Africa Kenya Nigeria Ethiopia"
)
STATE_NAMES = words(_STATES) | frozenset(
    ("United States", "North Korea", "South Korea", "Saudi Arabia", "United Kingdom")
)

# Capitals and other cities among COUNTRY_WORDS: places, unlike the demonyms next to them.
CAPITALS = words(
    "Washington Moscow Kyiv Kiev Beijing Ankara Paris Berlin London Islamabad Jerusalem "
    "Tehran Pyongyang Seoul Tokyo Riyadh Doha Damascus Minsk Warsaw Rome Budapest Helsinki "
    "Bern Cairo Caracas Havana Brasilia Astana Amman Kabul Brussels"
) | frozenset(("New Delhi", "Abu Dhabi"))
# Country words that are adjectives or institutions, never a meeting place by themselves.
NOT_PLACES = frozenset(w for w in COUNTRY_WORDS if w not in CAPITALS and w not in STATE_NAMES)

# Venues that name their city.
VENUES: dict[str, str] = {
    "White House": "Washington",
    "Oval Office": "Washington",
    "Capitol": "Washington",
    "State Department": "Washington",
    "Pentagon": "Washington",
    "Camp David": "Camp David",
    "Kremlin": "Moscow",
    "Élysée Palace": "Paris",
    "Elysee Palace": "Paris",
    "Downing Street": "London",
    "Zhongnanhai": "Beijing",
    "Great Hall of the People": "Beijing",
    "Mar-a-Lago": "Palm Beach",
    "Dolmabahce Palace": "Istanbul",
    "Villa La Grange": "Geneva",
    "United Nations headquarters": "New York",
    "UN headquarters": "New York",
    "U.N. headquarters": "New York",
}

# Recurring gatherings held in one city, named without it ("the Munich Security Conference").
GATHERINGS: dict[str, str] = {
    "Munich Security Conference": "Munich",
    "Shangri-La Dialogue": "Singapore",
    "Raisina Dialogue": "New Delhi",
    "Manama Dialogue": "Manama",
    "Eastern Economic Forum": "Vladivostok",
    "St. Petersburg International Economic Forum": "St. Petersburg",
    "St Petersburg International Economic Forum": "St Petersburg",
    "UN General Assembly": "New York",
    "U.N. General Assembly": "New York",
    "United Nations General Assembly": "New York",
}

# Controlled topic vocabulary: topic -> keyword regex alternatives (matched case-insensitively
# unless the alternative starts with an upper-case letter).
TOPICS: dict[str, tuple[str, ...]] = {
    "ukraine": ("Ukrain", "Kyiv", "Kiev", "Donbas", "Donbass", "Crimea", "Zelensk", "Kharkiv"),
    "prisoners": (
        "prisoner",
        "detainee",
        "wrongfully detained",
        "prisoner swap",
        "hostage",
        "Griner",
        "Whelan",
        "Gershkovich",
    ),
    "grain": ("grain", "wheat", "food exports", "fertili[sz]er"),
    "sanctions": ("sanction",),
    "nuclear": ("nuclear", "atomic", "Zaporizhzhia", "uranium", "enrichment"),
    "arms_control": (
        "arms control",
        "New START",
        "INF Treaty",
        "strategic stability",
        "disarmament",
        "non-proliferation",
        "nonproliferation",
    ),
    "syria": ("Syria", "Damascus", "Assad"),
    "iran": ("Iran", "Tehran", "JCPOA"),
    "middle_east": (
        "Gaza",
        "Israel",
        "Palestin",
        "Hamas",
        "Middle East",
        "Hezbollah",
        "West Bank",
        "Lebanon",
    ),
    "north_korea": ("North Korea", "DPRK", "Pyongyang", "Kim Jong Un"),
    "venezuela": ("Venezuela", "Maduro", "Caracas"),
    "energy": ("energy", "natural gas", "gas supplies", "oil", "pipeline", "Nord Stream", "LNG"),
    "cyber": ("cyber", "hacking", "hackers", "ransomware", "election interference"),
    "trade": ("trade", "tariff", "exports", "imports"),
    "ceasefire": ("ceasefire", "cease-fire", "truce", "armistice"),
    "humanitarian": ("humanitarian", "evacuat", "refugee", "civilian corridor"),
    "afghanistan": ("Afghanistan", "Afghan", "Taliban", "Kabul"),
    "taiwan": ("Taiwan",),
    "terrorism": ("terroris",),
    "climate": ("climate",),
}
