"""Job postings, real or synthetic, with the skills they ask for."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Hours(enum.StrEnum):
    FULL_TIME = "full"
    PART_TIME = "part"


class Posting(Base):
    __tablename__ = "posting"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        # The search by distance reads only this index (a box on latitude, then the rest).
        Index("ix_posting_place", "latitude", "longitude", "deadline", "posted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(
        String(40)
    )  # "demo", "jobnet", a file name, ...
    external_id: Mapped[str] = mapped_column(String(100))
    employer: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    # Set when the importer inferred the occupation from the title (0-1); None when
    # the source gave the occupation's code.
    occupation_confidence: Mapped[float | None] = mapped_column(Float)
    occupation_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupation.id"), index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(4), index=True)
    city: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    hours: Mapped[Hours] = mapped_column(value_enum(Hours, length=10))
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    url: Mapped[str | None] = mapped_column(String(500))
    # How to apply, where the source says: the employer's application form, an e-mail
    # address, a contact person and phone; and the day the posting was published.
    apply_url: Mapped[str | None] = mapped_column(String(500))
    apply_email: Mapped[str | None] = mapped_column(String(254))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # The day of posting (the import's date when the source has none): the search's order.
    posted_on: Mapped[date] = mapped_column(Date, index=True, default=date.today)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # Set in Python (microseconds) so caches keyed on it see every edit, even two a second.
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        default=_utcnow,
        onupdate=_utcnow,
        index=True,
    )


class PostingSkill(Base):
    __tablename__ = "posting_skill"
    __table_args__ = (UniqueConstraint("posting_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("posting.id", ondelete="CASCADE")
    )
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id"), index=True)
    required: Mapped[bool] = mapped_column(Boolean)
    # "given" (the source named the skill's code) or "extracted" (found in the text).
    origin: Mapped[str] = mapped_column(String(10), default="given")
    # How sure the extraction was (0-1); None for given skills.
    confidence: Mapped[float | None] = mapped_column(Float)


class SavedJob(Base):
    """A posting a citizen saved ("Gem job") to come back to."""

    __tablename__ = "saved_job"
    __table_args__ = (UniqueConstraint("citizen_id", "posting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class JobAlert(Base):
    """A saved search: new postings matching its query string are collected daily."""

    __tablename__ = "job_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    # The search's query string as /job reads it (the same URL shows the same list).
    query: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Postings with a larger id than this have not been looked at for the alert yet.
    last_posting_id: Mapped[int] = mapped_column(Integer, default=0)
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The secret in the alert's "stop" link, which works without logging in.
    unsubscribe_token: Mapped[str] = mapped_column(String(64), unique=True)


class JobNotification(Base):
    """A new posting an alert found, in the citizen's in-app notification list."""

    __tablename__ = "job_notification"
    __table_args__ = (UniqueConstraint("alert_id", "posting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("job_alert.id", ondelete="CASCADE"), index=True
    )
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DataVersion(Base):
    """A number raised on every change to a kind of data (today: "postings"), so a
    process holding a copy (the match index) learns it is stale from one row."""

    __tablename__ = "data_version"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class MatchList(Base):
    """When a citizen's stored matches were computed, and from what: the postings'
    version, the model version and a fingerprint of the profile they were ranked for.
    A list whose inputs have moved on is computed again before it is shown."""

    __tablename__ = "match_list"

    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), primary_key=True
    )
    postings_version: Mapped[int] = mapped_column(Integer)
    model_version: Mapped[str] = mapped_column(String(40))
    profile_key: Mapped[str] = mapped_column(String(64))
    total: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoredMatch(Base):
    """One of a citizen's best current postings, in rank order, with the reasons the
    page explains it with (JSON: skills held and missing, distance, occupation, hours,
    the personal competences the employer asks for)."""

    __tablename__ = "stored_match"
    __table_args__ = (UniqueConstraint("citizen_id", "rank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("match_list.citizen_id", ondelete="CASCADE")
    )
    rank: Mapped[int] = mapped_column(Integer)
    posting_id: Mapped[int] = mapped_column(
        ForeignKey("posting.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)
