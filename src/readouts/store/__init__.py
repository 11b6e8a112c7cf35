"""Storage: documents, extractions (and the ledger) in SQLite or PostgreSQL.

Only this package speaks SQL. Schema changes are Alembic migrations under
``migrations/versions``; ``Store.open`` applies them automatically.
"""

from readouts.store.database import Store, database_url

__all__ = ["Store", "database_url"]
