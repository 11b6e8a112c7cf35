"""HTML reader: trafilatura's main text (comments kept apart) and page metadata."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.utils import load_html

from readouts.clean import first_line, make_document, valid_date
from readouts.ingest.base import NO_TEXT, Partial, decode
from readouts.records import Document, Zone

__all__ = ["fragment_to_text", "html_document", "read_html"]

# trafilatura and htmldate log every page they find hard; our errors say it once, per file.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "footer", "pre", "ul", "ol", "table", "figure", "figcaption", "dd", "dt",
)  # fmt: skip


def _paragraphs(text: str) -> str:
    """Put each of trafilatura's lines in its own paragraph, as the text reader sees articles."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _same_start(title: str, text: str) -> bool:
    def canon(s: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", "", s.lower()).split())

    return canon(text[: len(title) + 20]).startswith(canon(title))


def html_document(
    html: str,
    *,
    source: str,
    fmt: str = "html",
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
    external_id: str | None = None,
) -> Document:
    """Extract one HTML page into a Document; raise ValueError when it has no main text."""
    if not html.strip():
        raise ValueError("empty file")
    try:
        tree = load_html(html)
        extracted: Any = tree is not None and trafilatura.bare_extraction(
            tree, url=url, include_comments=True, with_metadata=True, deduplicate=False
        )
    except (ValueError, TypeError, LookupError, etree.LxmlError) as exc:
        raise ValueError("unparsable HTML") from exc  # lxml's own words mean nothing to a reader
    if tree is None:
        raise ValueError("unparsable HTML")
    text = _paragraphs(getattr(extracted, "text", None) or "")
    if not text:
        raise ValueError(f"{NO_TEXT} in the HTML")
    page_date = valid_date(extracted.date)
    if page_date is None:
        # trafilatura cleaned `tree` in place, so htmldate gets a fresh parse.
        fresh = load_html(html)
        if fresh is not None:
            try:
                page_date = valid_date(find_date(fresh, original_date=True))
            except Exception:  # htmldate fails on odd markup; a date is optional
                page_date = None
    title = title or extracted.title
    if title and not _same_start(title, text):
        text = f"{title}\n\n{text}"
    comments = _paragraphs(extracted.comments or "")
    doc = make_document(
        text,
        fmt=fmt,
        source=source,
        title=title,
        published=published or page_date,
        url=url or extracted.url,
        author=extracted.author,
        external_id=external_id,
        extra_zones=(Zone("comments", comments),) if comments else (),
    )
    # A page without a title in its metadata is titled like a text file: its first line.
    return doc if doc.title else replace(doc, title=first_line(doc.body))


def read_html(data: bytes, part: Partial) -> None:
    """Read an HTML file's bytes into `part`."""
    try:
        doc = html_document(decode(data), source=part.source)
    except ValueError as exc:
        part.fail(part.source, str(exc))
        return
    part.add(doc)


class _TextParser(HTMLParser):
    """Collect a fragment's text, a paragraph break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Turn a small HTML fragment (a feed entry's content) into paragraphs of text."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)
