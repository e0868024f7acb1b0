"""What administrators see of the background jobs: the ones that failed, and the
caseworkers' tasks that reminders left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, log_accesses, now
from app.dialogue.messages import aware
from app.models import AccessPurpose, AccessWhat, Citizen, StaffTask, TaskFailure

# Background jobs by name, in words for the administrators.
JOB_WORDS: dict[str, Any] = {
    "screen": _l("Nightly re-screening"),
    "job_alerts": _l("Job alerts"),
    "send_outbox": _l("Sending e-mails and text messages"),
    "reminders": _l("Reminders"),
}


@dataclass(frozen=True)
class FailureRow:
    job: str
    error: str
    attempts: int
    failed_at: datetime


def recent_failures(session: Session, limit: int = 50) -> list[FailureRow]:
    """The newest failed jobs (no citizen data: a job's arguments are not shown)."""
    return [
        FailureRow(
            str(JOB_WORDS.get(row.job, row.job)),
            row.error,
            row.attempts,
            aware(row.failed_at),
        )
        for row in session.scalars(
            select(TaskFailure).order_by(TaskFailure.failed_at.desc()).limit(limit)
        )
    ]


@dataclass(frozen=True)
class TaskRow:
    id: int
    citizen_id: int
    name: str
    when: str
    created_at: datetime


def open_tasks(
    session: Session, municipality_id: int, actor: Actor, limit: int = 50
) -> list[TaskRow]:
    """The job centre's open tasks, oldest first (the names shown are logged)."""
    found = [
        TaskRow(
            task.id,
            task.citizen_id,
            f"{first} {last}",
            task.params.get("when", ""),
            aware(task.created_at),
        )
        for task, first, last in session.execute(
            select(StaffTask, Citizen.first_name, Citizen.last_name)
            .join(Citizen, Citizen.id == StaffTask.citizen_id)
            .where(
                StaffTask.municipality_id == municipality_id,
                StaffTask.done_at.is_(None),
            )
            .order_by(StaffTask.created_at, StaffTask.id)
            .limit(limit)
        )
    ]
    log_accesses(
        session,
        actor,
        [row.citizen_id for row in found],
        AccessWhat.QUEUE,
        AccessPurpose.ALLOCATING_CASES,
    )
    return found


def finish_task(
    session: Session, municipality_id: int, task_id: int, actor: Actor
) -> bool:
    task = session.get(StaffTask, task_id)
    if task is None or task.municipality_id != municipality_id or task.done_at:
        return False
    change_fields(
        session,
        task,
        {"done_at": now()},
        actor=actor,
        reason="a caseworker did the task",
        citizen_id=task.citizen_id,
    )
    session.flush()
    return True
