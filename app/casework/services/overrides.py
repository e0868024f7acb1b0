"""A caseworker's documented deviation from the suggested track, and its rates.

The model only suggests; a caseworker may always choose the other track, with a reason
code and a note (the duty to deviate the AMS ruling rested on). Every override is kept,
and administrators see how often each reason is used.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, change_fields, now, record_created
from app.casework.services.claims import held_case, mark_closed
from app.models import (
    Assessment,
    Citizen,
    Municipality,
    OverrideReason,
    RouteReason,
    Track,
    TrackOverride,
)

# When a caseworker has chosen the track, it is looked at again after this long.
OVERRIDE_REVIEW_AFTER = timedelta(weeks=13)


class OverrideOutcome(enum.StrEnum):
    DONE = "done"
    NOT_HELD = "not_held"  # the caseworker does not hold the claim
    SAME_TRACK = "same_track"


def override_track(
    session: Session,
    municipality_id: int,
    caseworker_id: int,
    citizen_id: int,
    to_track: Track,
    reason_code: OverrideReason,
    note: str,
    actor: Actor,
    today: date,
) -> OverrideOutcome:
    """Set another track than the current one, recording the override and a new result.

    The suggestion's model version, probability, reasons and inputs are kept on the new
    assessment for the record. Overriding to self-service closes the case; to support
    keeps it with the caseworker.
    """
    case_file = held_case(session, municipality_id, caseworker_id, citizen_id)
    if case_file is None:
        return OverrideOutcome.NOT_HELD
    current = session.scalars(
        select(Assessment)
        .where(Assessment.citizen_id == citizen_id, Assessment.current.is_(True))
        .order_by(Assessment.computed_at.desc(), Assessment.id.desc())
    ).first()
    # A citizen in the queue without any assessment is, in effect, on support.
    from_track = current.track if current is not None else Track.SUPPORT
    if from_track is to_track:
        return OverrideOutcome.SAME_TRACK
    at = now()
    record_created(
        session,
        TrackOverride(
            citizen_id=citizen_id,
            assessment_id=current.id if current is not None else None,
            caseworker_id=caseworker_id,
            municipality_id=municipality_id,
            from_track=from_track,
            to_track=to_track,
            reason_code=reason_code,
            note=note,
            at=at,
        ),
        actor=actor,
        reason="the caseworker overrode the track",
        citizen_id=citizen_id,
    )
    _replace_assessment(session, citizen_id, current, to_track, at, today, actor)
    if to_track is Track.SELF_SERVICE:
        mark_closed(session, case_file, actor, "overridden to self-service")
    session.flush()
    return OverrideOutcome.DONE


def _replace_assessment(
    session: Session,
    citizen_id: int,
    current: Assessment | None,
    to_track: Track,
    at: datetime,
    today: date,
    actor: Actor,
) -> None:
    """The caseworker's track becomes the current assessment; the suggestion's model
    version, probability, reasons and inputs stay on it for the record."""
    if current is not None:
        change_fields(
            session,
            current,
            {"current": False},
            actor=actor,
            reason="replaced by the caseworker's override",
            citizen_id=citizen_id,
        )
    record_created(
        session,
        Assessment(
            citizen_id=citizen_id,
            computed_at=at,
            current=True,
            model_version=current.model_version if current else None,
            probability=current.probability if current else None,
            track=to_track,
            route_reason=RouteReason.OVERRIDE,
            reasons=list(current.reasons or []) if current else [],
            inputs=dict(current.inputs or {}) if current else {},
            trigger="override",
            next_review_on=today + OVERRIDE_REVIEW_AFTER,
        ),
        actor=actor,
        reason="the caseworker overrode the track",
        citizen_id=citizen_id,
    )


# --- rates for administrators -----------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    key: str
    overrides: int
    assessments: int

    @property
    def rate(self) -> float | None:
        return self.overrides / self.assessments if self.assessments else None


@dataclass(frozen=True)
class OverrideRates:
    start: date
    end: date
    assessments: int
    overrides: int
    by_reason: list[RateRow]
    by_direction: list[RateRow]
    by_municipality: list[RateRow]

    @property
    def rate(self) -> float | None:
        return self.overrides / self.assessments if self.assessments else None


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time.min, tzinfo=UTC),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC),
    )


def override_rates(
    session: Session, municipality_id: int | None, start: date, end: date
) -> OverrideRates:
    """Overrides per suggested track in the period, by reason, direction, municipality.

    The denominator counts suggestions (assessments not made by an override) computed in
    the period; municipality_id None means every municipality.
    """
    low, high = _bounds(start, end)
    suggested = (
        select(Citizen.municipality_id, func.count())
        .select_from(Assessment)
        .join(Citizen, Citizen.id == Assessment.citizen_id)
        .where(
            Assessment.route_reason != RouteReason.OVERRIDE,
            Assessment.computed_at >= low,
            Assessment.computed_at < high,
        )
        .group_by(Citizen.municipality_id)
    )
    overrides = select(TrackOverride).where(
        TrackOverride.at >= low, TrackOverride.at < high
    )
    if municipality_id is not None:
        suggested = suggested.where(Citizen.municipality_id == municipality_id)
        overrides = overrides.where(TrackOverride.municipality_id == municipality_id)
    per_municipality = dict(session.execute(suggested).tuples().all())
    total = sum(per_municipality.values())
    grouped = (
        TrackOverride.municipality_id,
        TrackOverride.reason_code,
        TrackOverride.to_track,
    )
    rows = session.execute(
        overrides.with_only_columns(*grouped, func.count()).group_by(*grouped)
    ).all()
    by_reason: dict[str, int] = {reason.value: 0 for reason in OverrideReason}
    by_direction: dict[str, int] = {track.value: 0 for track in Track}
    by_municipality: dict[int, int] = dict.fromkeys(per_municipality, 0)
    for municipality, reason, to_track, count in rows:
        by_reason[reason.value] += count
        by_direction[to_track.value] += count
        by_municipality[municipality] = by_municipality.get(municipality, 0) + count
    return OverrideRates(
        start=start,
        end=end,
        assessments=total,
        overrides=sum(by_reason.values()),
        by_reason=[RateRow(k, v, total) for k, v in by_reason.items()],
        by_direction=[RateRow(k, v, total) for k, v in by_direction.items()],
        by_municipality=_by_municipality(session, by_municipality, per_municipality),
    )


def _by_municipality(
    session: Session, overrides: dict[int, int], suggestions: dict[int, int]
) -> list[RateRow]:
    """One row per municipality, by name."""
    names = dict(
        session.execute(
            select(Municipality.id, Municipality.name).where(
                Municipality.id.in_(overrides)
            )
        )
        .tuples()
        .all()
    )
    return sorted(
        (
            RateRow(names.get(m, str(m)), count, suggestions.get(m, 0))
            for m, count in overrides.items()
        ),
        key=lambda row: row.key,
    )
