"""The ledger: resolved contact events, their participants and their sources.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the contacts, contact_participants and contact_sources tables."""
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("implied", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("outlets", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_contacts_channel", "contacts", ["channel"])
    op.create_index("ix_contacts_status", "contacts", ["status"])
    op.create_index("ix_contacts_date_start", "contacts", ["date_start"])
    op.create_table(
        "contact_participants",
        sa.Column(
            "contact_id",
            sa.String(32),
            sa.ForeignKey("contacts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("person_id", sa.String(200)),
        sa.Column("country", sa.String(16)),
        sa.Column("office", sa.String(64)),
    )
    op.create_index("ix_contact_participants_key", "contact_participants", ["key"])
    op.create_index("ix_contact_participants_country", "contact_participants", ["country"])
    op.create_table(
        "contact_sources",
        sa.Column(
            "contact_id",
            sa.String(32),
            sa.ForeignKey("contacts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_index("ix_contact_sources_doc_id", "contact_sources", ["doc_id"])


def downgrade() -> None:
    """Drop the ledger tables."""
    op.drop_table("contact_sources")
    op.drop_table("contact_participants")
    op.drop_table("contacts")
