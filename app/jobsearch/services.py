"""The citizen's job search: the job-search log and their plan.

Plain values in, rows or dataclasses out. Every write goes through app.audit with a
reason and flushes; changes that may affect the track send `profile_changed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import signals
from app.audit import Actor, change_fields, now, record_created, record_deleted
from app.models import (
    JobLogEntry,
    LogKind,
    LogStatus,
    PlanItem,
    PlanKind,
    PlanStatus,
)
from app.pagination import Page, paginate

JOBLOG_PER_PAGE = 20
PLAN_PER_PAGE = 50
# How far back and ahead a log entry's date may lie (the log is about the job search
# of this unemployment period, not the distant past).
JOBLOG_DAYS_BACK = 366
JOBLOG_DAYS_AHEAD = 366
RECENT_WEEKS = 4


# --- the job-search log ----------------------------------------------------------------


@dataclass(frozen=True)
class JobLogInput:
    """The fields of one job-search log entry, already validated by the form."""

    kind: LogKind
    employer: str | None
    title: str
    on_date: date
    status: LogStatus
    note: str | None

    def values(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "employer": self.employer,
            "title": self.title,
            "on_date": self.on_date,
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class JobLogSummary:
    """The counts the job-search log page and the dashboard card show."""

    applications_this_month: int
    applications_recent: int
    planned: int
    total: int
    latest_on: date | None
    recent_weeks: int = RECENT_WEEKS


def list_joblog(
    session: Session,
    citizen_id: int,
    page: int = 1,
    kind: LogKind | None = None,
    status: LogStatus | None = None,
    per_page: int = JOBLOG_PER_PAGE,
) -> Page:
    """One page of the citizen's log entries, newest first, optionally filtered."""
    query = select(JobLogEntry).where(JobLogEntry.citizen_id == citizen_id)
    if kind is not None:
        query = query.where(JobLogEntry.kind == kind)
    if status is not None:
        query = query.where(JobLogEntry.status == status)
    query = query.order_by(JobLogEntry.on_date.desc(), JobLogEntry.id.desc())
    return paginate(session, query, page, per_page)


def joblog_entry(
    session: Session, citizen_id: int, entry_id: int
) -> JobLogEntry | None:
    """The citizen's own entry, or None (also when it is someone else's)."""
    entry = session.get(JobLogEntry, entry_id)
    if entry is None or entry.citizen_id != citizen_id:
        return None
    return entry


def add_joblog_entry(
    session: Session, citizen_id: int, data: JobLogInput, actor: Actor
) -> JobLogEntry:
    """Add an entry to the citizen's log."""
    entry = JobLogEntry(citizen_id=citizen_id, created_at=now(), **data.values())
    record_created(
        session,
        entry,
        actor=actor,
        reason="added to the job-search log",
        citizen_id=citizen_id,
    )
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger="joblog")
    return entry


def update_joblog_entry(
    session: Session, citizen_id: int, entry_id: int, data: JobLogInput, actor: Actor
) -> bool:
    """Change one of the citizen's own entries; False when it is not theirs."""
    entry = joblog_entry(session, citizen_id, entry_id)
    if entry is None:
        return False
    change_fields(
        session,
        entry,
        data.values(),
        actor=actor,
        reason="changed in the job-search log",
        citizen_id=citizen_id,
    )
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger="joblog")
    return True


def delete_joblog_entry(
    session: Session, citizen_id: int, entry_id: int, actor: Actor
) -> bool:
    """Delete one of the citizen's own entries (its values stay in the history)."""
    entry = joblog_entry(session, citizen_id, entry_id)
    if entry is None:
        return False
    record_deleted(
        session,
        entry,
        actor=actor,
        reason="deleted from the job-search log",
        citizen_id=citizen_id,
    )
    session.flush()
    signals.profile_changed.send(session, citizen_id=citizen_id, trigger="joblog")
    return True


def joblog_summary(session: Session, citizen_id: int, today: date) -> JobLogSummary:
    """Applications this month and in the last four weeks, planned ones, and the total."""
    month_start = today.replace(day=1)
    recent_start = today - timedelta(weeks=RECENT_WEEKS)
    is_application = JobLogEntry.kind == LogKind.APPLICATION
    row = session.execute(
        select(
            func.count().label("total"),
            func.count()
            .filter(is_application, JobLogEntry.on_date >= month_start)
            .label("this_month"),
            func.count()
            .filter(is_application, JobLogEntry.on_date >= recent_start)
            .label("recent"),
            func.count().filter(JobLogEntry.kind == LogKind.PLANNED).label("planned"),
            func.max(JobLogEntry.on_date).label("latest_on"),
        ).where(JobLogEntry.citizen_id == citizen_id)
    ).one()
    return JobLogSummary(
        total=int(row.total),
        applications_this_month=int(row.this_month),
        applications_recent=int(row.recent),
        planned=int(row.planned),
        latest_on=row.latest_on,
    )


