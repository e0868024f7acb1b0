"""Segmentation results, the caseworker queue, overrides and notes; register history.

A citizen's protected attributes are held apart in their own table and are read only by
the fairness audit, never by the segmentation model.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class Track(enum.StrEnum):
    SELF_SERVICE = "self_service"
    SUPPORT = "support"  # the caseworker queue


class RouteReason(enum.StrEnum):
    MODEL = "model"  # the model's estimate and the citizen's wish
    ASKED_FOR_PERSON = "asked"  # the citizen asked to talk to a person
    OBJECTED = "objected"  # objected to profiling: a person assesses
    OVERRIDE = "override"  # a caseworker chose the track


class Assessment(Base):
    """One segmentation result: the track, with model version, inputs and reasons."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Only the newest assessment of a citizen is current.
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    model_version: Mapped[str | None] = mapped_column(String(40))
    # Estimated probability of more than 26 weeks' unemployment; None when not scored.
    probability: Mapped[float | None] = mapped_column(Float)
    track: Mapped[Track] = mapped_column(value_enum(Track))
    route_reason: Mapped[RouteReason] = mapped_column(value_enum(RouteReason))
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    trigger: Mapped[str] = mapped_column(String(40))
    next_review_on: Mapped[date | None] = mapped_column(Date)


class CaseStatus(enum.StrEnum):
    QUEUED = "queued"
    CLAIMED = "claimed"
    CLOSED = "closed"


class Case(Base):
    """A citizen's place in their municipality's caseworker queue (one row per citizen)."""

    __tablename__ = "case_file"
    # The queue reads a municipality's cases in priority order along this index.
    __table_args__ = (Index("ix_case_file_queue", "municipality_id", "priority"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    status: Mapped[CaseStatus] = mapped_column(value_enum(CaseStatus), index=True)
    queue_reason: Mapped[RouteReason] = mapped_column(value_enum(RouteReason))
    priority: Mapped[float] = mapped_column(Float, default=0.0)
    language: Mapped[str] = mapped_column(String(8), default="da")
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("caseworker.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Compare-and-set counter: a claim succeeds only against the version it read.
    version: Mapped[int] = mapped_column(Integer, default=0)


class OverrideReason(enum.StrEnum):
    CITIZEN_WISH = "citizen_wish"
    MORE_INFORMATION = "more_information"
    HEALTH = "health"
    LANGUAGE = "language"
    MODEL_MISSES_CONTEXT = "missing_context"
    OTHER = "other"


class TrackOverride(Base):
    """A caseworker's decision to set a track other than the suggested one, with why."""

    __tablename__ = "track_override"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"))
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworker.id"))
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    from_track: Mapped[Track] = mapped_column(value_enum(Track))
    to_track: Mapped[Track] = mapped_column(value_enum(Track))
    reason_code: Mapped[OverrideReason] = mapped_column(value_enum(OverrideReason))
    note: Mapped[str] = mapped_column(String(1000))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseNote(Base):
    __tablename__ = "case_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworker.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    text: Mapped[str] = mapped_column(String(2000))


class UnemploymentSpell(Base):
    """An earlier or current spell of unemployment, from the register."""

    __tablename__ = "unemployment_spell"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class Origin(enum.StrEnum):
    DANISH = "danish"
    WESTERN = "western"
    NON_WESTERN = "non_western"


class ProtectedAttributes(Base):
    """Gender and origin, from the register: only the fairness audit reads them."""

    __tablename__ = "protected_attributes"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    gender: Mapped[Gender | None] = mapped_column(value_enum(Gender))
    origin: Mapped[Origin | None] = mapped_column(value_enum(Origin))
