"""The CAMEO-style co-occurrence baseline: what it codes, and the weaknesses it is there to show."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from readouts.evaluate.baseline import code_sentence, extract_document, sentences
from readouts.records import Document


@dataclass(frozen=True)
class Tenure:
    office: str
    title: str


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    office: str
    title: str

    def office_on(self, on: object = None) -> Tenure:
        return Tenure(self.office, self.title)


PEOPLE = {
    "antony-blinken": Person(
        "antony-blinken", "Antony Blinken", "USA", "foreign_minister", "Secretary of State"
    ),
    "sergey-lavrov": Person(
        "sergey-lavrov", "Sergey Lavrov", "RUS", "foreign_minister", "Foreign Minister"
    ),
    "lloyd-austin": Person(
        "lloyd-austin", "Lloyd Austin", "USA", "defense_minister", "Secretary of Defense"
    ),
    "sergei-shoigu": Person(
        "sergei-shoigu", "Sergei Shoigu", "RUS", "defense_minister", "Defense Minister"
    ),
}


class FakeRegistry:
    def aliases(self) -> list[tuple[str, str]]:
        out = [(p.name, p.id) for p in PEOPLE.values()]
        return [
            *out,
            ("Blinken", "antony-blinken"),
            ("Lavrov", "sergey-lavrov"),
            ("Austin", "lloyd-austin"),
        ]

    def titles(self) -> list[tuple[str, str, str | None]]:
        return [
            ("defense minister", "defense_minister", None),
            ("foreign minister", "foreign_minister", None),
            ("Pentagon chief", "defense_minister", "USA"),
        ]

    def country_names(self) -> list[tuple[str, str]]:
        return [("Russian", "RUS"), ("Russia", "RUS"), ("American", "USA"), ("U.S.", "USA")]

    def person(self, pid: str) -> Person:
        return PEOPLE[pid]

    def holder(
        self, country: str, office: str, on: object = None, host: object = None
    ) -> Person | None:
        return next(
            (p for p in PEOPLE.values() if (p.country, p.office) == (country, office)), None
        )


REG = FakeRegistry()


def doc(body: str, published: str = "2022-07-29") -> Document:
    return Document(id="d", body=body, raw=body, published=published)


def test_sentences_split_on_ends_and_lines() -> None:
    text = "Blinken called Lavrov. They talked.\nA new line"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Blinken called Lavrov.",
        "They talked.",
        "A new line",
    ]


def test_fires_on_a_consult_sentence_dated_by_publication() -> None:
    ex = extract_document(
        doc("Antony Blinken phoned Sergey Lavrov on Wednesday about a prisoner swap."), REG
    )
    (m,) = ex.mentions
    assert {p.name for p in m.participants} == {"Antony Blinken", "Sergey Lavrov"}
    assert (m.status, m.mode, m.date) == ("occurred", "phone", "2022-07-29")
    assert m.evidence[0].text.startswith("Antony Blinken phoned")


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Lavrov met Blinken in Geneva.", "meeting"),
        ("Blinken held a video conference with Lavrov.", "video"),
        ("Blinken wrote a letter to Lavrov.", "letter"),
        ("Blinken and Lavrov discussed grain exports.", "unspecified"),
    ],
)
def test_mode_comes_from_the_verb(sentence: str, mode: str) -> None:
    ((_, _, found),) = code_sentence(REG, sentence, "2022-07-29")
    assert found == mode


def test_titles_with_a_demonym_are_actors() -> None:
    ((a, b, mode),) = code_sentence(
        REG, "The Pentagon chief spoke with the Russian defense minister.", None
    )
    assert (a.country, b.country) == ("USA", "RUS")
    assert b.name == "Sergei Shoigu"


def test_needs_two_countries_and_a_consult_verb() -> None:
    assert code_sentence(REG, "Lloyd Austin met Antony Blinken at the Pentagon.", None) == []
    assert code_sentence(REG, "Blinken criticised Lavrov over the grain blockade.", None) == []
    assert code_sentence(REG, "Blinken spoke to reporters.", None) == []


def test_ignores_negation_and_modality_its_documented_weakness() -> None:
    body = (
        "Austin has not spoken with Sergei Shoigu since March. Blinken will meet Lavrov next week."
    )
    ex = extract_document(doc(body), REG)
    assert [(m.status, m.mode) for m in ex.mentions] == [
        ("occurred", "unspecified"),
        ("occurred", "meeting"),
    ]
    assert all(m.date == "2022-07-29" for m in ex.mentions)


def test_one_event_per_document_for_repeated_wordings() -> None:
    body = (
        "Blinken called Lavrov. In the call, Blinken pressed Lavrov on the prisoners. "
        "Lavrov met Blinken."
    )
    ex = extract_document(doc(body), REG)
    assert [m.mode for m in ex.mentions] == ["phone", "meeting"]


def test_works_with_the_shipped_registry() -> None:
    from readouts.actors import load_registry

    body = (
        "The Pentagon chief spoke by phone with the Russian defense minister on Tuesday. "
        "Secretary of State John Kerry met Sergei Lavrov in Sochi."
    )
    ex = extract_document(doc(body, published="2015-05-12"), load_registry())
    found = [(tuple(sorted(p.name or "?" for p in m.participants)), m.mode) for m in ex.mentions]
    assert (("John Kerry", "Sergey Lavrov"), "meeting") in found
    assert (("Ash Carter", "Sergei Shoigu"), "phone") in found
