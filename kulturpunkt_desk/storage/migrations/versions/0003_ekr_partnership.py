"""Add Europæisk Kulturregion: partnership, members, funding, year wheel, themes, EU cases.

New tables only (all prefixed ekr_); nothing existing is altered, so no data can be lost.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
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
        "ekr_partnership",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("default_frame_ore", sa.Integer(), nullable=False),
        sa.Column("contact_organisation", sa.String(length=200), nullable=False),
        sa.Column("contact_department", sa.String(length=200), nullable=False),
        sa.Column("contact_street", sa.String(length=200), nullable=False),
        sa.Column("contact_postcode_city", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_partnership")),
        sa.UniqueConstraint("name", name=op.f("uq_ekr_partnership_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_partnership_uuid")),
    )
    op.create_table(
        "ekr_focus_area",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_focus_area_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_focus_area")),
        sa.UniqueConstraint(
            "partnership_id", "number", name=op.f("uq_ekr_focus_area_partnership_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_focus_area_uuid")),
    )
    with op.batch_alter_table("ekr_focus_area", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_focus_area_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_funding_year",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("frame_ore", sa.Integer(), nullable=False),
        sa.Column("basis_date", sa.Date(), nullable=True),
        sa.Column("invoiced_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("frame_ore >= 0", name=op.f("ck_ekr_funding_year_frame_not_negative")),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_funding_year_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_funding_year")),
        sa.UniqueConstraint(
            "partnership_id", "year", name=op.f("uq_ekr_funding_year_partnership_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_funding_year_uuid")),
    )
    with op.batch_alter_table("ekr_funding_year", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_funding_year_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_member",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "region", "municipality", "cdeu", name="memberkind", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("rotation_order", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=400), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_member_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_member")),
        sa.UniqueConstraint("partnership_id", "name", name=op.f("uq_ekr_member_partnership_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_member_uuid")),
    )
    with op.batch_alter_table("ekr_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_member_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_contribution",
        sa.Column("funding_year_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("amount_ore", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("invoiced_on", sa.Date(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_ore >= 0", name=op.f("ck_ekr_contribution_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["funding_year_id"],
            ["ekr_funding_year.id"],
            name=op.f("fk_ekr_contribution_funding_year_id_ekr_funding_year"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_contribution_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_contribution")),
        sa.UniqueConstraint(
            "funding_year_id", "member_id", name=op.f("uq_ekr_contribution_funding_year_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_contribution_uuid")),
    )
    with op.batch_alter_table("ekr_contribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_contribution_funding_year_id"), ["funding_year_id"], unique=False
        )

    op.create_table(
        "ekr_eu_case",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "joint_application",
                "advice",
                "fundraising",
                name="eucasekind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("applicant", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("eu_programme", sa.String(length=200), nullable=False),
        sa.Column("call_deadline", sa.Date(), nullable=True),
        sa.Column("amount_sought_ore", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "idea",
                "advice",
                "submitted",
                "granted",
                "rejected",
                name="eucasestage",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("amount_granted_ore", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "amount_granted_ore >= 0", name=op.f("ck_ekr_eu_case_granted_not_negative")
        ),
        sa.CheckConstraint(
            "amount_sought_ore >= 0", name=op.f("ck_ekr_eu_case_sought_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_eu_case_member_id_ekr_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_eu_case_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_eu_case")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_eu_case_uuid")),
    )
    with op.batch_alter_table("ekr_eu_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_eu_case_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "ekr_population",
        sa.Column("funding_year_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "population >= 0", name=op.f("ck_ekr_population_population_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["funding_year_id"],
            ["ekr_funding_year.id"],
            name=op.f("fk_ekr_population_funding_year_id_ekr_funding_year"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_population_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_population")),
        sa.UniqueConstraint(
            "funding_year_id", "member_id", name=op.f("uq_ekr_population_funding_year_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_population_uuid")),
    )
    with op.batch_alter_table("ekr_population", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_population_funding_year_id"), ["funding_year_id"], unique=False
        )

    op.create_table(
        "ekr_representative",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role_title", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_representative_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_ekr_representative_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_representative")),
        sa.UniqueConstraint("member_id", "person_id", name=op.f("uq_ekr_representative_member_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_representative_uuid")),
    )
    with op.batch_alter_table("ekr_representative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_representative_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ekr_representative_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "ekr_theme",
        sa.Column("focus_area_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "theme_group", "interest_group", name="themekind", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["focus_area_id"],
            ["ekr_focus_area.id"],
            name=op.f("fk_ekr_theme_focus_area_id_ekr_focus_area"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_theme")),
        sa.UniqueConstraint("focus_area_id", "name", name=op.f("uq_ekr_theme_focus_area_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_theme_uuid")),
    )
    with op.batch_alter_table("ekr_theme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_theme_focus_area_id"), ["focus_area_id"], unique=False
        )

    op.create_table(
        "ekr_wheel_meeting",
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "secretariat_digital",
                "secretariat_physical",
                "directors",
                "directors_kulturforum",
                name="wheelmeetingkind",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_wheel_meeting_chair_id_ekr_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["host_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_wheel_meeting_host_id_ekr_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["ekr_partnership.id"],
            name=op.f("fk_ekr_wheel_meeting_partnership_id_ekr_partnership"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_wheel_meeting")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_wheel_meeting_uuid")),
    )
    with op.batch_alter_table("ekr_wheel_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_wheel_meeting_partnership_id"), ["partnership_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_ekr_wheel_meeting_year"), ["year"], unique=False)

    op.create_table(
        "ekr_engagement",
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "leading",
                "active",
                "following",
                "not_taking_part",
                name="engagementlevel",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_engagement_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"],
            ["ekr_theme.id"],
            name=op.f("fk_ekr_engagement_theme_id_ekr_theme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_engagement")),
        sa.UniqueConstraint("theme_id", "member_id", name=op.f("uq_ekr_engagement_theme_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_engagement_uuid")),
    )
    with op.batch_alter_table("ekr_engagement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ekr_engagement_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "ekr_wheel_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["ekr_wheel_meeting.id"],
            name=op.f("fk_ekr_wheel_attendance_meeting_id_ekr_wheel_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["ekr_member.id"],
            name=op.f("fk_ekr_wheel_attendance_member_id_ekr_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekr_wheel_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_ekr_wheel_attendance_meeting_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekr_wheel_attendance_uuid")),
    )
    with op.batch_alter_table("ekr_wheel_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ekr_wheel_attendance_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("ekr_wheel_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_wheel_attendance_meeting_id"))

    op.drop_table("ekr_wheel_attendance")
    with op.batch_alter_table("ekr_engagement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_engagement_theme_id"))

    op.drop_table("ekr_engagement")
    with op.batch_alter_table("ekr_wheel_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_wheel_meeting_year"))
        batch_op.drop_index(batch_op.f("ix_ekr_wheel_meeting_partnership_id"))

    op.drop_table("ekr_wheel_meeting")
    with op.batch_alter_table("ekr_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_theme_focus_area_id"))

    op.drop_table("ekr_theme")
    with op.batch_alter_table("ekr_representative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_representative_person_id"))
        batch_op.drop_index(batch_op.f("ix_ekr_representative_member_id"))

    op.drop_table("ekr_representative")
    with op.batch_alter_table("ekr_population", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_population_funding_year_id"))

    op.drop_table("ekr_population")
    with op.batch_alter_table("ekr_eu_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_eu_case_partnership_id"))

    op.drop_table("ekr_eu_case")
    with op.batch_alter_table("ekr_contribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_contribution_funding_year_id"))

    op.drop_table("ekr_contribution")
    with op.batch_alter_table("ekr_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_member_partnership_id"))

    op.drop_table("ekr_member")
    with op.batch_alter_table("ekr_funding_year", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_funding_year_partnership_id"))

    op.drop_table("ekr_funding_year")
    with op.batch_alter_table("ekr_focus_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ekr_focus_area_partnership_id"))

    op.drop_table("ekr_focus_area")
    op.drop_table("ekr_partnership")
