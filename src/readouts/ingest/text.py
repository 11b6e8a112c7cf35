"""Plain-text reader: one document per file, the first non-empty line is its title."""

from __future__ import annotations

from dataclasses import replace

from readouts.clean import first_line, make_document
from readouts.ingest.base import Partial, decode_file

__all__ = ["read_text", "text_document"]


def text_document(text: str, part: Partial) -> None:
    """Zone one decoded text into a document on `part`, or record why it has none."""
    if not text.strip():
        part.fail(part.source, "empty file")
        return
    doc = make_document(text, fmt="text", source=part.source)
    # The title is the body's first line, so a "Skip to main content" header never becomes it.
    part.add(replace(doc, title=first_line(doc.body)))


def read_text(data: bytes, part: Partial) -> None:
    """Read a plain-text file's bytes (charset detected) into `part`."""
    text = decode_file(data, part)
    if text is not None:
        text_document(text, part)
