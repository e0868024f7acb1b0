"""Re-screening: the objection respected, asking for a person queues, overrides stand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signals
from app.models import (
    Assessment,
    CaseStatus,
    ChangeRecord,
    Citizen,
    ContactRequest,
    ProfilingObjection,
    RouteReason,
    Track,
)
from app.models.profile import (
    Channel,
)
from app.segmentation import screening
from tests.segmentation.rescreening import (
    HARD,
    NOW,
    SETTINGS,
    TODAY,
    answer,
    case_of,
    current_assessment,
    rescreen,
)


def test_a_ready_citizen_serves_themself_and_the_result_carries_its_reasons(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)
    rescreen(db, citizen)
    current = current_assessment(db, citizen)
    assert current.track == Track.SELF_SERVICE
    assert current.route_reason == RouteReason.MODEL
    assert current.model_version and current.model_version.startswith("lr1-")
    assert 0 < (current.probability or 0) < 0.5
    assert current.inputs["expected_time_to_job"] == "1m"
    assert current.reasons and "feature" in current.reasons[0]
    assert current.next_review_on == TODAY + timedelta(days=28)
    assert case_of(db, citizen) is None


def test_a_flagged_citizen_is_queued_in_their_own_municipality(
    db: Session, make_citizen: Callable[..., Citizen]
) -> None:
    citizen = make_citizen(
        municipality_code=751, unemployed_since=TODAY - timedelta(days=400)
    )
    answer(db, citizen, **HARD)
    rescreen(db, citizen)
    current = current_assessment(db, citizen)
    assert current.track == Track.SUPPORT
    case = case_of(db, citizen)
    assert case is not None
    assert case.status == CaseStatus.QUEUED
    assert case.municipality_id == citizen.municipality_id
    assert case.priority == pytest.approx(current.probability)
    assert db.scalars(
        select(ChangeRecord.field)
        .where(ChangeRecord.row_id == case.id)
        .where(ChangeRecord.table_name == "case_file")
    ).all()


def test_asking_for_a_person_always_queues_with_top_priority(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    rescreen(db, citizen, "contact_request")
    current = current_assessment(db, citizen)
    assert (current.track, current.route_reason) == (
        Track.SUPPORT,
        RouteReason.ASKED_FOR_PERSON,
    )
    case = case_of(db, citizen)
    assert case is not None and case.priority == 1.0
    assert case.queue_reason == RouteReason.ASKED_FOR_PERSON


def test_asking_for_a_person_before_answering_the_screening_still_queues(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    rescreen(db, citizen)
    assert current_assessment(db, citizen).probability is None
    assert case_of(db, citizen) is not None


def test_without_screening_answers_there_is_no_assessment(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    rescreen(db, citizen)
    assert (
        db.scalar(select(Assessment).where(Assessment.citizen_id == citizen.id)) is None
    )


def test_an_objecting_citizen_is_never_scored_and_goes_to_a_person(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)
    db.add(ProfilingObjection(citizen_id=citizen.id, objected_at=NOW))
    db.flush()
    rescreen(db, citizen, "objection")
    current = current_assessment(db, citizen)
    assert current.probability is None
    assert current.model_version is None
    assert current.inputs == {} and current.reasons == []
    assert current.route_reason == RouteReason.OBJECTED
    assert current.track == Track.SUPPORT
    assert case_of(db, citizen) is not None


def test_an_override_stands_until_its_review_date(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)
    db.add(
        Assessment(
            citizen_id=citizen.id,
            computed_at=NOW,
            current=True,
            track=Track.SUPPORT,
            route_reason=RouteReason.OVERRIDE,
            reasons=[],
            inputs={},
            trigger="override",
            next_review_on=TODAY + timedelta(days=10),
        )
    )
    db.flush()
    rescreen(db, citizen, "cv")
    assert current_assessment(db, citizen).route_reason == RouteReason.OVERRIDE
    screening.rescreen(
        db,
        citizen.id,
        trigger="review",
        today=TODAY + timedelta(days=10),
        settings=SETTINGS,
    )
    assert current_assessment(db, citizen).route_reason == RouteReason.MODEL


def test_the_signal_every_writer_sends_rescreens(
    app: Any, db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answer(db, citizen)
    with app.app_context():
        signals.profile_changed.send(db, citizen_id=citizen.id, trigger="screening")
    assert current_assessment(db, citizen).trigger == "screening"


def test_rescreen_all_screens_everyone_in_one_pass(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizens = [recent() for _ in range(5)]
    for citizen in citizens[:4]:
        answer(db, citizen)
    summary = screening.rescreen_all(db, today=TODAY, settings=SETTINGS, chunk=2)
    assert summary.assessed >= 4
    assert summary.without_answers >= 1
    for citizen in citizens[:4]:
        assert current_assessment(db, citizen).trigger == "nightly"


def test_the_inputs_come_from_the_citizens_own_data(
    db: Session, taxonomy: None, recent: Callable[..., Citizen]
) -> None:
    from app.models import Education, EducationLevel, JobLogEntry, UnemploymentSpell
    from app.models.jobsearch import LogKind, LogStatus
    from tests.data import give_cv, make_posting

    citizen = give_cv(db, recent(), desired=["sygeplejerske"])
    answer(db, citizen)
    make_posting(db, postcode="2200")
    make_posting(db, postcode="2100")  # the same postal district (2xxx)
    make_posting(db, postcode="8000")  # another district
    make_posting(db, postcode="2200", deadline=TODAY - timedelta(days=1))
    for days_ago in (3, 10, 40):  # the last one is older than 4 weeks
        db.add(
            JobLogEntry(
                citizen_id=citizen.id,
                kind=LogKind.APPLICATION,
                title="Sygeplejerske",
                on_date=TODAY - timedelta(days=days_ago),
                status=LogStatus.SENT,
                created_at=NOW,
            )
        )
    db.add(
        UnemploymentSpell(
            citizen_id=citizen.id,
            started_on=date(2024, 1, 1),
            ended_on=date(2024, 3, 11),
        )
    )
    db.add(
        UnemploymentSpell(citizen_id=citizen.id, started_on=TODAY - timedelta(days=70))
    )
    for level, completed in (
        (EducationLevel.BACHELOR, True),
        (EducationLevel.MASTER, False),
    ):
        db.add(
            Education(
                citizen_id=citizen.id,
                level=level,
                title="Sygepleje",
                completed=completed,
            )
        )
    db.flush()
    rescreen(db, citizen)
    inputs = current_assessment(db, citizen).inputs
    assert inputs["matching_postings"] == 2
    assert inputs["desired_occupations"] == 1
    assert inputs["applications_4w"] == 2
    assert inputs["earlier_spells"] == 1
    assert inputs["earlier_weeks"] == 10.0
    assert inputs["weeks_unemployed"] == 10.0  # from the current spell, not the citizen
    assert inputs["education"] == "bachelor"  # the unfinished master's does not count
    for forbidden in ("gender", "origin", "age", "birth_date"):
        assert forbidden not in inputs
