"""discover(), format sniffing, and a batch mixing good and broken files."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from readouts.ingest import discover, read_bytes, read_file
from readouts.ingest.sniff import format_from_content, format_from_name, sniff

RES = Path(__file__).parent / "resources" / "ingest"


def test_discover_expands_directories_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.html", "a/y.jsonl", ".hidden.txt", ".git/config", "a/.cache/x"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    missing = str(tmp_path / "missing.txt")
    found = discover([str(tmp_path), "-", missing])
    assert found == [
        str(tmp_path / "a" / "y.jsonl"),
        str(tmp_path / "a" / "z.html"),
        str(tmp_path / "b.txt"),
        "-",
        missing,
    ]


def test_discover_skips_corpus_documentation_unless_named(tmp_path: Path) -> None:
    for name in ("README.md", "LICENSE", "a/readme.txt", "a/call.txt", "readme-notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert discover([str(tmp_path)]) == [
        str(tmp_path / "a" / "call.txt"),
        str(tmp_path / "readme-notes.txt"),
    ]
    assert discover([str(tmp_path / "README.md")]) == [str(tmp_path / "README.md")]


def test_discover_is_deterministic(tmp_path: Path) -> None:
    for name in ("c/1.txt", "a/2.txt", "b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert discover([str(tmp_path)]) == discover([str(tmp_path)])
    assert len(discover([str(tmp_path)])) == 3


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.TXT.gz", "text"),
        ("a.htm", "html"),
        ("a.jsonl.gz", "jsonl"),
        ("a.warc.gz", "warc"),
        ("a.arc", "warc"),
        ("a.atom", "rss"),
        ("dir.d/noext", None),
        ("a.xml", None),
    ],
)
def test_format_from_name(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b"filedesc://x.arc 0.0.0.0", "warc"),
        (b'{"text": "a"}\n', "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0">', "rss"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "rss"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"\xef\xbb\xbf<html>", "html"),
        (b"Kerry meets Lavrov\n\nThe <b> tag is not HTML here.", "text"),
    ],
)
def test_format_from_content(head: bytes, fmt: str) -> None:
    assert format_from_content(head) == fmt
    assert sniff("noext", head) == fmt


def test_unknown_format_is_an_error() -> None:
    result = read_bytes(b"hello there world", "x.txt", fmt="pdf")
    assert result.error is not None and "unknown format" in result.error.reason


def _tiny_warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://example.org/s",
            "response",
            payload=io.BytesIO((RES / "sochi.html").read_bytes()),
            http_headers=headers,
        )
    )
    return buf.getvalue()


def test_mixed_batch_keeps_good_documents_and_names_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(RES / "sochi.txt", good / "sochi.txt")
    shutil.copy(RES / "sochi.html", good / "sochi.html")
    (good / "feed.jsonl").write_text('{"id": "a", "text": "Lavrov met Wang Yi in Beijing."}\n')
    bad = {
        "binary.txt": b"\x00\x01\x02\x03PK\x03\x04" * 50,
        "empty.txt": b"",
        "latin1.txt": "Déclaration du ministère après l'entretien téléphonique.".encode("latin-1"),
        "malformed.html": b"<html><body><<<>>></div></span>",
        "cut.txt.gz": gzip.compress((RES / "sochi.txt").read_bytes() * 30)[:300],
        "cut.warc": _tiny_warc()[:700],
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    results = {Path(r.source).name: r for r in map(read_file, discover([str(tmp_path)]))}
    assert set(results) == {"sochi.txt", "sochi.html", "feed.jsonl", *bad}
    for name in ("sochi.txt", "sochi.html", "feed.jsonl", "latin1.txt"):
        assert results[name].error is None and len(results[name].documents) == 1, name
    assert results["sochi.txt"].documents[0].id == results["sochi.html"].documents[0].id
    for name in ("binary.txt", "empty.txt", "malformed.html", "cut.txt.gz", "cut.warc"):
        error = results[name].error
        assert error is not None, name
        assert error.source.startswith(str(tmp_path / name)), name
        assert results[name].documents == (), name


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=600) | st.text(max_size=400).map(str.encode),
    st.sampled_from(["auto", "text", "html", "jsonl", "warc", "rss"]),
    st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.warc", "x.rss", "x.bin", "x.txt.gz"]),
)
def test_reading_never_raises(data: bytes, fmt: str, name: str) -> None:
    result = read_bytes(data, name, fmt)
    assert result.documents or result.error is not None
    # The catch-all for reader bugs must never be what reports a bad input.
    assert result.error is None or "unexpected error" not in result.error.reason
    assert result.error is None or "NoneType" not in result.error.reason
    for doc in result.documents:
        assert doc.body and doc.source.startswith(name)


def test_a_reader_bug_is_reported_as_unexpected(monkeypatch: pytest.MonkeyPatch) -> None:
    import readouts.ingest as ingest

    def broken(data: bytes, part: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(ingest._READERS, "text", broken)
    result = read_bytes(b"Lavrov met Blinken in Geneva.", "note.txt")
    assert result.documents == () and result.error is not None
    assert result.error.reason == "unexpected error (reading as text): RuntimeError: boom"


def test_several_errors_in_one_file_name_their_reasons() -> None:
    # Two problems at the file level: the count lists the second's reason, not the file again.
    from readouts.ingest.base import Partial

    part = Partial("a.warc")
    part.fail("a.warc", "truncated record 3")
    part.fail("a.warc", "invalid WARC header at record 5")
    part.fail("a.warc#7", "no article text found")
    error = part.result().error
    assert error is not None and error.source == "a.warc"
    assert error.reason == (
        "truncated record 3 (and 2 more: invalid WARC header at record 5, a.warc#7)"
    )
