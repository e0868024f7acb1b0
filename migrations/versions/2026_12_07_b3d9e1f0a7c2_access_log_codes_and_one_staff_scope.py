"""access log codes, and one source of the staff scope

What a logged read showed and why are stored as codes (translated in app.labels) instead
of English sentences; the caseworker's municipality is the user account's alone.

Revision ID: b3d9e1f0a7c2
Revises: 4f93b197581b
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3d9e1f0a7c2"
down_revision: str | None = "4f93b197581b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The sentences the services wrote until now, and their codes.
WHAT = {
    "case view: contact data, track, screening, CV, job search, plan": "case_view",
    "queue: name, why flagged, waiting time, language": "queue",
    "correction request": "correction_request",
    "correction requests (list)": "correction_requests",
    "enrolment details": "enrolment",
}
PURPOSE = {
    "case work: assessing and agreeing the help the citizen needs": "case_work",
    "allocating cases: choosing whom to help next": "allocating_cases",
    "deciding a request to correct data": "deciding_correction",
    "deciding requests to correct data": "deciding_corrections",
    "running the course the citizen is enrolled in": "running_course",
}

access_log = sa.table(
    "access_log",
    sa.column("what", sa.String),
    sa.column("purpose", sa.String),
)


def _recode(column: str, mapping: dict[str, str]) -> None:
    connection = op.get_bind()
    target = access_log.c[column]
    unknown = connection.scalars(
        sa.select(target).distinct().where(target.not_in(list(mapping)))
    ).all()
    if unknown:
        raise RuntimeError(
            f"access_log.{column} holds values no code is known for: {unknown}"
        )
    for old, new in mapping.items():
        op.execute(access_log.update().where(target == old).values({column: new}))


def upgrade() -> None:
    _recode("what", WHAT)
    _recode("purpose", PURPOSE)
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.alter_column(
            "what",
            existing_type=sa.String(length=100),
            type_=sa.String(length=40),
            existing_nullable=False,
        )
        batch_op.alter_column(
            "purpose",
            existing_type=sa.String(length=100),
            type_=sa.String(length=40),
            existing_nullable=False,
        )
    op.execute(
        "UPDATE user_account SET municipality_id = ("
        "SELECT caseworker.municipality_id FROM caseworker"
        " WHERE caseworker.user_id = user_account.id)"
        " WHERE municipality_id IS NULL"
        " AND id IN (SELECT user_id FROM caseworker)"
    )
    with op.batch_alter_table("caseworker", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caseworker_municipality_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_caseworker_municipality_id_municipality"),
            type_="foreignkey",
        )
        batch_op.drop_column("municipality_id")


def downgrade() -> None:
    with op.batch_alter_table("caseworker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("municipality_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_caseworker_municipality_id_municipality"),
            "municipality",
            ["municipality_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_caseworker_municipality_id"), ["municipality_id"]
        )
    op.execute(
        "UPDATE caseworker SET municipality_id = ("
        "SELECT user_account.municipality_id FROM user_account"
        " WHERE user_account.id = caseworker.user_id)"
    )
    with op.batch_alter_table("caseworker", schema=None) as batch_op:
        batch_op.alter_column(
            "municipality_id", existing_type=sa.Integer(), nullable=False
        )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.alter_column(
            "what", existing_type=sa.String(length=40), type_=sa.String(length=100)
        )
        batch_op.alter_column(
            "purpose", existing_type=sa.String(length=40), type_=sa.String(length=100)
        )
    for column, mapping in (("what", WHAT), ("purpose", PURPOSE)):
        target = access_log.c[column]
        for old, new in mapping.items():
            op.execute(access_log.update().where(target == new).values({column: old}))
