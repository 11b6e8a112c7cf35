"""The bundled examples corpus: every input format, clean bodies, documented in its README."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from readouts.ingest import discover, read_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def documents() -> dict[str, list]:
    found = {}
    for path in discover([str(EXAMPLES)]):
        if Path(path).name == "README.md":
            continue
        result = read_file(path)
        assert result.error is None, f"{path}: {result.error}"
        found[path] = list(result.documents)
    return found


def test_every_input_format_is_present(documents: dict[str, list]) -> None:
    formats = Counter(d.format for docs in documents.values() for d in docs)
    assert set(formats) >= {"text", "html", "jsonl", "warc", "rss"}
    assert sum(formats.values()) >= 12


def test_every_file_is_listed_in_the_readme(documents: dict[str, list]) -> None:
    readme = (EXAMPLES / "README.md").read_text()
    for path in documents:
        assert f"`{Path(path).relative_to(EXAMPLES)}`" in readme


def test_html_clutter_never_reaches_the_body(documents: dict[str, list]) -> None:
    bodies = [d.body for docs in documents.values() for d in docs]
    for clutter in ("ADVERTISEMENT", "Skip to main content", "Subscribe", "Reader comments"):
        assert not any(clutter in body for body in bodies), clutter


def test_bodies_are_dated_news(documents: dict[str, list]) -> None:
    for path, docs in documents.items():
        for d in docs:
            assert len(d.body) > 300, path
            dated = d.published or re.search(r"\b(19|20)\d\d\b", d.body)
            assert dated, f"{path}: no date"


def test_warc_is_reproduced_by_its_script(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_examples", EXAMPLES.parent / "scripts" / "make_examples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path / "crawl.warc.gz")
    committed = EXAMPLES / "crawl" / "news-crawl.warc.gz"
    assert (tmp_path / "crawl.warc.gz").read_bytes() == committed.read_bytes()
