"""Decision support: the citizen's target group and what was agreed about interventions.

The target group (job-ready, activity-ready, sick-listed with an expected absence) is set
by a caseworker; the suggestions and the rules of each group follow it. A decision records
what the caseworker and the citizen agreed, the suggestion shown at the time (tables
version, group, top intervention or none when no option stood out) and, when the agreed
intervention differs from the top suggestion, a reason code and a note.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class TargetGroup(enum.StrEnum):
    JOB_READY = "job_ready"
    ACTIVITY_READY = "activity_ready"
    SICK_LISTED = "sick_listed"


class CitizenTargetGroup(Base):
    """The citizen's target group, one row per citizen (changes kept in the audit trail)."""

    __tablename__ = "citizen_target_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    group: Mapped[TargetGroup] = mapped_column(value_enum(TargetGroup))
    # Only for the sick-listed: the expected absence in weeks.
    expected_absence_weeks: Mapped[int | None] = mapped_column(Integer)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("caseworker.id"))
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DeviationReason(enum.StrEnum):
    CITIZEN_CHOICE = "citizen_choice"
    NOT_AVAILABLE = "not_available"  # no place, waiting time, distance
    HEALTH = "health"
    ALREADY_TRIED = "already_tried"
    MISSING_CONTEXT = "missing_context"  # the estimate does not know something
    OTHER = "other"


class InterventionDecision(Base):
    """What was agreed with the citizen, beside what was suggested."""

    __tablename__ = "intervention_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworker.id"))
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    tables_version: Mapped[str | None] = mapped_column(String(40))
    group_number: Mapped[int | None] = mapped_column(Integer)
    # The top suggestion (an intervention code), None when none stood out or none shown.
    suggested: Mapped[str | None] = mapped_column(String(40))
    agreed: Mapped[str] = mapped_column(String(40))
    follows_suggestion: Mapped[bool] = mapped_column(Boolean)
    reason_code: Mapped[DeviationReason | None] = mapped_column(
        value_enum(DeviationReason)
    )
    note: Mapped[str | None] = mapped_column(String(1000))
