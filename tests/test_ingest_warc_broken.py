"""Broken WARC archives: every failure is named in the archive's terms, good records kept."""

from __future__ import annotations

import gzip
import io
import re

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from readouts.ingest import read_bytes

LAVROV_HTML = """<html><head><title>Lavrov and Wang Yi meet in Beijing</title></head><body>
<article><h1>Lavrov and Wang Yi meet in Beijing</h1>
<p>Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang Yi in
Beijing, the two ministries said, their second meeting since the start of the year.</p>
<p>The ministers discussed trade, the situation in Ukraine and preparations for a summit, and
agreed to keep in close contact over the coming months.</p>
</article></body></html>"""

AUSTIN_HTML = """<html><head><title>Austin calls Belousov</title></head><body><article>
<h1>Austin calls Belousov</h1>
<p>U.S. Defense Secretary Lloyd Austin spoke by telephone with Russian Defense Minister Andrei
Belousov on Tuesday, the Pentagon said, the first call between the two in more than a year.</p>
<p>The Pentagon said Austin stressed the importance of keeping lines of communication open
while the war in Ukraine continues, and the call lasted close to an hour.</p>
<p>Russian officials said the American side had asked for the conversation, and that the two
men also discussed the risk of escalation in the region.</p>
</article></body></html>"""

# Python's words, not the user's: none of these may reach an error message.
RAW_EXCEPTION = re.compile(
    r"NoneType|object has no attribute|not subscriptable|Error -\d|Traceback|unexpected error|"
    r"Unknown archive format|non-chunked"
)
USER_REASON = re.compile(
    r"^(truncated record \d+|truncated or mis-sized record \d+|truncated gzip stream |"
    r"invalid (WARC|ARC) header at record \d+|"
    r"invalid (Content-Length|ARC length field) at record \d+|"
    r"not a WARC/ARC file|no HTML response records|no article text found|empty file|"
    r"corrupt gzip data |non-gzip data |broken chunked)"
)


