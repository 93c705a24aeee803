"""daily reports kept after a purge; purges recorded; old events may be purged

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

The event log stays append-only for every day a purge has not reached: the database
refuses UPDATE always, and DELETE of an event unless its day is before the newest
recorded purge's `before_day`. Deleting history therefore needs a `purges` row first,
which is itself the audit record of it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.day < (SELECT max(before_day) FROM purges) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ticket_events is append-only';
END $$
"""
_PG_FUNCTION_0001 = (
    "CREATE OR REPLACE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN RAISE EXCEPTION 'ticket_events is append-only'; END $$"
)


def upgrade() -> None:
    op.create_table(
        "daily_reports",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_reports")),
    )
    op.create_table(
        "purges",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before_day", sa.Date(), nullable=False),
        sa.Column("tickets", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purges")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER ticket_events_no_delete")
        op.execute(
            "CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events "
            "WHEN OLD.day >= coalesce((SELECT max(before_day) FROM purges), '0000-01-01') "
            "BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END"
        )
    else:
        op.execute(_PG_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER ticket_events_no_delete")
        op.execute(
            "CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events "
            "BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END"
        )
    else:
        op.execute(_PG_FUNCTION_0001)
    op.drop_table("purges")
    op.drop_table("daily_reports")
