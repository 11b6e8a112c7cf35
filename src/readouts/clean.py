"""Split an article's text into its clean body and the zones cut from it.

Zoning works on lines (one paragraph per line, as readers produce them). Each
line is classified by the rules in ``readouts.clean_rules``; the body is what
no rule claimed. Once a reader-comment section starts, everything after it is
comments. ``zone`` repeats until nothing more is removed, so zoning a clean body
again never changes it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from readouts.clean_rules import (
    CDATA_RE,
    classify_line,
    comment_start,
    is_bio,
    is_cdata_label,
    is_header_kicker,
    is_prose,
    menu_runs,
    related_block_end,
    split_caption,
)
from readouts.records import ZONE_NAMES, Document, Zone

__all__ = ["document_id", "make_document", "normalise", "zone"]

_MAX_PASSES = 5
# How many content lines at the end of an article may be an author bio.
_BIO_TAIL = 3
# A CDATA section longer than this is wrapped text, not a tag.
_CDATA_TAG_WORDS = 8
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise(text: str) -> str:
    """Return text with unified newlines, stripped lines and single blank lines between blocks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def document_id(body: str) -> str:
    """Return the id of a document: sha256 of its whitespace-normalised body, 16 hex digits."""
    canon = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


def _zone_once(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Run every rule once; return the body and the (zone name, text) pieces removed."""
    removed: list[tuple[str, str]] = []
    cdata: list[str] = []

    def cut(m: re.Match[str]) -> str:
        inner = m.group(1)
        if len(inner.split()) > _CDATA_TAG_WORDS:
            return inner  # a wrapped text, not a tag: keep it
        cdata.append(inner.strip())
        return "\n"

    text = CDATA_RE.sub(cut, text)
    if cdata:
        removed.append(("cdata", " ".join(cdata)))
    lines = normalise(text).split("\n")
    labels: list[str | None] = [None] * len(lines)

    start = comment_start(lines)
    if start is not None:
        for i in range(start, len(lines)):
            labels[i] = "comments"

    seen_prose = False
    for i, line in enumerate(lines):
        if labels[i] or not line:
            continue
        if cdata and not seen_prose and is_cdata_label(line):
            labels[i] = "cdata"
            continue
        if not seen_prose and is_header_kicker(line):
            labels[i] = "navigation"
            continue
        labels[i] = classify_line(line)
        if labels[i] is None:
            split = split_caption(line)
            if split and split[0]:
                lines[i] = line = split[0]
                removed.append(("caption", split[1]))
            elif split:
                labels[i] = "caption"
        if labels[i] is None and is_prose(line):
            seen_prose = True

    prose = [i for i, line in enumerate(lines) if labels[i] is None and is_prose(line)]
    for i, j in menu_runs(lines, labels, prose[0] if prose else len(lines)):
        for k in range(i, j):
            labels[k] = "navigation"

    for i in range(len(lines)):
        if labels[i] == "related" and ":" not in lines[i]:
            for k in range(i + 1, related_block_end(lines, labels, i)):
                labels[k] = "related"

    # An author bio closes the article: look only at its last few content lines.
    content = [i for i, line in enumerate(lines) if line and labels[i] is None]
    for i in reversed(content[-_BIO_TAIL:]):
        if is_bio(lines[i]):
            labels[i] = "bio"

    body_lines: list[str] = []
    for i, line in enumerate(lines):
        if labels[i] is None:
            body_lines.append(line)
        elif line:
            removed.append((labels[i] or "boilerplate", line))
    return normalise("\n".join(body_lines)), removed


def _merge(pieces: Iterable[tuple[str, str]]) -> tuple[Zone, ...]:
    """Join removed pieces into one zone per name, in ZONE_NAMES order."""
    by_name: dict[str, list[str]] = {}
    for name, text in pieces:
        by_name.setdefault(name, []).append(text)
    return tuple(Zone(n, "\n".join(by_name[n])) for n in ZONE_NAMES if n in by_name)


def zone(text: str) -> tuple[str, tuple[Zone, ...]]:
    """Split text into its clean body and the zones removed from it."""
    body = normalise(text)
    pieces: list[tuple[str, str]] = []
    for _ in range(_MAX_PASSES):
        new_body, removed = _zone_once(body)
        pieces.extend(removed)
        if new_body == body:
            break
        body = new_body
    return body, _merge(pieces)


def first_line(text: str, limit: int = 300) -> str | None:
    """Return the first non-empty line of text when it is short enough to be a title."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else None
    return None


def valid_date(value: object) -> str | None:
    """Return a YYYY-MM-DD prefix of value when it is a plausible date, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()[:10]
    if not _DATE_RE.match(value):
        return None
    month, day = int(value[5:7]), int(value[8:10])
    return value if 1 <= month <= 12 and 1 <= day <= 31 else None


def make_document(
    raw: str,
    *,
    fmt: str,
    source: str,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    author: str | None = None,
    external_id: str | None = None,
    extra_zones: Sequence[Zone] = (),
) -> Document:
    """Zone raw text and build its Document; the id comes from the clean body."""
    body, zones = zone(raw)
    if extra_zones:
        zones = _merge([(z.name, z.text) for z in (*zones, *extra_zones) if z.text.strip()])
    return Document(
        id=document_id(body),
        body=body,
        raw=raw,
        title=(title or "").strip() or None,
        published=valid_date(published),
        url=url or None,
        author=(author or "").strip() or None,
        source=source,
        format=fmt,
        external_id=external_id,
        zones=zones,
    )
