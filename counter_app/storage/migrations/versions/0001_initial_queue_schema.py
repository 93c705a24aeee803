"""initial queue schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Migrations carry their own column types: they must not change when the models do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hall")),
    )
    op.create_table(
        "service_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "prefix", name=op.f("pk_service_days")),
    )
    op.create_table(
        "tickets",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("service", sa.String(length=2), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("group_size", sa.SmallInteger(), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("queue_seq", sa.BigInteger(), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("admitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("print_status", sa.String(length=8), nullable=False),
        sa.Column("print_attempts", sa.Integer(), nullable=False),
        sa.Column("print_error", sa.Text(), nullable=True),
        sa.Column("station", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_day_state", ["day", "state", "queue_seq"], unique=False)
        batch_op.create_index(
            "ix_tickets_line", ["day", "service", "state", "priority", "queue_seq"], unique=False
        )
        batch_op.create_index(
            "ix_tickets_print_failed",
            ["day"],
            unique=False,
            sqlite_where=sa.text("print_status = 'failed'"),
            postgresql_where=sa.text("print_status = 'failed'"),
        )
        batch_op.create_index(
            "uq_tickets_called_counter",
            ["counter"],
            unique=True,
            sqlite_where=sa.text("state = 'called'"),
            postgresql_where=sa.text("state = 'called'"),
        )
        batch_op.create_index(
            "uq_tickets_day_prefix_number", ["day", "prefix", "number"], unique=True
        )

    op.create_table(
        "ticket_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_state", sa.String(length=12), nullable=True),
        sa.Column("to_state", sa.String(length=12), nullable=True),
        sa.Column("counter", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.create_index("ix_ticket_events_day_id", ["day", "id"], unique=False)
        batch_op.create_index("ix_ticket_events_ticket_id", ["ticket_id"], unique=False)

    op.execute("INSERT INTO hall (id, day, seq, version) VALUES (1, NULL, 0, 0)")

    # The event log is append-only: the database itself refuses to change history.
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER ticket_events_no_{verb.lower()} BEFORE {verb} ON ticket_events "
                "BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'ticket_events is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events "
            "FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER ticket_events_no_update")
        op.execute("DROP TRIGGER ticket_events_no_delete")
    else:
        op.execute("DROP TRIGGER ticket_events_append_only ON ticket_events")
        op.execute("DROP FUNCTION ticket_events_append_only()")
    with op.batch_alter_table("ticket_events", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_events_ticket_id")
        batch_op.drop_index("ix_ticket_events_day_id")

    op.drop_table("ticket_events")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("uq_tickets_day_prefix_number")
        batch_op.drop_index(
            "uq_tickets_called_counter",
            sqlite_where=sa.text("state = 'called'"),
            postgresql_where=sa.text("state = 'called'"),
        )
        batch_op.drop_index(
            "ix_tickets_print_failed",
            sqlite_where=sa.text("print_status = 'failed'"),
            postgresql_where=sa.text("print_status = 'failed'"),
        )
        batch_op.drop_index("ix_tickets_line")
        batch_op.drop_index("ix_tickets_day_state")

    op.drop_table("tickets")
    op.drop_table("service_days")
    op.drop_table("hall")
