"""Shared fixtures: a ``store`` (and a ``db_url``) on in-memory SQLite and, when set, PostgreSQL.

PostgreSQL runs only when ``READOUTS_TEST_PG`` holds a SQLAlchemy URL (``.ci/run``
sets it); each test gets a fresh schema that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from readouts.store import Store

PG_ENV = "READOUTS_TEST_PG"
PG_SKIP = f"{PG_ENV} not set: PostgreSQL tests skipped"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _pg_schema_url() -> Iterator[str]:
    """Yield a PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        # CASCADE drops every table in it, alembic_version and the ledger's included.
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return a database URL that separate ``Store.open`` calls share (SQLite file or PG)."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
    else:
        yield from _pg_schema_url()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """Return an empty, migrated Store: in-memory SQLite, and PostgreSQL when configured."""
    if request.param == "sqlite":
        s = Store.open("sqlite://")
        yield s
        s.close()
        return
    for url in _pg_schema_url():
        s = Store.open(url)
        try:
            yield s
        finally:
            s.close()
