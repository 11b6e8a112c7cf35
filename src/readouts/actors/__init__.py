"""The actor registry: who held which office on which date, and the words that name them.

Shipped data lives in ``actors/data`` (see docs/registry.md for the schema); a user
overlay (``$READOUTS_HOME/overlay``) adds tenure files of the same schema.
"""

from __future__ import annotations

from pathlib import Path

from readouts.actors.loader import TENURE_DIR, default_overlay, tenure_files
from readouts.actors.model import (
    CORE_OFFICES,
    OFFICES,
    SINGLE_HOLDER,
    TENURE_COLUMNS,
    Person,
    Tenure,
    fold,
    slug,
)
from readouts.actors.registry import Registry, build_registry
from readouts.actors.validate import check

__all__ = [
    "CORE_OFFICES",
    "OFFICES",
    "SINGLE_HOLDER",
    "TENURE_COLUMNS",
    "Person",
    "Registry",
    "Tenure",
    "build_registry",
    "check",
    "clear_cache",
    "default_overlay",
    "fold",
    "load_registry",
    "slug",
]

_CACHE: dict[Path, Registry] = {}


def load_registry(overlay: Path | None = None) -> Registry:
    """Return the shipped registry plus the user overlay, loaded once per process."""
    directory = (overlay or default_overlay()).expanduser().resolve()
    if directory not in _CACHE:
        _CACHE[directory] = build_registry(tenure_files(TENURE_DIR, directory))
    return _CACHE[directory]


def clear_cache() -> None:
    """Forget loaded registries (after the overlay changed)."""
    _CACHE.clear()


# Imported last: these modules use the loader defined above.
from readouts.actors.overlay import Imported, import_file  # noqa: E402
from readouts.actors.queries import check_all, who  # noqa: E402

__all__ += ["Imported", "check_all", "import_file", "who"]
