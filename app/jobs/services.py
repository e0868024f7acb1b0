"""A citizen's own use of postings: saved jobs, job alerts and their notifications.

Plain values in, rows out; every write is recorded through app.audit and flushed (the
request or the CLI command commits). The alerts run daily (`flask jobs alerts`): each
alert's saved search is run over the postings that arrived since it last looked, and the
current ones are added to the citizen's notification list.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, now, record_created, record_deleted
from app.jobs.search import JobSearch, current_condition, matching_ids
from app.models import JobAlert, JobNotification, Occupation, Posting, SavedJob

MAX_ALERTS = 20
MAX_SAVED = 500
# New postings an alert adds to the list in one run, at most.
MAX_NEW_PER_RUN = 50


def posting(session: Session, posting_id: int) -> Posting | None:
    """A posting by id, current or not (a saved job may have passed its deadline)."""
    return session.get(Posting, posting_id)


def is_current(row: Posting, today: date | None = None) -> bool:
    today = today or date.today()
    return row.deadline is None or row.deadline >= today


# --- saved jobs ------------------------------------------------------------------------


def is_saved(session: Session, citizen_id: int, posting_id: int) -> bool:
    return (
        session.scalar(
            select(SavedJob.id).where(
                SavedJob.citizen_id == citizen_id, SavedJob.posting_id == posting_id
            )
        )
        is not None
    )


def save_job(session: Session, citizen_id: int, posting_id: int, actor: Actor) -> bool:
    """Save a posting for the citizen; False if there is no such posting or too many."""
    if session.get(Posting, posting_id) is None:
        return False
    if is_saved(session, citizen_id, posting_id):
        return True
    count = session.scalar(
        select(func.count()).where(SavedJob.citizen_id == citizen_id)
    )
    if (count or 0) >= MAX_SAVED:
        return False
    record_created(
        session,
        SavedJob(citizen_id=citizen_id, posting_id=posting_id, created_at=now()),
        actor=actor,
        reason="saved a job",
        citizen_id=citizen_id,
    )
    session.flush()
    return True


def unsave_job(
    session: Session, citizen_id: int, posting_id: int, actor: Actor
) -> bool:
    row = session.scalar(
        select(SavedJob).where(
            SavedJob.citizen_id == citizen_id, SavedJob.posting_id == posting_id
        )
    )
    if row is None:
        return False
    record_deleted(
        session, row, actor=actor, reason="removed a saved job", citizen_id=citizen_id
    )
    session.flush()
    return True


def saved_jobs(session: Session, citizen_id: int) -> list[Posting]:
    """The citizen's saved postings, the most recently saved first."""
    return list(
        session.scalars(
            select(Posting)
            .join(SavedJob, SavedJob.posting_id == Posting.id)
            .where(SavedJob.citizen_id == citizen_id)
            .order_by(SavedJob.created_at.desc(), SavedJob.id.desc())
        )
    )


# --- job alerts ------------------------------------------------------------------------


def alerts_for(session: Session, citizen_id: int) -> list[JobAlert]:
    return list(
        session.scalars(
            select(JobAlert)
            .where(JobAlert.citizen_id == citizen_id)
            .order_by(JobAlert.created_at, JobAlert.id)
        )
    )


def alert(session: Session, alert_id: int) -> JobAlert | None:
    return session.get(JobAlert, alert_id)


def alert_by_token(session: Session, token: str) -> JobAlert | None:
    """The alert whose stop link has this secret (compared by the database index)."""
    if not token or len(token) > 64:
        return None
    return session.scalar(select(JobAlert).where(JobAlert.unsubscribe_token == token))


def create_alert(
    session: Session, citizen_id: int, name: str, query: str, actor: Actor
) -> JobAlert | None:
    """A new alert for the search in query (a query string); None past MAX_ALERTS.

    It starts from the newest posting now, so it reports only postings that come later.
    """
    if len(alerts_for(session, citizen_id)) >= MAX_ALERTS:
        return None
    newest = session.scalar(select(func.max(Posting.id))) or 0
    row = JobAlert(
        citizen_id=citizen_id,
        name=name,
        query=query,
        created_at=now(),
        last_posting_id=newest,
        unsubscribe_token=secrets.token_urlsafe(32),
    )
    record_created(
        session, row, actor=actor, reason="made a job alert", citizen_id=citizen_id
    )
    session.flush()
    return row


def delete_alert(session: Session, alert_id: int, actor: Actor) -> bool:
    """Stop an alert (its notifications go with it)."""
    row = session.get(JobAlert, alert_id)
    if row is None:
        return False
    record_deleted(
        session,
        row,
        actor=actor,
        reason="stopped a job alert",
        citizen_id=row.citizen_id,
    )
    session.flush()
    return True


@dataclass(frozen=True)
class AlertRun:
    alerts: int
    new_postings: int


def run_alerts(
    session: Session,
    search_for: dict[int, JobSearch],
    today: date | None = None,
) -> AlertRun:
    """Run every alert once: new current postings matching its search become notifications.

    `search_for` maps alert id to its parsed search (the caller parses the query strings
    with the same form /job uses, so an alert finds what its URL shows).
    """
    today = today or date.today()
    newest = session.scalar(select(func.max(Posting.id))) or 0
    added = 0
    alerts = list(session.scalars(select(JobAlert).order_by(JobAlert.id)))
    for row in alerts:
        search = search_for.get(row.id)
        if search is not None and newest > row.last_posting_id:
            search = JobSearch(
                **{**search.__dict__, "posting_ids_above": row.last_posting_id}
            )
            for posting_id in matching_ids(session, search, today, MAX_NEW_PER_RUN):
                session.add(
                    JobNotification(
                        citizen_id=row.citizen_id,
                        alert_id=row.id,
                        posting_id=posting_id,
                        created_at=now(),
                    )
                )
                added += 1
        row.last_posting_id = max(row.last_posting_id, newest)
        row.last_run_at = now()
    session.flush()
    return AlertRun(alerts=len(alerts), new_postings=added)


@dataclass(frozen=True)
class Notification:
    posting: Posting
    alert_name: str
    seen: bool


def notifications_for(
    session: Session, citizen_id: int, today: date | None = None, limit: int = 20
) -> list[Notification]:
    """The newest notifications of current postings, unseen first."""
    today = today or date.today()
    rows = session.execute(
        select(JobNotification, Posting, JobAlert.name)
        .join(Posting, Posting.id == JobNotification.posting_id)
        .join(JobAlert, JobAlert.id == JobNotification.alert_id)
        .where(JobNotification.citizen_id == citizen_id, current_condition(today))
        .order_by(
            JobNotification.seen_at.is_not(None),
            JobNotification.created_at.desc(),
            JobNotification.id.desc(),
        )
        .limit(limit)
    ).all()
    return [Notification(p, name, n.seen_at is not None) for n, p, name in rows]


def mark_notifications_seen(session: Session, citizen_id: int) -> int:
    rows = session.scalars(
        select(JobNotification).where(
            JobNotification.citizen_id == citizen_id, JobNotification.seen_at.is_(None)
        )
    ).all()
    for row in rows:
        row.seen_at = now()
    session.flush()
    return len(rows)


def occupation_uri(session: Session, row: Posting) -> str | None:
    if row.occupation_id is None:
        return None
    return session.scalar(
        select(Occupation.uri).where(Occupation.id == row.occupation_id)
    )
