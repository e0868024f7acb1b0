"""Use cases for the citizen's own data."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AccessLog, ChangeRecord, Citizen


@dataclass(frozen=True)
class HistoryCounts:
    changes: int
    reads: int


def count_own_history(session: Session, user_id: int) -> HistoryCounts:
    """How many changes and staff reads are recorded for the citizen of this user."""
    citizen_id = session.scalar(select(Citizen.id).where(Citizen.user_id == user_id))
    if citizen_id is None:
        return HistoryCounts(0, 0)
    changes = session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(ChangeRecord.citizen_id == citizen_id)
    )
    reads = session.scalar(
        select(func.count())
        .select_from(AccessLog)
        .where(AccessLog.citizen_id == citizen_id)
    )
    return HistoryCounts(changes=int(changes or 0), reads=int(reads or 0))
