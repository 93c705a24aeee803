"""the hall remembers the clock of the last write

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

A station whose clock is wrong must not roll the office's day. The hall row keeps the
time of the last write (a clock may not run behind it), and on SQLite, where there is no
server clock to compare with, which boot of the PC wrote it and how far the wall clock
stood from the machine's monotonic clock then: on the same boot that distance only moves
when somebody or something changes the clock.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hall") as batch:
        batch.add_column(sa.Column("last_write_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("clock_boot", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("clock_offset", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hall") as batch:
        batch.drop_column("clock_offset")
        batch.drop_column("clock_boot")
        batch.drop_column("last_write_at")
