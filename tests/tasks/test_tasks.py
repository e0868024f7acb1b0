"""Background jobs: run after the commit, inline without Redis, on RQ with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import tasks
from app.models import TaskFailure
from app.tasks import runner

RAN: list[dict] = []


@tasks.job("test_record")
def _record(session: Session, **arguments) -> str:
    RAN.append(arguments)
    return "ok"


@tasks.job("test_fail")
def _fail(session: Session, **arguments) -> None:
    RAN.append(arguments)
    raise RuntimeError("the job broke")


@pytest.fixture(autouse=True)
def _clear() -> None:
    RAN.clear()


def _in_new_session(app: Flask, work: Callable[[Session], None]) -> None:
    with app.app_context():
        session = app.extensions["db_sessionmaker"]()
        try:
            work(session)
            session.commit()
        finally:
            session.close()


def test_a_job_runs_inline_after_the_commit(app: Flask, db: Session) -> None:
    _in_new_session(app, lambda s: tasks.enqueue(s, "test_record", n=1))
    assert RAN == [{"n": 1}]


def test_a_rolled_back_transaction_enqueues_nothing(app: Flask, db: Session) -> None:
    with app.app_context():
        session = app.extensions["db_sessionmaker"]()
        tasks.enqueue(session, "test_record", n=2)
        session.rollback()
        session.commit()
        session.close()
    assert RAN == []


def test_an_unknown_job_is_refused(db: Session) -> None:
    with pytest.raises(KeyError):
        tasks.enqueue(db, "no_such_job")


def test_a_failed_inline_job_is_kept_for_the_administrators(
    app: Flask, db: Session
) -> None:
    _in_new_session(app, lambda s: tasks.enqueue(s, "test_fail", n=3))
    failure = db.scalar(select(TaskFailure).where(TaskFailure.job == "test_fail"))
    assert failure is not None
    assert "the job broke" in failure.error
    assert failure.arguments == {"n": 3}


def test_jobs_go_through_redis_and_retry(
    make_app: Callable[..., Flask],
    redis_url: str,
    db: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    queued = make_app(REDIS_URL=redis_url, TASK_RETRIES=2)
    # The queued app's sessions join the test's transaction, as the app's do.
    queued.extensions["db_sessionmaker"] = sessionmaker(
        bind=db.bind, join_transaction_mode="create_savepoint"
    )
    monkeypatch.setattr(runner, "RETRY_INTERVALS", (0, 0, 0))
    _in_new_session(queued, lambda s: tasks.enqueue(s, "test_record", n=4))
    _in_new_session(queued, lambda s: tasks.enqueue(s, "test_fail", n=5))
    # Nothing ran yet: the jobs wait on the queue for a worker.
    assert RAN == []
    queue = Queue("jobunivers", connection=Redis.from_url(redis_url))
    assert queue.count == 2
    with queued.app_context():
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
    # The failing job ran once and twice more (the retries), then was kept.
    assert RAN.count({"n": 4}) == 1
    assert RAN.count({"n": 5}) == 3
    failures = db.scalars(select(TaskFailure).where(TaskFailure.job == "test_fail"))
    assert [f.attempts for f in failures] == [3]
