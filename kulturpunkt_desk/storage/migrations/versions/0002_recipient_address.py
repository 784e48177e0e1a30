"""Add the grant recipient's postal address (printed on the agreement).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("area") as batch_op:
        batch_op.add_column(
            sa.Column("recipient_address", sa.String(400), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("area") as batch_op:
        batch_op.drop_column("recipient_address")
