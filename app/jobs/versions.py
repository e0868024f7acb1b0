"""The postings' version: one number raised whenever postings or their skills change.

The match index (app.jobs.matching) is a copy of the current postings held by each
process; it reads this number (one primary-key lookup) to learn whether it is stale,
instead of scanning the postings. Every ORM write of a posting or its skills raises
it in the same transaction (a flush listener, so the importer, edits and the tests'
factories are all covered); bulk writes outside the ORM call `bump_postings_version`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app.models import DataVersion, Posting, PostingSkill

POSTINGS = "postings"


def postings_version(session: Session) -> int:
    """The postings' current version (0 before any posting was written)."""
    return (
        session.scalar(select(DataVersion.version).where(DataVersion.name == POSTINGS))
        or 0
    )


def bump_postings_version(session: Session) -> None:
    """Raise the postings' version (after a bulk write that the ORM did not see)."""
    connection = session.connection()
    done = connection.execute(
        update(DataVersion)
        .where(DataVersion.name == POSTINGS)
        .values(version=DataVersion.version + 1)
    )
    if not done.rowcount:
        connection.execute(
            DataVersion.__table__.insert().values(name=POSTINGS, version=1)
        )


def _touches_postings(session: Session) -> bool:
    return any(
        isinstance(row, Posting | PostingSkill)
        for rows in (session.new, session.dirty, session.deleted)
        for row in rows
    )


@event.listens_for(Session, "after_flush")
def _bump_on_posting_writes(session: Session, _context: Any) -> None:
    # new/dirty/deleted still hold what this flush wrote (SQLAlchemy's documented
    # after_flush state), and the UPDATE joins the same transaction.
    if _touches_postings(session):
        bump_postings_version(session)
