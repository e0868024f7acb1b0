"""Background jobs: one registry, enqueued after the transaction that asks commits.

With REDIS_URL set, a job goes to an RQ queue (TASK_QUEUE) and a worker process runs
it (`flask worker`, or `rq worker`), retrying a failure after 10 s, 1 min and 5 min.
Without Redis (the embedded default, `make run`), the same job runs inline right after
the commit, in a session of its own. Either way a job is `fn(session, **arguments)`:
it flushes, and the runner commits once at its end (app/tasks/runner.py). A job that
fails after its last try is kept in `task_failure`, which administrators read.

A job is enqueued only when the transaction commits, so a worker never looks for rows
that are not there yet, and a rolled-back request enqueues nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

Job = Callable[..., Any]
JOBS: dict[str, Job] = {}
PENDING = "tasks_after_commit"
# Seconds to wait before each retry of a failed job on the queue.
RETRY_INTERVALS = (10, 60, 300)


def job(name: str) -> Callable[[Job], Job]:
    """Register fn(session, **arguments) as the background job `name`."""

    def register(fn: Job) -> Job:
        JOBS[name] = fn
        return fn

    return register


def enqueue(session: Session, name: str, **arguments: Any) -> None:
    """Run the job `name` once this session's transaction commits."""
    if name not in JOBS:
        raise KeyError(f"no background job {name!r}")
    if not session.in_transaction():
        # So that a rollback, too, ends this transaction and forgets the job.
        session.begin()
    session.info.setdefault(PENDING, []).append((name, arguments))


@event.listens_for(Session, "after_commit")
def _dispatch(session: Session) -> None:
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    # Imported on call: the runner imports the jobs of every area, which import this.
    from app.tasks import runner

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    for name, arguments in pending:
        runner.dispatch(app, name, arguments)


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous: object) -> None:
    session.info.pop(PENDING, None)
