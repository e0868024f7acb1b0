"""taxonomy, postings and the citizen's job profile

Revision ID: 73f7028fa69a
Revises: a1c4e2b7d915
Create Date: 2026-11-23 18:27:29.866185
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "73f7028fa69a"
down_revision: str | None = "a1c4e2b7d915"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "concept_label",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "concept_type",
            sa.Enum(
                "occupation",
                "skill",
                "isco_group",
                name="concepttype",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("concept_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "preferred",
                "alternative",
                name="labelkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concept_label")),
        sa.UniqueConstraint(
            "concept_type",
            "concept_id",
            "lang",
            "kind",
            "text",
            name=op.f("uq_concept_label_concept_type"),
        ),
    )
    with op.batch_alter_table("concept_label", schema=None) as batch_op:
        batch_op.create_index(
            "ix_concept_label_lookup",
            ["concept_type", "concept_id", "lang"],
            unique=False,
        )

    op.create_table(
        "isco_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("uri", sa.String(length=255), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_isco_group")),
        sa.UniqueConstraint("code", name=op.f("uq_isco_group_code")),
    )
    op.create_table(
        "taxonomy_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxonomy_source")),
        sa.UniqueConstraint("name", name=op.f("uq_taxonomy_source_name")),
    )
    op.create_table(
        "occupation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uri", sa.String(length=255), nullable=False),
        sa.Column("isco_code", sa.String(length=4), nullable=True),
        sa.Column("industry", sa.String(length=40), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["taxonomy_source.id"],
            name=op.f("fk_occupation_source_id_taxonomy_source"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupation")),
        sa.UniqueConstraint("uri", name=op.f("uq_occupation_uri")),
    )
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_isco_code"), ["isco_code"], unique=False
        )

    op.create_table(
        "skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uri", sa.String(length=255), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "knowledge", "skill", name="skillkind", native_enum=False, length=20
            ),
            nullable=True,
        ),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["taxonomy_source.id"],
            name=op.f("fk_skill_source_id_taxonomy_source"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill")),
        sa.UniqueConstraint("uri", name=op.f("uq_skill_uri")),
    )
    op.create_table(
        "occupation_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occupation_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "essential", "optional", name="relation", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["occupation_id"],
            ["occupation.id"],
            name=op.f("fk_occupation_skill_occupation_id_occupation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_occupation_skill_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupation_skill")),
        sa.UniqueConstraint(
            "occupation_id", "skill_id", name=op.f("uq_occupation_skill_occupation_id")
        ),
    )
    with op.batch_alter_table("occupation_skill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_skill_skill_id"), ["skill_id"], unique=False
        )

    op.create_table(
        "posting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("occupation_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=4), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column(
            "hours",
            sa.Enum("full", "part", name="hours", native_enum=False, length=10),
            nullable=False,
        ),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("synthetic", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["occupation_id"],
            ["occupation.id"],
            name=op.f("fk_posting_occupation_id_occupation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting")),
        sa.UniqueConstraint("source", "external_id", name=op.f("uq_posting_source")),
    )
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_posting_deadline"), ["deadline"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_posting_occupation_id"), ["occupation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_posting_postcode"), ["postcode"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_posting_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "citizen_occupation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("occupation_id", sa.Integer(), nullable=False),
        sa.Column(
            "link",
            sa.Enum(
                "experience",
                "desired",
                name="occupationlink",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("title_as_written", sa.String(length=200), nullable=True),
        sa.Column("years", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_citizen_occupation_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["occupation_id"],
            ["occupation.id"],
            name=op.f("fk_citizen_occupation_occupation_id_occupation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_occupation")),
        sa.UniqueConstraint(
            "citizen_id",
            "occupation_id",
            "link",
            name=op.f("uq_citizen_occupation_citizen_id"),
        ),
    )
    op.create_table(
        "citizen_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_citizen_skill_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skill.id"], name=op.f("fk_citizen_skill_skill_id_skill")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizen_skill")),
        sa.UniqueConstraint(
            "citizen_id", "skill_id", name=op.f("uq_citizen_skill_citizen_id")
        ),
    )
    op.create_table(
        "job_preferences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("max_distance_km", sa.Integer(), nullable=False),
        sa.Column(
            "hours",
            sa.Enum(
                "full",
                "part",
                "any",
                name="hourspreference",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("open_to_other_industries", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_job_preferences_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_preferences")),
        sa.UniqueConstraint("citizen_id", name=op.f("uq_job_preferences_citizen_id")),
    )
    op.create_table(
        "posting_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["posting.id"],
            name=op.f("fk_posting_skill_posting_id_posting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skill.id"], name=op.f("fk_posting_skill_skill_id_skill")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_skill")),
        sa.UniqueConstraint(
            "posting_id", "skill_id", name=op.f("uq_posting_skill_posting_id")
        ),
    )
    with op.batch_alter_table("posting_skill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_posting_skill_skill_id"), ["skill_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("posting_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_skill_skill_id"))

    op.drop_table("posting_skill")
    op.drop_table("job_preferences")
    op.drop_table("citizen_skill")
    op.drop_table("citizen_occupation")
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posting_updated_at"))
        batch_op.drop_index(batch_op.f("ix_posting_postcode"))
        batch_op.drop_index(batch_op.f("ix_posting_occupation_id"))
        batch_op.drop_index(batch_op.f("ix_posting_deadline"))

    op.drop_table("posting")
    with op.batch_alter_table("occupation_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_skill_skill_id"))

    op.drop_table("occupation_skill")
    op.drop_table("skill")
    with op.batch_alter_table("occupation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_isco_code"))

    op.drop_table("occupation")
    op.drop_table("taxonomy_source")
    op.drop_table("isco_group")
    with op.batch_alter_table("concept_label", schema=None) as batch_op:
        batch_op.drop_index("ix_concept_label_lookup")

    op.drop_table("concept_label")