def warc(pages: list[tuple[str, bytes, str]], *, gz: bool) -> tuple[bytes, list[int]]:
    """Write response records; return the archive and the offset where each record starts."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    starts = []
    for url, body, ctype in pages:
        starts.append(buf.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-26T09:00:00Z"},
        )
        writer.write_record(record)
    return buf.getvalue(), starts


PAGES = [
    ("https://news.example.org/beijing", LAVROV_HTML.encode(), "text/html"),
    ("https://news.example.org/data.json", b'{"calls": 1}', "application/json"),
    ("https://news.example.org/austin", AUSTIN_HTML.encode(), "text/html; charset=utf-8"),
]


def test_truncated_gzip_stream_names_the_last_whole_record() -> None:
    data, starts = warc(PAGES, gz=True)
    # Cut a few bytes into record 3's gzip member: its text never decompresses.
    result = read_bytes(data[: starts[2] + 40], "cut.warc.gz")
    assert [d.source for d in result.documents] == ["cut.warc.gz#1"]
    assert result.error is not None and result.error.source == "cut.warc.gz"
    assert result.error.reason == "truncated gzip stream after record 2"


def test_truncated_gzip_keeps_the_readable_part_of_the_cut_record() -> None:
    data, starts = warc(PAGES, gz=True)
    result = read_bytes(data[:-30], "cut.warc.gz")  # the member's end-of-stream marker is lost
    assert [d.source for d in result.documents] == ["cut.warc.gz#1", "cut.warc.gz#3"]
    assert "spoke by telephone with Russian Defense Minister" in result.documents[1].body
    assert result.error is not None
    assert result.error.reason == (
        "truncated gzip stream after record 2 (the readable part of record 3 was kept)"
    )


def test_truncated_plain_record_keeps_its_readable_part() -> None:
    data, _ = warc(PAGES, gz=False)
    cut = data.index(b"while the war in Ukraine")
    result = read_bytes(data[:cut], "cut.warc")
    assert [d.source for d in result.documents] == ["cut.warc#1", "cut.warc#3"]
    partial = result.documents[1]
    assert "first call between the two in more than a year" in partial.body
    assert "risk of escalation" not in partial.body
    assert partial.url == "https://news.example.org/austin"
    assert result.error is not None and result.error.source == "cut.warc"
    assert re.fullmatch(
        r"truncated record 3 \(\d+ bytes short of its declared length;"
        r" its readable part was kept\)",
        result.error.reason,
    )


def test_truncated_record_without_text_is_not_kept() -> None:
    data, _ = warc(PAGES, gz=False)
    result = read_bytes(data[: data.index(b"<h1>Austin calls")], "cut.warc")
    assert [d.source for d in result.documents] == ["cut.warc#1"]
    assert result.error is not None and result.error.reason.startswith("truncated record 3 (")
    assert "kept" not in result.error.reason


def test_header_cut_off() -> None:
    data, starts = warc(PAGES, gz=False)
    result = read_bytes(data[: starts[2] + 60], "cut.warc")
    assert [d.source for d in result.documents] == ["cut.warc#1"]
    assert result.error is not None
    assert result.error.reason == "truncated record 3 (the file ends inside its header)"


def test_invalid_header_in_the_middle() -> None:
    data, starts = warc(PAGES, gz=False)
    broken = data[: starts[1]] + b"XARC/1.0" + data[starts[1] + 8 :]
    result = read_bytes(broken, "bad.warc")
    assert [d.source for d in result.documents] == ["bad.warc#1"]
    assert result.error is not None and result.error.reason == "invalid WARC header at record 2"


@pytest.mark.parametrize("gz", [False, True])
def test_not_a_warc(gz: bool) -> None:
    text = b"Minutes of the meeting: nothing here is an archive.\n" * 20
    result = read_bytes(gzip.compress(text) if gz else text, "notes.warc.gz" if gz else "n.warc")
    assert result.documents == ()
    assert result.error is not None and result.error.reason == "not a WARC/ARC file"


def test_archive_without_html_is_one_clear_error() -> None:
    data, _ = warc([PAGES[1], ("https://news.example.org/logo", b"\x89PNG", "image/png")], gz=True)
    result = read_bytes(data, "feeds.warc.gz")
    assert result.documents == ()
    assert result.error is not None and result.error.source == "feeds.warc.gz"
    assert result.error.reason == (
        "no HTML response records (2 records: response application/json, response image/png)"
    )


def test_html_records_without_article_text() -> None:
    empty = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    data, _ = warc([("https://news.example.org/", empty, "text/html")], gz=False)
    result = read_bytes(data, "menus.warc")
    assert result.documents == ()
    assert result.error is not None
    assert result.error.reason == "no article text found in its 1 HTML response record(s)"


def test_whole_file_gzip_is_read() -> None:
    data, _ = warc(PAGES, gz=False)
    result = read_bytes(gzip.compress(data), "whole.warc.gz")
    assert result.error is None
    assert [d.source for d in result.documents] == ["whole.warc.gz#1", "whole.warc.gz#3"]


@pytest.mark.parametrize("gz", [False, True])
def test_every_cut_gives_a_clear_reason(gz: bool) -> None:
    data, _ = warc(PAGES, gz=gz)
    for cut in range(1, len(data), 53):
        result = read_bytes(data[:cut], "cut.warc.gz" if gz else "cut.warc")
        assert result.error is not None, cut
        assert USER_REASON.match(result.error.reason), (cut, result.error.reason)
        assert not RAW_EXCEPTION.search(result.error.reason), (cut, result.error.reason)
        sources = [d.source for d in result.documents]
        assert sources in ([], ["cut.warc.gz#1" if gz else "cut.warc#1"]) or len(sources) == 2


def test_corrupt_gzip_member_names_its_record() -> None:
    data, starts = warc(PAGES, gz=True)
    at = starts[2] + 12  # past the gzip header, into the compressed data of record 3
    broken = data[:at] + b"\xff" * 24 + data[at + 24 :]
    result = read_bytes(broken, "bad.warc.gz")
    assert [d.source for d in result.documents] == ["bad.warc.gz#1"]
    assert result.error is not None
    assert re.fullmatch(r"corrupt gzip data \([a-z ]+\) at record 3", result.error.reason)


def test_trailing_garbage_after_the_last_member() -> None:
    data, _ = warc(PAGES, gz=True)
    result = read_bytes(data + b"not gzip at all", "tail.warc.gz")
    assert len(result.documents) == 2
    assert result.error is not None
    assert result.error.reason == "non-gzip data (15 bytes) at record 4"


def test_invalid_length_field() -> None:
    data, starts = warc(PAGES, gz=False)
    head_end = data.index(b"\r\n\r\n", starts[1])
    length_at = data.index(b"Content-Length: ", starts[1]) + len(b"Content-Length: ")
    assert length_at < head_end
    digits = data[length_at : data.index(b"\r\n", length_at)]
    broken = data[:length_at] + b"-" + digits[1:] + data[length_at + len(digits) :]
    result = read_bytes(broken, "bad.warc")
    assert [d.source for d in result.documents] == ["bad.warc#1"]
    assert result.error is not None
    assert result.error.reason == "invalid Content-Length at record 2"
