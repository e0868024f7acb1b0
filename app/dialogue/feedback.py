"""Systematic feedback: after a meeting, two questions (helpful? easy?) and own words;
the administrators read the counts per job centre and per kind of meeting.

Services flush, never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import Session

from app.audit import Actor, now, record_created
from app.dialogue import meetings
from app.models import Attendance, MeetingFeedback, MeetingKind, MeetingSlot

# A meeting can be rated for this long after it took place.
FEEDBACK_DAYS = 30


def awaiting(session: Session, citizen_id: int) -> list[meetings.SlotRow]:
    """The citizen's recent past meetings they have not rated (and did not miss)."""
    at = now()
    query = (
        meetings.with_caseworker()
        .outerjoin(MeetingFeedback, MeetingFeedback.slot_id == MeetingSlot.id)
        .where(
            MeetingSlot.citizen_id == citizen_id,
            MeetingSlot.starts_at <= at,
            MeetingSlot.starts_at > at - timedelta(days=FEEDBACK_DAYS),
            MeetingFeedback.id.is_(None),
            func.coalesce(MeetingSlot.attendance, Attendance.ATTENDED)
            == Attendance.ATTENDED,
        )
        .order_by(MeetingSlot.starts_at.desc())
    )
    return meetings.rows(session, query, timedelta(0))


def may_rate(session: Session, citizen_id: int, slot_id: int) -> bool:
    return any(row.id == slot_id for row in awaiting(session, citizen_id))


def give(
    session: Session,
    citizen_id: int,
    slot_id: int,
    helpful: bool,
    easy: bool,
    words: str | None,
    actor: Actor,
) -> bool:
    """Record the citizen's answers about one of their past meetings, once."""
    if not may_rate(session, citizen_id, slot_id):
        return False
    slot = session.get(MeetingSlot, slot_id)
    assert slot is not None
    record_created(
        session,
        MeetingFeedback(
            citizen_id=citizen_id,
            slot_id=slot_id,
            municipality_id=slot.municipality_id,
            helpful=helpful,
            easy=easy,
            words=words,
            at=now(),
        ),
        actor=actor,
        reason="the citizen answered about a meeting",
        citizen_id=citizen_id,
    )
    return True


@dataclass(frozen=True)
class Result:
    kind: MeetingKind | None  # None: all kinds together
    answers: int
    helpful: int
    easy: int
    with_words: int


def results(session: Session, municipality_id: int) -> list[Result]:
    """The counts of the municipality's answers: all together, then per kind."""

    def yes(column: Any) -> Any:
        return func.coalesce(func.sum(case((column.is_(True), 1), else_=0)), 0).cast(
            Integer
        )

    counts = (
        func.count(MeetingFeedback.id),
        yes(MeetingFeedback.helpful),
        yes(MeetingFeedback.easy),
        func.count(MeetingFeedback.words),
    )
    base = (
        select(MeetingSlot.kind, *counts)
        .join(MeetingSlot, MeetingSlot.id == MeetingFeedback.slot_id)
        .where(MeetingFeedback.municipality_id == municipality_id)
    )
    per_kind = {
        row[0]: Result(row[0], *row[1:])
        for row in session.execute(base.group_by(MeetingSlot.kind))
    }
    total = session.execute(
        select(*counts).where(MeetingFeedback.municipality_id == municipality_id)
    ).one()
    return [Result(None, *total)] + [per_kind[k] for k in MeetingKind if k in per_kind]
