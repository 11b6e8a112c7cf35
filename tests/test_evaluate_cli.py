"""`readouts evaluate`: the table, --json, --errors and --baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import readouts.evaluate.matching as matching
import readouts.extract
from readouts.cli import app
from readouts.records import Document, Evidence, Extraction, Mention, Participant

TEXT = (
    "Moscow and Washington talk again\n\n"
    "President Joe Biden held a video call with Vladimir Putin on Tuesday that lasted "
    "about two hours, the White House said. The two leaders will not meet in person soon.\n"
)
GOLD = {
    "id": "cli1",
    "published": "2021-12-07",
    "text": TEXT,
    "contacts": [
        {
            "participants": [
                {"name": "Joe Biden", "country": "USA", "role": "President"},
                {"name": "Vladimir Putin", "country": "RUS", "role": "President"},
            ],
            "mode": "video",
            "status": "occurred",
            "date": "2021-12-07",
            "location": None,
            "duration_minutes": 120,
            "initiator": None,
            "evidence": "Biden held a video call with Vladimir Putin",
        }
    ],
    "gap_claims": [],
}


def fake_extract(doc: Document) -> Extraction:
    """Find the call, but also a meeting the text denies (a false positive)."""
    start = doc.body.index("President")
    end = doc.body.index("said.") + 5
    ev = (Evidence(doc.id, start, end, doc.body[start:end]),)
    people = (
        Participant(name="Joe Biden", country="USA", office="head_of_state"),
        Participant(name="Vladimir Putin", country="RUS", office="head_of_state"),
    )
    return Extraction(
        doc_id=doc.id,
        mentions=(
            Mention(
                doc.id, people, mode="video", date="2021-12-07", duration_minutes=120, evidence=ev
            ),
            Mention(doc.id, people, mode="meeting", date=None, evidence=ev),
        ),
    )


@pytest.fixture
def gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(readouts.extract, "extract_document", fake_extract)
    monkeypatch.setattr(matching, "default_vocabulary", matching.NullVocabulary)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_plain_output_ends_with_occurred_f1(gold: Path) -> None:
    lines = run(str(gold)).splitlines()
    assert lines[-1] == "occurred F1 0.667"
    assert lines[0].startswith("gold.jsonl: 1 documents")
    occurred = next(line for line in lines if line.startswith("occurred "))
    assert occurred.split() == ["occurred", "0.500", "1.000", "0.667", "1", "1", "0"]
    assert any(line.split() == ["date", "1.000"] for line in lines)
    # The per-status breakdown under "all statuses" lists only statuses that occur.
    assert [line.split()[0] for line in lines if line.startswith("  ") and "0." in line][:1] == [
        "occurred"
    ]
    assert not any(line.strip().startswith("planned") for line in lines)


def test_json_has_the_documented_keys(gold: Path) -> None:
    data = json.loads(run(str(gold), "--json"))
    assert set(data) == {"documents", "occurred", "all", "gap_claims", "attributes", "seconds"}
    assert data["occurred"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }
    assert data["attributes"]["duration"] == 1.0


def test_json_baseline_has_the_same_shape(gold: Path) -> None:
    data = json.loads(run(str(gold), "--json", "--baseline"))
    assert set(data["baseline"]) == {
        "documents",
        "occurred",
        "all",
        "gap_claims",
        "attributes",
        "seconds",
    }
    assert data["baseline"]["documents"] == 1


def test_plain_baseline_is_side_by_side(gold: Path) -> None:
    lines = run(str(gold), "--baseline").splitlines()
    assert lines[-1] == "occurred F1 0.667"
    assert lines[-2].startswith("baseline occurred F1 ")
    occurred = next(line for line in lines if line.startswith("occurred "))
    assert "|" in occurred and len(occurred.replace("|", " ").split()) == 13


def test_errors_lists_false_positives_with_evidence(gold: Path) -> None:
    out = run(str(gold), "--errors")
    assert "false positive" in out
    assert "occurred meeting undated" in out
    assert "“President Joe Biden held a video call" in out
    assert out.splitlines()[-1] == "occurred F1 0.667"


def test_bad_gold_file_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    result = CliRunner().invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: missing 'text'" in result.output


def test_predictions_file_is_scored_without_extraction(gold: Path, tmp_path: Path) -> None:
    preds = tmp_path / "preds.jsonl"
    perfect = {"id": "cli1", "published": "2021-12-07", "contacts": GOLD["contacts"]}
    preds.write_text(json.dumps(perfect) + "\n")
    assert run(str(gold), "--predictions", str(preds)).splitlines()[-1] == "occurred F1 1.000"
    preds.write_text(json.dumps({"id": "another", "contacts": GOLD["contacts"]}) + "\n")
    data = json.loads(run(str(gold), "--predictions", str(preds), "--json"))
    assert (data["all"]["tp"], data["all"]["fn"]) == (0, 1)
