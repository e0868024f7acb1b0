"""Segmentation use cases: gather a citizen's data, score it, store the result, queue.

One code path serves a single citizen (rescreen, after every relevant change) and all
citizens (rescreen_all, nightly): the data of a range of citizen ids is read with a few
queries, scored in one vectorised call, and written in bulk.

The rules, in order:
- a citizen who objects to profiling is never scored; a person assesses them (SUPPORT);
- an override by a caseworker stands until its next review date;
- without screening answers there is no assessment yet, unless the citizen has asked for
  a person (then SUPPORT, not scored) - the screening is where the citizen's own wish is
  asked, and we do not guess it;
- otherwise the model estimates the risk, and decide_track combines it with the wish.
Assessments are append-only history (the previous one is only marked not current); the
Case row in the municipality's queue is kept in step, and its changes are recorded in the
change history.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.demo.history import HISTORY_SEED, synthetic_cohort
from app.ml import segmentation as seg
from app.models import (
    Assessment,
    Case,
    CaseStatus,
    ChangeRecord,
    Citizen,
    CitizenOccupation,
    ContactPreferences,
    ContactRequest,
    Education,
    JobLogEntry,
    Posting,
    ProfilingObjection,
    RouteReason,
    ScreeningAnswers,
    Track,
    TrackOverride,
    UnemploymentSpell,
)
from app.models.jobsearch import ContactStatus
from app.models.profile import OccupationLink, Transport

CHUNK = 5_000
REASONS_KEPT = 5
ASKED_PRIORITY = 1.0


@dataclass(frozen=True)
class Settings:
    threshold: float = 0.5
    maybe_margin: float = 0.1
    review_days: int = 28
    model_path: str = ""


def settings_from(config: dict[str, Any], instance_path: str) -> Settings:
    """The segmentation settings from the app configuration."""
    return Settings(
        threshold=float(config.get("SEGMENT_QUEUE_THRESHOLD", 0.5)),
        maybe_margin=float(config.get("SEGMENT_MAYBE_MARGIN", 0.1)),
        review_days=int(config.get("SEGMENT_REVIEW_DAYS", 28)),
        model_path=str(
            config.get("SEGMENT_MODEL_PATH")
            or Path(instance_path) / "models" / "segmentation.json"
        ),
    )


def current_settings() -> Settings:
    """Settings of the running app (defaults outside an app context)."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return Settings()
    return settings_from(current_app.config, current_app.instance_path)


# ---- the model file -----------------------------------------------------------------

_MODELS: dict[str, seg.SegmentationModel] = {}


@dataclass(frozen=True)
class Training:
    model: seg.SegmentationModel
    holdout: list[Any] = field(repr=False)
    holdout_probabilities: np.ndarray = field(repr=False)
    evaluation: seg.Evaluation


def train_on_synthetic_history(
    threshold: float = 0.5, seed: int = HISTORY_SEED, size: int | None = None
) -> Training:
    """Train on the SYNTHETIC cohort (75 %) and evaluate on the rest; deterministic."""
    cohort = synthetic_cohort(size, seed) if size else synthetic_cohort(seed=seed)
    cut = len(cohort) * 3 // 4
    train, holdout = cohort[:cut], cohort[cut:]
    draft = seg.train(
        [p.features for p in train], [p.long_term for p in train], version="draft"
    )
    digest = hashlib.sha256(
        json.dumps([draft.coefficients, draft.intercept]).encode()
    ).hexdigest()[:8]
    probabilities = draft.predict_many([p.features for p in holdout])
    evaluation = seg.evaluate([p.long_term for p in holdout], probabilities, threshold)
    model = seg.SegmentationModel(
        version=f"lr1-{digest}",
        feature_names=draft.feature_names,
        means=draft.means,
        scales=draft.scales,
        coefficients=draft.coefficients,
        intercept=draft.intercept,
        metrics={
            "trained_on": f"synthetic cohort, seed {seed}",
            "train_size": len(train),
            "holdout": evaluation.as_dict(),
            "threshold": threshold,
        },
    )
    return Training(model, holdout, probabilities, evaluation)


