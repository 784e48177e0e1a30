"""Tables for laptops that work offline and merge with the team's server.

`sync_conflict` keeps a laptop's change the server could not take without a person
deciding; `sync_receipt` notes each applied sync (so a sync cut off after the server's
commit is not applied twice); `laptop_sync` is a laptop copy's own bookkeeping. New tables
only: nothing existing changes, on SQLite or PostgreSQL.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KEY = sa.String(36).with_variant(postgresql.UUID(as_uuid=False), "postgresql")
WHEN = sa.DateTime(timezone=True)


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", KEY, nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
    ]


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=30)


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("sync_id", sa.String(36), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "conflictkind",
                ["same_field", "edited_deleted", "deleted_edited", "unique", "missing_parent"],
            ),
            nullable=False,
        ),
        sa.Column("table_name", sa.String(50), nullable=False),
        sa.Column("record_id", sa.String(100), nullable=False),
        sa.Column("field", sa.String(64), nullable=True),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("laptop_value", sa.JSON(), nullable=True),
        sa.Column("laptop_rows", sa.JSON(), nullable=False),
        sa.Column("laptop_user", sa.String(100), nullable=False),
        sa.Column("laptop_at", WHEN, nullable=True),
        sa.Column("server_user", sa.String(100), nullable=True),
        sa.Column("server_at", WHEN, nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("resolved_at", WHEN, nullable=True),
        sa.Column("resolved_by", sa.String(100), nullable=True),
        sa.Column(
            "resolution", _enum("conflictresolution", ["server", "laptop", "edited"]), nullable=True
        ),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict") as batch:
        batch.create_index(batch.f("ix_sync_conflict_sync_id"), ["sync_id"])
        batch.create_index(batch.f("ix_sync_conflict_record_id"), ["record_id"])
        batch.create_index(batch.f("ix_sync_conflict_resolved_at"), ["resolved_at"])
    op.create_table(
        "sync_receipt",
        sa.Column("laptop", sa.String(200), nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_receipt")),
    )
    op.create_table(
        "laptop_sync",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server", sa.Text(), nullable=False),
        sa.Column("base_token", sa.String(36), nullable=False),
        sa.Column("schema_revision", sa.String(32), nullable=False),
        sa.Column("last_synced_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_laptop_sync")),
    )


def downgrade() -> None:
    op.drop_table("laptop_sync")
    op.drop_table("sync_receipt")
    with op.batch_alter_table("sync_conflict") as batch:
        batch.drop_index(batch.f("ix_sync_conflict_resolved_at"))
        batch.drop_index(batch.f("ix_sync_conflict_record_id"))
        batch.drop_index(batch.f("ix_sync_conflict_sync_id"))
    op.drop_table("sync_conflict")
