"""the marketplace: provider states and details, offerings, enrolments, outcomes, reviews

Revision ID: 8ee8dc40c2f8
Revises: 0e95f5be15dc
Create Date: 2026-12-07 19:02:42.497004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8ee8dc40c2f8"
down_revision: str | None = "0e95f5be15dc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offering",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "course",
                "mentoring",
                "job_search_tool",
                "upskilling",
                "health",
                "language",
                name="offeringkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "format",
            sa.Enum(
                "online",
                "in_person",
                "blended",
                name="offeringformat",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("postcode", sa.String(length=4), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("duration_weeks", sa.Integer(), nullable=False),
        sa.Column("schedule", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.String(length=60), nullable=False),
        sa.Column("accessibility", sa.String(length=500), nullable=True),
        sa.Column("target_groups", sa.String(length=500), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("waiting_weeks", sa.Integer(), nullable=False),
        sa.Column(
            "payment",
            sa.Enum("free", "job_centre", name="payment", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "submitted",
                "published",
                "unpublished",
                name="offeringstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("state_reason", sa.String(length=500), nullable=True),
        sa.Column("was_published", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_offering_municipality_id_municipality"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
            name=op.f("fk_offering_provider_id_provider"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offering")),
    )
    with op.batch_alter_table("offering", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_offering_provider_id"), ["provider_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_offering_state"), ["state"], unique=False)

    op.create_table(
        "offering_skill",
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offering.id"],
            name=op.f("fk_offering_skill_offering_id_offering"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skill.id"], name=op.f("fk_offering_skill_skill_id_skill")
        ),
        sa.PrimaryKeyConstraint(
            "offering_id", "skill_id", name=op.f("pk_offering_skill")
        ),
    )
    with op.batch_alter_table("offering_skill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_offering_skill_skill_id"), ["skill_id"], unique=False
        )

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "requested",
                "active",
                "declined",
                "left",
                "finished",
                name="enrolmentstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("attendance_percent", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Boolean(), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("start_support_track", sa.Boolean(), nullable=False),
        sa.Column("start_months_unemployed", sa.Integer(), nullable=False),
        sa.Column("start_age", sa.Integer(), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_enrolment_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"],
            ["user_account.id"],
            name=op.f("fk_enrolment_decided_by_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offering.id"],
            name=op.f("fk_enrolment_offering_id_offering"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment")),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolment_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enrolment_offering_id"), ["offering_id"], unique=False
        )

    op.create_table(
        "enrolment_outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("in_work_or_education", sa.Boolean(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "job_log",
                "deregistration",
                "synthetic_register",
                name="outcomesource",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_enrolment_outcome_enrolment_id_enrolment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment_outcome")),
        sa.UniqueConstraint(
            "enrolment_id", "months", name=op.f("uq_enrolment_outcome_enrolment_id")
        ),
    )
    with op.batch_alter_table("enrolment_outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolment_outcome_enrolment_id"),
            ["enrolment_id"],
            unique=False,
        )

    op.create_table(
        "offering_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "shown",
                "reported",
                "hidden",
                name="reviewstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("report_reason", sa.String(length=500), nullable=True),
        sa.Column("hidden_reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_offering_review_enrolment_id_enrolment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offering.id"],
            name=op.f("fk_offering_review_offering_id_offering"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offering_review")),
        sa.UniqueConstraint(
            "enrolment_id", name=op.f("uq_offering_review_enrolment_id")
        ),
    )
    with op.batch_alter_table("offering_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_offering_review_offering_id"), ["offering_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_offering_review_state"), ["state"], unique=False
        )

    op.create_table(
        "provider_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("author_user_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=2000), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["user_account.id"],
            name=op.f("fk_provider_message_author_user_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_provider_message_enrolment_id_enrolment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_message")),
    )
    with op.batch_alter_table("provider_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_provider_message_enrolment_id"),
            ["enrolment_id"],
            unique=False,
        )

    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "state",
                sa.Enum(
                    "applied",
                    "approved",
                    "suspended",
                    "ended",
                    name="providerstate",
                    native_enum=False,
                    length=20,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("state_reason", sa.String(length=500), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_email", sa.String(length=254), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_phone", sa.String(length=30), nullable=True)
        )
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("languages", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("areas", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True)
        )
    # The approved flag becomes the state; an unapproved provider had applied.
    op.execute(
        "UPDATE provider SET state = CASE WHEN approved THEN 'approved' "
        "ELSE 'applied' END"
    )
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.alter_column(
            "state",
            existing_type=sa.Enum(
                "applied",
                "approved",
                "suspended",
                "ended",
                name="providerstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        )
        batch_op.drop_column("approved")
    op.create_table(
        "service_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=True),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("enough", sa.Boolean(), nullable=False),
        sa.Column("observed", sa.Float(), nullable=True),
        sa.Column("expected", sa.Float(), nullable=True),
        sa.Column("value_added", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offering.id"],
            name=op.f("fk_service_result_offering_id_offering"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
            name=op.f("fk_service_result_provider_id_provider"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_result")),
        sa.UniqueConstraint(
            "offering_id",
            "provider_id",
            "horizon",
            name=op.f("uq_service_result_offering_id"),
        ),
    )
    with op.batch_alter_table("service_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_result_offering_id"), ["offering_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_service_result_provider_id"), ["provider_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("service_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_result_provider_id"))
        batch_op.drop_index(batch_op.f("ix_service_result_offering_id"))

    op.drop_table("service_result")
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved", sa.Boolean(), nullable=True))
    op.execute("UPDATE provider SET approved = (state = 'approved')")
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.drop_column("applied_at")
        batch_op.drop_column("areas")
        batch_op.drop_column("languages")
        batch_op.drop_column("description")
        batch_op.drop_column("contact_phone")
        batch_op.drop_column("contact_email")
        batch_op.drop_column("state_reason")
        batch_op.drop_column("state")

    with op.batch_alter_table("provider_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provider_message_enrolment_id"))

    op.drop_table("provider_message")
    with op.batch_alter_table("offering_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offering_review_state"))
        batch_op.drop_index(batch_op.f("ix_offering_review_offering_id"))

    op.drop_table("offering_review")
    with op.batch_alter_table("enrolment_outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_outcome_enrolment_id"))

    op.drop_table("enrolment_outcome")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_offering_id"))
        batch_op.drop_index(batch_op.f("ix_enrolment_citizen_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("offering_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offering_skill_skill_id"))

    op.drop_table("offering_skill")
    with op.batch_alter_table("offering", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offering_state"))
        batch_op.drop_index(batch_op.f("ix_offering_provider_id"))

    op.drop_table("offering")
