"""'Din vej': the citizen's current assessment as plain values for a page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ml import segmentation as seg
from app.models import Assessment, RouteReason, Track, TrackOverride


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
