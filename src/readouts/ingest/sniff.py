"""Guess an input's format from its name, then from its first bytes."""

from __future__ import annotations

import re

__all__ = ["FORMATS", "format_from_content", "format_from_name", "sniff"]

FORMATS = ("text", "html", "jsonl", "warc", "rss")

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".warc": "warc", ".arc": "warc",
    ".rss": "rss", ".atom": "rss",
}  # fmt: skip
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|div|p|article|meta|title|script)\b", re.I)


def format_from_name(name: str) -> str | None:
    """Return the format an extension names (ignoring a trailing .gz), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot > lower.rfind("/") else None


def format_from_content(head: bytes) -> str:
    """Return the format the first bytes of a (decompressed) input look like."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"WARC/") or start.startswith(b"filedesc://"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if _FEED.search(start):
        return "rss"
    if start.startswith(b"<") and _HTML.search(start):
        return "html"
    if _HTML.search(start[:1024]) and start.count(b"<") > 5:
        return "html"
    return "text"


def sniff(name: str, head: bytes) -> str:
    """Decide a format: the extension when known (but HTML saved as .txt is html), else content."""
    by_name = format_from_name(name)
    if by_name == "text" and format_from_content(head) == "html":
        return "html"  # a page saved as .txt is still a page
    if by_name:
        return by_name
    return format_from_content(head)
