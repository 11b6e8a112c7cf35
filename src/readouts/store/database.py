"""The Store: documents and their extractions in SQLite or PostgreSQL via SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.util.exc import CommandError
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from readouts.errors import NotFound, StoreError
from readouts.records import Document, Extraction, Zone
from readouts.store import migrate
from readouts.store.schema import documents, extractions, gap_claims, mentions


def database_url(db: str) -> sa.URL:
    """Turn a SQLite file path, ``:memory:`` or a SQLAlchemy URL into a URL."""
    if db in ("", ":memory:"):
        return sa.make_url("sqlite://")
    if "://" in db:
        try:
            return sa.make_url(db)
        except (SQLAlchemyError, ValueError) as exc:
            raise StoreError(f"invalid database URL {db!r}: {exc}") from None
    return sa.URL.create("sqlite", database=str(Path(db).expanduser().resolve()))


def _is_memory(url: sa.URL) -> bool:
    """Tell whether a URL names a private in-memory SQLite database."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def _reason(exc: BaseException) -> str:
    """Return the driver's message for an error, on one line."""
    # Driver messages span lines; an error line on the terminal should not.
    return " ".join(str(getattr(exc, "orig", None) or exc).split())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Enforce foreign keys, WAL and a busy timeout on each new SQLite connection."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        # WAL lets readers work while an ingest writes; in-memory databases ignore it.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=10000")
    finally:
        cur.close()


def _doc_row(doc: Document, added_at: datetime) -> dict[str, Any]:
    """Return the documents-table row for a document."""
    row = doc.as_dict()
    row["added_at"] = added_at
    return row


def _insert_new(conn: sa.Connection, row: dict[str, Any]) -> bool:
    """Insert a document row unless its id exists (even one another process just added)."""
    name = conn.dialect.name
    if name == "sqlite":
        lite = sqlite_insert(documents).values(row).on_conflict_do_nothing(index_elements=["id"])
        return conn.execute(lite).rowcount == 1
    if name == "postgresql":
        # psycopg reports no rowcount for a skipped conflict; RETURNING tells for sure.
        pg = pg_insert(documents).values(row).on_conflict_do_nothing(index_elements=["id"])
        return conn.execute(pg.returning(documents.c.id)).first() is not None
    conn.execute(documents.insert().values(row))
    return True


def _row_doc(row: Any) -> Document:
    """Build a Document from a documents-table row."""
    m = row._mapping
    return Document(
        id=m["id"],
        body=m["body"],
        raw=m["raw"],
        title=m["title"],
        published=m["published"],
        published_inferred=bool(m["published_inferred"]),
        url=m["url"],
        author=m["author"],
        source=m["source"],
        format=m["format"],
        external_id=m["external_id"],
        zones=tuple(Zone.from_dict(z) for z in (m["zones"] or ())),
    )


