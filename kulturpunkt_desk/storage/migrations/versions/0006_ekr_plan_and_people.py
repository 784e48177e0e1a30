"""Add Europæisk Kulturregion's plan and people: budget lines, the action plan
(handleplan), Kulturforum, participants by person and role, representatives' mandates, the
frame rule's margin and the demo mark of a year's key.

New tables, and new columns with defaults on existing ones; nothing is dropped, so existing
data survives.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ekr_budget_line",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("planned_ore", sa.Integer(), nullable=False),
        sa.Column("spent_ore", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "planned_ore >= 0", name=op.f("ck_ekr_budget_line_planned_not_negative")
        ),
        sa.CheckConstraint("spent_ore >= 0", name=op.f("ck_ekr_budget_line_spent_not_negative")),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_budget_line_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_budget_line")),
        sa.UniqueConstraint(
            "partnership_id", "year", "name", name=op.f("uq_ekr_budget_line_partnership_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_budget_line_uuid")),
    )
    with op.batch_alter_table("ekr_budget_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_budget_line_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_plan_action",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("focus_area_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "in_progress",
                "done",
                "postponed",
                name="actionstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["focus_area_id"],
            ["ekr_focus_area.id"],
            name=op.f("fk_ekr_plan_action_focus_area_id_ekr_focus_area"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_plan_action_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_plan_action_responsible_id_ekr_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_plan_action")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_plan_action_uuid")),
    )
    with op.batch_alter_table("ekr_plan_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_plan_action_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_kulturforum",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("programme", sa.Text(), nullable=False),
        sa.Column("priorities", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["ekr_wheel_meeting.id"],
            name=op.f("fk_ekr_kulturforum_meeting_id_ekr_wheel_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_kulturforum_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_kulturforum")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_kulturforum_uuid")),
    )
    with op.batch_alter_table("ekr_kulturforum", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_kulturforum_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_plan_action_member",
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["ekr_plan_action.id"],
            name=op.f("fk_ekr_plan_action_member_action_id_ekr_plan_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_plan_action_member_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_plan_action_member")),
        sa.UniqueConstraint(
            "action_id", "member_id", name=op.f("uq_ekr_plan_action_member_action_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_plan_action_member_uuid")),
    )
    with op.batch_alter_table("ekr_plan_action_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_plan_action_member_action_id"), ["action_id"], unique=False
        )

    op.create_table(
        "ekr_participant",
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("kulturforum_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "culture_director",
                "cdeu_director",
                "development_director",
                "chief_executive",
                "culture_committee_chair",
                "regional_committee_chair",
                "representative",
                "other",
                name="participantrole",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(meeting_id IS NULL) <> (kulturforum_id IS NULL)",
            name=op.f("ck_ekr_participant_one_occasion"),
        ),
        sa.ForeignKeyConstraint(
            ["kulturforum_id"],
            ["ekr_kulturforum.id"],
            name=op.f("fk_ekr_participant_kulturforum_id_ekr_kulturforum"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["ekr_wheel_meeting.id"],
            name=op.f("fk_ekr_participant_meeting_id_ekr_wheel_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_participant_member_id_ekr_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_ekr_participant_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_participant")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_participant_uuid")),
    )
    with op.batch_alter_table("ekr_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_participant_kulturforum_id"), ["kulturforum_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ekr_participant_meeting_id"), ["meeting_id"], unique=False
        )

    with op.batch_alter_table("ekr_funding_year", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("population_demo", sa.Boolean(), server_default="0", nullable=False)
        )

    with op.batch_alter_table("ekr_partnership", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("frame_rule_margin_pct", sa.Integer(), server_default="2", nullable=False)
        )

    with op.batch_alter_table("ekr_representative", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mandate_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ekr_representative", schema=None) as batch_op:
        batch_op.drop_column("mandate_on")

    with op.batch_alter_table("ekr_partnership", schema=None) as batch_op:
        batch_op.drop_column("frame_rule_margin_pct")

    with op.batch_alter_table("ekr_funding_year", schema=None) as batch_op:
        batch_op.drop_column("population_demo")

    with op.batch_alter_table("ekr_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_participant_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_ekr_participant_kulturforum_id"))

    op.drop_table("ekr_participant")
    with op.batch_alter_table("ekr_plan_action_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_plan_action_member_action_id"))

    op.drop_table("ekr_plan_action_member")
    with op.batch_alter_table("ekr_kulturforum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_kulturforum_partnership_id"))

    op.drop_table("ekr_kulturforum")
    with op.batch_alter_table("ekr_plan_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_plan_action_partnership_id"))

    op.drop_table("ekr_plan_action")
    with op.batch_alter_table("ekr_budget_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_budget_line_partnership_id"))

    op.drop_table("ekr_budget_line")
