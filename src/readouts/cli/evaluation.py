"""CLI commands: evaluation."""

from __future__ import annotations

from readouts.cli.common import app  # noqa: F401
