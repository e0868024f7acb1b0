"""Read models of the dialogue for other areas' pages: the case view's summary and
the citizen's cards on Min side and Min plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import now
from app.dialogue import meetings, messages, notify
from app.models import Author, Message


@dataclass(frozen=True)
class DialogueSummary:
    messages: int
    unread: int  # by the reader: the job centre's messages for a citizen, and back
    waiting_since: datetime | None
    answer_by: date | None
    overdue: bool
    meetings: list[meetings.SlotRow]
    notifications: int = 0


def _count(session: Session, citizen_id: int, unread_from: Author) -> tuple[int, int]:
    total = session.scalar(
        select(func.count(Message.id)).where(Message.citizen_id == citizen_id)
    )
    unread = session.scalar(
        select(func.count(Message.id)).where(
            Message.citizen_id == citizen_id,
            Message.author == unread_from,
            Message.read_at.is_(None),
        )
    )
    return total or 0, unread or 0


def summary(
    session: Session,
    citizen_id: int,
    working_days: int,
    notice: timedelta,
    for_staff: bool,
) -> DialogueSummary:
    """Messages, the wait for an answer and the upcoming meetings of one citizen.

    For a caseworker's page (whose opening is logged by that page), unread counts
    the citizen's messages; for the citizen, the job centre's.
    """
    total, unread = _count(
        session, citizen_id, Author.CITIZEN if for_staff else Author.JOB_CENTRE
    )
    thread = messages.thread_of(session, citizen_id)
    since = thread.awaiting_reply_since if thread is not None else None
    return DialogueSummary(
        messages=total,
        unread=unread,
        waiting_since=messages.aware(since) if since else None,
        answer_by=messages.answer_by(since, working_days) if since else None,
        overdue=messages.is_overdue(since, working_days, now()),
        meetings=meetings.meetings_of(session, citizen_id, notice),
        notifications=0 if for_staff else notify.unread_count(session, citizen_id),
    )


def upcoming_meetings(session: Session, citizen_id: int) -> list[meetings.SlotRow]:
    """The citizen's coming meetings (for Min plan)."""
    return meetings.meetings_of(session, citizen_id, timedelta(0))


def citizen_card(session: Session, citizen_id: int) -> DialogueSummary:
    """The "Beskeder" card of Min side: unread messages and the coming meetings."""
    # The card states no answer date, so the response time does not matter here.
    return summary(session, citizen_id, 2, timedelta(0), for_staff=False)
