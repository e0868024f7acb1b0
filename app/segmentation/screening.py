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

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.ml import segmentation as seg
from app.models import Assessment, Citizen, RouteReason, Track
from app.segmentation.facts import (
    Current,
    Facts,
    decision_context,
    explain,
    gather,
    model_input,
    postings_by_area,
)
from app.segmentation.model_store import Settings, current_settings, load_model
from app.segmentation.queue_sync import Decision, keep_queue_in_step

CHUNK = 5_000
ASKED_PRIORITY = 1.0


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
    facts = gather(session, lo, hi, today, only)
    counts["citizens"] += len(facts)
    to_assess = _needing_assessment(facts, today, counts)
    scored = [f for f in to_assess if not f.objected and f.screening is not None]
    if postings is None:
        # One citizen: count only the postings of their own wished occupations.
        wished = {occupation for f in scored for occupation in f.desired}
        postings = postings_by_area(session, today, wished)
    scores = _score(model, scored, today, postings)
    now = _now()
    rows: list[dict[str, Any]] = []
    decisions: dict[int, Decision] = {}
    for fact in to_assess:
        score = scores.get(fact.citizen_id)
        probability = score.probability if score else None
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
        counts["support" if track == seg.Track.SUPPORT else "self_service"] += 1
        rows.append(
            _assessment_row(fact, score, model, Track(track.value), route, trigger)
            | {"computed_at": now, "next_review_on": today + review_after(settings)}
        )
        decisions[fact.citizen_id] = (
            Track(track.value),
            RouteReason(route.value),
            ASKED_PRIORITY
            if route != seg.RouteReason.MODEL or probability is None
            else round(probability, 4),
        )
    _write_assessments(session, rows, counts)
    keep_queue_in_step(session, facts, decisions, now, trigger, counts, record_changes)


def review_after(settings: Settings) -> timedelta:
    """How long a new assessment stands before it is looked at again."""
    return timedelta(days=settings.review_days)


def _assessment_row(
    fact: Facts,
    score: _Score | None,
    model: seg.SegmentationModel,
    track: Track,
    route: seg.RouteReason,
    trigger: str,
) -> dict[str, Any]:
    """The new current assessment of one citizen (its times are added by the caller)."""
    probability = score.probability if score else None
    return {
        "citizen_id": fact.citizen_id,
        "current": True,
        "model_version": model.version if probability is not None else None,
        "probability": None if probability is None else round(probability, 4),
        "track": track,
        "route_reason": RouteReason(route.value),
        "reasons": score.reasons if score else [],
        "inputs": score.inputs if score else {},
        "trigger": trigger[:40],
    }


def _needing_assessment(
    facts: dict[int, Facts], today: date, counts: dict[str, int]
) -> list[Facts]:
    """Everyone but those whose override stands and those with nothing to go on."""
    found = []
    for fact in facts.values():
        if fact.current and fact.current.route == RouteReason.OVERRIDE:
            standing_until = fact.current.next_review_on
            if standing_until is None or standing_until > today:
                counts["overrides_kept"] += 1
                continue
        if fact.screening is None and not (fact.asked or fact.objected):
            counts["without_answers"] += 1
            continue
        found.append(fact)
    return found


@dataclass(frozen=True)
class _Score:
    probability: float
    reasons: list[dict[str, Any]]
    inputs: dict[str, Any]


def _score(
    model: seg.SegmentationModel,
    scored: list[Facts],
    today: date,
    postings: dict[tuple[int, str], int],
) -> dict[int, _Score]:
    """The model's estimate and reasons for each citizen, in one vectorised call."""
    inputs = [model_input(f, today, postings) for f in scored]
    matrix = seg.feature_matrix(inputs)
    probabilities = model.predict_matrix(matrix) if inputs else np.zeros(0)
    parts = model.contributions_matrix(matrix) if inputs else np.zeros((0, 0))
    return {
        fact.citizen_id: _Score(
            probability=float(probabilities[i]),
            reasons=explain(model, parts[i], inputs[i], matrix[i]),
            inputs=inputs[i].as_dict() | decision_context(fact),
        )
        for i, fact in enumerate(scored)
    }


def _write_assessments(
    session: Session, rows: list[dict[str, Any]], counts: dict[str, int]
) -> None:
    """The new assessments become current; the history keeps the earlier ones."""
    if not rows:
        return
    ids = [row["citizen_id"] for row in rows]
    session.execute(
        update(Assessment)
        .where(Assessment.citizen_id.in_(ids))
        .where(Assessment.current.is_(True))
        .values(current=False)
    )
    session.execute(insert(Assessment.__table__), rows)
    counts["assessed"] += len(rows)


# A nightly re-screen keeps the current assessment when the estimate moved less than this.
UNCHANGED_PROBABILITY = 0.02


def _unchanged(
    current: Current | None,
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
    after_range: Callable[[], None] | None = None,
    record_changes: bool = True,
    skip_unchanged: bool = True,
) -> ScreenSummary:
    """Re-screen every citizen in id ranges: batch reads, vectorised scores, bulk writes.

    A citizen whose result would only repeat the current one (same track and reason,
    same model, estimate within UNCHANGED_PROBABILITY, review not yet due) keeps it, so
    the history holds changes rather than one copy a night. record_changes=False only
    for loading demo data, which is no one's change. after_range is called once each
    range is flushed: the nightly command commits there, range by range.
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
        if after_range:
            after_range()
        if progress:
            progress(f"Screened citizens up to id {hi:,}: {counts['citizens']:,}.")
    return _summary(counts)
