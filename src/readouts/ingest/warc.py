"""WARC/ARC reader: every HTML response record becomes a document (source ``path#N``).

Errors speak of the archive, never of warcio's internals: "not a WARC/ARC
file", "invalid WARC header at record 2", "truncated record 4", "truncated gzip
stream after record 3". Records read before a break are kept, and so is the
readable part of a cut-off HTML record when it holds real text.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections import Counter
from dataclasses import replace
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from readouts.clean import valid_date
from readouts.ingest.base import NO_TEXT, Partial, decode, has_words, is_gzip
from readouts.ingest.gzstream import GunzipStream, gzip_head
from readouts.ingest.html import html_document
from readouts.records import Document

__all__ = ["read_warc"]

# warcio logs each odd header it repairs (spaces in URLs...); nothing the user must act on.
logging.getLogger("warcio").setLevel(logging.ERROR)

_ARTICLE_RECORDS = ("response", "resource")
# What warcio raises when a record header is malformed or cut off: input faults, not bugs.
_PARSE_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    AttributeError,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
    EOFError,
    UnicodeError,
    zlib.error,
)
# An ARC v1 record line: URL, IP address, 14-digit date, content type, length.
_ARC_LINE = re.compile(rb"^\S+://\S* \S+ \d{8,14} \S+ \S+\s*$")
_CHUNK = 1 << 16


def _looks_like_archive(head: bytes) -> bool:
    """Tell whether the first bytes start a WARC or ARC file."""
    start = head.lstrip(b"\r\n\t \x00")
    if start.startswith((b"WARC/", b"filedesc://")):
        return True
    if b"WARC/".startswith(start) or b"filedesc://".startswith(start):
        return True  # a file cut off in its first bytes is a truncated archive
    return bool(_ARC_LINE.match(start.split(b"\n", 1)[0]))


def _kind(rec: Any) -> tuple[str, bool]:
    """Describe a record ("response text/html") and tell whether it holds a successful HTML page."""
    if rec.rec_type not in _ARTICLE_RECORDS:
        return rec.rec_type or "untyped", False
    http = rec.http_headers
    if http is not None and rec.rec_type == "response":
        status = http.get_statuscode() or "?"
        ctype = http.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return f"response {status}", False
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower() or "untyped"
    return f"{rec.rec_type} {mime}", "html" in mime


def _bad_length(rec: Any) -> bool:
    """Tell whether a record declares a Content-Length that is not a byte count."""
    length = rec.rec_headers.get_header("Content-Length")
    if length is None:
        return False
    try:
        return int(length) < 0
    except ValueError:
        return True


def _read_all(stream: Any) -> tuple[bytes, bool]:
    """Read a record stream to its end; return what was read and whether decoding broke."""
    out = bytearray()
    try:
        while chunk := stream.read(_CHUNK):
            out += chunk
    except (*_PARSE_ERRORS, OSError):
        return bytes(out), True
    return bytes(out), False


def _at_end(it: ArchiveIterator) -> bool:
    """Tell whether the archive has no bytes left after the record that failed to parse."""
    try:
        return not it.reader or not it.reader.read(1)
    except (*_PARSE_ERRORS, OSError):
        return True


class _Reader:
    """Walk an archive's records into a Partial, remembering what it met for the summary."""

    def __init__(self, data: bytes, part: Partial) -> None:
        self.part = part
        self.gz = GunzipStream(data) if is_gzip(data) else None
        self.head = gzip_head(data) if self.gz else data[:4096]
        self.stream: io.RawIOBase | io.BytesIO = self.gz or io.BytesIO(data)
        self.n = 0  # records read so far
        self.kinds: Counter[str] = Counter()
        self.html = 0
        self.cut: int | None = None  # the record whose payload is cut short

    def fail(self, reason: str) -> None:
        self.part.fail(self.part.source, reason)

    def run(self) -> None:
        if not _looks_like_archive(self.head):
            # warcio would read plain text as a malformed ARC record; say what it really is.
            self.fail("not a WARC/ARC file")
            return
        it = ArchiveIterator(self.stream, arc2warc=True)
        records = iter(it)
        warned = 0
        # warcio writes its warnings to stderr; we report them as errors naming the file.
        with contextlib.redirect_stderr(io.StringIO()):
            while True:
                try:
                    rec = next(records, None)
                except _PARSE_ERRORS:
                    self.fail(self._header_failure(it))
                    return
                if it.err_count > warned:
                    warned = it.err_count
                    self.fail(
                        f"truncated or mis-sized record {self.n}"
                        " (its data does not end at its declared Content-Length)"
                    )
                if rec is None:
                    break
                self.n += 1
                if self.gz and self.gz.problem and _bad_length(rec):
                    break  # a header cut off by the broken gzip stream
                if _bad_length(rec):
                    # A cut inside the Content-Length line leaves an empty or partial number.
                    cut = _at_end(it)
                    self.fail(
                        f"truncated record {self.n} (the file ends inside its header)"
                        if cut
                        else f"invalid {self._length_name()} at record {self.n}"
                    )
                    return
                if not self._record(rec):
                    break
        self._finish(it)

    def _record(self, rec: Any) -> bool:
        """Read one record; return False when the archive cannot be read past it."""
        kind, is_html = _kind(rec)
        self.kinds[kind] += 1
        doc = None
        if rec.format == "warc" and rec.rec_headers.get_header("Content-Length") is None:
            # A WARC header always declares its length; without one warcio reads to the end.
            rest, _ = _read_all(rec.raw_stream)
            if not (self.gz and self.gz.problem):
                self.fail(
                    f"invalid WARC header at record {self.n} (no Content-Length)"
                    if rest.strip()
                    else f"truncated record {self.n} (the file ends inside its header)"
                )
            self.cut = self.n
            return False
        payload, broken = _read_all(rec.content_stream()) if is_html else (b"", False)
        _, raw_broken = _read_all(rec.raw_stream)
        short = getattr(rec.raw_stream, "limit", 0)
        if short or raw_broken:
            self.cut = self.n
        elif broken:
            self.fail(f"broken chunked or compressed content in record {self.n}")
        if is_html:
            self.html += 1
            doc = self._document(rec, payload)
            if doc is not None:
                self.part.documents.append(doc)
        if self.cut is not None:
            if not (self.gz and self.gz.problem):
                self.fail(f"truncated record {self.n}" + self._missing(short, doc is not None))
            return False
        return True

    @staticmethod
    def _missing(short: int, kept: bool) -> str:
        detail = [f"{short} bytes short of its declared length"] if short else []
        if kept:
            detail.append("its readable part was kept")
        return f" ({'; '.join(detail)})" if detail else ""

    def _document(self, rec: Any, payload: bytes) -> Document | None:
        """Turn an HTML payload into a document, or None when it holds no article text."""
        if not payload.strip():
            return None
        where = f"{self.part.source}#{self.n}"
        url = rec.rec_headers.get_header("WARC-Target-URI")
        try:
            doc = html_document(decode(payload), source=where, fmt="warc", url=url)
        except ValueError:
            return None  # no main text or not text at all: counted in the summary
        except Exception as exc:  # a parser bug on one page must not lose the archive
            self.fail(f"unexpected error at record {self.n}: {type(exc).__name__}: {exc}")
            return None
        if not has_words(doc.body):
            return None
        if doc.published is None:
            doc = replace(doc, published=valid_date(rec.rec_headers.get_header("WARC-Date")))
        return doc

    def _gzip_failure(self) -> str:
        problem = (self.gz.problem if self.gz else None) or "truncated"
        complete = self.n - 1 if self.cut is not None else self.n
        if problem != "truncated":
            reason = f"{problem} at record {complete + 1}"
        else:
            reason = (
                f"truncated gzip stream {f'after record {complete}' if complete else 'in record 1'}"
            )
        kept = self.cut is not None and any(
            d.source == f"{self.part.source}#{self.cut}" for d in self.part.documents
        )
        return reason + (f" (the readable part of record {self.cut} was kept)" if kept else "")

    def _length_name(self) -> str:
        """Name the length field as the archive's format does."""
        return "Content-Length" if self.head.lstrip().startswith(b"WARC") else "ARC length field"

    def _header_failure(self, it: ArchiveIterator) -> str:
        """Say why record n+1 could not be parsed."""
        k = self.n + 1
        if self.gz and self.gz.problem:
            return self._gzip_failure()
        if _at_end(it):
            return f"truncated record {k} (the file ends inside its header)"
        return f"invalid {'WARC' if self.head.startswith(b'WARC') else 'ARC'} header at record {k}"

    def _tail(self, it: ArchiveIterator) -> int:
        """Count the bytes left after the last record (warcio stops quietly at a cut header)."""
        if self.cut is not None or it.offset is None:
            return 0
        if self.gz:
            return max(0, self.gz.produced - it.offset - 4)
        data = self.stream.getbuffer() if isinstance(self.stream, io.BytesIO) else b""
        return len(bytes(data[it.offset :]).strip(b"\r\n\t \x00"))

    def _finish(self, it: ArchiveIterator) -> None:
        if self.gz and self.gz.problem:
            self.fail(self._gzip_failure())
        elif self._tail(it) and not self.part.errors:
            self.fail(f"truncated record {self.n + 1} (the file ends inside its header)")
        elif self.n == 0:
            self.fail("not a WARC/ARC file" if self.head.strip() else "empty file")
        if self.part.documents or self.part.errors:
            return
        if self.html:
            self.fail(f"{NO_TEXT} in its {self.html} HTML response record(s)")
        else:
            kinds = ", ".join(f"{c} {k}" if c > 1 else k for k, c in sorted(self.kinds.items()))
            records = f"{self.n} record{'s' if self.n > 1 else ''}"
            self.fail(f"no HTML response records ({records}: {kinds})")


def read_warc(data: bytes, part: Partial) -> None:
    """Read WARC/ARC bytes (gzipped or not) into `part`; keep good records before a break."""
    if not data.strip():
        part.fail(part.source, "empty file")
        return
    _Reader(data, part).run()
