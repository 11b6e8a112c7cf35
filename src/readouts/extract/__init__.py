"""Contact extraction: find the contacts and gap claims a document's clean body states.

(Scaffold: the extraction helper replaces this with the real pipeline; the
signature below is the contract the rest of the package relies on.)
"""

from __future__ import annotations

from readouts.records import Document, Extraction

# Bump whenever extraction output may change: stored documents are re-extracted.
EXTRACTOR_VERSION = "0"


def extract_document(doc: Document) -> Extraction:
    """Return the mentions and gap claims stated in ``doc.body``."""
    return Extraction(doc_id=doc.id, published=doc.published)


__all__ = ["EXTRACTOR_VERSION", "extract_document"]
