"""finished documents: the ready list, and the tickets and bookings that come for one

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

The office hands over only documents that are finished. Staff import the ready list
(core/documents.py reads the export); a pickup service may then require one, so a
booking and its ticket carry the document they come for, and serving the ticket hands
it over. The new columns of tickets and bookings have no foreign key: SQLite adds one to
an existing table only by rebuilding it (with the partial indexes the queue relies on),
and the queue writes both sides in one transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("nik", sa.String(16), nullable=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("service", sa.String(2), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("finished_on", sa.Date(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handed_day", sa.Date(), nullable=True),
        sa.Column("ticket_id", sa.BigInteger(), nullable=True),
        sa.Column("station", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("uq_documents_number", "documents", ["number"], unique=True)
    op.create_index("ix_documents_nik", "documents", ["nik"])
    op.create_index("ix_documents_handed_day", "documents", ["handed_day"])
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("document_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("bookings") as batch:
        batch.add_column(sa.Column("document_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.drop_column("document_id")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("document_id")
    op.drop_table("documents")
