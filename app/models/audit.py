"""The audit trail: who read a citizen's data and why, and every change with its history."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class AccessWhat(enum.StrEnum):
    """What a logged read showed (app.labels has it in words)."""

    CASE_VIEW = "case_view"
    QUEUE = "queue"
    CORRECTION_REQUEST = "correction_request"
    CORRECTION_REQUESTS = "correction_requests"
    ENROLMENT = "enrolment"
    MESSAGES = "messages"
    ATTACHMENT = "attachment"
    MEETINGS = "meetings"
    ANONYMOUS_PROFILE = "anonymous_profile"
    CONTACT_DETAILS = "contact_details"


class AccessPurpose(enum.StrEnum):
    """Why a logged read was made (app.labels has it in words)."""

    CASE_WORK = "case_work"
    ALLOCATING_CASES = "allocating_cases"
    DECIDING_CORRECTION = "deciding_correction"
    DECIDING_CORRECTIONS = "deciding_corrections"
    RUNNING_COURSE = "running_course"
    RECRUITING = "recruiting"


class AccessLog(Base):
    """One read of a citizen's data by staff or a provider."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    actor_role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(200))
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    what: Mapped[AccessWhat] = mapped_column(value_enum(AccessWhat, length=40))
    purpose: Mapped[AccessPurpose] = mapped_column(value_enum(AccessPurpose, length=40))


class ChangeRecord(Base):
    """One changed field of a row: old and new value, who, why and when."""

    __tablename__ = "change_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    actor_role: Mapped[str] = mapped_column(String(20))
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id"), index=True)
    reason: Mapped[str] = mapped_column(String(500))
