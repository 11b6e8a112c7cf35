"""Run extraction over inputs without storing anything (``readouts extract``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from readouts.errors import InputError
from readouts.options import Options
from readouts.records import Document, Extraction, Mention


@dataclass(frozen=True)
class Extracted:
    """One input document and what extraction found in it (or the input's error)."""

    document: Document | None = None
    extraction: Extraction | None = None
    error: InputError | None = None


def extract_paths(paths: Sequence[str], options: Options | None = None) -> Iterator[Extracted]:
    """Read, clean and extract every input; bad inputs yield their error and the batch goes on."""
    from readouts.extract import extract_document
    from readouts.ingest import discover, read_file

    options = options or Options()
    for path in discover(paths):
        result = read_file(path, fmt=options.format, published=options.published)
        for doc in result.documents:
            yield Extracted(doc, extract_document(doc))
        if result.error is not None:
            yield Extracted(error=result.error)


def describe(m: Mention) -> str:
    """Return a one-line human summary of a mention."""
    people = " — ".join(
        f"{p.name or p.role or p.office or p.text or '?'} ({p.country or '?'})"
        for p in m.participants
    )
    extra = []
    if m.location:
        extra.append(f"in {m.location}")
    if m.duration_minutes:
        extra.append(f"{m.duration_minutes} min")
    if m.initiator:
        extra.append(f"initiated by {m.initiator}")
    if m.topics:
        extra.append("topics " + ", ".join(m.topics))
    tail = f"  [{'; '.join(extra)}]" if extra else ""
    return f"{m.status} {m.mode} {m.date or 'undated'}: {people}{tail}"
