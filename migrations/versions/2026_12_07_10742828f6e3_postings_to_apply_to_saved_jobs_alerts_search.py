"""postings one can apply to, saved jobs, job alerts and the search index

How to apply (URL, e-mail, contact person and phone) and the day of posting on each
posting; saved jobs, job alerts and the alerts' in-app notifications; and the full-text
index of postings: on SQLite a contentless FTS5 table of Snowball stems kept by triggers
(the stems come from the function app.db registers on every connection, jobunivers_stems);
on PostgreSQL a GIN index on the 'danish' text-search vector. A later migration that
rebuilds `posting` in SQLite's batch mode drops the triggers and must run
create_sqlite_search_index() again.

Revision ID: 10742828f6e3
Revises: d7f3a1c9e2b4
Create Date: 2026-12-07 17:09:51.334451
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "10742828f6e3"
down_revision: str | None = "d7f3a1c9e2b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("query", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_posting_id", sa.Integer(), nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("unsubscribe_token", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_job_alert_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_alert")),
        sa.UniqueConstraint(
            "unsubscribe_token", name=op.f("uq_job_alert_unsubscribe_token")
        ),
    )
    with op.batch_alter_table("job_alert", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_alert_citizen_id"), ["citizen_id"], unique=False
        )

    op.create_table(
        "saved_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_saved_job_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["posting.id"],
            name=op.f("fk_saved_job_posting_id_posting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_job")),
        sa.UniqueConstraint(
            "citizen_id", "posting_id", name=op.f("uq_saved_job_citizen_id")
        ),
    )
    with op.batch_alter_table("saved_job", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_saved_job_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_saved_job_posting_id"), ["posting_id"], unique=False
        )

    op.create_table(
        "job_notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["job_alert.id"],
            name=op.f("fk_job_notification_alert_id_job_alert"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["citizen_id"],
            ["citizen.id"],
            name=op.f("fk_job_notification_citizen_id_citizen"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["posting_id"],
            ["posting.id"],
            name=op.f("fk_job_notification_posting_id_posting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_notification")),
        sa.UniqueConstraint(
            "alert_id", "posting_id", name=op.f("uq_job_notification_alert_id")
        ),
    )
    with op.batch_alter_table("job_notification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_job_notification_alert_id"), ["alert_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_job_notification_citizen_id"), ["citizen_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_job_notification_posting_id"), ["posting_id"], unique=False
        )

    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("apply_url", sa.String(length=500), nullable=True)
        )
        batch_op.add_column(
            sa.Column("apply_email", sa.String(length=254), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_name", sa.String(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_phone", sa.String(length=40), nullable=True)
        )
        batch_op.add_column(sa.Column("posted_on", sa.Date(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_posting_posted_on"), ["posted_on"], unique=False
        )
        batch_op.create_index(
            "ix_posting_place",
            ["latitude", "longitude", "deadline", "posted_on"],
            unique=False,
        )
    # Postings from before: posted the day they were stored.
    day = (
        "date(created_at)"
        if op.get_bind().dialect.name == "sqlite"
        else "CAST(created_at AS DATE)"
    )
    op.execute(f"UPDATE posting SET posted_on = {day} WHERE posted_on IS NULL")
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.alter_column("posted_on", existing_type=sa.Date(), nullable=False)

    create_search_index()


def downgrade() -> None:
    drop_search_index()
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index("ix_posting_place")
        batch_op.drop_index(batch_op.f("ix_posting_posted_on"))
        batch_op.drop_column("posted_on")
        batch_op.drop_column("contact_phone")
        batch_op.drop_column("contact_name")
        batch_op.drop_column("apply_email")
        batch_op.drop_column("apply_url")

    with op.batch_alter_table("job_notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_notification_posting_id"))
        batch_op.drop_index(batch_op.f("ix_job_notification_citizen_id"))
        batch_op.drop_index(batch_op.f("ix_job_notification_alert_id"))

    op.drop_table("job_notification")
    with op.batch_alter_table("saved_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_job_posting_id"))
        batch_op.drop_index(batch_op.f("ix_saved_job_citizen_id"))

    op.drop_table("saved_job")
    with op.batch_alter_table("job_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_alert_citizen_id"))

    op.drop_table("job_alert")


# The text a posting is found by: its title, employer, town and description.
_SQLITE_TEXT = (
    "{row}.title || ' ' || {row}.employer || ' ' || {row}.city || ' ' "
    "|| {row}.description"
)
_PG_VECTOR = (
    "to_tsvector('danish'::regconfig, title || ' ' || employer || ' ' || city "
    "|| ' ' || description)"
)


def create_sqlite_search_index() -> None:
    new = f"jobunivers_stems({_SQLITE_TEXT.format(row='new')})"
    old = f"jobunivers_stems({_SQLITE_TEXT.format(row='old')})"
    delete_old = (
        "INSERT INTO posting_fts(posting_fts, rowid, body) "
        f"VALUES ('delete', old.id, {old});"
    )
    insert_new = f"INSERT INTO posting_fts(rowid, body) VALUES (new.id, {new});"
    op.execute("DROP TRIGGER IF EXISTS posting_fts_insert")
    op.execute("DROP TRIGGER IF EXISTS posting_fts_delete")
    op.execute("DROP TRIGGER IF EXISTS posting_fts_update")
    op.execute(
        f"CREATE TRIGGER posting_fts_insert AFTER INSERT ON posting BEGIN {insert_new} END"
    )
    op.execute(
        f"CREATE TRIGGER posting_fts_delete AFTER DELETE ON posting BEGIN {delete_old} END"
    )
    op.execute(
        "CREATE TRIGGER posting_fts_update AFTER UPDATE OF title, employer, city, "
        f"description ON posting BEGIN {delete_old} {insert_new} END"
    )


def create_search_index() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_posting_fts ON posting USING gin ({_PG_VECTOR})")
        return
    op.execute(
        "CREATE VIRTUAL TABLE posting_fts USING fts5(body, content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    op.execute(
        "INSERT INTO posting_fts(rowid, body) SELECT id, "
        f"jobunivers_stems({_SQLITE_TEXT.format(row='posting')}) FROM posting"
    )
    create_sqlite_search_index()


def drop_search_index() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_posting_fts")
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS posting_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS posting_fts")
