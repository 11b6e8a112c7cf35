"""The ``readouts`` command line: thin wrappers that parse arguments and call the library.

Each submodule registers its commands on ``app``; ``common`` turns our exceptions
into clean messages and exit codes.
"""

from __future__ import annotations

# Importing the submodules registers their commands on `app`.
from readouts.cli import actors as _actors  # noqa: F401,E402
from readouts.cli import documents as _documents  # noqa: F401,E402
from readouts.cli import evaluation as _evaluation  # noqa: F401,E402
from readouts.cli import extraction as _extraction  # noqa: F401,E402
from readouts.cli import ledger as _ledger  # noqa: F401,E402
from readouts.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line."""
    app()
