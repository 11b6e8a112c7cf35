"""The one options object the CLI builds from its arguments; stages never see typer."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "readouts.db"


@dataclass(frozen=True)
class Options:
    """Settings shared by every command."""

    db: str = DEFAULT_DB  # SQLite file path or any SQLAlchemy URL
    format: str = "auto"  # ingest format: auto | text | html | jsonl | warc | rss
    published: str | None = None  # YYYY-MM-DD forced on inputs lacking a date
    quiet: bool = False  # no progress bars
    overlay: Path | None = None  # user registry overlay directory (see readouts.actors)

    @classmethod
    def build(cls, db: str | None = None, **kw: object) -> Options:
        """Build options, the database from the argument, else READOUTS_DB, else the default."""
        return cls(db=db or os.environ.get("READOUTS_DB") or DEFAULT_DB, **kw)  # type: ignore[arg-type]
