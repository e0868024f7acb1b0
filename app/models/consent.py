"""Consent per optional purpose, objection to profiling, corrections and exports."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class ConsentPurpose(enum.StrEnum):
    SHARE_CV = "share_cv"  # employers may search and see my CV
    SHARE_WITH_PROVIDER = "share_with_provider"  # a provider I chose sees my enrolment
    PERSONALISE = "personalise"  # use my activity in the portal to personalise
    MODEL_TRAINING = "model_training"  # use my data to train models


class ConsentEvent(Base):
    """One giving or withdrawal of consent; the newest per purpose is in force.

    Append-only: each row is also the receipt the citizen can download.
    """

    __tablename__ = "consent_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(value_enum(ConsentPurpose, 30))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    given: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    receipt_code: Mapped[str] = mapped_column(String(36), unique=True)


class ProfilingObjection(Base):
    """The citizen objects to profiling: no score is computed; a person assesses them."""

    __tablename__ = "profiling_objection"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    objected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(1000))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


class CorrectionStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class CorrectionRequest(Base):
    """A request to correct data the citizen cannot edit themself (a caseworker decides)."""

    __tablename__ = "correction_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(64))
    current_value: Mapped[str | None] = mapped_column(Text)
    proposed_value: Mapped[str] = mapped_column(String(1000))
    reason: Mapped[str] = mapped_column(String(1000))
    status: Mapped[CorrectionStatus] = mapped_column(
        value_enum(CorrectionStatus), default=CorrectionStatus.PENDING
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id")
    )
    decision_reason: Mapped[str | None] = mapped_column(String(1000))


class DataExport(Base):
    """One export of the citizen's data by the citizen (each export is logged)."""

    __tablename__ = "data_export"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    format: Mapped[str] = mapped_column(String(10))
