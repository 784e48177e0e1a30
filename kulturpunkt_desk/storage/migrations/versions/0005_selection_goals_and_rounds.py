"""Selection, goals and rounds (issue 19, Kulturpunkt).

- expression_of_interest: the team's assessment of the three selection criteria (score and
  note each) and the reason for the decision;
- programme: how many areas it designates (11) and its strategy-level goal;
- area: the challenges, potentials and ambitions its local goals are based on;
- network_meeting: the round it belongs to, filled in for existing meetings from the
  programme's network-round milestones;
- activity: whether it builds on an existing initiative, and the local-goal examples it serves;
- evaluation_goal_answer: a new table, the area's rating and answer per project-level goal.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STRATEGY_GOAL_TEXT = (
    "Gennem projektet styrkes oplevelsen af livskvalitet og attraktivitet "
    "i 11 nordjyske lokalområder."
)


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("expression_of_interest", schema=None) as batch_op:
        batch_op.add_column(_text("decision_reason"))
        for criterion in ("energy", "will", "volunteers"):
            batch_op.add_column(sa.Column(f"{criterion}_score", sa.Integer(), nullable=True))
            batch_op.add_column(_text(f"{criterion}_note"))

    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("areas_to_designate", sa.Integer(), nullable=False, server_default="11")
        )
        batch_op.add_column(
            sa.Column("strategy_goal", sa.Text(), nullable=False, server_default=STRATEGY_GOAL_TEXT)
        )

    with op.batch_alter_table("area", schema=None) as batch_op:
        for name in ("local_challenges", "local_potentials", "local_ambitions"):
            batch_op.add_column(_text(name))

    with op.batch_alter_table("network_meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("round", sa.Integer(), nullable=True))
    # A meeting held within a network round's dates belongs to that round.
    op.execute(
        """
        UPDATE network_meeting SET round = (
            SELECT milestone.round FROM milestone
            WHERE milestone.programme_id = network_meeting.programme_id
              AND milestone.kind = 'network_round'
              AND milestone.round IS NOT NULL
              AND network_meeting.held_on BETWEEN milestone.starts_on AND milestone.ends_on
            ORDER BY milestone.starts_on LIMIT 1
        )
        """
    )

    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "origin",
                sa.Enum("existing", "new", name="activityorigin", native_enum=False, length=20),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("goal_examples", sa.JSON(), nullable=False, server_default="[]")
        )

    op.create_table(
        "evaluation_goal_answer",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column(
            "goal",
            sa.Enum(
                "communities",
                "drive",
                "collaboration",
                "ambitions",
                name="projectgoal",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["evaluation_submission.id"],
            name=op.f("fk_evaluation_goal_answer_submission_id_evaluation_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_goal_answer")),
        sa.UniqueConstraint(
            "submission_id", "goal", name=op.f("uq_evaluation_goal_answer_submission_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_evaluation_goal_answer_uuid")),
    )
    with op.batch_alter_table("evaluation_goal_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_goal_answer_submission_id"), ["submission_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("evaluation_goal_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_goal_answer_submission_id"))
    op.drop_table("evaluation_goal_answer")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("goal_examples")
        batch_op.drop_column("origin")
    with op.batch_alter_table("network_meeting", schema=None) as batch_op:
        batch_op.drop_column("round")
    with op.batch_alter_table("area", schema=None) as batch_op:
        for name in ("local_ambitions", "local_potentials", "local_challenges"):
            batch_op.drop_column(name)
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_column("strategy_goal")
        batch_op.drop_column("areas_to_designate")
    with op.batch_alter_table("expression_of_interest", schema=None) as batch_op:
        for criterion in ("volunteers", "will", "energy"):
            batch_op.drop_column(f"{criterion}_note")
            batch_op.drop_column(f"{criterion}_score")
        batch_op.drop_column("decision_reason")
