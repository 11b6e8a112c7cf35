"""Measure extraction against gold files: matching, metrics, and a CAMEO-style baseline."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readouts.clean import make_document
from readouts.evaluate.gold import load_gold, participant_dict, to_gold_record
from readouts.evaluate.matching import (
    Matcher,
    Matching,
    NullVocabulary,
    match_contacts,
    match_gap_claims,
)
from readouts.evaluate.metrics import Accuracy, EvalReport, Score, score_records
from readouts.records import Document, Extraction

Extractor = Callable[[Document], Extraction]


def gold_document(rec: dict[str, Any], source: str) -> Document:
    """Build the Document a gold record describes, cleaned as ingest would clean it."""
    return make_document(
        rec["text"],
        fmt="text",
        source=source,
        published=rec.get("published"),
        external_id=str(rec["id"]),
    )


def prediction_record(doc: Document, extraction: Extraction) -> dict[str, Any]:
    """Return the gold-format prediction, keeping office types for participant matching."""
    rec = to_gold_record(doc, extraction)
    for item, mention in zip(rec["contacts"], extraction.mentions, strict=True):
        item["participants"] = [
            {**participant_dict(p), "office": p.office} for p in mention.participants
        ]
    for item, claim in zip(rec["gap_claims"], extraction.gap_claims, strict=True):
        item["participants"] = [
            {**participant_dict(p), "office": p.office} for p in claim.participants
        ]
    return rec


def _run(
    gold: list[dict[str, Any]], source: str, extractor: Extractor, matcher: Matcher
) -> EvalReport:
    start = time.perf_counter()
    predictions = {}
    for rec in gold:
        doc = gold_document(rec, source)
        predictions[str(rec["id"])] = prediction_record(doc, extractor(doc))
    report = score_records(gold, predictions, matcher)
    report.seconds = time.perf_counter() - start
    return report


def evaluate_predictions(
    path: str | Path,
    predictions: str | Path,
    *,
    baseline: bool = False,
    matcher: Matcher | None = None,
) -> EvalReport:
    """Score a file of predictions in the gold format (matched by ``id``) against a gold file."""
    gold = load_gold(path)
    matcher = matcher or Matcher()
    start = time.perf_counter()
    preds = {str(rec["id"]): rec for rec in load_gold(predictions, need_text=False)}
    report = score_records(gold, preds, matcher)
    report.seconds = time.perf_counter() - start
    if baseline:
        from readouts.evaluate.baseline import extract_document as baseline_extract

        report.baseline = _run(gold, str(path), baseline_extract, matcher)
    return report


def evaluate_file(
    path: str | Path,
    *,
    extractor: Extractor | None = None,
    baseline: bool = False,
    matcher: Matcher | None = None,
) -> EvalReport:
    """Run extraction on every document of a gold file and score it (no database involved)."""
    gold = load_gold(path)
    matcher = matcher or Matcher()
    if extractor is None:
        from readouts.extract import extract_document

        extractor = extract_document
    report = _run(gold, str(path), extractor, matcher)
    if baseline:
        from readouts.evaluate.baseline import extract_document as baseline_extract

        report.baseline = _run(gold, str(path), baseline_extract, matcher)
    return report


__all__ = [
    "Accuracy",
    "EvalReport",
    "Extractor",
    "Matcher",
    "Matching",
    "NullVocabulary",
    "Score",
    "evaluate_file",
    "evaluate_predictions",
    "gold_document",
    "load_gold",
    "match_contacts",
    "match_gap_claims",
    "prediction_record",
    "score_records",
    "to_gold_record",
]
