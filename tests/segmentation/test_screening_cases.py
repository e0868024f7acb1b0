"""Re-screening and the queue's cases: history kept, claims respected, closed cases
reopened only for something new, nightly runs that change nothing leave nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    Case,
    CaseStatus,
    Citizen,
    ContactRequest,
    Track,
)
from app.models.profile import (
    Channel,
    SupportWish,
)
from app.segmentation import screening
from tests.segmentation.rescreening import (
    NOW,
    SETTINGS,
    TODAY,
    answer,
    case_of,
    current_assessment,
    rescreen,
)


def test_history_is_kept_and_a_queued_case_closes_when_the_reason_goes(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = answer(db, citizen, wants_support=SupportWish.YES)
    rescreen(db, citizen)
    case = case_of(db, citizen)
    assert case is not None and case.status == CaseStatus.QUEUED
    answers.wants_support = SupportWish.NO
    db.flush()
    rescreen(db, citizen, "screening")
    rows = db.scalars(
        select(Assessment).where(Assessment.citizen_id == citizen.id)
    ).all()
    assert len(rows) == 2
    assert [row.current for row in sorted(rows, key=lambda r: r.id)] == [False, True]
    db.refresh(case)
    assert case.status == CaseStatus.CLOSED


def test_a_claimed_case_is_not_taken_from_the_caseworker(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = answer(db, citizen, wants_support=SupportWish.YES)
    rescreen(db, citizen)
    case = case_of(db, citizen)
    assert case is not None
    case.status = CaseStatus.CLAIMED
    answers.wants_support = SupportWish.NO
    db.flush()
    rescreen(db, citizen)
    db.refresh(case)
    assert case.status == CaseStatus.CLAIMED


def test_a_claim_made_while_a_rescreen_runs_is_not_closed_over(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = answer(db, citizen, wants_support=SupportWish.YES)
    rescreen(db, citizen)
    case = case_of(db, citizen)
    assert case is not None and case.status == CaseStatus.QUEUED
    # A caseworker claims the case behind the re-screen's back: the re-screen still
    # holds the row it read as waiting.
    db.execute(
        update(Case)
        .where(Case.id == case.id)
        .values(status=CaseStatus.CLAIMED, version=Case.version + 1)
        .execution_options(synchronize_session=False)
    )
    answers.wants_support = SupportWish.NO
    db.flush()
    rescreen(db, citizen, "screening")
    db.refresh(case)
    assert case.status == CaseStatus.CLAIMED


def test_a_closed_case_reopens_only_when_something_new_happens(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = answer(db, citizen, wants_support=SupportWish.YES)
    rescreen(db, citizen)
    case = case_of(db, citizen)
    assert case is not None
    case.status = CaseStatus.CLOSED  # a caseworker handled it
    db.flush()
    rescreen(db, citizen, "joblog")
    db.refresh(case)
    assert case.status == CaseStatus.CLOSED
    # Asking for a person is new: back in the queue.
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    rescreen(db, citizen, "contact_request")
    db.refresh(case)
    assert case.status == CaseStatus.QUEUED
    # And after self-service, a new need for support reopens it too.
    case.status = CaseStatus.CLOSED
    db.query(ContactRequest).filter_by(citizen_id=citizen.id).delete()
    answers.wants_support = SupportWish.NO
    db.flush()
    rescreen(db, citizen)
    assert current_assessment(db, citizen).track == Track.SELF_SERVICE
    answers.wants_support = SupportWish.YES
    db.flush()
    rescreen(db, citizen)
    db.refresh(case)
    assert case.status == CaseStatus.QUEUED


def test_a_nightly_run_keeps_unchanged_results_and_renews_those_due(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)

    def count() -> int:
        return len(
            db.scalars(
                select(Assessment.id).where(Assessment.citizen_id == citizen.id)
            ).all()
        )

    def nightly(today: date) -> screening.ScreenSummary:
        return screening.rescreen_all(db, today=today, settings=SETTINGS)

    nightly(TODAY)
    assert count() == 1
    assert nightly(TODAY + timedelta(days=1)).unchanged >= 1
    assert count() == 1
    # The review date has come: a fresh assessment with a new review date.
    nightly(TODAY + timedelta(days=28))
    assert count() == 2
    assert current_assessment(db, citizen).next_review_on == TODAY + timedelta(days=56)
    # A change the citizen makes is always assessed again, with its trigger.
    rescreen(db, citizen, "screening")
    assert count() == 3


def test_a_case_created_meanwhile_by_another_rescreen_is_not_an_error(
    db: Session, recent: Callable[..., Citizen], monkeypatch: pytest.MonkeyPatch
) -> None:
    citizen = recent()
    answer(db, citizen, wants_support=SupportWish.YES)
    rescreen(db, citizen)
    assert case_of(db, citizen) is not None
    gather = screening.gather

    def without_the_case(*args: Any, **kwargs: Any) -> Any:
        facts = gather(*args, **kwargs)
        for fact in facts.values():
            fact.case = None  # as if read before the other re-screen committed it
            fact.current = None
        return facts

    monkeypatch.setattr(screening, "gather", without_the_case)
    summary = screening.rescreen(
        db, citizen.id, trigger="race", today=TODAY, settings=SETTINGS
    )
    assert summary.queued == 0
    assert current_assessment(db, citizen).trigger == "race"
    assert len(db.scalars(select(Case).where(Case.citizen_id == citizen.id)).all()) == 1
