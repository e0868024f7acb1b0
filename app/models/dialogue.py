"""The dialogue with the job centre: one message thread per citizen, meetings booked
in published slots, notifications, the e-mail/SMS outbox and the citizen's feedback.

Every write goes through app.audit. Times are UTC.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class Author(enum.StrEnum):
    CITIZEN = "citizen"
    JOB_CENTRE = "job_centre"


class MessageThread(Base):
    """The one secure conversation between a citizen and their job centre."""

    __tablename__ = "message_thread"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Set when the citizen writes and the job centre has not answered yet.
    awaiting_reply_since: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), index=True
    )


class Message(Base):
    """One message in a thread, with when the other side read it."""

    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("message_thread.id", ondelete="CASCADE"), index=True
    )
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[Author] = mapped_column(value_enum(Author))
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class MessageAttachment(Base):
    """A file sent with a message, kept under instance/ (never in the web root)."""

    __tablename__ = "message_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(120))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))


class MeetingKind(enum.StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video_call"


class Attendance(enum.StrEnum):
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class MeetingSlot(Base):
    """A time a caseworker offers; booked when it has a citizen.

    A booking is one compare-and-set UPDATE on (citizen_id IS NULL, version), so two
    citizens never hold one slot, on SQLite and PostgreSQL alike.
    """

    __tablename__ = "meeting_slot"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    caseworker_id: Mapped[int] = mapped_column(ForeignKey("caseworker.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=30)
    kind: Mapped[MeetingKind] = mapped_column(value_enum(MeetingKind))
    place: Mapped[str] = mapped_column(String(300))
    citizen_id: Mapped[int | None] = mapped_column(
        ForeignKey("citizen.id", ondelete="SET NULL"), index=True
    )
    booked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    booked_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # Booked by a caseworker on the citizen's behalf (assisted digital).
    assisted: Mapped[bool] = mapped_column(Boolean, default=False)
    attendance: Mapped[Attendance | None] = mapped_column(value_enum(Attendance))
    no_show_reason: Mapped[str | None] = mapped_column(String(500))
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)


class Notification(Base):
    """One entry of the citizen's in-app list; `key` makes a reminder once only."""

    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("citizen_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80))
    template: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    link: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StaffTask(Base):
    """Something a caseworker must do: e.g. call a citizen who has not read a reminder."""

    __tablename__ = "staff_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80), unique=True)
    template: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OutboxChannel(enum.StrEnum):
    EMAIL = "email"
    SMS = "text_message"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Base):
    """An e-mail or SMS waiting to be sent by the worker (each sent once)."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[OutboxChannel] = mapped_column(value_enum(OutboxChannel))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(
        value_enum(OutboxStatus), default=OutboxStatus.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class NotificationPreferences(Base):
    """The channels the citizen wants reminders on, besides the in-app list."""

    __tablename__ = "notification_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[bool] = mapped_column(Boolean, default=True)
    sms: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8), default="da")


class MeetingFeedback(Base):
    """The citizen's two answers after a meeting: was it helpful, was it easy."""

    __tablename__ = "meeting_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    slot_id: Mapped[int] = mapped_column(ForeignKey("meeting_slot.id"), unique=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    helpful: Mapped[bool] = mapped_column(Boolean)
    easy: Mapped[bool] = mapped_column(Boolean)
    words: Mapped[str | None] = mapped_column(String(1000))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TaskFailure(Base):
    """A background job that failed after its last retry, for the administrators."""

    __tablename__ = "task_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(60))
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(String(2000))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
