"""Parallel bookings of one time give exactly one booking.

Runs on whichever database TEST_DATABASE_URL names (SQLite by default, PostgreSQL in
CI as well). Each thread has its own connection and commits through
app.db.commit_with_retries, as the booking view does, so the test makes and removes
its own committed rows.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.audit import SYSTEM, Actor
from app.db import commit_with_retries
from app.dialogue import meetings
from app.dialogue.meetings import Outcome
from app.models import (
    Caseworker,
    ChangeRecord,
    Citizen,
    MeetingKind,
    MeetingSlot,
    Municipality,
    Role,
    User,
)

CITIZENS = 8


@pytest.fixture
def committed_slot(engine: Engine) -> Iterator[dict]:
    """One free time next week and eight citizens who want it; removed afterwards."""
    tag = uuid.uuid4().hex[:8]
    with Session(engine) as session:
        municipality_id = session.scalars(
            select(Municipality.id).where(Municipality.code == 101)
        ).one()
        staff = User(
            role=Role.CASEWORKER,
            display_name="Parallel",
            email=f"booking-{tag}@test.jobunivers.dk",
            municipality_id=municipality_id,
        )
        session.add(staff)
        session.flush()
        worker = Caseworker(user_id=staff.id, job_title="Test")
        session.add(worker)
        session.flush()
        slot = meetings.publish_slot(
            session,
            municipality_id,
            worker.id,
            datetime.now(UTC) + timedelta(days=7),
            30,
            MeetingKind.IN_PERSON,
            "Jobcentret",
            SYSTEM,
        )
        people: list[tuple[int, int]] = []
        for n in range(CITIZENS):
            user = User(
                role=Role.CITIZEN,
                display_name=f"Borger {n}",
                mitid_subject=f"booking-{tag}-{n}",
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
            people.append((user.id, citizen.id))
        session.commit()
        slot_id, staff_id, worker_id = slot.id, staff.id, worker.id
    yield {"slot": slot_id, "people": people}
    citizens = [c for _, c in people]
    with Session(engine) as session:
        session.execute(
            delete(ChangeRecord).where(
                ChangeRecord.table_name == "meeting_slot",
                ChangeRecord.row_id == slot_id,
            )
        )
        session.execute(delete(MeetingSlot).where(MeetingSlot.id == slot_id))
        session.execute(delete(Citizen).where(Citizen.id.in_(citizens)))
        session.execute(delete(Caseworker).where(Caseworker.id == worker_id))
        session.execute(
            delete(User).where(User.id.in_([u for u, _ in people] + [staff_id]))
        )
        session.commit()


def test_parallel_bookings_give_one_booking(
    engine: Engine, committed_slot: dict
) -> None:
    slot_id = committed_slot["slot"]
    barrier = threading.Barrier(CITIZENS)
    outcomes: list[tuple[int, Outcome]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def book(user_id: int, citizen_id: int) -> None:
        actor = Actor(user_id=user_id, role="citizen", organisation="Test")
        try:
            with Session(engine, expire_on_commit=False) as session:
                barrier.wait()
                outcome = commit_with_retries(
                    session,
                    lambda: meetings.book(
                        session, citizen_id, slot_id, actor, timedelta(hours=24)
                    ),
                )
                with lock:
                    outcomes.append((citizen_id, outcome))
        except BaseException as error:  # noqa: BLE001  (reported below)
            errors.append(error)

    threads = [
        threading.Thread(target=book, args=person)
        for person in committed_slot["people"]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    winners = [c for c, outcome in outcomes if outcome is Outcome.BOOKED]
    assert len(winners) == 1
    assert all(outcome is Outcome.TAKEN for c, outcome in outcomes if c != winners[0])
    with Session(engine) as session:
        holder = session.scalar(
            select(MeetingSlot.citizen_id).where(MeetingSlot.id == slot_id)
        )
        recorded = session.scalars(
            select(ChangeRecord.new_value).where(
                ChangeRecord.table_name == "meeting_slot",
                ChangeRecord.row_id == slot_id,
                ChangeRecord.field == "citizen_id",
            )
        ).all()
    assert holder == winners[0]
    assert recorded == [str(winners[0])]
