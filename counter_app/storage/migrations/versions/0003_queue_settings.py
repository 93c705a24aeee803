"""queue settings shared by every station on the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

One row: the queue's rules last saved from a settings dialog (capacity, opening hours,
each service's quota, average minutes and suspension notice) as JSON, with a version
each station compares at every operation.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_settings")),
    )


def downgrade() -> None:
    op.drop_table("queue_settings")