def save_model(model: seg.SegmentationModel, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = f"{path}.tmp"
    Path(tmp).write_text(model.to_json(), encoding="utf-8")
    os.replace(tmp, path)
    _MODELS.pop(path, None)


def load_model(settings: Settings | None = None) -> seg.SegmentationModel:
    """The model in use; trained from the synthetic history on first use if absent."""
    settings = settings or current_settings()
    path = settings.model_path
    if path in _MODELS:
        return _MODELS[path]
    if path and Path(path).exists():
        model = seg.SegmentationModel.from_json(Path(path).read_text(encoding="utf-8"))
    else:
        # A fresh machine: training takes about a second and is deterministic.
        model = train_on_synthetic_history(settings.threshold).model
        if path:
            save_model(model, path)
    _MODELS[path] = model
    return model


# ---- gathering the data ---------------------------------------------------------------


@dataclass(frozen=True)
class _Answers:
    """The screening answers the model and the decision read, as plain values."""

    expected_time_to_job: str
    health_limits: str
    danish_level: str
    childcare_limits: str
    limited_transport: bool
    it_confidence: str
    search_confidence: str
    wants_support: str


def _value(item: Any) -> str:
    return str(getattr(item, "value", item))


class _Current(NamedTuple):
    """The parts of the current assessment that re-screening compares with."""

    route: RouteReason
    next_review_on: date | None
    track: Track
    model_version: str | None
    probability: float | None


@dataclass
class _Facts:
    citizen_id: int
    municipality_id: int
    area: str | None
    unemployed_since: date | None
    screening: _Answers | None = None
    objected: bool = False
    asked: bool = False
    language: str = "da"
    education: str | None = None
    applications_4w: int = 0
    desired: list[int] = field(default_factory=list)
    earlier_spells: int = 0
    earlier_weeks: float = 0.0
    current_spell_start: date | None = None
    current: _Current | None = None
    case: Case | None = None


_EDUCATION_ORDER = list(seg.EDUCATION_LEVEL)


def _area(postcode: str | None) -> str | None:
    # The postal district (first digit): a coarse, cheap "area" for local demand.
    return postcode[0] if postcode else None


def postings_by_area(
    session: Session, today: date, occupation_ids: set[int] | None = None
) -> dict[tuple[int, str], int]:
    """Open postings counted by (occupation, postal district); all or some occupations."""
    district = func.substr(Posting.postcode, 1, 1)
    query = (
        select(Posting.occupation_id, district, func.count())
        .where(Posting.occupation_id.is_not(None))
        .where((Posting.deadline.is_(None)) | (Posting.deadline >= today))
        .group_by(Posting.occupation_id, district)
    )
    if occupation_ids is not None:
        if not occupation_ids:
            return {}
        query = query.where(Posting.occupation_id.in_(sorted(occupation_ids)))
    return {
        (occupation, area): count for occupation, area, count in session.execute(query)
    }


def _gather(
    session: Session, lo: int, hi: int, today: date, only: int | None = None
) -> dict[int, _Facts]:
    def in_range(column: Any) -> Any:
        return column == only if only is not None else column.between(lo, hi)

    facts = {
        cid: _Facts(cid, municipality_id, _area(postcode), since)
        for cid, municipality_id, postcode, since in session.execute(
            select(
                Citizen.id,
                Citizen.municipality_id,
                Citizen.postcode,
                Citizen.unemployed_since,
            ).where(in_range(Citizen.id))
        )
    }
    if not facts:
        return facts
    for row in session.execute(
        select(
            ScreeningAnswers.citizen_id,
            ScreeningAnswers.expected_time_to_job,
            ScreeningAnswers.health_limits,
            ScreeningAnswers.danish_level,
            ScreeningAnswers.childcare_limits,
            ScreeningAnswers.transport,
            ScreeningAnswers.it_confidence,
            ScreeningAnswers.search_confidence,
            ScreeningAnswers.wants_support,
        ).where(in_range(ScreeningAnswers.citizen_id))
    ):
        facts[row[0]].screening = _Answers(
            expected_time_to_job=_value(row[1]),
            health_limits=_value(row[2]),
            danish_level=_value(row[3]),
            childcare_limits=_value(row[4]),
            limited_transport=_value(row[5]) == Transport.LIMITED.value,
            it_confidence=_value(row[6]),
            search_confidence=_value(row[7]),
            wants_support=_value(row[8]),
        )
    # The same rule as app.consent.services_consent.objection_in_force, in bulk.
    for (cid,) in session.execute(
        select(ProfilingObjection.citizen_id)
        .where(in_range(ProfilingObjection.citizen_id))
        .where(ProfilingObjection.withdrawn_at.is_(None))
    ):
        facts[cid].objected = True
    for (cid,) in session.execute(
        select(ContactRequest.citizen_id)
        .where(in_range(ContactRequest.citizen_id))
        .where(ContactRequest.status == ContactStatus.OPEN)
        .distinct()
    ):
        facts[cid].asked = True
    for cid, language in session.execute(
        select(ContactPreferences.citizen_id, ContactPreferences.language).where(
            in_range(ContactPreferences.citizen_id)
        )
    ):
        facts[cid].language = language or "da"
    for cid, level in session.execute(
        select(Education.citizen_id, Education.level)
        .where(in_range(Education.citizen_id))
        .where(Education.completed.is_(True))
    ):
        known = facts[cid].education
        value = str(level.value if hasattr(level, "value") else level)
        if known is None or _EDUCATION_ORDER.index(value) > _EDUCATION_ORDER.index(
            known
        ):
            facts[cid].education = value
    for cid, count in session.execute(
        select(JobLogEntry.citizen_id, func.count())
        .where(in_range(JobLogEntry.citizen_id))
        .where(JobLogEntry.on_date > today - timedelta(days=28))
        .where(JobLogEntry.on_date <= today)
        .group_by(JobLogEntry.citizen_id)
    ):
        facts[cid].applications_4w = int(count)
    for cid, occupation_id in session.execute(
        select(CitizenOccupation.citizen_id, CitizenOccupation.occupation_id)
        .where(in_range(CitizenOccupation.citizen_id))
        .where(CitizenOccupation.link == OccupationLink.DESIRED)
    ):
        facts[cid].desired.append(occupation_id)
    for cid, started, ended in session.execute(
        select(
            UnemploymentSpell.citizen_id,
            UnemploymentSpell.started_on,
            UnemploymentSpell.ended_on,
        ).where(in_range(UnemploymentSpell.citizen_id))
    ):
        fact = facts[cid]
        if ended is None:
            if fact.current_spell_start is None or started < fact.current_spell_start:
                fact.current_spell_start = started
        else:
            fact.earlier_spells += 1
            fact.earlier_weeks += max(0, (ended - started).days) / 7
    for cid, reason, review, track, version, probability in session.execute(
        select(
            Assessment.citizen_id,
            Assessment.route_reason,
            Assessment.next_review_on,
            Assessment.track,
            Assessment.model_version,
            Assessment.probability,
        )
        .where(in_range(Assessment.citizen_id))
        .where(Assessment.current.is_(True))
    ):
        facts[cid].current = _Current(reason, review, track, version, probability)
    for case in session.scalars(select(Case).where(in_range(Case.citizen_id))):
        facts[case.citizen_id].case = case
    return facts


def _input(
    fact: _Facts, today: date, postings: dict[tuple[int, str], int]
) -> seg.SegmentationInput:
    answers = fact.screening
    assert answers is not None
    since = fact.current_spell_start or fact.unemployed_since or today
    matching = (
        sum(postings.get((occ, fact.area), 0) for occ in set(fact.desired))
        if fact.area
        else 0
    )
    return seg.SegmentationInput(
        weeks_unemployed=round(max(0, (today - since).days) / 7, 1),
        earlier_spells=fact.earlier_spells,
        earlier_weeks=round(fact.earlier_weeks, 1),
        education=fact.education,
        applications_4w=fact.applications_4w,
        desired_occupations=len(set(fact.desired)),
        matching_postings=matching,
        expected_time_to_job=answers.expected_time_to_job,
        health_limits=answers.health_limits,
        danish_level=answers.danish_level,
        childcare_limits=answers.childcare_limits,
        limited_transport=answers.limited_transport,
        it_confidence=answers.it_confidence,
        search_confidence=answers.search_confidence,
    )


# Features shown with their raw value rather than the model's transformed one.
_RAW = ("weeks_unemployed", "earlier_weeks", "applications_4w", "matching_postings")


def _reasons(
    model: seg.SegmentationModel,
    parts: np.ndarray,
    item: seg.SegmentationInput,
    row: np.ndarray,
) -> list[dict[str, Any]]:
    # The biggest contributions, plus every changeable one that raises the risk
    # (those are what "Din vej" suggests the citizen could do).
    order = np.argsort(-np.abs(parts), kind="stable")
    names = model.feature_names
    keep = [int(i) for i in order[:REASONS_KEPT] if abs(parts[i]) >= 0.01]
    keep += [
        int(i)
        for i in order[REASONS_KEPT:]
        if names[i] in seg.CHANGEABLE and parts[i] > 0.01
    ]
    return [
        {
            "feature": names[i],
            "contribution": round(float(parts[i]), 3),
            "value": float(getattr(item, names[i]))
            if names[i] in _RAW
            else round(float(row[i]), 3),
        }
        for i in keep
    ]


# ---- writing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenSummary:
    citizens: int
    assessed: int
    support: int
    self_service: int
    not_scored: int
    overrides_kept: int
    without_answers: int
    queued: int
    closed: int
    unchanged: int = 0


def _now() -> datetime:
    return datetime.now(UTC)


def _screen_range(
    session: Session,
    lo: int,
    hi: int,
    *,
    trigger: str,
    today: date,
    model: seg.SegmentationModel,
    settings: Settings,
    postings: dict[tuple[int, str], int] | None,
    counts: dict[str, int],
    only: int | None = None,
    record_changes: bool = True,
    skip_unchanged: bool = False,
) -> None:
    facts = _gather(session, lo, hi, today, only)
    counts["citizens"] += len(facts)
    now = _now()
    review = today + timedelta(days=settings.review_days)
    to_assess: list[_Facts] = []
    for fact in facts.values():
        if fact.current and fact.current.route == RouteReason.OVERRIDE:
            standing_until = fact.current.next_review_on
            if standing_until is None or standing_until > today:
                counts["overrides_kept"] += 1
                continue
        if fact.screening is None and not (fact.asked or fact.objected):
            counts["without_answers"] += 1
            continue
        to_assess.append(fact)

    scored = [f for f in to_assess if not f.objected and f.screening is not None]
    if postings is None:
        # One citizen: count only the postings of their own wished occupations.
        wished = {occupation for f in scored for occupation in f.desired}
        postings = postings_by_area(session, today, wished)
    inputs = [_input(f, today, postings) for f in scored]
    matrix = seg.feature_matrix(inputs)
    probabilities = model.predict_matrix(matrix) if inputs else np.zeros(0)
    parts = model.contributions_matrix(matrix) if inputs else np.zeros((0, 0))
    scores = {
        f.citizen_id: (float(probabilities[i]), parts[i], inputs[i])
        for i, f in enumerate(scored)
    }
    matrix_rows = {f.citizen_id: matrix[i] for i, f in enumerate(scored)}

    rows: list[dict[str, Any]] = []
    decisions: dict[int, tuple[Track, RouteReason, float]] = {}
    for fact in to_assess:
        probability: float | None = None
        reasons: list[dict[str, Any]] = []
        inputs_json: dict[str, Any] = {}
        if fact.citizen_id in scores:
            probability, contribution, item = scores[fact.citizen_id]
            inputs_json = item.as_dict()
            reasons = _reasons(model, contribution, item, matrix_rows[fact.citizen_id])
        wish = fact.screening.wants_support if fact.screening else "no"
        track, route = seg.decide_track(
            probability,
            wish,
            fact.asked,
            fact.objected,
            settings.threshold,
            settings.maybe_margin,
        )
        if skip_unchanged and _unchanged(
            fact.current, track, route, probability, model, today
        ):
            counts["unchanged"] += 1
            continue
        if fact.objected:
            counts["not_scored"] += 1
        rows.append(
            {
                "citizen_id": fact.citizen_id,
                "computed_at": now,
                "current": True,
                "model_version": model.version if probability is not None else None,
                "probability": None if probability is None else round(probability, 4),
                "track": Track(track.value),
                "route_reason": RouteReason(route.value),
                "reasons": reasons,
                "inputs": inputs_json,
                "trigger": trigger[:40],
                "next_review_on": review,
            }
        )
        priority = (
            ASKED_PRIORITY
            if route != seg.RouteReason.MODEL or probability is None
            else round(probability, 4)
        )
        decisions[fact.citizen_id] = (
            Track(track.value),
            RouteReason(route.value),
            priority,
        )
        counts["support" if track == seg.Track.SUPPORT else "self_service"] += 1

    if rows:
        ids = [row["citizen_id"] for row in rows]
        session.execute(
            update(Assessment)
            .where(Assessment.citizen_id.in_(ids))
            .where(Assessment.current.is_(True))
            .values(current=False)
        )
        session.execute(insert(Assessment.__table__), rows)
        counts["assessed"] += len(rows)
    _keep_queue_in_step(session, facts, decisions, now, trigger, counts, record_changes)


def _keep_queue_in_step(
    session: Session,
    facts: dict[int, _Facts],
    decisions: dict[int, tuple[Track, RouteReason, float]],
    now: datetime,
    trigger: str,
    counts: dict[str, int],
    record_changes: bool,
) -> None:
    reason = f"segmentation ({trigger})"[:200]
    new_cases: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []

    def change(case_id: int, cid: int, name: str, old: Any, new: Any) -> None:
        changes.append(
            {
                "at": now,
                "table_name": "case_file",
                "row_id": case_id,
                "field": name,
                "old_value": None if old is None else str(getattr(old, "value", old)),
                "new_value": None if new is None else str(getattr(new, "value", new)),
                "actor_user_id": None,
                "actor_role": "system",
                "citizen_id": cid,
                "reason": reason,
            }
        )

    for cid, (track, route, priority) in decisions.items():
        fact = facts[cid]
        case = fact.case
        if track == Track.SUPPORT:
            if case is None:
                new_cases.append(
                    {
                        "citizen_id": cid,
                        "municipality_id": fact.municipality_id,
                        "status": CaseStatus.QUEUED,
                        "queue_reason": route,
                        "priority": priority,
                        "language": fact.language[:8],
                        "queued_at": now,
                        "claimed_by_id": None,
                        "claimed_at": None,
                        "version": 0,
                    }
                )
                continue
            wanted = {
                "queue_reason": route,
                "priority": priority,
                "language": fact.language[:8],
                "municipality_id": fact.municipality_id,
            }
            if case.status == CaseStatus.CLOSED:
                if not _newly_needs_a_person(fact, route):
                    # A caseworker closed it and nothing new has happened since:
                    # re-screening alone does not put the citizen back in the queue.
                    continue
                wanted |= {"status": CaseStatus.QUEUED, "queued_at": now}
                counts["queued"] += 1
            for name, value in wanted.items():
                old = getattr(case, name)
                if old != value:
                    change(case.id, cid, name, old, value)
                    setattr(case, name, value)
        elif case is not None and case.status == CaseStatus.QUEUED:
            # Nobody has taken it and the reason no longer holds: leave the queue. A
            # compare-and-set, like a claim: a caseworker who took the case since we
            # read it keeps it (and a claim racing this close fails cleanly).
            closed = session.execute(
                update(Case)
                .where(
                    Case.id == case.id,
                    Case.status == CaseStatus.QUEUED,
                    Case.version == case.version,
                )
                .values(status=CaseStatus.CLOSED, version=Case.version + 1)
                .execution_options(synchronize_session=False)
            )
            session.expire(case)
            if closed.rowcount == 1:
                change(case.id, cid, "status", CaseStatus.QUEUED, CaseStatus.CLOSED)
                counts["closed"] += 1
    if new_cases:
        created = _insert_cases(session, new_cases)
        for case_id, cid in created:
            decision = decisions[cid]
            change(case_id, cid, "status", None, CaseStatus.QUEUED)
            change(case_id, cid, "queue_reason", None, decision[1])
        counts["queued"] += len(created)
    if changes and record_changes:
        session.execute(insert(ChangeRecord.__table__), changes)


# A nightly re-screen keeps the current assessment when the estimate moved less than this.
UNCHANGED_PROBABILITY = 0.02


def _unchanged(
    current: _Current | None,
    track: seg.Track,
    route: seg.RouteReason,
    probability: float | None,
    model: seg.SegmentationModel,
    today: date,
) -> bool:
    """Whether a nightly re-screen would only repeat the current assessment."""
    if current is None or current.next_review_on is None:
        return False
    if current.next_review_on <= today:
        return False  # due for review: a fresh assessment, with a new review date
    if (current.track.value, current.route.value) != (track.value, route.value):
        return False
    if probability is None or current.probability is None:
        return probability is None and current.probability is None
    return (
        current.model_version == model.version
        and abs(current.probability - probability) < UNCHANGED_PROBABILITY
    )


def _insert_cases(
    session: Session, rows: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Insert queue rows; one that another re-screen created meanwhile is skipped."""
    statement = insert(Case).returning(Case.id, Case.citizen_id)
    try:
        with session.begin_nested():
            return [tuple(r) for r in session.execute(statement, rows).all()]
    except IntegrityError:
        created: list[tuple[int, int]] = []
        for row in rows:
            try:
                with session.begin_nested():
                    created.extend(tuple(r) for r in session.execute(statement, [row]))
            except IntegrityError:
                continue  # queued at the same instant by a concurrent re-screen
        return created


def _newly_needs_a_person(fact: _Facts, route: RouteReason) -> bool:
    """Whether a closed case should reopen: the track became SUPPORT, or a new ask."""
    if fact.current is None:
        return True
    if fact.current.track != Track.SUPPORT:
        return True
    return route != fact.current.route and route in {
        RouteReason.ASKED_FOR_PERSON,
        RouteReason.OBJECTED,
    }


def _counts() -> dict[str, int]:
    return defaultdict(int)


def _summary(counts: dict[str, int]) -> ScreenSummary:
    return ScreenSummary(
        **{k: counts.get(k, 0) for k in ScreenSummary.__dataclass_fields__}
    )


def rescreen(
    session: Session,
    citizen_id: int,
    *,
    trigger: str,
    today: date | None = None,
    settings: Settings | None = None,
) -> ScreenSummary:
    """Recompute the citizen's track after a relevant change (flushes, no commit)."""
    settings = settings or current_settings()
    today = today or date.today()
    counts = _counts()
    # One re-screen of a citizen at a time (PostgreSQL row lock; SQLite serialises
    # writers anyway), so there is only ever one current assessment.
    session.execute(
        select(Citizen.id).where(Citizen.id == citizen_id).with_for_update()
    )
    _screen_range(
        session,
        citizen_id,
        citizen_id,
        trigger=trigger,
        today=today,
        model=load_model(settings),
        settings=settings,
        postings=None,
        counts=counts,
        only=citizen_id,
    )
    session.flush()
    return _summary(counts)


def _ranges(session: Session, chunk: int) -> Iterator[tuple[int, int]]:
    lo_hi = session.execute(select(func.min(Citizen.id), func.max(Citizen.id))).one()
    if lo_hi[0] is None:
        return
    start, end = int(lo_hi[0]), int(lo_hi[1])
    while start <= end:
        yield start, min(end, start + chunk - 1)
        start += chunk


def rescreen_all(
    session: Session,
    *,
    trigger: str = "nightly",
    today: date | None = None,
    settings: Settings | None = None,
    chunk: int = CHUNK,
    progress: Callable[[str], None] | None = None,
    commit: bool = False,
    record_changes: bool = True,
    skip_unchanged: bool = True,
) -> ScreenSummary:
    """Re-screen every citizen in id ranges: batch reads, vectorised scores, bulk writes.

    A citizen whose result would only repeat the current one (same track and reason,
    same model, estimate within UNCHANGED_PROBABILITY, review not yet due) keeps it, so
    the history holds changes rather than one copy a night. record_changes=False only
    for loading demo data, which is no one's change.
    """
    settings = settings or current_settings()
    today = today or date.today()
    model = load_model(settings)
    postings = postings_by_area(session, today)
    counts = _counts()
    for lo, hi in _ranges(session, chunk):
        _screen_range(
            session,
            lo,
            hi,
            trigger=trigger,
            today=today,
            model=model,
            settings=settings,
            postings=postings,
            counts=counts,
            record_changes=record_changes,
            skip_unchanged=skip_unchanged,
        )
        session.flush()
        if commit:
            session.commit()
        if progress:
            progress(f"Screened citizens up to id {hi:,}: {counts['citizens']:,}.")
    return _summary(counts)


# ---- reading, for "Din vej" and the model card ------------------------------------


@dataclass(frozen=True)
class TrackView:
    """A citizen's current track, as plain values for a page."""

    track: Track
    route_reason: RouteReason
    probability: float | None
    reasons: list[dict[str, Any]]
    changeable: list[dict[str, Any]]
    model_version: str | None
    computed_at: datetime
    next_review_on: date | None
    override_reason: str | None = None
    override_note: str | None = None


def my_track(session: Session, citizen_id: int) -> TrackView | None:
    """The citizen's current assessment explained (None when not assessed yet)."""
    current = session.scalar(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id)
        .where(Assessment.current.is_(True))
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    if current is None:
        return None
    reasons = list(current.reasons or [])
    changeable = [
        r
        for r in reasons
        if r.get("feature") in seg.CHANGEABLE and r.get("contribution", 0) > 0
    ]
    override_reason = override_note = None
    if current.route_reason == RouteReason.OVERRIDE:
        override = session.scalar(
            select(TrackOverride)
            .where(TrackOverride.citizen_id == citizen_id)
            .order_by(TrackOverride.id.desc())
            .limit(1)
        )
        if override is not None:
            override_reason = override.reason_code.value
            override_note = override.note
    return TrackView(
        track=current.track,
        route_reason=current.route_reason,
        probability=current.probability,
        reasons=reasons[:3],
        changeable=changeable,
        model_version=current.model_version,
        computed_at=current.computed_at,
        next_review_on=current.next_review_on,
        override_reason=override_reason,
        override_note=override_note,
    )
