"""where a posting's skills and occupation came from: given by the source, or
inferred from the text, with the inference's confidence

Revision ID: d7f3a1c9e2b4
Revises: c5e2a9d4b8f1
Create Date: 2026-12-07 17:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7f3a1c9e2b4"
down_revision: str | None = "c5e2a9d4b8f1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("posting_skill") as batch:
        batch.add_column(
            sa.Column("origin", sa.String(10), nullable=False, server_default="given")
        )
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("occupation_confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("posting") as batch:
        batch.drop_column("occupation_confidence")
    with op.batch_alter_table("posting_skill") as batch:
        batch.drop_column("confidence")
        batch.drop_column("origin")
