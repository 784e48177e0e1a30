"""Add what a signed document names: the region's CVR and signatory, case numbers and the
case handler (the letter block of Danish public administration), the area's signatory and
the partnership's sender phone.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The case handler's block, on both kinds of programme.
CASE_COLUMNS = [
    ("case_number", 60),
    ("case_handler_name", 200),
    ("case_handler_phone", 40),
    ("case_handler_email", 200),
]
COLUMNS = {
    "programme": [
        ("contact_cvr", 8),
        ("signatory_name", 200),
        ("signatory_title", 200),
        *CASE_COLUMNS,
    ],
    "area": [("case_number", 60), ("signatory_name", 200), ("signatory_title", 200)],
    "ekr_partnership": [("contact_phone", 40), *CASE_COLUMNS],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch_op:
            for name, length in columns:
                batch_op.add_column(
                    sa.Column(name, sa.String(length), nullable=False, server_default="")
                )


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch_op:
            for name, _ in columns:
                batch_op.drop_column(name)
