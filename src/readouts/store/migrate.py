"""Run the packaged Alembic migrations programmatically (no alembic.ini needed)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.exc import SQLAlchemyError

from readouts.errors import StoreError

# What losing a race with another process migrating the same database looks like.
_RACE = re.compile(r"already exists|duplicate|locked|could not serialize", re.IGNORECASE)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Build the Alembic config for the packaged migrations, bound to ``connection``."""
    cfg = Config()
    # ConfigParser interpolates '%', which a path may contain.
    cfg.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    """Return the newest revision the package ships."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: sa.Connection) -> str | None:
    """Return the revision the database is at (None for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, attempts: int = 4) -> None:
    """Bring the database to the newest revision, doing nothing when it is already there."""
    for attempt in range(1, attempts + 1):
        try:
            _upgrade_once(engine)
            return
        except (SQLAlchemyError, CommandError) as exc:
            # Another process may be creating the same schema right now: once it has
            # committed, the next attempt finds the database at head.
            if attempt == attempts or not _RACE.search(str(exc)):
                raise
            time.sleep(0.25 * attempt)


def _upgrade_once(engine: sa.Engine) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    with engine.begin() as conn:
        current = current_revision(conn)
        if current == script.get_current_head():
            return
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise StoreError(
                f"its schema revision {current!r} is unknown to this readouts"
                " (was it made by a newer version?)"
            )
        command.upgrade(alembic_config(conn), "head")
