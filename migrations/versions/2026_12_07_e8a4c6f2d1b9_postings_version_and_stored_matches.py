"""the postings' version, each citizen's matches stored, the queue's index

Revision ID: e8a4c6f2d1b9
Revises: 10742828f6e3
Create Date: 2026-12-07 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e8a4c6f2d1b9"
down_revision: str | None = "10742828f6e3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    data_version = op.create_table(
        "data_version",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_version")),
    )
    # Postings already in the database count as the first version.
    op.bulk_insert(data_version, [{"name": "postings", "version": 1}])
    op.create_table(
        "match_list",
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("postings_version", sa.Integer(), nullable=False),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("profile_key", sa.String(length=64), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_match_list_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("citizen_id", name=op.f("pk_match_list")),
    )
    op.create_table(
        "stored_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["match_list.citizen_id"],
            name=op.f("fk_stored_match_citizen_id_match_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["posting.id"],
            name=op.f("fk_stored_match_posting_id_posting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_match")),
        sa.UniqueConstraint(
            "citizen_id", "rank", name=op.f("uq_stored_match_citizen_id")
        ),
    )
    op.create_index(
        op.f("ix_stored_match_posting_id"), "stored_match", ["posting_id"], unique=False
    )

    op.create_index(
        "ix_case_file_queue", "case_file", ["municipality_id", "priority"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_case_file_queue", table_name="case_file")
    op.drop_index(op.f("ix_stored_match_posting_id"), table_name="stored_match")
    op.drop_table("stored_match")
    op.drop_table("match_list")
    op.drop_table("data_version")
