"""The `extract` and `mentions` commands, on articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from readouts.clean import make_document
from readouts.cli import app
from readouts.extract import EXTRACTOR_VERSION, extract_document
from readouts.store import Store

runner = CliRunner()

ARTICLE = (
    "Blinken and Lavrov speak\n\n"
    "Secretary of State Antony Blinken spoke by phone with Russian Foreign Minister "
    "Sergey Lavrov on Friday.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_jsonl_prints_the_gold_format(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    result = runner.invoke(app, ["extract", str(path), "--jsonl", "--published", "2022-07-30"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"id", "published", "contacts", "gap_claims"}
    assert record["published"] == "2022-07-30"
    [contact] = record["contacts"]
    assert contact["status"] == "occurred"
    assert contact["mode"] == "phone"
    assert contact["date"] == "2022-07-29"
    assert {p["name"] for p in contact["participants"]} == {"Antony Blinken", "Sergey Lavrov"}
    assert {p["country"] for p in contact["participants"]} == {"USA", "RUS"}
    assert "Blinken spoke by phone" in contact["evidence"]


def test_extract_jsonl_keeps_the_inputs_own_id(tmp_path: Path) -> None:
    line = {"id": "story-7", "text": ARTICLE, "published": "2022-07-30"}
    path = _write(tmp_path, "a.jsonl", json.dumps(line) + "\n")
    result = runner.invoke(app, ["extract", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "story-7"


def test_extract_summary_lists_contacts_with_evidence(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    result = runner.invoke(app, ["extract", str(path), "--published", "2022-07-30"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("published 2022-07-30")
    assert lines[1] == ("  occurred phone 2022-07-29: Antony Blinken (USA) — Sergey Lavrov (RUS)")
    assert any("Blinken spoke by phone" in line for line in lines[2:])


def test_extract_reports_a_bad_input_and_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.txt", ARTICLE)
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(good), "--jsonl"])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_extract_stores_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "a.txt", ARTICLE)
    assert runner.invoke(app, ["extract", str(path)]).exit_code == 0
    assert not (tmp_path / "readouts.db").exists()


def _store(tmp_path: Path) -> tuple[str, str]:
    """Store one extracted article the way ingest does; return (db, document id)."""
    db = str(tmp_path / "r.db")
    doc = make_document(ARTICLE, fmt="text", source="a.txt", published="2022-07-30")
    with Store.open(db) as store:
        store.add_documents([doc])
        store.save_extraction(extract_document(doc), EXTRACTOR_VERSION)
    return db, doc.id


def test_mentions_lists_stored_mentions_with_evidence(tmp_path: Path) -> None:
    db, doc_id = _store(tmp_path)
    result = runner.invoke(app, ["mentions", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    [mention] = json.loads(result.stdout)
    assert mention["status"] == "occurred"
    assert mention["doc_id"] == doc_id
    assert any(e["text"].startswith("Secretary of State Antony") for e in mention["evidence"])
    plain = runner.invoke(app, ["mentions", doc_id[:8], "--db", db])
    assert plain.exit_code == 0, plain.output
    first = plain.stdout.splitlines()[0]
    assert (
        first == f"{doc_id}  occurred phone 2022-07-29: Antony Blinken (USA) — Sergey Lavrov (RUS)"
    )


def test_mentions_of_an_unknown_document_fails_cleanly(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    result = runner.invoke(app, ["mentions", "nosuchdoc", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith("error:")
