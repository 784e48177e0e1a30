"""Index the lookups of an area's members by person and a programme's milestones.

The people view and the personal-data export find memberships by person; without the
index SQLite scans area_member on every lookup (measured on the benchmark database).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:56:27.804762
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("area_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_member_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_milestone_programme_id"), ["programme_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_programme_id"))

    with op.batch_alter_table("area_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_member_person_id"))
