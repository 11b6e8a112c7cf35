"""Print speed and memory figures for extraction (`make bench`); nothing here asserts.

Figures: model load time; extraction time of the five seed texts of
../shared/gold/seeds.jsonl once the model is loaded (target < 2 s on one core);
reading and extraction rate on examples/; peak resident memory.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "gold" / "seeds.jsonl"
EXAMPLES = REPO / "examples"


def line(label: str, value: str) -> None:
    """Print one figure."""
    print(f"{label:44} {value}", flush=True)


def peak_mb() -> float:
    """Return the peak resident set size of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    """Measure and print."""
    from readouts.evaluate import gold_document, load_gold
    from readouts.extract import extract_document
    from readouts.records import Document

    line("peak memory after imports", f"{peak_mb():.0f} MB")
    start = time.perf_counter()
    try:
        from readouts.extract.nlp import load_model

        load_model()
        line("model load", f"{time.perf_counter() - start:.2f} s")
    except ImportError:
        line("model load", "skipped (readouts.extract.nlp.load_model not available)")
    # Warm up the rest (registry, matchers) on a short text so that the timings below
    # measure extraction, not one-off loading.
    start = time.perf_counter()
    warm = "Secretary of State Antony Blinken spoke by phone with Sergey Lavrov on Friday."
    extract_document(Document(id="warmup", body=warm, raw=warm, published="2022-07-29"))
    line("first extraction (loads registry, matchers)", f"{time.perf_counter() - start:.2f} s")

    if SEEDS.exists():
        docs = [gold_document(rec, str(SEEDS)) for rec in load_gold(SEEDS)]
        start = time.perf_counter()
        found = sum(len(extract_document(d).mentions) for d in docs)
        took = time.perf_counter() - start
        chars = sum(len(d.body) for d in docs)
        line(
            f"extract {len(docs)} seed texts ({chars} chars)",
            f"{took:.2f} s (target < 2 s), {found} mentions",
        )
    else:
        line("extract seed texts", f"skipped: {SEEDS} not found (../shared absent)")

    from readouts.ingest import discover, read_file

    start = time.perf_counter()
    inputs = [f for f in discover([str(EXAMPLES)]) if Path(f).name != "README.md"]
    docs = [d for f in inputs for d in read_file(f).documents]
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    mentions = sum(len(extract_document(d).mentions) for d in docs)
    ext_s = time.perf_counter() - start
    line(
        f"read examples/ ({len(docs)} documents)",
        f"{read_s:.2f} s, {len(docs) / read_s:.1f} docs/s",
    )
    line("extract examples/", f"{ext_s:.2f} s, {len(docs) / ext_s:.1f} docs/s, {mentions} mentions")
    line("peak memory", f"{peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
