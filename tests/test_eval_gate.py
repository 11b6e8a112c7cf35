"""The evaluation gate: extraction must not fall below the floors pinned in eval_baseline.json.

Raise floors with `python -m readouts.evaluate.gate --update` (it refuses to lower one);
see docs/evaluation.md.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from readouts.evaluate.gate import (
    GOLD_FILES,
    METRICS,
    GateError,
    figures,
    gold_path,
    raise_floors,
    regressions,
    sha256,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
PINNED = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())["files"]


@cache
def measured(path: Path) -> dict[str, float]:
    from readouts.evaluate import evaluate_file

    return figures(evaluate_file(path))


@pytest.mark.shared
@pytest.mark.parametrize("name", GOLD_FILES)
def test_gold_file_is_the_one_the_floors_were_pinned_for(name: str) -> None:
    path = gold_path(name, SHARED)
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    assert sha256(path) == PINNED[name]["sha256"], (
        f"{path} changed since its floors were pinned: re-measure and re-pin with "
        "`python -m readouts.evaluate.gate --update --repin` (see docs/evaluation.md)"
    )


@pytest.mark.shared
@pytest.mark.parametrize("name", GOLD_FILES)
def test_no_figure_falls_below_its_floor(name: str) -> None:
    path = gold_path(name, SHARED)
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    problems = regressions(PINNED[name]["floors"], measured(path))
    assert not problems, f"{name}: " + "; ".join(problems)


def test_every_gold_file_has_every_floor() -> None:
    for name in GOLD_FILES:
        assert set(PINNED[name]["floors"]) == set(METRICS)
        assert all(0.0 <= v <= 1.0 for v in PINNED[name]["floors"].values())


FIGS = {"occurred_f1": 0.8, "all_f1": 0.7, "date_accuracy": 0.9, "gap_claims_f1": 0.5}


def test_floors_move_up_only() -> None:
    entry = {"sha256": "abc", "floors": dict(FIGS, occurred_f1=0.75)}
    better = raise_floors(entry, "abc", dict(FIGS, occurred_f1=0.8567))
    assert better["floors"]["occurred_f1"] == 0.856  # rounded down, never above the measure
    with pytest.raises(GateError, match="^refusing to lower a floor: all_f1 0.6000 is below"):
        raise_floors(better, "abc", dict(FIGS, occurred_f1=0.9, all_f1=0.6))


def test_a_changed_gold_file_needs_an_explicit_repin() -> None:
    entry = {"sha256": "abc", "floors": FIGS}
    with pytest.raises(GateError, match="--repin"):
        raise_floors(entry, "def", FIGS)
    lower = dict(FIGS, occurred_f1=0.5)
    assert raise_floors(entry, "def", lower, repin=True) == {"sha256": "def", "floors": lower}


def test_regressions_name_the_figure() -> None:
    assert regressions(FIGS, dict(FIGS, gap_claims_f1=0.4)) == [
        "gap_claims_f1 0.4000 is below its floor 0.5000"
    ]
    assert regressions(FIGS, FIGS) == []