class Store:
    """Documents and extractions in one database; open with ``Store.open(db)``."""

    def __init__(self, engine: sa.Engine, *, readonly: bool = False) -> None:
        self.engine = engine
        self.readonly = readonly
        self._conn: sa.Connection | None = None

    @classmethod
    def open(cls, db: str, readonly: bool = False) -> Store:
        """Open (creating and migrating when needed) the database at a path or URL."""
        url = database_url(db)
        shown = url.render_as_string(hide_password=True)
        if url.get_backend_name() == "sqlite" and not _is_memory(url):
            shown = str(url.database)
        kwargs: dict[str, Any] = {}
        if url.get_backend_name() == "sqlite":
            if _is_memory(url):
                # One shared connection, or every checkout would see a new empty database.
                kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            else:
                path = Path(url.database or "")
                if readonly and not path.exists():
                    raise StoreError(f"no database at {path} (run `readouts ingest` first)")
                if path.is_dir():
                    raise StoreError(f"cannot open database {path}: it is a directory")
                if not path.parent.is_dir():
                    raise StoreError(f"cannot open database {path}: directory does not exist")
        try:
            engine = sa.create_engine(url, **kwargs)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database {shown}: {exc}") from None
        if url.get_backend_name() == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        try:
            migrate.upgrade(engine)
        except (SQLAlchemyError, OSError, CommandError, StoreError) as exc:
            engine.dispose()
            raise StoreError(f"cannot open database {shown}: {_reason(exc)}") from None
        return cls(engine, readonly=readonly)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """Group writes into one transaction: all commit together or none do (nests by joining)."""
        if self._conn is not None:
            yield self._conn
            return
        try:
            with self.engine.begin() as conn:
                self._conn = conn
                try:
                    yield conn
                finally:
                    self._conn = None
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {_reason(exc)}") from None

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        """Yield the open transaction's connection, else a fresh one for reading."""
        if self._conn is not None:
            yield self._conn
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {_reason(exc)}") from None

    def _writable(self) -> None:
        """Refuse writes on a store opened read-only."""
        if self.readonly:
            raise StoreError("the store was opened read-only")

    # Documents

    def add_documents(self, docs: Iterable[Document]) -> list[bool]:
        """Store documents; True for each one that was new (a known id adds nothing)."""
        self._writable()
        docs = list(docs)
        if not docs:
            return []
        added_at = datetime.now(UTC)
        with self.transaction() as conn:
            known = self.known_ids(d.id for d in docs)
            flags: list[bool] = []
            for doc in docs:
                new = doc.id not in known and _insert_new(conn, _doc_row(doc, added_at))
                flags.append(new)
                known.add(doc.id)
        return flags

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Return those of ``ids`` that are stored."""
        wanted = sorted(set(ids))
        found: set[str] = set()
        with self._read() as conn:
            # Chunks keep the IN list under every backend's parameter limit.
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                q = sa.select(documents.c.id).where(documents.c.id.in_(chunk))
                found.update(conn.execute(q).scalars())
        return found

    def document(self, doc_id: str) -> Document:
        """Return the document with this id or unique id prefix; raise NotFound otherwise."""
        with self._read() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).first()
            if row is not None:
                return _row_doc(row)
            if not doc_id:
                raise NotFound("no document with an empty id")
            like = documents.c.id.startswith(doc_id, autoescape=True)
            rows = conn.execute(sa.select(documents).where(like).limit(2)).all()
        if not rows:
            raise NotFound(f"no document {doc_id!r}")
        if len(rows) > 1:
            raise NotFound(f"document id prefix {doc_id!r} is ambiguous; give more digits")
        return _row_doc(rows[0])

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        """Return stored documents (all, or those of ``ids``) by date, undated last, then id."""
        order = (documents.c.published.is_(None), documents.c.published, documents.c.id)
        query = sa.select(documents).order_by(*order)
        with self._read() as conn:
            if ids is None:
                return [_row_doc(r) for r in conn.execute(query)]
            wanted = sorted(set(ids))
            found: list[Document] = []
            for i in range(0, len(wanted), 500):
                chunk = query.where(documents.c.id.in_(wanted[i : i + 500]))
                found.extend(_row_doc(r) for r in conn.execute(chunk))
        return sorted(found, key=lambda d: (d.published is None, d.published or "", d.id))

    def count_documents(self) -> int:
        """Return how many documents are stored."""
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())

    # Extractions

    def save_extraction(self, extraction: Extraction, version: str) -> None:
        """Store (or replace) a document's extraction, made by extractor ``version``."""
        self._writable()
        doc_id = extraction.doc_id
        with self.transaction() as conn:
            # Children first: not every backend cascades unless foreign keys are enforced.
            conn.execute(mentions.delete().where(mentions.c.doc_id == doc_id))
            conn.execute(gap_claims.delete().where(gap_claims.c.doc_id == doc_id))
            conn.execute(extractions.delete().where(extractions.c.doc_id == doc_id))
            conn.execute(
                extractions.insert().values(
                    doc_id=doc_id,
                    extractor_version=version,
                    published=extraction.published,
                    published_inferred=extraction.published_inferred,
                    data=extraction.as_dict(),
                )
            )
            rows = [
                {"doc_id": doc_id, "idx": i, "status": m.status, "mode": m.mode, "date": m.date}
                | {"data": m.as_dict()}
                for i, m in enumerate(extraction.mentions)
            ]
            if rows:
                conn.execute(mentions.insert(), rows)
            claims = [
                {"doc_id": doc_id, "idx": i, "type": g.type, "mode": g.mode, "since": g.since}
                | {"data": g.as_dict()}
                for i, g in enumerate(extraction.gap_claims)
            ]
            if claims:
                conn.execute(gap_claims.insert(), claims)

    def invalidate_extractions(self, doc_ids: Iterable[str]) -> None:
        """Mark documents' extractions stale, so the next ingest re-extracts them."""
        self._writable()
        ids = sorted(set(doc_ids))
        with self.transaction() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                stale = extractions.update().where(extractions.c.doc_id.in_(chunk))
                conn.execute(stale.values(extractor_version=""))

    def extraction(self, doc_id: str) -> Extraction | None:
        """Return the stored extraction of a document, or None."""
        with self._read() as conn:
            data = conn.execute(
                sa.select(extractions.c.data).where(extractions.c.doc_id == doc_id)
            ).scalar()
        return None if data is None else Extraction.from_dict(data)

    def extractions(self) -> list[Extraction]:
        """Return every stored extraction, ordered by document id."""
        with self._read() as conn:
            rows = conn.execute(sa.select(extractions.c.data).order_by(extractions.c.doc_id))
            return [Extraction.from_dict(d) for d in rows.scalars()]

    def extraction_dates(self) -> dict[str, tuple[str | None, bool]]:
        """Return each extracted document's anchor date and whether it was inferred."""
        cols = (extractions.c.doc_id, extractions.c.published, extractions.c.published_inferred)
        with self._read() as conn:
            return {r[0]: (r[1], bool(r[2])) for r in conn.execute(sa.select(*cols))}

    def stale_documents(self, version: str) -> list[str]:
        """Return ids of documents whose extraction is missing or from another version."""
        j = documents.outerjoin(extractions, extractions.c.doc_id == documents.c.id)
        stale = sa.or_(extractions.c.doc_id.is_(None), extractions.c.extractor_version != version)
        query = sa.select(documents.c.id).select_from(j).where(stale).order_by(documents.c.id)
        with self._read() as conn:
            return list(conn.execute(query).scalars())
