"""Keeping the municipality's caseworker queue in step with the screening decisions.

A citizen routed to support gets a queue row (or an updated one); a waiting row whose
reason no longer holds leaves the queue by compare-and-set, so a claim made meanwhile
is never closed over. Every change to a queue row is recorded in the change history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import SYSTEM, FieldChange, change_fields, record_changes
from app.models import Case, CaseStatus, RouteReason, Track
from app.segmentation.facts import Facts

Decision = tuple[Track, RouteReason, float]  # track, reason, priority in the queue
LANGUAGE_CHANGED = "the citizen changed their contact language"


def keep_queue_in_step(
    session: Session,
    facts: dict[int, Facts],
    decisions: dict[int, Decision],
    now: datetime,
    trigger: str,
    counts: dict[str, int],
    record: bool,
) -> None:
    """Queue, update or close each decided citizen's case; count what happened."""
    changes: list[FieldChange] = []
    new_cases: list[dict[str, Any]] = []
    for cid, (track, route, priority) in decisions.items():
        fact = facts[cid]
        if track == Track.SUPPORT and fact.case is None:
            new_cases.append(_new_case(fact, route, priority, now))
        elif track == Track.SUPPORT:
            changes += _update_case(fact, route, priority, now, counts)
        elif fact.case is not None and fact.case.status == CaseStatus.QUEUED:
            changes += _leave_queue(session, fact, counts)
    if new_cases:
        created = _insert_cases(session, new_cases)
        for case_id, cid in created:
            changes += [
                FieldChange(
                    "case_file", case_id, "status", None, CaseStatus.QUEUED, cid
                ),
                FieldChange(
                    "case_file", case_id, "queue_reason", None, decisions[cid][1], cid
                ),
            ]
        counts["queued"] += len(created)
    if record:
        record_changes(
            session,
            changes,
            actor=SYSTEM,
            reason=f"segmentation ({trigger})"[:200],
            at=now,
        )


def _new_case(
    fact: Facts, route: RouteReason, priority: float, now: datetime
) -> dict[str, Any]:
    return {
        "citizen_id": fact.citizen_id,
        "municipality_id": fact.municipality_id,
        "status": CaseStatus.QUEUED,
        "queue_reason": route,
        "priority": priority,
        "language": fact.language[:8],
        "queued_at": now,
        "claimed_by_id": None,
        "claimed_at": None,
        "version": 0,
    }


def _update_case(
    fact: Facts,
    route: RouteReason,
    priority: float,
    now: datetime,
    counts: dict[str, int],
) -> list[FieldChange]:
    case = fact.case
    assert case is not None
    wanted: dict[str, Any] = {
        "queue_reason": route,
        "priority": priority,
        "language": fact.language[:8],
        "municipality_id": fact.municipality_id,
    }
    if case.status == CaseStatus.CLOSED:
        if not _newly_needs_a_person(fact, route):
            # A caseworker closed it and nothing new has happened since: re-screening
            # alone does not put the citizen back in the queue.
            return []
        wanted |= {"status": CaseStatus.QUEUED, "queued_at": now}
        counts["queued"] += 1
    changes = []
    for name, value in wanted.items():
        old = getattr(case, name)
        if old != value:
            changes.append(
                FieldChange("case_file", case.id, name, old, value, fact.citizen_id)
            )
            setattr(case, name, value)
    return changes


def _leave_queue(
    session: Session, fact: Facts, counts: dict[str, int]
) -> list[FieldChange]:
    """Nobody has taken it and the reason no longer holds: leave the queue.

    A compare-and-set, like a claim: a caseworker who took the case since we read it
    keeps it (and a claim racing this close fails cleanly).
    """
    case = fact.case
    assert case is not None
    closed = session.execute(
        update(Case)
        .where(
            Case.id == case.id,
            Case.status == CaseStatus.QUEUED,
            Case.version == case.version,
        )
        .values(status=CaseStatus.CLOSED, version=Case.version + 1)
        .execution_options(synchronize_session=False)
    )
    session.expire(case)
    if closed.rowcount != 1:
        return []
    counts["closed"] += 1
    return [
        FieldChange(
            "case_file",
            case.id,
            "status",
            CaseStatus.QUEUED,
            CaseStatus.CLOSED,
            fact.citizen_id,
        )
    ]


def _insert_cases(
    session: Session, rows: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Insert queue rows; one that another re-screen created meanwhile is skipped."""
    statement = insert(Case).returning(Case.id, Case.citizen_id)
    try:
        with session.begin_nested():
            return [tuple(r) for r in session.execute(statement, rows).all()]
    except IntegrityError:
        created: list[tuple[int, int]] = []
        for row in rows:
            try:
                with session.begin_nested():
                    created.extend(tuple(r) for r in session.execute(statement, [row]))
            except IntegrityError:
                continue  # queued at the same instant by a concurrent re-screen
        return created


def _newly_needs_a_person(fact: Facts, route: RouteReason) -> bool:
    """Whether a closed case should reopen: the track became SUPPORT, or a new ask."""
    if fact.current is None:
        return True
    if fact.current.track != Track.SUPPORT:
        return True
    return route != fact.current.route and route in {
        RouteReason.ASKED_FOR_PERSON,
        RouteReason.OBJECTED,
    }


def follow_contact_language(session: Session, citizen_id: int, language: str) -> None:
    """The case keeps the contact language the citizen chose (the queue shows it), at
    once rather than at the next screening."""
    case = session.scalar(select(Case).where(Case.citizen_id == citizen_id))
    if case is None or case.language == language[:8]:
        return
    change_fields(
        session,
        case,
        {"language": language[:8]},
        actor=SYSTEM,
        reason=LANGUAGE_CHANGED,
        citizen_id=citizen_id,
    )
