"""a session version per user account, so that log-out ends the session on the server

Revision ID: c5e2a9d4b8f1
Revises: b3d9e1f0a7c2
Create Date: 2026-12-07 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c5e2a9d4b8f1"
down_revision: str | None = "b3d9e1f0a7c2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(
            sa.Column(
                "session_version", sa.Integer(), nullable=False, server_default="0"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("session_version")
