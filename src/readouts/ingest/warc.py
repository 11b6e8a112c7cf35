"""WARC/ARC reader: every HTML response record becomes a document (source ``path#N``)."""

from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from readouts.clean import valid_date
from readouts.ingest.base import Partial, decode, has_words
from readouts.ingest.html import html_document

__all__ = ["read_warc"]

_ARTICLE_RECORDS = ("response", "resource")


def _html_payload(rec: Any) -> bool:
    """Tell whether a record holds a successful HTML page."""
    if rec.rec_type not in _ARTICLE_RECORDS:
        return False
    http = rec.http_headers
    if http is not None and rec.rec_type == "response":
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def read_warc(data: bytes, part: Partial) -> None:
    """Read WARC/ARC bytes (gzipped or not) into `part`; keep good records before a break."""
    if not data.strip():
        part.fail(part.source, "empty file")
        return
    n = 0
    end = 0
    skipped = 0
    warnings = io.StringIO()
    stream = io.BytesIO(data)
    it = ArchiveIterator(stream, arc2warc=True)
    try:
        # warcio writes its warnings to stderr; we turn them into one error naming the file.
        with contextlib.redirect_stderr(warnings):
            for rec in it:
                n += 1
                where = f"{part.source}#{n}"
                payload = rec.content_stream().read() if _html_payload(rec) else b""
                rec.raw_stream.read()
                short = getattr(rec.raw_stream, "limit", 0)
                if short:
                    part.fail(
                        where, f"truncated record ({short} bytes short of its declared length)"
                    )
                    continue
                end = it.get_record_offset() + (it.get_record_length() or 0)
                if not _html_payload(rec):
                    continue
                if not payload.strip():
                    skipped += 1
                    continue
                try:
                    doc = html_document(
                        decode(payload),
                        source=where,
                        fmt="warc",
                        url=rec.rec_headers.get_header("WARC-Target-URI"),
                    )
                except ValueError:
                    skipped += 1
                    continue
                if not has_words(doc.body):
                    skipped += 1
                    continue
                if doc.published is None:
                    warc_date = valid_date(rec.rec_headers.get_header("WARC-Date"))
                    doc = replace(doc, published=warc_date)
                part.documents.append(doc)
            end = max(end, it.get_record_offset() + (it.get_record_length() or 0))
    except Exception as exc:  # warcio raises many kinds on broken archives
        part.fail(f"{part.source}#{n + 1}", f"unreadable record: {_first_line(exc)}")
        return
    if it.err_count:
        part.fail(part.source, "a record is not followed by a blank line (bad Content-Length?)")
    tail = data[end:].strip(b"\r\n\t \x00")
    if n and tail and not part.errors:
        where = f"{part.source}#{n + 1}"
        part.fail(where, f"truncated: {len(tail)} trailing bytes are not a complete record")
    if n == 0:
        part.fail(part.source, "not a WARC/ARC file (no records)")
    elif not part.documents and not part.errors:
        detail = f" ({skipped} HTML records had no article text)" if skipped else ""
        part.fail(part.source, f"no HTML response records with article text{detail}")
