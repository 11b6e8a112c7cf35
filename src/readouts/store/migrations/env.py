"""Alembic environment: migrate the connection the store hands over (or sqlalchemy.url)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

import readouts.store.ledger  # noqa: F401  (registers the ledger tables on `metadata`)
from readouts.store.schema import metadata

config = context.config


def _run(connection: sa.Connection) -> None:
    # Batch mode lets later migrations ALTER tables on SQLite too.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run migrations on the store's connection, else on an engine built from the config."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
