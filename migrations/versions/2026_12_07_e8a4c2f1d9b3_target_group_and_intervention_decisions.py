"""the citizen's target group (job-ready, activity-ready, sick-listed) and the
intervention decisions agreed with the citizen beside the suggestion

Revision ID: e8a4c2f1d9b3
Revises: 8ee8dc40c2f8
Create Date: 2026-12-07 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e8a4c2f1d9b3"
down_revision: str | None = "8ee8dc40c2f8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TARGET_GROUPS = ("job_ready", "activity_ready", "sick_listed")
REASONS = (
    "citizen_choice",
    "not_available",
    "health",
    "already_tried",
    "missing_context",
    "other",
)


def upgrade() -> None:
    op.create_table(
        "citizen_target_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column(
            "group",
            sa.Enum(*TARGET_GROUPS, name="targetgroup", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("expected_absence_weeks", sa.Integer(), nullable=True),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_citizen_target_group_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"],
            ["caseworker.id"],
            name=op.f("fk_citizen_target_group_set_by_id_caseworker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_target_group")),
        sa.UniqueConstraint(
            "citizen_id", name=op.f("uq_citizen_target_group_citizen_id")
        ),
    )
    op.create_table(
        "intervention_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("caseworker_id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tables_version", sa.String(40), nullable=True),
        sa.Column("group_number", sa.Integer(), nullable=True),
        sa.Column("suggested", sa.String(40), nullable=True),
        sa.Column("agreed", sa.String(40), nullable=False),
        sa.Column("follows_suggestion", sa.Boolean(), nullable=False),
        sa.Column(
            "reason_code",
            sa.Enum(*REASONS, name="deviationreason", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column("note", sa.String(1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_intervention_decision_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["caseworker_id"],
            ["caseworker.id"],
            name=op.f("fk_intervention_decision_caseworker_id_caseworker"),
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_intervention_decision_municipality_id_municipality"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervention_decision")),
    )
    op.create_index(
        op.f("ix_intervention_decision_citizen_id"),
        "intervention_decision",
        ["citizen_id"],
    )
    op.create_index(
        op.f("ix_intervention_decision_municipality_id"),
        "intervention_decision",
        ["municipality_id"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_intervention_decision_municipality_id"), "intervention_decision"
    )
    op.drop_index(op.f("ix_intervention_decision_citizen_id"), "intervention_decision")
    op.drop_table("intervention_decision")
    op.drop_table("citizen_target_group")
