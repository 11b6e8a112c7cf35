"""readouts: an evidence-backed ledger of contacts between governments, from news.

The public API is re-exported here. Records, errors and options load eagerly;
the stages load on first use, so ``import readouts`` stays cheap (no spaCy,
SQLAlchemy or registry until a function that needs them is touched).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from readouts.errors import InputError, NotFound, ReadoutsError, RegistryError, StoreError
from readouts.options import Options
from readouts.records import (
    Account,
    Contact,
    Document,
    Evidence,
    Extraction,
    GapClaim,
    Mention,
    Participant,
    Source,
    Zone,
)

__version__ = "0.1.0"

# name -> module that defines it, imported on first access (PEP 562). Functions
# named like a submodule (ingest, resolve, export) are not listed: the name must
# keep meaning the module, so use readouts.pipeline.ingest, readouts.export.export.
_LAZY = {
    "discover": "readouts.ingest",
    "read_file": "readouts.ingest",
    "FileResult": "readouts.ingest",
    "make_document": "readouts.clean",
    "zone": "readouts.clean",
    "document_id": "readouts.clean",
    "extract_document": "readouts.extract",
    "EXTRACTOR_VERSION": "readouts.extract",
    "load_registry": "readouts.actors",
    "Registry": "readouts.actors",
    "resolve_date": "readouts.dates",
    "Store": "readouts.store",
    "IngestReport": "readouts.pipeline",
    "update_ledger": "readouts.resolve",
    "rebuild_ledger": "readouts.resolve",
    "contacts": "readouts.query",
    "last_contact": "readouts.query",
    "gaps": "readouts.query",
    "event": "readouts.query",
    "verdicts": "readouts.claims",
    "evaluate_file": "readouts.evaluate",
}


def __getattr__(name: str) -> Any:
    """Import a stage's public name on first access."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'readouts' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Account",
    "Contact",
    "Document",
    "Evidence",
    "Extraction",
    "GapClaim",
    "InputError",
    "Mention",
    "NotFound",
    "Options",
    "Participant",
    "ReadoutsError",
    "RegistryError",
    "Source",
    "StoreError",
    "Zone",
    "__version__",
    *sorted(_LAZY),
]
