"""an index on enrolments by offering and state (free places per offering)

Revision ID: a1c5e7b9d2f4
Revises: f3b7d2a9c4e6
Create Date: 2026-12-07 21:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "a1c5e7b9d2f4"
down_revision: str | None = "f3b7d2a9c4e6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_enrolment_offering_state", "enrolment", ["offering_id", "state"]
    )


def downgrade() -> None:
    op.drop_index("ix_enrolment_offering_state", table_name="enrolment")