# --- the plan ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInput:
    """A goal or activity the citizen writes themself, validated by the form."""

    kind: PlanKind
    text: str
    due_on: date | None


def citizen_may_edit(item: PlanItem) -> bool:
    """The citizen edits only what they wrote alone; agreed items change with a caseworker."""
    return item.author_role == "citizen" and item.agreed_at is None


def list_plan(session: Session, citizen_id: int) -> list[PlanItem]:
    """The citizen's plan: open items first (by date, undated last), then the rest."""
    open_first = PlanItem.status != PlanStatus.OPEN
    undated_last = PlanItem.due_on.is_(None)
    query = (
        select(PlanItem)
        .where(PlanItem.citizen_id == citizen_id)
        .order_by(open_first, undated_last, PlanItem.due_on, PlanItem.id)
        .limit(PLAN_PER_PAGE * 4)
    )
    return list(session.scalars(query))


def plan_item(session: Session, citizen_id: int, item_id: int) -> PlanItem | None:
    """The citizen's own plan item, or None (also when it is someone else's)."""
    item = session.get(PlanItem, item_id)
    if item is None or item.citizen_id != citizen_id:
        return None
    return item


def add_plan_item(
    session: Session, citizen_id: int, data: PlanInput, actor: Actor
) -> PlanItem:
    """Add the citizen's own goal or activity to their plan."""
    item = PlanItem(
        citizen_id=citizen_id,
        kind=data.kind,
        text=data.text,
        due_on=data.due_on,
        status=PlanStatus.OPEN,
        author_role="citizen",
        created_at=now(),
    )
    record_created(
        session,
        item,
        actor=actor,
        reason="the citizen added to their plan",
        citizen_id=citizen_id,
    )
    session.flush()
    return item


def update_plan_item(
    session: Session, citizen_id: int, item_id: int, data: PlanInput, actor: Actor
) -> bool:
    """Change the citizen's own item; False when it is not theirs or not theirs alone."""
    item = plan_item(session, citizen_id, item_id)
    if item is None or not citizen_may_edit(item):
        return False
    change_fields(
        session,
        item,
        {"kind": data.kind, "text": data.text, "due_on": data.due_on},
        actor=actor,
        reason="the citizen changed their plan",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def set_plan_item_done(
    session: Session, citizen_id: int, item_id: int, done: bool, actor: Actor
) -> bool:
    """Mark an item of the citizen's plan done (or open again); False if not theirs.

    Marking done is allowed on agreed items too: the caseworker sees it in the history.
    """
    item = plan_item(session, citizen_id, item_id)
    if item is None or item.status == PlanStatus.CANCELLED:
        return False
    change_fields(
        session,
        item,
        {"status": PlanStatus.DONE if done else PlanStatus.OPEN},
        actor=actor,
        reason="the citizen marked a plan item done" if done else "reopened",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def delete_plan_item(
    session: Session, citizen_id: int, item_id: int, actor: Actor
) -> bool:
    """Delete the citizen's own item (its values stay in the history)."""
    item = plan_item(session, citizen_id, item_id)
    if item is None or not citizen_may_edit(item):
        return False
    record_deleted(
        session,
        item,
        actor=actor,
        reason="the citizen deleted from their plan",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


@dataclass(frozen=True)
class PlanSummary:
    open_items: int
    done_items: int
    next_item: PlanItem | None


def plan_summary(session: Session, citizen_id: int) -> PlanSummary:
    """Open and done counts and the next open item, for the dashboard."""
    counts = dict(
        session.execute(
            select(PlanItem.status, func.count())
            .where(PlanItem.citizen_id == citizen_id)
            .group_by(PlanItem.status)
        )
        .tuples()
        .all()
    )
    next_item = session.scalars(
        select(PlanItem)
        .where(PlanItem.citizen_id == citizen_id, PlanItem.status == PlanStatus.OPEN)
        .order_by(PlanItem.due_on.is_(None), PlanItem.due_on, PlanItem.id)
        .limit(1)
    ).first()
    return PlanSummary(
        open_items=int(counts.get(PlanStatus.OPEN, 0)),
        done_items=int(counts.get(PlanStatus.DONE, 0)),
        next_item=next_item,
    )
