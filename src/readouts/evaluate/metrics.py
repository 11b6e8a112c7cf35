"""Score predictions against gold: P/R/F1 for contacts and gap claims, attribute accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from readouts.evaluate.matching import Matcher, fold, match_contacts, match_gap_claims
from readouts.records import STATUSES

ATTRIBUTES = ("date", "mode", "duration", "initiator", "location")


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            # Predicting nothing is perfect only when there was nothing to find.
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Correct out of total over matched pairs."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


def _attribute_correct(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Return whether a matched prediction has the gold value of one attribute."""
    if name == "date":
        g, p = gold.get("date"), pred.get("date")
        if g is None or p is None:
            return g is None and p is None
        from readouts.evaluate.matching import dates_agree

        # Same precision, and compatible: "2022" for a gold day is a match but not the date.
        return g.count("-") == p.count("-") and dates_agree(g, p, null_agrees=False)
    if name == "mode":
        return (gold.get("mode") or "unspecified") == (pred.get("mode") or "unspecified")
    if name == "duration":
        return gold.get("duration_minutes") == pred.get("duration_minutes")
    if name == "initiator":
        g, p = gold.get("initiator"), pred.get("initiator")
        return (g or "").upper() == (p or "").upper()
    if name == "location":
        g, p = fold(gold.get("location") or ""), fold(pred.get("location") or "")
        if not g or not p:
            return g == p
        # "Istanbul" names the place of "Ciragan Palace, Istanbul" well enough.
        return f" {p} " in f" {g} " or f" {g} " in f" {p} "
    raise ValueError(f"unknown attribute {name!r}")


def _names(item: dict[str, Any]) -> str:
    out = []
    for p in item.get("participants") or []:
        if isinstance(p, str):
            out.append(p)
        else:
            who = p.get("name") or p.get("role") or "?"
            out.append(f"{who} ({p.get('country') or '?'})")
    return " – ".join(out)


def _error(doc_id: str, kind: str, error: str, item: dict[str, Any]) -> dict[str, Any]:
    e = {
        "doc": doc_id,
        "kind": kind,
        "error": error,
        "participants": _names(item),
        "mode": item.get("mode"),
        "evidence": item.get("evidence"),
    }
    if kind == "contact":
        e.update(status=item.get("status"), date=item.get("date"))
    else:
        e.update(type=item.get("type"), since=item.get("since"))
    return e


@dataclass
class EvalReport:
    """The figures of one evaluation run (and of the baseline coder when asked for)."""

    documents: int = 0
    occurred: Score = field(default_factory=Score)
    all: Score = field(default_factory=Score)
    gap_claims: Score = field(default_factory=Score)
    attributes: dict[str, Accuracy] = field(
        default_factory=lambda: {a: Accuracy() for a in ATTRIBUTES}
    )
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Per gold/predicted status, for diagnosis; not part of the documented JSON shape.
    by_status: dict[str, Score] = field(default_factory=lambda: {s: Score() for s in STATUSES})
    baseline: EvalReport | None = None

    @property
    def pairs(self) -> int:
        """Return the number of matched contact pairs the attributes are scored over."""
        return self.attributes["mode"].total

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "documents": self.documents,
            "occurred": self.occurred.as_dict(),
            "all": self.all.as_dict(),
            "gap_claims": self.gap_claims.as_dict(),
            "attributes": {
                a: (None if acc.value is None else round(acc.value, 4))
                for a, acc in self.attributes.items()
            },
            "seconds": round(self.seconds, 3),
        }
        if self.baseline is not None:
            d["baseline"] = self.baseline.as_dict()
        return d


def score_document(
    report: EvalReport, gold: dict[str, Any], pred: dict[str, Any], matcher: Matcher
) -> None:
    """Add one document's contacts and gap claims to ``report``."""
    doc_id = str(gold.get("id"))
    g_contacts: Sequence[dict[str, Any]] = gold.get("contacts") or []
    p_contacts: Sequence[dict[str, Any]] = pred.get("contacts") or []
    m = match_contacts(g_contacts, p_contacts, matcher)
    report.documents += 1
    for gi, pi in m.pairs:
        g, p = g_contacts[gi], p_contacts[pi]
        report.all.tp += 1
        report.occurred.tp += g.get("status") == "occurred"
        report.by_status[g["status"]].tp += 1
        for a in ATTRIBUTES:
            ok = _attribute_correct(a, g, p)
            report.attributes[a].total += 1
            report.attributes[a].correct += ok
            if not ok:
                e = _error(doc_id, "contact", f"wrong {a}", g)
                key = "duration_minutes" if a == "duration" else a
                e.update(gold_value=g.get(key), predicted_value=p.get(key))
                report.errors.append(e)
    for gi in m.missed:
        g = g_contacts[gi]
        report.all.fn += 1
        report.occurred.fn += g.get("status") == "occurred"
        report.by_status[g["status"]].fn += 1
        report.errors.append(_error(doc_id, "contact", "false negative", g))
    for pi in m.spurious:
        p = p_contacts[pi]
        report.all.fp += 1
        report.occurred.fp += p.get("status") == "occurred"
        report.by_status.setdefault(p.get("status") or "?", Score()).fp += 1
        report.errors.append(_error(doc_id, "contact", "false positive", p))
    g_gaps: Sequence[dict[str, Any]] = gold.get("gap_claims") or []
    p_gaps: Sequence[dict[str, Any]] = pred.get("gap_claims") or []
    gm = match_gap_claims(g_gaps, p_gaps, matcher)
    report.gap_claims.tp += len(gm.pairs)
    report.gap_claims.fn += len(gm.missed)
    report.gap_claims.fp += len(gm.spurious)
    report.errors.extend(
        _error(doc_id, "gap_claim", "false negative", g_gaps[i]) for i in gm.missed
    )
    report.errors.extend(
        _error(doc_id, "gap_claim", "false positive", p_gaps[i]) for i in gm.spurious
    )


def score_records(
    gold: Iterable[dict[str, Any]],
    predictions: dict[str, dict[str, Any]],
    matcher: Matcher | None = None,
) -> EvalReport:
    """Score predictions (by document id, gold format) against gold records."""
    matcher = matcher or Matcher()
    report = EvalReport()
    for rec in gold:
        score_document(report, rec, predictions.get(str(rec["id"]), {}), matcher)
    return report
