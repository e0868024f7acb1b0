"""Re-screening: the objection respected, asking for a person queues, overrides stand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import signals
from app.models import (
    Assessment,
    Case,
    CaseStatus,
    ChangeRecord,
    Citizen,
    ContactRequest,
    ProfilingObjection,
    RouteReason,
    ScreeningAnswers,
    Track,
)
from app.models.profile import (
    Channel,
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from app.segmentation import model_store, screening

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SETTINGS = model_store.Settings(threshold=0.5, review_days=28)


def _answers(db: Session, citizen: Citizen, **overrides: Any) -> ScreeningAnswers:
    values: dict[str, Any] = {
        "citizen_id": citizen.id,
        "answered_at": NOW,
        "expected_time_to_job": ExpectedTime.WITHIN_1_MONTH,
        "health_limits": Limits.NONE,
        "danish_level": LanguageLevel.NATIVE,
        "english_level": LanguageLevel.GOOD,
        "childcare_limits": Limits.NONE,
        "transport": Transport.CAR,
        "it_confidence": Confidence.HIGH,
        "search_confidence": Confidence.HIGH,
        "wants_support": SupportWish.NO,
    }
    values.update(overrides)
    answers = ScreeningAnswers(**values)
    db.add(answers)
    db.flush()
    return answers


HARD = {
    "expected_time_to_job": ExpectedTime.LONGER,
    "health_limits": Limits.CONSIDERABLE,
    "danish_level": LanguageLevel.NONE,
    "childcare_limits": Limits.CONSIDERABLE,
    "transport": Transport.LIMITED,
    "it_confidence": Confidence.LOW,
    "search_confidence": Confidence.LOW,
}


def _rescreen(db: Session, citizen: Citizen, trigger: str = "test") -> None:
    screening.rescreen(db, citizen.id, trigger=trigger, today=TODAY, settings=SETTINGS)


def _current(db: Session, citizen: Citizen) -> Assessment:
    return db.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen.id)
        .where(Assessment.current.is_(True))
    ).one()


def _case(db: Session, citizen: Citizen) -> Case | None:
    return db.scalar(select(Case).where(Case.citizen_id == citizen.id))


@pytest.fixture
def recent(make_citizen: Callable[..., Citizen]) -> Callable[..., Citizen]:
    def make(**kw: Any) -> Citizen:
        return make_citizen(unemployed_since=TODAY - timedelta(days=14), **kw)

    return make


def test_a_ready_citizen_serves_themself_and_the_result_carries_its_reasons(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _answers(db, citizen)
    _rescreen(db, citizen)
    current = _current(db, citizen)
    assert current.track == Track.SELF_SERVICE
    assert current.route_reason == RouteReason.MODEL
    assert current.model_version and current.model_version.startswith("lr1-")
    assert 0 < (current.probability or 0) < 0.5
    assert current.inputs["expected_time_to_job"] == "1m"
    assert current.reasons and "feature" in current.reasons[0]
    assert current.next_review_on == TODAY + timedelta(days=28)
    assert _case(db, citizen) is None


def test_a_flagged_citizen_is_queued_in_their_own_municipality(
    db: Session, make_citizen: Callable[..., Citizen]
) -> None:
    citizen = make_citizen(
        municipality_code=751, unemployed_since=TODAY - timedelta(days=400)
    )
    _answers(db, citizen, **HARD)
    _rescreen(db, citizen)
    current = _current(db, citizen)
    assert current.track == Track.SUPPORT
    case = _case(db, citizen)
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
    _answers(db, citizen)
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    _rescreen(db, citizen, "contact_request")
    current = _current(db, citizen)
    assert (current.track, current.route_reason) == (
        Track.SUPPORT,
        RouteReason.ASKED_FOR_PERSON,
    )
    case = _case(db, citizen)
    assert case is not None and case.priority == 1.0
    assert case.queue_reason == RouteReason.ASKED_FOR_PERSON


def test_asking_for_a_person_before_answering_the_screening_still_queues(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    _rescreen(db, citizen)
    assert _current(db, citizen).probability is None
    assert _case(db, citizen) is not None


def test_without_screening_answers_there_is_no_assessment(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _rescreen(db, citizen)
    assert (
        db.scalar(select(Assessment).where(Assessment.citizen_id == citizen.id)) is None
    )


def test_an_objecting_citizen_is_never_scored_and_goes_to_a_person(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _answers(db, citizen)
    db.add(ProfilingObjection(citizen_id=citizen.id, objected_at=NOW))
    db.flush()
    _rescreen(db, citizen, "objection")
    current = _current(db, citizen)
    assert current.probability is None
    assert current.model_version is None
    assert current.inputs == {} and current.reasons == []
    assert current.route_reason == RouteReason.OBJECTED
    assert current.track == Track.SUPPORT
    assert _case(db, citizen) is not None


def test_history_is_kept_and_a_queued_case_closes_when_the_reason_goes(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = _answers(db, citizen, wants_support=SupportWish.YES)
    _rescreen(db, citizen)
    case = _case(db, citizen)
    assert case is not None and case.status == CaseStatus.QUEUED
    answers.wants_support = SupportWish.NO
    db.flush()
    _rescreen(db, citizen, "screening")
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
    answers = _answers(db, citizen, wants_support=SupportWish.YES)
    _rescreen(db, citizen)
    case = _case(db, citizen)
    assert case is not None
    case.status = CaseStatus.CLAIMED
    answers.wants_support = SupportWish.NO
    db.flush()
    _rescreen(db, citizen)
    db.refresh(case)
    assert case.status == CaseStatus.CLAIMED


def test_a_claim_made_while_a_rescreen_runs_is_not_closed_over(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = _answers(db, citizen, wants_support=SupportWish.YES)
    _rescreen(db, citizen)
    case = _case(db, citizen)
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
    _rescreen(db, citizen, "screening")
    db.refresh(case)
    assert case.status == CaseStatus.CLAIMED


def test_an_override_stands_until_its_review_date(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _answers(db, citizen)
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
    _rescreen(db, citizen, "cv")
    assert _current(db, citizen).route_reason == RouteReason.OVERRIDE
    screening.rescreen(
        db,
        citizen.id,
        trigger="review",
        today=TODAY + timedelta(days=10),
        settings=SETTINGS,
    )
    assert _current(db, citizen).route_reason == RouteReason.MODEL


def test_the_signal_every_writer_sends_rescreens(
    app: Any, db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _answers(db, citizen)
    with app.app_context():
        signals.profile_changed.send(db, citizen_id=citizen.id, trigger="screening")
    assert _current(db, citizen).trigger == "screening"


def test_rescreen_all_screens_everyone_in_one_pass(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizens = [recent() for _ in range(5)]
    for citizen in citizens[:4]:
        _answers(db, citizen)
    summary = screening.rescreen_all(db, today=TODAY, settings=SETTINGS, chunk=2)
    assert summary.assessed >= 4
    assert summary.without_answers >= 1
    for citizen in citizens[:4]:
        assert _current(db, citizen).trigger == "nightly"


def test_the_inputs_come_from_the_citizens_own_data(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    from app.models import Education, EducationLevel, JobLogEntry, UnemploymentSpell
    from app.models.jobsearch import LogKind, LogStatus
    from tests.data import give_cv, load_taxonomy, make_posting

    load_taxonomy(db)
    citizen = give_cv(db, recent(), desired=["sygeplejerske"])
    _answers(db, citizen)
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
    _rescreen(db, citizen)
    inputs = _current(db, citizen).inputs
    assert inputs["matching_postings"] == 2
    assert inputs["desired_occupations"] == 1
    assert inputs["applications_4w"] == 2
    assert inputs["earlier_spells"] == 1
    assert inputs["earlier_weeks"] == 10.0
    assert inputs["weeks_unemployed"] == 10.0  # from the current spell, not the citizen
    assert inputs["education"] == "bachelor"  # the unfinished master's does not count
    for forbidden in ("gender", "origin", "age", "birth_date"):
        assert forbidden not in inputs


def test_a_closed_case_reopens_only_when_something_new_happens(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    answers = _answers(db, citizen, wants_support=SupportWish.YES)
    _rescreen(db, citizen)
    case = _case(db, citizen)
    assert case is not None
    case.status = CaseStatus.CLOSED  # a caseworker handled it
    db.flush()
    _rescreen(db, citizen, "joblog")
    db.refresh(case)
    assert case.status == CaseStatus.CLOSED
    # Asking for a person is new: back in the queue.
    db.add(ContactRequest(citizen_id=citizen.id, created_at=NOW, channel=Channel.PHONE))
    db.flush()
    _rescreen(db, citizen, "contact_request")
    db.refresh(case)
    assert case.status == CaseStatus.QUEUED
    # And after self-service, a new need for support reopens it too.
    case.status = CaseStatus.CLOSED
    db.query(ContactRequest).filter_by(citizen_id=citizen.id).delete()
    answers.wants_support = SupportWish.NO
    db.flush()
    _rescreen(db, citizen)
    assert _current(db, citizen).track == Track.SELF_SERVICE
    answers.wants_support = SupportWish.YES
    db.flush()
    _rescreen(db, citizen)
    db.refresh(case)
    assert case.status == CaseStatus.QUEUED


def test_a_nightly_run_keeps_unchanged_results_and_renews_those_due(
    db: Session, recent: Callable[..., Citizen]
) -> None:
    citizen = recent()
    _answers(db, citizen)

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
    assert _current(db, citizen).next_review_on == TODAY + timedelta(days=56)
    # A change the citizen makes is always assessed again, with its trigger.
    _rescreen(db, citizen, "screening")
    assert count() == 3


def test_a_case_created_meanwhile_by_another_rescreen_is_not_an_error(
    db: Session, recent: Callable[..., Citizen], monkeypatch: pytest.MonkeyPatch
) -> None:
    citizen = recent()
    _answers(db, citizen, wants_support=SupportWish.YES)
    _rescreen(db, citizen)
    assert _case(db, citizen) is not None
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
    assert _current(db, citizen).trigger == "race"
    assert len(db.scalars(select(Case).where(Case.citizen_id == citizen.id)).all()) == 1
