"""Documents, their extractions, and normalised mentions and gap claims.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the documents, extractions, mentions and gap_claims tables."""
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("external_id", sa.Text),
        sa.Column("zones", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "extractions",
        sa.Column(
            "doc_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("published", sa.String(32)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column(
            "doc_id",
            sa.String(64),
            sa.ForeignKey("extractions.doc_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(32), nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_status", "mentions", ["status"])
    op.create_index("ix_mentions_date", "mentions", ["date"])
    op.create_table(
        "gap_claims",
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


def downgrade() -> None:
    """Drop the tables this migration created."""
    op.drop_table("gap_claims")
    op.drop_table("mentions")
    op.drop_table("extractions")
    op.drop_index("ix_documents_published", table_name="documents")
    op.drop_table("documents")
