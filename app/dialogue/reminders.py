"""Reminders of meetings and plan deadlines, and their escalation: from the in-app
list, to e-mail/SMS on the citizen's channels, to a task for the caseworkers.

Each step is keyed, so running the job twice does nothing twice. Services flush, never
commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import SYSTEM, now, record_created
from app.dialogue.messages import aware
from app.dialogue.notify import notify, preferences, queue_outbox, words
from app.models import (
    Citizen,
    MeetingSlot,
    Notification,
    OutboxChannel,
    PlanItem,
    PlanKind,
    PlanStatus,
    StaffTask,
)


@dataclass
class ReminderRun:
    reminded: int = 0
    escalated: int = 0
    outbox: int = 0
    tasks: int = 0


def _remind_meetings(session: Session, at: datetime, ahead: timedelta) -> int:
    count = 0
    for slot in session.scalars(
        select(MeetingSlot).where(
            MeetingSlot.citizen_id.is_not(None),
            MeetingSlot.starts_at > at,
            MeetingSlot.starts_at <= at + ahead,
        )
    ):
        params = {"when": aware(slot.starts_at).isoformat(), "place": slot.place}
        key = f"meeting:{slot.id}:{aware(slot.starts_at).isoformat()}"
        if notify(session, slot.citizen_id, "meeting_reminder", params, key, "/moeder"):
            count += 1
    return count


def _remind_deadlines(session: Session, at: datetime, ahead: timedelta) -> int:
    count = 0
    today = at.date()
    for item in session.scalars(
        select(PlanItem).where(
            PlanItem.kind == PlanKind.ACTIVITY,
            PlanItem.status == PlanStatus.OPEN,
            PlanItem.due_on.is_not(None),
            PlanItem.due_on >= today,
            PlanItem.due_on <= (at + ahead).date(),
        )
    ):
        due = datetime.combine(item.due_on, datetime.min.time(), tzinfo=at.tzinfo)
        params = {"when": due.isoformat(), "text": item.text}
        key = f"deadline:{item.id}:{item.due_on.isoformat()}"
        if notify(
            session, item.citizen_id, "deadline_reminder", params, key, "/min-plan"
        ):
            count += 1
    return count


def _escalate(
    session: Session, at: datetime, after: timedelta, run: ReminderRun
) -> None:
    """Unread reminders: to e-mail/SMS after `after`, to a caseworker after twice that."""
    reminders = ("meeting_reminder", "deadline_reminder")
    for note, citizen in session.execute(
        select(Notification, Citizen)
        .join(Citizen, Citizen.id == Notification.citizen_id)
        .where(
            Notification.template.in_(reminders),
            Notification.read_at.is_(None),
            Notification.created_at <= at - after,
        )
    ):
        if note.escalated_at is None:
            email, sms, lang = preferences(session, citizen.id)
            subject, body = words(note.template, note.params, lang)
            if email and citizen.email:
                run.outbox += queue_outbox(
                    session,
                    citizen.id,
                    OutboxChannel.EMAIL,
                    citizen.email,
                    subject,
                    body,
                    f"notification:{note.id}:email",
                )
            if sms and citizen.phone:
                run.outbox += queue_outbox(
                    session,
                    citizen.id,
                    OutboxChannel.SMS,
                    citizen.phone,
                    subject,
                    body,
                    f"notification:{note.id}:sms",
                )
            note.escalated_at = at
            run.escalated += 1
        elif aware(note.escalated_at) <= at - after:
            key = f"unread:{note.id}"
            if session.scalar(select(StaffTask.id).where(StaffTask.key == key)):
                continue
            record_created(
                session,
                StaffTask(
                    municipality_id=citizen.municipality_id,
                    citizen_id=citizen.id,
                    key=key,
                    template="unread_reminder",
                    params={"when": note.params.get("when", "")},
                    created_at=at,
                ),
                actor=SYSTEM,
                reason="a reminder stayed unread",
                citizen_id=citizen.id,
            )
            run.tasks += 1
    session.flush()


def send_reminders(
    session: Session,
    ahead: timedelta,
    escalate_after: timedelta,
    at: datetime | None = None,
) -> ReminderRun:
    """The reminder job: new reminders, then the escalation of unread ones."""
    at = at or now()
    run = ReminderRun()
    run.reminded = _remind_meetings(session, at, ahead) + _remind_deadlines(
        session, at, ahead
    )
    _escalate(session, at, escalate_after, run)
    return run
