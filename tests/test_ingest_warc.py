"""WARC/ARC reader: HTML response records, URL and date, broken and real archives."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from readouts.ingest import read_file

RES = Path(__file__).parent / "resources" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "external" / "warc-samples"
# Python's words, not the user's: none of these may reach an error message.
RAW_EXCEPTION = re.compile(
    r"NoneType|object has no attribute|not subscriptable|Error -\d|Traceback"
)

AUSTIN_HTML = """<html><head><title>Austin speaks with Belousov</title></head><body><article>
<h1>Austin speaks with Belousov</h1>
<p>U.S. Defense Secretary Lloyd Austin held a telephone call with Russian Defense Minister
Andrei Belousov on Tuesday, the Pentagon said, the first such call in more than a year.</p>
<p>The Russian ministry said the call had been initiated by the American side and that the
two ministers discussed the situation around Ukraine.</p>
</article></body></html>"""


def build_warc(path: Path, *, gz: bool) -> Path:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    pages = [
        ("https://news.example.org/sochi", (RES / "sochi.html").read_bytes(), "text/html"),
        ("https://news.example.org/data.json", b'{"a": 1}', "application/json"),
        ("https://news.example.org/austin", AUSTIN_HTML.encode(), "text/html; charset=utf-8"),
    ]
    for url, body, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-26T09:00:00Z"},
        )
        writer.write_record(rec)
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], "HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/gone",
            "response",
            payload=io.BytesIO(AUSTIN_HTML.encode()),
            http_headers=missing,
        )
    )
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_html_response_records(tmp_path: Path, gz: bool) -> None:
    path = build_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), gz=gz)
    result = read_file(str(path))
    assert result.error is None
    sochi, austin = result.documents  # the JSON and the 404 are not articles
    assert sochi.format == "warc" and sochi.source == f"{path}#1"
    assert sochi.url == "https://news.example.org/sochi"  # the record URL
    assert sochi.published == "2015-05-12"  # page metadata beats WARC-Date
    assert sochi.id == read_file(str(RES / "sochi.html")).documents[0].id
    assert austin.source == f"{path}#3" and austin.url == "https://news.example.org/austin"
    assert austin.published == "2024-06-26"  # WARC-Date when the page has none
    assert "initiated by the American side" in austin.body


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    whole = build_warc(tmp_path / "w.warc", gz=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: whole.index(b"Austin speaks with Belousov</title>")])
    result = read_file(str(path))
    assert [d.source for d in result.documents] == [f"{path}#1"]
    assert result.error is not None and result.error.source == str(path)
    # Record 3 was cut before any article text: nothing of it is kept, and the reason says so.
    assert result.error.reason.startswith("truncated record 3 (")
    assert "bytes short of its declared length" in result.error.reason
    assert "kept" not in result.error.reason


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"just some text that is not an archive\n" * 5)
    result = read_file(str(path))
    assert result.documents == () and result.error is not None
    assert result.error.source.startswith(str(path))


@pytest.mark.shared
def test_real_warc_samples_give_documents_or_clear_errors() -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"../shared not found: {SAMPLES} is absent")
    files = sorted(p for p in SAMPLES.iterdir() if not p.name.startswith("LICENSE"))
    assert files
    docs = 0
    for path in files:
        result = read_file(str(path), fmt="warc")
        assert result.documents or result.error, path
        if result.error:
            assert result.error.source.startswith(str(path))
            assert result.error.reason and not RAW_EXCEPTION.search(result.error.reason), path
        docs += len(result.documents)
        for doc in result.documents:
            assert doc.url and doc.published and doc.source.startswith(f"{path}#")
    assert docs >= 6
    trunc = read_file(str(SAMPLES / "example-trunc.warc"))
    assert trunc.documents and trunc.error is not None
    assert trunc.error.reason.startswith("truncated or mis-sized record 3")
    # Gzipped as one member rather than record by record: unusual, but every byte is readable.
    whole_gz = read_file(str(SAMPLES / "example-bad-non-chunked.warc.gz"))
    assert whole_gz.error is None and len(whole_gz.documents) == 1
    short = read_file(str(SAMPLES / "example-space-in-url.arc"))
    assert short.documents and short.error is not None
    assert short.error.reason.startswith("truncated record 2") and "kept" in short.error.reason
    json_only = read_file(str(SAMPLES / "post-test.warc.gz"))
    assert json_only.error is not None and json_only.error.source == str(json_only.source)
    assert json_only.error.reason.startswith("no HTML response records (6 records:")
