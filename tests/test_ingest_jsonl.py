"""JSONL reader: the gold format, html lines, bad lines named file:LINE, .gz."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from readouts.ingest import read_file

RES = Path(__file__).parent / "resources" / "ingest"
SOCHI = (RES / "sochi.txt").read_text(encoding="utf-8")
HTML = (RES / "sochi.html").read_text(encoding="utf-8")

AUSTIN = (
    "Austin Calls Belousov\n\nU.S. Defense Secretary Lloyd Austin spoke by phone with "
    "Russian Defense Minister Andrei Belousov on 25 June 2024, the Pentagon said, in the "
    "first conversation between the two since Belousov took office in May."
)


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_format_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "id": "k1",
                "url": "https://example.org/kerry",
                "title": "Kerry in Sochi",
                "published": "2015-05-12",
                "text": SOCHI,
                "contacts": [{"ignored": True}],
            },
            {"id": 7, "text": AUSTIN, "published": "2024-06-25T14:00:00Z"},
        ],
    )
    result = read_file(str(path))
    assert result.error is None
    kerry, austin = result.documents
    assert kerry.external_id == "k1" and kerry.url == "https://example.org/kerry"
    assert kerry.title == "Kerry in Sochi" and kerry.published == "2015-05-12"
    assert kerry.format == "jsonl" and kerry.source == f"{path}#1"
    assert kerry.id == read_file(str(RES / "sochi.txt")).documents[0].id
    assert austin.external_id == "7" and austin.published == "2024-06-25"
    assert austin.title == "Austin Calls Belousov"  # first line when no title is given
    assert austin.source == f"{path}#2"


def test_html_lines_are_extracted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "h.jsonl", [{"id": "h", "html": HTML}])
    (doc,) = read_file(str(path)).documents
    assert doc.format == "jsonl" and doc.external_id == "h"
    assert doc.published == "2015-05-12"
    assert doc.id == read_file(str(RES / "sochi.html")).documents[0].id
    assert "comments" in {z.name for z in doc.zones}


def test_bad_lines_are_named_and_good_ones_kept(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"text": SOCHI},
            '{"text": "unterminated',
            "",
            ["not", "an", "object"],
            {"title": "no body"},
            {"text": AUSTIN, "published": "last week"},
            {"text": AUSTIN},
        ],
    )
    result = read_file(str(path))
    assert [d.source for d in result.documents] == [f"{path}#1", f"{path}#7"]
    err = result.error
    assert err is not None
    assert err.source == f"{path}:2" and "invalid JSON" in err.reason
    assert f"{path}:4" in err.reason and f"{path}:5" in err.reason and f"{path}:6" in err.reason
    assert str(err).startswith(f"{path}:2: ")


def test_gz_and_truncated_gz(tmp_path: Path) -> None:
    rows = [json.dumps({"id": str(i), "text": f"Story {i}. " + SOCHI}) for i in range(40)]
    data = gzip.compress(("\n".join(rows) + "\n").encode())
    whole = tmp_path / "all.jsonl.gz"
    whole.write_bytes(data)
    assert len(read_file(str(whole)).documents) == 40
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    result = read_file(str(cut))
    assert 0 < len(result.documents) < 40
    assert result.error is not None and "truncated gzip" in result.error.reason
    kept = [d.external_id for d in result.documents]
    assert kept == [str(i) for i in range(len(kept))]


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text("\n\n")
    result = read_file(str(path))
    assert result.error is not None and "empty" in result.error.reason


def test_json_array_export(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": "a", "text": SOCHI}, 5, {"text": AUSTIN}], indent=2))
    result = read_file(str(path))
    assert [d.external_id for d in result.documents] == ["a", None]
    assert result.error is not None and result.error.source == f"{path}:2"
