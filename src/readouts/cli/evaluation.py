"""CLI commands: evaluation (`readouts evaluate`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from readouts.cli.common import JsonOption, app, handle_errors, out

_SCORES = (("occurred", "occurred"), ("all", "all statuses"), ("gap_claims", "gap claims"))
_ATTRS = ("date", "mode", "duration", "initiator", "location")


def _score_cells(s: dict[str, Any]) -> str:
    return (
        f"{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
        f"{s['tp']:4d} {s['fp']:4d} {s['fn']:4d}"
    )


def _acc(v: float | None) -> str:
    return "     -" if v is None else f"{v:6.3f}"


def format_report(
    report: dict[str, Any], name: str, by_status: dict[str, dict[str, Any]] | None = None
) -> list[str]:
    """Return the plain-text table for a report dict (with the baseline side by side)."""
    base = report.get("baseline")
    cols = f"{'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    lines = [f"{name}: {report['documents']} documents, {report['seconds']:.2f} s"]
    if base:
        lines[0] += f"; baseline {base['seconds']:.2f} s"
        lines.append(f"{'':14}{'extractor':^35}   | {'baseline':^35}")
    lines.append(f"{'':14}{cols}" + (f"   | {cols}" if base else ""))
    for key, label in _SCORES:
        row = f"{label:14}{_score_cells(report[key])}"
        if base:
            row += f"   | {_score_cells(base[key])}"
        lines.append(row)
        if key == "all":
            # Where all-status F1 is lost (extractor only).
            for status, score in (by_status or {}).items():
                if score["tp"] + score["fp"] + score["fn"]:
                    lines.append(f"  {status:12}{_score_cells(score)}")
    lines.append(
        "attribute accuracy over matched pairs" + ("   (extractor | baseline)" if base else "")
    )
    for a in _ATTRS:
        row = f"  {a:12}{_acc(report['attributes'][a])}"
        if base:
            row += f"   | {_acc(base['attributes'][a])}"
        lines.append(row)
    if base:
        lines.append(f"baseline occurred F1 {base['occurred']['f1']:.3f}")
    lines.append(f"occurred F1 {report['occurred']['f1']:.3f}")
    return [line.rstrip() for line in lines]


def format_error(e: dict[str, Any]) -> str:
    """Return one error as a line: document, what went wrong, the item, its evidence."""
    if e["kind"] == "contact":
        what = f"{e.get('status')} {e.get('mode')} {e.get('date') or 'undated'}"
    else:
        what = f"gap {e.get('type')} since {e.get('since') or 'null'}"
    line = f"{e['doc']}  {e['error']:15}  {e['kind']}: {e['participants']} [{what}]"
    if "gold_value" in e:
        line += f" gold={e['gold_value']!r} predicted={e['predicted_value']!r}"
    evidence = " ".join((e.get("evidence") or "").split())
    return line + (f"\n    “{evidence}”" if evidence else "")


@app.command()
@handle_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (GUIDELINES.md format).")],
    json_: JsonOption = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every false positive and false negative.")
    ] = False,
    baseline: Annotated[
        bool, typer.Option("--baseline", help="Also score the CAMEO-style co-occurrence coder.")
    ] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            help="Score this gold-format JSONL (e.g. `readouts extract --jsonl` output) "
            "instead of running extraction.",
        ),
    ] = None,
) -> None:
    """Run extraction on a gold file's documents and score it against the gold annotations.

    Example: readouts evaluate ../shared/gold/dev.jsonl --errors --baseline
    """
    from readouts.evaluate import evaluate_file, evaluate_predictions

    if predictions is not None:
        report = evaluate_predictions(gold, predictions, baseline=baseline)
    else:
        report = evaluate_file(gold, baseline=baseline)
    data = report.as_dict()
    if json_:
        if errors:
            data["errors"] = report.errors
        out.print(json.dumps(data, ensure_ascii=False), markup=False)
        return
    if errors:
        for e in report.errors:
            out.print(format_error(e), markup=False)
        if report.errors:
            out.print("", markup=False)
    by_status = {s: score.as_dict() for s, score in report.by_status.items()}
    for line in format_report(data, gold.name, by_status):
        out.print(line, markup=False)
