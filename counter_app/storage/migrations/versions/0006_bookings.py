"""numbers booked from home: the bookings table

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

A service's online numbers are booked for a day with the visitor's NIK and checked in at
the door, where they become tickets. The partial unique indexes make the rules hold
across every station's process: one booking holds a number at a time, and one NIK has
one active booking per service per day.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_NOT_CANCELLED = "state != 'cancelled'"
_ACTIVE = "state IN ('booked', 'checked_in')"


def upgrade() -> None:
    op.create_table(
        "bookings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service", sa.String(2), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("station", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name="fk_bookings_ticket_id_tickets"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_bookings"),
    )
    op.create_index(
        "uq_bookings_number",
        "bookings",
        ["day", "service", "number"],
        unique=True,
        sqlite_where=sa.text(_NOT_CANCELLED),
        postgresql_where=sa.text(_NOT_CANCELLED),
    )
    op.create_index(
        "uq_bookings_nik",
        "bookings",
        ["day", "service", "nik"],
        unique=True,
        sqlite_where=sa.text(_ACTIVE),
        postgresql_where=sa.text(_ACTIVE),
    )
    op.create_index("ix_bookings_nik", "bookings", ["nik"])
    op.create_index("uq_bookings_secret_hash", "bookings", ["secret_hash"], unique=True)


def downgrade() -> None:
    op.drop_table("bookings")
