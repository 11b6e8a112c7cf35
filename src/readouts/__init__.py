"""readouts: an evidence-backed ledger of contacts between governments, from news.

The public API is re-exported here; each stage lives in its own module.
"""

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
]
