"""Exceptions the library raises; the CLI turns each into a clean message and exit code."""


class ReadoutsError(Exception):
    """Base class for every error readouts reports to a user."""


class InputError(ReadoutsError):
    """An input could not be read, decoded or parsed; the message names the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(ReadoutsError):
    """The database could not be opened, migrated or written."""


class RegistryError(ReadoutsError):
    """The actor registry (shipped data or a user overlay) is invalid."""


class NotFound(ReadoutsError):
    """A query named something the ledger or registry does not hold."""
