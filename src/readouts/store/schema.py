"""Table definitions for documents and extractions (the ledger's tables live in ``ledger.py``)."""

from __future__ import annotations

import sqlalchemy as sa

# One MetaData for every table the store owns, so Alembic's env can compare against it.
metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32), index=True),
    sa.Column("published_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("url", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("format", sa.String(32), nullable=False, default="text"),
    sa.Column("external_id", sa.Text),
    sa.Column("zones", sa.JSON, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column(
        "doc_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("extractor_version", sa.String(32), nullable=False),
    sa.Column("published", sa.String(32)),
    sa.Column("published_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("data", sa.JSON, nullable=False),
)

# Normalised copies of each extraction's items, so SQL can filter by status/mode/date.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column(
        "doc_id",
        sa.String(64),
        sa.ForeignKey("extractions.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("status", sa.String(32), nullable=False, index=True),
    sa.Column("mode", sa.String(32), nullable=False),
    sa.Column("date", sa.String(32), index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

gap_claims = sa.Table(
    "gap_claims",
    metadata,
    sa.Column(
        "doc_id",
        sa.String(64),
        sa.ForeignKey("extractions.doc_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("mode", sa.String(32), nullable=False),
    sa.Column("since", sa.String(32)),
    sa.Column("data", sa.JSON, nullable=False),
)
