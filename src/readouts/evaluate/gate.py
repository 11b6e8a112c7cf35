"""The evaluation gate's floors: measure, compare, and raise them (never lower them silently).

``python -m readouts.evaluate.gate`` prints the measured figures against the pinned floors;
``--update`` raises every floor to what is measured now and refuses when anything regressed;
``--repin`` is for a gold file whose content changed: it pins the new hash and floors anew.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

from readouts.evaluate.metrics import EvalReport

REPO = Path(__file__).resolve().parents[3]
BASELINE_FILE = REPO / "tests" / "eval_baseline.json"
SHARED = REPO.parent / "shared"
# The development gold lives outside the repo (../shared/gold); the held-out set is
# written here, so its floor is checked on every clone, with or without ../shared.
IN_REPO = {"heldout.jsonl": REPO / "tests" / "resources" / "heldout" / "heldout.jsonl"}
GOLD_FILES = ("seeds.jsonl", "dev.jsonl", *IN_REPO)
METRICS = ("occurred_f1", "all_f1", "date_accuracy", "gap_claims_f1")


class GateError(Exception):
    """A floor would have to go down, or a gold file changed under its pinned hash."""


def gold_path(name: str, shared: Path = SHARED) -> Path:
    """Return where a gated gold file lives: in the repo, or under ``shared/gold``."""
    return IN_REPO.get(name, shared / "gold" / name)


def sha256(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def figures(report: EvalReport) -> dict[str, float]:
    """Return the gated figures of a report (no matched pair counts as date accuracy 0)."""
    return {
        "occurred_f1": report.occurred.f1,
        "all_f1": report.all.f1,
        "date_accuracy": report.attributes["date"].value or 0.0,
        "gap_claims_f1": report.gap_claims.f1,
    }


def regressions(floors: dict[str, float], measured: dict[str, float]) -> list[str]:
    """Return one message per figure measured below its floor."""
    return [
        f"{m} {measured[m]:.4f} is below its floor {floors[m]:.4f}"
        for m in METRICS
        if measured[m] < floors.get(m, 0.0) - 1e-9
    ]


def _floor(x: float) -> float:
    # Round down so that float noise in the next run never trips the gate.
    return math.floor(x * 1000 + 1e-9) / 1000


def raise_floors(
    entry: dict[str, Any] | None, digest: str, measured: dict[str, float], *, repin: bool = False
) -> dict[str, Any]:
    """Return the entry with each floor raised to the measured figure; never lowered.

    Raise GateError when a figure regressed, or when the file's hash changed and ``repin``
    is not given; with ``repin`` the floors restart from the measured figures.
    """
    if entry is None or entry.get("sha256") != digest:
        if entry is not None and not repin:
            raise GateError(
                "the gold file changed since its floors were pinned; re-pin with --repin"
            )
        return {"sha256": digest, "floors": {m: _floor(measured[m]) for m in METRICS}}
    floors = entry.get("floors", {})
    problems = regressions(floors, measured)
    if problems:
        raise GateError("refusing to lower a floor: " + "; ".join(problems))
    new = {m: max(floors.get(m, 0.0), _floor(measured[m])) for m in METRICS}
    return {"sha256": digest, "floors": new}


def load(path: Path = BASELINE_FILE) -> dict[str, Any]:
    """Return the pinned floors file's content (empty when it does not exist yet)."""
    if not path.exists():
        return {"files": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    """Measure every gated gold file; with --update raise the pinned floors."""
    parser = argparse.ArgumentParser(prog="python -m readouts.evaluate.gate", description=__doc__)
    parser.add_argument(
        "--update", action="store_true", help="raise floors to the measured figures"
    )
    parser.add_argument("--repin", action="store_true", help="accept changed gold files' hashes")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared directory")
    parser.add_argument("--file", type=Path, default=BASELINE_FILE, help="the floors file")
    args = parser.parse_args(argv)
    from readouts.evaluate import evaluate_file

    data = load(args.file)
    files = data.setdefault("files", {})
    status = 0
    for name in GOLD_FILES:
        path = gold_path(name, args.shared)
        if not path.exists():
            print(f"{name}: skipped, {path} not found")
            continue
        measured = figures(evaluate_file(path))
        entry = files.get(name)
        floors = (entry or {}).get("floors", {})
        for m in METRICS:
            print(f"{name}: {m} {measured[m]:.4f} (floor {floors.get(m, 0.0):.4f})")
        if not args.update:
            continue
        try:
            files[name] = raise_floors(entry, sha256(path), measured, repin=args.repin)
        except GateError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            status = 1
    if args.update and status == 0:
        args.file.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.file}")
    return status


if __name__ == "__main__":
    sys.exit(main())
