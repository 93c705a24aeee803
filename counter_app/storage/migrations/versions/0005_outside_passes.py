"""the hall counts the tickets that passed the head of the outside line

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

With capacity.fill = "fit" a smaller ticket may go into the hall past a group at the
head of the outside line that does not fit, at most capacity.max_pass of them. The count
must hold across every station's process, so it lives on the hall row that each write
transaction locks, with the ticket it counts against (a new head starts again at 0).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hall") as batch:
        batch.add_column(sa.Column("outside_head", sa.BigInteger(), nullable=True))
        batch.add_column(
            sa.Column("outside_passes", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("hall") as batch:
        batch.drop_column("outside_passes")
        batch.drop_column("outside_head")
