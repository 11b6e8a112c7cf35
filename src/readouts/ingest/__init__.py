"""Read inputs of every format into Documents; one reader module per format.

``read_file`` never raises for bad input: it returns a ``FileResult`` whose
``error`` names the file (and line or record) and the reason, alongside any
documents read before the problem.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from readouts.clean import valid_date
from readouts.errors import InputError
from readouts.ingest.base import FileResult, Partial, gunzip, is_gzip
from readouts.ingest.html import read_html
from readouts.ingest.jsonl import read_jsonl
from readouts.ingest.rss import read_rss
from readouts.ingest.sniff import FORMATS, format_from_content, sniff
from readouts.ingest.text import read_text
from readouts.ingest.warc import read_warc

__all__ = ["FORMATS", "FileResult", "discover", "read_bytes", "read_file"]

Reader = Callable[[bytes, Partial], None]
_READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "rss": read_rss,
}
# Formats whose good records survive a truncated .gz (the others are one document per file).
_PARTIAL_OK = ("jsonl",)


# A corpus directory often carries its own documentation; those files describe the
# articles and are not articles. Named explicitly on the command line, they are read.
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|notice)(\.[a-z0-9]+)?$", re.I)


def discover(paths: Sequence[str]) -> list[str]:
    """Expand directories recursively (sorted; hidden and README-like files skipped)."""
    found: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        inside: list[str] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            inside.extend(
                os.path.join(root, f)
                for f in files
                if not f.startswith(".") and not _NOT_ARTICLES.match(f)
            )
        # Sort by path components so "a/z" comes before "b" whatever the separator sorts as.
        found.extend(sorted(inside, key=lambda p: Path(p).parts))
    return found


def read_bytes(data: bytes, source: str, fmt: str = "auto", name: str | None = None) -> FileResult:
    """Read one input's bytes into documents; `name` (default `source`) guides format guessing."""
    part = Partial(source)
    name = name if name is not None else source
    if fmt != "auto" and fmt not in _READERS:
        part.fail(source, f"unknown format {fmt!r} (expected auto or one of {', '.join(FORMATS)})")
        return part.result()
    gz_error = None
    plain = data
    if is_gzip(data):
        plain, gz_error = gunzip(data)
    if fmt == "auto":
        # stdin has no name, so its content decides (normally html or text).
        fmt = format_from_content(plain[:4096]) if source == "-" else sniff(name, plain[:4096])
    try:
        if fmt == "warc":
            # warcio reads gzip member by member and reports where a broken one starts.
            read_warc(data, part)
        elif gz_error and fmt not in _PARTIAL_OK:
            part.fail(source, gz_error)
        else:
            if gz_error:
                plain = plain[: plain.rfind(b"\n") + 1]  # the last line is cut off mid-record
            _READERS[fmt](plain, part)
            if gz_error:
                part.fail(source, gz_error)
    except Exception as exc:  # a reader bug must not stop the batch; report it like bad input
        part.fail(source, f"unexpected error (reading as {fmt}): {type(exc).__name__}: {exc}")
    if not part.documents and not part.errors:
        part.fail(source, f"no documents found (read as {fmt})")
    return part.result()


def read_file(path: str, fmt: str = "auto", published: str | None = None) -> FileResult:
    """Read one file ('-' is stdin) into documents; errors come back in the result, not raised."""
    if published is not None and valid_date(published) != published:
        raise InputError("--published", f"expected a YYYY-MM-DD date, got {published!r}")
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if isinstance(exc, FileNotFoundError):
                reason = "no such file or directory"
            return FileResult(path, (), InputError(path, reason))
    result = read_bytes(data, path, fmt)
    if published:
        docs = tuple(
            d if d.published else replace(d, published=published) for d in result.documents
        )
        result = replace(result, documents=docs)
    return result
