"""Running background jobs: on the RQ queue when REDIS_URL is set, else inline.

`perform` is what an RQ worker calls: it runs the job in an app context with a session
of its own and commits at the end; after the last failed try it records the failure.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, current_app, has_app_context
from redis import Redis
from rq import Queue, Retry, get_current_job

from app.audit import now
from app.models import TaskFailure
from app.tasks import JOBS, RETRY_INTERVALS
from app.tasks import jobs as _jobs  # noqa: F401  (registers every area's jobs)

log = logging.getLogger(__name__)
_worker_app: Flask | None = None


def queue_for(app: Flask) -> Queue:
    """The app's RQ queue (REDIS_URL must be set)."""
    connection = Redis.from_url(app.config["REDIS_URL"])
    return Queue(app.config["TASK_QUEUE"], connection=connection)


def dispatch(app: Flask, name: str, arguments: dict[str, Any]) -> None:
    """Send the job to the queue, or run it now when there is no Redis."""
    if app.config.get("REDIS_URL"):
        retries = app.config["TASK_RETRIES"]
        queue_for(app).enqueue(
            perform,
            name,
            arguments,
            retry=Retry(max=retries, interval=list(RETRY_INTERVALS[:retries]))
            if retries
            else None,
            description=name,
        )
        return
    run(app, name, arguments, last_try=True, reraise=False)


def run(
    app: Flask,
    name: str,
    arguments: dict[str, Any],
    *,
    last_try: bool,
    reraise: bool,
) -> Any:
    """Run one job in its own session; commit at its end, roll back on failure."""
    session = app.extensions["db_sessionmaker"]()
    try:
        result = JOBS[name](session, **arguments)
        session.commit()
        return result
    except Exception as error:
        session.rollback()
        log.exception("background job %s failed", name)
        if last_try:
            _record_failure(app, name, arguments, error)
        if reraise:
            raise
        return None
    finally:
        session.close()


def _record_failure(
    app: Flask, name: str, arguments: dict[str, Any], error: Exception
) -> None:
    session = app.extensions["db_sessionmaker"]()
    try:
        session.add(
            TaskFailure(
                job=name,
                arguments=arguments,
                error="".join(traceback.format_exception_only(error)).strip()[:2000],
                attempts=1 + int(app.config.get("TASK_RETRIES", 0) or 0)
                if app.config.get("REDIS_URL")
                else 1,
                failed_at=now(),
            )
        )
        session.commit()
    finally:
        session.close()


def _app() -> Flask:
    """The app of this process: the command's (`flask worker`), or one made once."""
    global _worker_app
    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined]
    if _worker_app is None:
        # Imported on call: a plain `rq worker` process builds the app on first job.
        from app import create_app

        _worker_app = create_app()
    return _worker_app


def perform(name: str, arguments: dict[str, Any]) -> Any:
    """The RQ entry point: run the job; record it as failed after its last retry."""
    app = _app()
    current = get_current_job()
    last_try = current is None or not current.retries_left
    with app.app_context():
        return run(app, name, arguments, last_try=last_try, reraise=True)
