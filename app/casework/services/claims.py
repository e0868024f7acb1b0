"""Claiming a case without collisions, releasing and closing it.

Claims never collide, also under concurrency: claim-next on PostgreSQL picks its row
with ``SELECT ... FOR UPDATE SKIP LOCKED``; everywhere else (SQLite, and claiming one
named citizen on both) a compare-and-set on ``case_file.version`` guards the claim, and
only the caseworker whose UPDATE matched the version it read goes on. The guard bumps
the version; the status change itself is then made through app.audit in the same
transaction, so the history records who claimed and when.

The functions flush; the view commits through app.db.commit_with_retries, which runs a
claim again when SQLite answers that its single writer lock is taken.
"""

from __future__ import annotations

import enum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now
from app.models import Case, CaseStatus


class ClaimOutcome(enum.StrEnum):
    CLAIMED = "claimed"
    ALREADY_MINE = "already_mine"
    TAKEN = "taken"  # another caseworker holds it, or it is closed
    NOT_FOUND = "not_found"  # no case, or another municipality's


def _compare_and_set(session: Session, case_id: int, version: int) -> bool:
    """Bump the version of a waiting case if it is still the one we read."""
    result = session.execute(
        update(Case)
        .where(
            Case.id == case_id,
            Case.status == CaseStatus.QUEUED,
            Case.version == version,
        )
        .values(version=Case.version + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _take(session: Session, case_id: int, caseworker_id: int, actor: Actor) -> int:
    """Record the claim of a case this transaction now holds; returns the citizen id."""
    case_file = session.get(Case, case_id, populate_existing=True)
    assert case_file is not None
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.CLAIMED,
            "claimed_by_id": caseworker_id,
            "claimed_at": now(),
        },
        actor=actor,
        reason="a caseworker took the case",
        citizen_id=case_file.citizen_id,
    )
    session.flush()
    return case_file.citizen_id


def _claim_next_postgresql(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    row = session.execute(
        select(Case.id, Case.version)
        .where(
            Case.municipality_id == municipality_id, Case.status == CaseStatus.QUEUED
        )
        .order_by(Case.priority.desc(), Case.queued_at, Case.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if row is None:
        return None
    # The row is locked by us now; the compare-and-set still bumps the version so a
    # concurrent claim of this one citizen fails cleanly once we commit.
    if not _compare_and_set(session, row.id, row.version):
        return None
    return _take(session, row.id, caseworker_id, actor)


def _claim_next_compare_and_set(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    skipped: set[int] = set()
    while True:
        query = (
            select(Case.id, Case.version)
            .where(
                Case.municipality_id == municipality_id,
                Case.status == CaseStatus.QUEUED,
            )
            .order_by(Case.priority.desc(), Case.queued_at, Case.id)
            .limit(1)
        )
        if skipped:
            query = query.where(Case.id.not_in(skipped))
        row = session.execute(query).first()
        if row is None:
            return None
        # Another caseworker may have taken it since we read it: then try the next.
        # (On SQLite a writer that came first makes this UPDATE fail as "locked";
        # the caller rolls back and runs the claim again.)
        if _compare_and_set(session, row.id, row.version):
            return _take(session, row.id, caseworker_id, actor)
        skipped.add(row.id)


def claim_next_case(
    session: Session, municipality_id: int, caseworker_id: int, actor: Actor
) -> int | None:
    """Claim the waiting case with the highest priority (then the oldest); its citizen id.

    None when nothing is waiting.
    """
    if session.get_bind().dialect.name == "postgresql":
        return _claim_next_postgresql(session, municipality_id, caseworker_id, actor)
    return _claim_next_compare_and_set(session, municipality_id, caseworker_id, actor)


def claim_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    actor: Actor,
) -> ClaimOutcome:
    """Claim one named citizen's case, if it is waiting in the caseworker's municipality."""
    row = session.execute(
        select(Case.id, Case.version, Case.status, Case.claimed_by_id).where(
            Case.citizen_id == citizen_id, Case.municipality_id == municipality_id
        )
    ).first()
    if row is None:
        return ClaimOutcome.NOT_FOUND
    if row.status is CaseStatus.CLAIMED and row.claimed_by_id == caseworker_id:
        return ClaimOutcome.ALREADY_MINE
    if row.status is not CaseStatus.QUEUED:
        return ClaimOutcome.TAKEN
    if not _compare_and_set(session, row.id, row.version):
        return ClaimOutcome.TAKEN
    _take(session, row.id, caseworker_id, actor)
    return ClaimOutcome.CLAIMED


def held_case(
    session: Session, municipality_id: int, caseworker_id: int, citizen_id: int
) -> Case | None:
    case_file = session.scalars(
        select(Case).where(
            Case.citizen_id == citizen_id, Case.municipality_id == municipality_id
        )
    ).first()
    if (
        case_file is None
        or case_file.status is not CaseStatus.CLAIMED
        or case_file.claimed_by_id != caseworker_id
    ):
        return None
    return case_file


def holds_claim(
    session: Session, municipality_id: int, caseworker_id: int, citizen_id: int
) -> bool:
    """True when the caseworker holds the claim on the citizen's case."""
    return held_case(session, municipality_id, caseworker_id, citizen_id) is not None


def release_case(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    actor: Actor,
) -> bool:
    """Give a claimed case back to the queue (only its holder can); False otherwise."""
    case_file = held_case(session, municipality_id, caseworker_id, citizen_id)
    if case_file is None:
        return False
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.QUEUED,
            "claimed_by_id": None,
            "claimed_at": None,
            "version": case_file.version + 1,
        },
        actor=actor,
        reason="the caseworker released the case to the queue",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def mark_closed(session: Session, case_file: Case, actor: Actor, reason: str) -> None:
    change_fields(
        session,
        case_file,
        {
            "status": CaseStatus.CLOSED,
            "claimed_by_id": None,
            "claimed_at": None,
            "version": case_file.version + 1,
        },
        actor=actor,
        reason=reason,
        citizen_id=case_file.citizen_id,
    )
