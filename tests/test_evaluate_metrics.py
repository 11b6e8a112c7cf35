"""Metrics arithmetic, gold loading, the gold-format converter and evaluate_file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from readouts.errors import InputError
from readouts.evaluate import (
    EvalReport,
    Matcher,
    NullVocabulary,
    Score,
    evaluate_file,
    load_gold,
    score_records,
    to_gold_record,
)
from readouts.records import Document, Evidence, Extraction, GapClaim, Mention, Participant

NULL = Matcher(NullVocabulary())


def test_score_arithmetic() -> None:
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert s.as_dict() == {
        "precision": 0.75,
        "recall": 0.6,
        "f1": 0.6667,
        "tp": 3,
        "fp": 1,
        "fn": 2,
    }


def test_score_edge_cases() -> None:
    assert Score(0, 0, 0).f1 == 1.0  # nothing to find, nothing predicted
    assert Score(0, 0, 4).f1 == 0.0
    assert Score(0, 2, 0).precision == 0.0
    total = Score(1, 0, 0)
    total.add(Score(0, 1, 1))
    assert (total.tp, total.fp, total.fn) == (1, 1, 1)


def person(name: str, country: str) -> dict[str, Any]:
    return {"name": name, "country": country, "role": None}


def contact(status: str = "occurred", **kw: Any) -> dict[str, Any]:
    c = {
        "participants": [person("Antony Blinken", "USA"), person("Sergey Lavrov", "RUS")],
        "mode": "phone",
        "status": status,
        "date": "2022-07-29",
        "location": None,
        "duration_minutes": None,
        "initiator": None,
        "evidence": "Blinken spoke with Lavrov.",
    }
    c.update(kw)
    return c


def test_occurred_and_all_statuses_are_counted_apart() -> None:
    gold = [{"id": "a", "contacts": [contact(), contact("requested", date=None)], "gap_claims": []}]
    pred = {"a": {"contacts": [contact(), contact("declined", date=None)], "gap_claims": []}}
    r = score_records(gold, pred, NULL)
    assert (r.occurred.tp, r.occurred.fp, r.occurred.fn) == (1, 0, 0)
    assert (r.all.tp, r.all.fp, r.all.fn) == (1, 1, 1)
    assert r.documents == 1


def test_attributes_are_scored_over_matched_pairs() -> None:
    gold = [
        {
            "id": "a",
            "contacts": [
                contact(duration_minutes=25, initiator="USA"),
                contact(
                    "planned", mode="meeting", date="2022-08", location="Ciragan Palace, Istanbul"
                ),
            ],
            "gap_claims": [],
        }
    ]
    preds = [
        contact(date="2022", duration_minutes=25, initiator="usa", mode="unspecified"),
        contact(
            "planned", mode="meeting", date="2022-08", location="Istanbul", duration_minutes=60
        ),
    ]
    r = score_records(gold, {"a": {"contacts": preds, "gap_claims": []}}, NULL)
    assert r.all.tp == 2
    acc = {a: r.attributes[a].value for a in r.attributes}
    # A year for a gold day matches the contact but is not its date.
    assert acc["date"] == 0.5
    assert acc["mode"] == 0.5
    assert acc["duration"] == 0.5
    assert acc["initiator"] == 1.0
    assert acc["location"] == 1.0
    wrong = [e for e in r.errors if e["error"].startswith("wrong")]
    assert {e["error"] for e in wrong} == {"wrong date", "wrong mode", "wrong duration"}


def test_errors_list_every_false_positive_and_negative_with_evidence() -> None:
    gold = [{"id": "d1", "contacts": [contact(evidence="Gold sentence.")], "gap_claims": []}]
    pred = {"d1": {"contacts": [contact(mode="meeting", evidence="Predicted sentence.")]}}
    r = score_records(gold, pred, NULL)
    kinds = sorted((e["error"], e["evidence"], e["doc"]) for e in r.errors)
    assert kinds == [
        ("false negative", "Gold sentence.", "d1"),
        ("false positive", "Predicted sentence.", "d1"),
    ]


def test_gap_claims_are_scored() -> None:
    g = {
        "participants": ["Antony Blinken", "Sergey Lavrov"],
        "type": "first_since",
        "since": "2022-02-15",
    }
    gold = [{"id": "a", "contacts": [], "gap_claims": [g]}]
    pred = {"a": {"contacts": [], "gap_claims": [g, dict(g, type="last_was")]}}
    r = score_records(gold, pred, NULL)
    assert (r.gap_claims.tp, r.gap_claims.fp, r.gap_claims.fn) == (1, 1, 0)


def test_report_dict_shape() -> None:
    d = EvalReport(baseline=EvalReport()).as_dict()
    assert set(d) == {
        "documents",
        "occurred",
        "all",
        "gap_claims",
        "attributes",
        "seconds",
        "baseline",
    }
    assert set(d["attributes"]) == {"date", "mode", "duration", "initiator", "location"}
    assert set(d["occurred"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert "baseline" not in EvalReport().as_dict()


def write_gold(path: Path, records: list[Any]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return path


TEXT = (
    "Blinken and Lavrov speak by phone\n\n"
    "Secretary of State Antony Blinken spoke by telephone with Russian Foreign Minister "
    "Sergey Lavrov on Friday about a possible prisoner exchange, the State Department said.\n"
)
GOLD = {
    "id": "mine1",
    "published": "2022-07-29",
    "text": TEXT,
    "contacts": [contact(evidence="Blinken spoke by telephone with Lavrov")],
    "gap_claims": [],
}


def test_load_gold_reads_records(tmp_path: Path) -> None:
    records = load_gold(write_gold(tmp_path / "g.jsonl", [GOLD, "", dict(GOLD, id="mine2")]))
    assert [r["id"] for r in records] == ["mine1", "mine2"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        (json.dumps(dict(GOLD, id=None)), "missing 'id'"),
        (json.dumps(dict(GOLD, id="b", contacts=[contact("happened")])), "unknown contact status"),
        (json.dumps(dict(GOLD, id="b", contacts=[contact(date="29 July")])), "contact date"),
        (json.dumps(dict(GOLD, id="b", published="2022-13-01")), "published"),
        (
            json.dumps(dict(GOLD, id="b", gap_claims=[{"participants": ["A"], "type": "x"}])),
            "gap-claim type",
        ),
    ],
)
def test_load_gold_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = write_gold(tmp_path / "bad.jsonl", [GOLD, line])
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert reason in str(info.value)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.jsonl")


def _mention(doc: Document, status: str = "occurred") -> Mention:
    start = doc.body.index("Secretary")
    return Mention(
        doc_id=doc.id,
        participants=(
            Participant(name="Antony Blinken", country="USA", office="foreign_minister"),
            Participant(name="Sergei Lavrov", country="RUS", role="Foreign Minister"),
        ),
        mode="phone",
        status=status,
        date="2022-07-29",
        evidence=(Evidence(doc.id, start, start + 20, doc.body[start : start + 20]),),
    )


def test_to_gold_record() -> None:
    doc = Document(id="abc", body=TEXT, raw=TEXT, published="2022-07-29", external_id="mine1")
    gap = GapClaim(
        doc_id="abc",
        participants=(
            Participant(name="Lloyd Austin"),
            Participant(country="RUS", office="defense_minister"),
        ),
        type="none_since",
        since="2023-03",
    )
    rec = to_gold_record(
        doc, Extraction(doc_id="abc", mentions=(_mention(doc),), gap_claims=(gap,))
    )
    assert rec["id"] == "mine1" and rec["published"] == "2022-07-29"
    (c,) = rec["contacts"]
    assert c["participants"][0] == {
        "name": "Antony Blinken",
        "country": "USA",
        "role": "foreign minister",
    }
    assert c["evidence"] == "Secretary of State A"
    assert rec["gap_claims"][0]["participants"] == ["Lloyd Austin", "RUS:defense minister"]
    assert (
        to_gold_record(doc.__class__(id="abc", body="", raw=""), Extraction("abc"))["id"] == "abc"
    )


def test_evaluate_file_runs_the_extractor_on_each_gold_text(tmp_path: Path) -> None:
    seen: list[Document] = []

    def extractor(doc: Document) -> Extraction:
        seen.append(doc)
        return Extraction(doc_id=doc.id, mentions=(_mention(doc),), published=doc.published)

    path = write_gold(tmp_path / "g.jsonl", [GOLD, dict(GOLD, id="mine2", contacts=[])])
    report = evaluate_file(path, extractor=extractor, matcher=Matcher(NullVocabulary()))
    assert [d.external_id for d in seen] == ["mine1", "mine2"]
    assert all(d.published == "2022-07-29" and "Lavrov" in d.body for d in seen)
    # Sergei vs Sergey differs without a registry: the null vocabulary only folds.
    assert report.documents == 2
    assert (report.all.tp, report.all.fp, report.all.fn) == (0, 2, 1)

    class Aliases(NullVocabulary):
        def canonical_name(self, name: str, on: str | None = None) -> str | None:
            return "Sergey Lavrov" if "lavrov" in name.lower() else None

    report = evaluate_file(path, extractor=extractor, matcher=Matcher(Aliases()))
    assert (report.occurred.tp, report.occurred.fp, report.occurred.fn) == (1, 1, 0)
    assert report.attributes["date"].value == 1.0
    assert report.seconds >= 0


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.shared
@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl"])
def test_gold_scored_against_itself_is_perfect(name: str) -> None:
    from readouts.evaluate import evaluate_predictions

    path = SHARED / "gold" / name
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    d = evaluate_predictions(path, path).as_dict()
    assert d["documents"] > 0
    for key in ("occurred", "all", "gap_claims"):
        assert (d[key]["f1"], d[key]["fp"], d[key]["fn"]) == (1.0, 0, 0), key
    assert set(d["attributes"].values()) == {1.0}
