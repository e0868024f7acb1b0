"""Parallel claims never give one citizen to two caseworkers.

Runs on whichever database TEST_DATABASE_URL names: CI runs the suite on SQLite and on
PostgreSQL, so this covers both the compare-and-set and the SKIP LOCKED path. Each
thread has its own connection and commits for real through app.db.commit_with_retries,
as the claim views do, so the test makes (and removes) its own committed rows instead
of using the rolled-back `db` fixture.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.audit import Actor
from app.casework.services import claims
from app.casework.services.claims import ClaimOutcome
from app.db import commit_with_retries
from app.models import (
    Case,
    CaseStatus,
    Caseworker,
    ChangeRecord,
    Citizen,
    Municipality,
    Role,
    RouteReason,
    User,
)

CASEWORKERS = 8
CASES = 12


@pytest.fixture
def committed_world(engine: Engine) -> Iterator[dict]:
    """Committed caseworkers and waiting cases in one municipality; removed afterwards."""
    tag = uuid.uuid4().hex[:8]
    with Session(engine) as session:
        municipality_id = session.scalars(
            select(Municipality.id).where(Municipality.code == 101)
        ).one()
        workers: list[tuple[int, int]] = []  # (user id, caseworker id)
        for n in range(CASEWORKERS):
            user = User(
                role=Role.CASEWORKER,
                display_name=f"Parallel {n}",
                email=f"parallel-{tag}-{n}@test.jobunivers.dk",
                municipality_id=municipality_id,
            )
            session.add(user)
            session.flush()
            worker = Caseworker(user_id=user.id, job_title="Test")
            session.add(worker)
            session.flush()
            workers.append((user.id, worker.id))
        citizens: list[int] = []
        citizen_users: list[int] = []
        now = datetime.now(UTC)
        for n in range(CASES):
            user = User(
                role=Role.CITIZEN,
                display_name=f"Borger {n}",
                mitid_subject=f"parallel-{tag}-{n}",
                municipality_id=municipality_id,
            )
            session.add(user)
            session.flush()
            citizen = Citizen(
                user_id=user.id,
                municipality_id=municipality_id,
                first_name="Borger",
                last_name=str(n),
                synthetic=True,
            )
            session.add(citizen)
            session.flush()
            session.add(
                Case(
                    citizen_id=citizen.id,
                    municipality_id=municipality_id,
                    status=CaseStatus.QUEUED,
                    queue_reason=RouteReason.MODEL,
                    priority=(n % 4) / 4,
                    language="da",
                    queued_at=now - timedelta(minutes=n),
                    version=0,
                )
            )
            citizens.append(citizen.id)
            citizen_users.append(user.id)
        session.commit()
    yield {
        "municipality_id": municipality_id,
        "workers": workers,
        "citizens": citizens,
    }
    with Session(engine) as session:
        session.execute(
            delete(ChangeRecord).where(ChangeRecord.citizen_id.in_(citizens))
        )
        session.execute(delete(Case).where(Case.citizen_id.in_(citizens)))
        session.execute(delete(Citizen).where(Citizen.id.in_(citizens)))
        session.execute(
            delete(Caseworker).where(Caseworker.id.in_([w for _, w in workers]))
        )
        session.execute(
            delete(User).where(User.id.in_(citizen_users + [u for u, _ in workers]))
        )
        session.commit()


def test_parallel_claims_never_collide(engine: Engine, committed_world: dict) -> None:
    municipality_id = committed_world["municipality_id"]
    citizens = committed_world["citizens"]
    barrier = threading.Barrier(len(committed_world["workers"]))
    taken: list[tuple[int, int]] = []  # (caseworker id, citizen id)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(index: int, user_id: int, worker_id: int) -> None:
        actor = Actor(user_id=user_id, role="caseworker", organisation="Test")
        try:
            with Session(engine, expire_on_commit=False) as session:
                barrier.wait()
                # Half the caseworkers race claim-next against the other half
                # claiming named citizens, the same ones, in different orders.
                if index % 2 == 0:
                    while True:
                        citizen_id = commit_with_retries(
                            session,
                            lambda: claims.claim_next_case(
                                session, municipality_id, worker_id, actor
                            ),
                        )
                        if citizen_id is None:
                            break
                        with lock:
                            taken.append((worker_id, citizen_id))
                else:
                    order = citizens if index % 4 == 1 else list(reversed(citizens))
                    for citizen_id in order:
                        outcome = commit_with_retries(
                            session,
                            lambda cid=citizen_id: claims.claim_case(
                                session, municipality_id, worker_id, cid, actor
                            ),
                        )
                        if outcome is ClaimOutcome.CLAIMED:
                            with lock:
                                taken.append((worker_id, citizen_id))
        except BaseException as error:  # noqa: BLE001  (reported below)
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(index, user_id, worker_id))
        for index, (user_id, worker_id) in enumerate(committed_world["workers"])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    claimed_twice = [c for c, n in Counter(c for _, c in taken).items() if n > 1]
    assert claimed_twice == []
    assert sorted(c for _, c in taken) == sorted(citizens)
    with Session(engine) as session:
        rows = session.execute(
            select(Case.citizen_id, Case.status, Case.claimed_by_id).where(
                Case.citizen_id.in_(citizens)
            )
        ).all()
    holders = {citizen_id: holder for citizen_id, _status, holder in rows}
    assert all(status is CaseStatus.CLAIMED for _c, status, _h in rows)
    # The database agrees with every caller that was told "yours".
    assert all(holders[citizen_id] == worker for worker, citizen_id in taken)
