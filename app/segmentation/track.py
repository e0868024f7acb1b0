"""A citizen's track as a decision: what was decided, how and when, and beside an
override what the model (or the rule before it) suggested. Plain values for every page
and export that shows an assessment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ml import segmentation as seg
from app.models import Assessment, OverrideReason, RouteReason, Track, TrackOverride


@dataclass(frozen=True)
class Override:
    """A caseworker's choice of track, with their reason."""

    id: int
    reason_code: OverrideReason
    note: str
    at: datetime
    from_track: Track
    to_track: Track


@dataclass(frozen=True)
class Decision:
    """One assessment as it is shown: the decided track and what it rests on."""

    assessment_id: int
    track: Track
    route: RouteReason
    at: datetime
    next_review_on: date | None
    probability: float | None
    model_version: str | None
    reasons: list[dict[str, Any]]
    inputs: dict[str, Any]
    trigger: str = ""
    current: bool = True
    override: Override | None = None
    # For an override: the assessment it replaced, i.e. what was suggested before.
    suggested: Decision | None = None

    @property
    def by_caseworker(self) -> bool:
        return self.route is RouteReason.OVERRIDE

    @property
    def wish(self) -> str | None:
        """The citizen's answer to wanting support, when the assessment kept it."""
        value = self.inputs.get("wants_support")
        return str(value) if value else None

    @property
    def estimate(self) -> Decision | None:
        """The assessment that carries the model's estimate and reasons, if any: the
        suggestion beside an override, otherwise this one."""
        source = self.suggested if self.suggested is not None else self
        return source if source.probability is not None else None

    @property
    def changeable(self) -> list[dict[str, Any]]:
        """The reasons that raise the estimate which the citizen can change."""
        source = self.estimate
        return [
            r
            for r in (source.reasons if source else [])
            if r.get("feature") in seg.CHANGEABLE and r.get("contribution", 0) > 0
        ]


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _plain(row: Assessment) -> Decision:
    return Decision(
        assessment_id=row.id,
        track=row.track,
        route=row.route_reason,
        at=_aware(row.computed_at),
        next_review_on=row.next_review_on,
        probability=row.probability,
        model_version=row.model_version,
        reasons=[r for r in (row.reasons or []) if isinstance(r, dict)],
        inputs=dict(row.inputs or {}),
        trigger=row.trigger or "",
        current=bool(row.current),
    )


def _with_override(
    decision: Decision,
    overrides: list[TrackOverride],
    by_id: dict[int, Decision],
) -> Decision:
    """An override assessment with its caseworker's choice and the suggestion it
    replaced (the newest override made no later than the assessment)."""
    made = [o for o in overrides if _aware(o.at) <= decision.at]
    if not made:
        return decision
    chosen = max(made, key=lambda o: (_aware(o.at), o.id))
    replaced = by_id.get(chosen.assessment_id) if chosen.assessment_id else None
    return replace(
        decision,
        override=Override(
            id=chosen.id,
            reason_code=chosen.reason_code,
            note=chosen.note,
            at=_aware(chosen.at),
            from_track=chosen.from_track,
            to_track=chosen.to_track,
        ),
        suggested=replaced,
    )


def decision_history(session: Session, citizen_id: int) -> list[Decision]:
    """Every assessment of the citizen as a decision, newest first."""
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id)
        .order_by(Assessment.computed_at.desc(), Assessment.id.desc())
    ).all()
    if not rows:
        return []
    overrides = list(
        session.scalars(
            select(TrackOverride).where(TrackOverride.citizen_id == citizen_id)
        )
    )
    by_id = {row.id: _plain(row) for row in rows}
    return [
        _with_override(by_id[row.id], overrides, by_id)
        if row.route_reason is RouteReason.OVERRIDE
        else by_id[row.id]
        for row in rows
    ]


def current_decision(session: Session, citizen_id: int) -> Decision | None:
    """The citizen's current track as a decision (None when not assessed yet)."""
    current = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id, Assessment.current.is_(True))
        .order_by(Assessment.computed_at.desc(), Assessment.id.desc())
        .limit(1)
    ).first()
    if current is None:
        return None
    decision = _plain(current)
    if current.route_reason is not RouteReason.OVERRIDE:
        return decision
    overrides = list(
        session.scalars(
            select(TrackOverride).where(TrackOverride.citizen_id == citizen_id)
        )
    )
    replaced_ids = {o.assessment_id for o in overrides if o.assessment_id}
    replaced = session.scalars(
        select(Assessment).where(Assessment.id.in_(replaced_ids))
    ).all()
    return _with_override(decision, overrides, {r.id: _plain(r) for r in replaced})


def current_decisions(session: Session, citizen_ids: list[int]) -> dict[int, Decision]:
    """The current assessments of several citizens (a list page), by citizen id; an
    override is marked by its route (its reason is on the case)."""
    if not citizen_ids:
        return {}
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id.in_(citizen_ids), Assessment.current.is_(True))
        .order_by(Assessment.computed_at, Assessment.id)
    )
    return {row.citizen_id: _plain(row) for row in rows}
