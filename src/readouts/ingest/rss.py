"""RSS/Atom reader: each feed entry becomes a document (content, else summary)."""

from __future__ import annotations

import time
from typing import Any
from xml.sax import SAXParseException

import feedparser

from readouts.clean import make_document
from readouts.ingest.base import Partial
from readouts.ingest.html import fragment_to_text

__all__ = ["read_rss"]


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            return fragment_to_text(content["value"])
    return fragment_to_text(entry.get("summary") or entry.get("description") or "")


def _xml_reason(problem: SAXParseException) -> str:
    """Say what the XML parser found wrong, in a reader's words."""
    message = str(problem.getMessage() or "").strip()
    if message == "no element found":
        return "the file ends before the feed is complete"
    return message or "malformed XML"


def read_rss(data: bytes, part: Partial) -> None:
    """Read an RSS/Atom feed's bytes into `part`."""
    if not data.strip():
        part.fail(part.source, "empty file")
        return
    feed = feedparser.parse(data)
    problem = feed.get("bozo_exception")
    if not feed.entries:
        if isinstance(problem, SAXParseException):
            line = problem.getLineNumber()
            reason = f"not well-formed XML at line {line}: {_xml_reason(problem)}"
            part.fail(part.source, f"not a readable RSS/Atom feed ({reason})")
        elif feed.get("bozo") or not (feed.get("version") or feed.get("feed")):
            part.fail(part.source, "not a readable RSS/Atom feed (no feed or entries found)")
        else:
            part.fail(part.source, "feed has no entries")
        return
    if isinstance(problem, SAXParseException):
        # feedparser reads on past the break (loose parsing); the entries are kept, but say so.
        where = f"{part.source}:{problem.getLineNumber()}"
        part.fail(where, f"feed is not well-formed XML ({_xml_reason(problem)})")
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{part.source}#{n}"
        title = (entry.get("title") or "").strip() or None
        text = _entry_text(entry).strip()
        if not text:
            part.fail(where, "entry has neither content nor summary")
            continue
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        author = entry.get("author")
        doc = make_document(
            text,
            fmt="rss",
            source=where,
            title=title,
            published=_entry_date(entry),
            url=entry.get("link"),
            author=author if isinstance(author, str) else None,
            external_id=entry.get("id"),
        )
        part.add(doc, where)
