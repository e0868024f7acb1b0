"""the access log indexed by citizen and id (a citizen's newest read in one probe)

Revision ID: b7d3e1f5a9c2
Revises: a1c5e7b9d2f4
Create Date: 2026-12-07 23:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "b7d3e1f5a9c2"
down_revision: str | None = "a1c5e7b9d2f4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The new index begins with citizen_id, so it serves every lookup the old one did.
    op.create_index("ix_access_log_citizen_newest", "access_log", ["citizen_id", "id"])
    op.drop_index("ix_access_log_citizen_id", table_name="access_log")


def downgrade() -> None:
    op.create_index("ix_access_log_citizen_id", "access_log", ["citizen_id"])
    op.drop_index("ix_access_log_citizen_newest", table_name="access_log")
