"""The citizen's job search: the job-search log, their plan, and requests to talk to a person.

The job-search log is used to check availability for work (control); the plan and the
contact requests are used to help. Every write goes through app.audit.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum
from app.models.profile import Channel


class LogKind(enum.StrEnum):
    APPLICATION = "application"
    PLANNED = "planned"
    ACTIVITY = "activity"


class LogStatus(enum.StrEnum):
    PLANNED = "planned"
    SENT = "sent"
    INTERVIEW = "interview"
    OFFER = "offer"
    REJECTED = "rejected"
    NO_REPLY = "no_reply"
    DONE = "done"


class JobLogEntry(Base):
    """One application, planned application or other job-search activity."""

    __tablename__ = "job_log_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[LogKind] = mapped_column(value_enum(LogKind))
    employer: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    on_date: Mapped[date] = mapped_column(Date)
    status: Mapped[LogStatus] = mapped_column(value_enum(LogStatus))
    note: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PlanKind(enum.StrEnum):
    GOAL = "goal"
    ACTIVITY = "activity"


class PlanStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class PlanItem(Base):
    """A goal or an agreed activity in the citizen's plan ("Min plan")."""

    __tablename__ = "plan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PlanKind] = mapped_column(value_enum(PlanKind))
    text: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(
        value_enum(PlanStatus), default=PlanStatus.OPEN
    )
    # "citizen" or "caseworker": who wrote it.
    author_role: Mapped[str] = mapped_column(String(20))
    # Set when the citizen and a caseworker have agreed the item together.
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ContactStatus(enum.StrEnum):
    OPEN = "open"
    HANDLED = "handled"
    CANCELLED = "cancelled"


class ContactRequest(Base):
    """ "Jeg vil gerne tale med en medarbejder": the citizen asks for a person."""

    __tablename__ = "contact_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    channel: Mapped[Channel] = mapped_column(value_enum(Channel))
    message: Mapped[str | None] = mapped_column(String(1000))
    status: Mapped[ContactStatus] = mapped_column(
        value_enum(ContactStatus), default=ContactStatus.OPEN
    )
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id")
    )
