"""Event resolution: merge mentions across documents into canonical ledger events.

(Scaffold: the ledger helper replaces this; `update_ledger` is the contract the
ingest pipeline calls after storing a batch.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def update_ledger(store: Any, doc_ids: Iterable[str]) -> None:
    """Fold the given documents' mentions into the ledger held by ``store``."""
    return None
