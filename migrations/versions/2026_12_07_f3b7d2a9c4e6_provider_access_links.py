"""one-time links for approved providers' staff to choose a password

Revision ID: f3b7d2a9c4e6
Revises: e8a4c2f1d9b3
Create Date: 2026-12-07 20:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f3b7d2a9c4e6"
down_revision: str | None = "e8a4c2f1d9b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "provider_access_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_provider_access_link_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_access_link")),
        sa.UniqueConstraint(
            "token_hash", name=op.f("uq_provider_access_link_token_hash")
        ),
    )
    op.create_index(
        op.f("ix_provider_access_link_user_id"),
        "provider_access_link",
        ["user_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_provider_access_link_user_id"), table_name="provider_access_link"
    )
    op.drop_table("provider_access_link")
