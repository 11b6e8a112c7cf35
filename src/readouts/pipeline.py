"""The ingest pipeline: read inputs, clean, extract, store each file in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readouts.errors import InputError, ReadoutsError
from readouts.options import Options
from readouts.records import Document, Extraction
from readouts.store import Store

if TYPE_CHECKING:
    from readouts.ingest import FileResult

# Called with (files done, total files, the file just done or None before the first).
Progress = Callable[[int, int, str | None], None]


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did: documents read, how many were new, which inputs failed."""

    documents: int
    new: int
    failed: tuple[InputError, ...]
    doc_ids: tuple[str, ...]  # every document read, in input order, without repeats
    reextracted: int = 0  # stored documents re-extracted because the extractor changed
    files: int = 0

    @property
    def summary(self) -> str:
        """Return the closing line: ``ingested N documents (M new), K failed``."""
        return f"ingested {self.documents} documents ({self.new} new), {len(self.failed)} failed"


def _store_file(store: Store, source: str, docs: Sequence[Document]) -> list[bool]:
    """Store one file's documents and their extractions in one transaction; return new flags."""
    from readouts.extract import EXTRACTOR_VERSION, extract_document

    # Extract before the transaction so the write lock is held only while writing.
    known = store.known_ids(d.id for d in docs)
    extracted: dict[str, Extraction] = {}
    for doc in docs:
        if doc.id not in known and doc.id not in extracted:
            extracted[doc.id] = _extract(source, doc, extract_document)
    with store.transaction():
        flags = store.add_documents(docs)
        for doc, new in zip(docs, flags, strict=True):
            if new:
                ex = extracted.get(doc.id) or _extract(source, doc, extract_document)
                store.save_extraction(ex, EXTRACTOR_VERSION)
    return flags


def _extract(source: str, doc: Document, extract: Callable[[Document], Extraction]) -> Extraction:
    """Extract a document, reporting an extractor crash as an error of its input."""
    try:
        return extract(doc)
    except ReadoutsError:
        raise
    except Exception as exc:  # an extractor bug must not abort the whole batch
        raise InputError(source, f"extraction failed: {type(exc).__name__}: {exc}") from exc


def _read(read_file: Callable[..., FileResult], path: str, options: Options) -> FileResult:
    """Read one input, turning even an unexpected reader crash into that input's error."""
    from readouts.ingest import FileResult

    try:
        return read_file(path, options.format, options.published)
    except InputError as exc:
        return FileResult(path, (), exc)
    except Exception as exc:  # a reader bug must not abort the batch
        return FileResult(path, (), InputError(path, f"{type(exc).__name__}: {exc}"))


def reextract_stale(store: Store) -> list[str]:
    """Re-extract stored documents whose extraction is missing or from an older extractor."""
    from readouts.extract import EXTRACTOR_VERSION, extract_document

    done: list[str] = []
    for doc_id in store.stale_documents(EXTRACTOR_VERSION):
        doc = store.document(doc_id)
        try:
            with store.transaction():
                store.save_extraction(
                    _extract(doc.source, doc, extract_document), EXTRACTOR_VERSION
                )
        except InputError:
            continue  # keep the old extraction; the next ingest retries
        done.append(doc_id)
    return done


def ingest(
    paths: Sequence[str],
    options: Options,
    progress: Progress | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> IngestReport:
    """Ingest files, directories (recursively) or ``-`` into the store named by options.db.

    ``on_error`` hears of each failed input as soon as it fails (they are in the report too).
    """
    from readouts.ingest import discover, read_file
    from readouts.resolve import update_ledger

    files = discover(paths)
    failed: list[InputError] = []
    seen: dict[str, None] = {}
    new_ids: list[str] = []
    count = 0
    if progress:
        progress(0, len(files), None)
    with Store.open(options.db) as store:
        for i, path in enumerate(files, 1):
            result = _read(read_file, path, options)
            docs = list(result.documents)
            error = result.error
            if docs:
                try:
                    flags = _store_file(store, result.source, docs)
                except ReadoutsError as exc:
                    # Only this file's transaction rolled back; the batch goes on.
                    reason = exc.reason if isinstance(exc, InputError) else str(exc)
                    if error is not None:  # one line per failed input, naming both problems
                        reason = f"{reason}; also {error}"
                    error = InputError(result.source, reason)
                else:
                    count += len(docs)
                    for doc, new in zip(docs, flags, strict=True):
                        seen.setdefault(doc.id)
                        if new:
                            new_ids.append(doc.id)
            if error is not None:
                failed.append(error)
                if on_error:
                    on_error(error)
            if progress:
                progress(i, len(files), path)
        redone = reextract_stale(store)
        touched = list(dict.fromkeys(new_ids + redone))
        if touched:
            try:
                update_ledger(store, touched)
            except BaseException:
                # Leave them stale so that the next ingest folds them into the ledger again.
                store.invalidate_extractions(touched)
                raise
    return IngestReport(
        documents=count,
        new=len(new_ids),
        failed=tuple(failed),
        doc_ids=tuple(seen),
        reextracted=len(redone),
        files=len(files),
    )


__all__ = ["IngestReport", "Progress", "ingest", "reextract_stale"]
