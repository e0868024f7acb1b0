"""The marketplace: offerings of approved providers, citizens' enrolments and results.

The provider organisation itself is `app.models.people.Provider` (its staff are users
with `provider_id` set); its states are `ProviderState`.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, value_enum
from app.models.people import Provider


class OfferingKind(enum.StrEnum):
    COURSE = "course"
    MENTORING = "mentoring"
    JOB_SEARCH_TOOL = "job_search_tool"
    UPSKILLING = "upskilling"
    HEALTH = "health"
    LANGUAGE = "language"


class OfferingFormat(enum.StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    BLENDED = "blended"


class Payment(enum.StrEnum):
    FREE = "free"  # free to the citizen, starts at once when digital
    JOB_CENTRE = "job_centre"  # paid by the job centre after the caseworker approves


class OfferingState(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # waiting for an administrator's review
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"


class EnrolmentState(enum.StrEnum):
    REQUESTED = "requested"  # waiting for the caseworker
    ACTIVE = "active"
    DECLINED = "declined"  # the caseworker said no, with a reason
    LEFT = "left"  # the citizen chose to leave ("Fravælg")
    FINISHED = "finished"  # the provider reported completion


class ReviewState(enum.StrEnum):
    SHOWN = "shown"
    REPORTED = "reported"  # someone reported it; shown until an administrator decides
    HIDDEN = "hidden"


class OutcomeSource(enum.StrEnum):
    JOB_LOG = "job_log"
    DEREGISTRATION = "deregistration"
    SYNTHETIC_REGISTER = "synthetic_register"


class Offering(Base):
    """A service a provider offers, with the structured schema citizens filter on."""

    __tablename__ = "offering"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OfferingKind] = mapped_column(value_enum(OfferingKind))
    format: Mapped[OfferingFormat] = mapped_column(value_enum(OfferingFormat))
    # Where it happens: a municipality and postcode (for distance); empty when online.
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"))
    postcode: Mapped[str | None] = mapped_column(String(4))
    place: Mapped[str | None] = mapped_column(String(200))
    duration_weeks: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[str] = mapped_column(String(200))
    # Language codes separated by commas ("da,en").
    languages: Mapped[str] = mapped_column(String(60))
    accessibility: Mapped[str | None] = mapped_column(String(500))
    target_groups: Mapped[str | None] = mapped_column(String(500))
    capacity: Mapped[int] = mapped_column(Integer)
    waiting_weeks: Mapped[int] = mapped_column(Integer, default=0)
    payment: Mapped[Payment] = mapped_column(value_enum(Payment))
    description: Mapped[str] = mapped_column(Text)
    state: Mapped[OfferingState] = mapped_column(
        value_enum(OfferingState), default=OfferingState.DRAFT, index=True
    )
    # The administrator's reason when a review sent it back or it was unpublished.
    state_reason: Mapped[str | None] = mapped_column(String(500))
    # Once published: changed again since (the catalogue shows it after a new review).
    was_published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    provider: Mapped[Provider] = relationship()

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def starts_at_once(self) -> bool:
        """Free digital services start at once; others need the caseworker."""
        return self.payment is Payment.FREE and self.format is OfferingFormat.ONLINE


class ProviderAccessLink(Base):
    """A one-time link for a provider's staff user to choose a password: only the
    SHA-256 of the random token is stored; used once, until `expires_at`."""

    __tablename__ = "provider_access_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OfferingSkill(Base):
    """An ESCO skill an offering teaches."""

    __tablename__ = "offering_skill"

    offering_id: Mapped[int] = mapped_column(
        ForeignKey("offering.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id"), primary_key=True, index=True
    )


class Enrolment(Base):
    """A citizen's choice of an offering, from request to its end, with the reasons."""

    __tablename__ = "enrolment"
    # Places taken per offering are counted by state (decision support's links).
    __table_args__ = (Index("ix_enrolment_offering_state", "offering_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(ForeignKey("offering.id"), index=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[EnrolmentState] = mapped_column(value_enum(EnrolmentState))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The citizen's optional reason for leaving, or the caseworker's for declining.
    reason: Mapped[str | None] = mapped_column(String(500))
    decided_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id")
    )
    # The provider's report: share of sessions attended (0-100) and completion.
    attendance_percent: Mapped[int | None] = mapped_column(Integer)
    completed: Mapped[bool | None] = mapped_column(Boolean)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The starting position when chosen (the rating's risk adjustment uses it).
    start_support_track: Mapped[bool] = mapped_column(Boolean, default=False)
    start_months_unemployed: Mapped[int] = mapped_column(Integer, default=0)
    start_age: Mapped[int | None] = mapped_column(Integer)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    offering: Mapped[Offering] = relationship()


class ProviderMessage(Base):
    """A message from the provider to a participant (stored; notifications come later)."""

    __tablename__ = "provider_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolment.id", ondelete="CASCADE"), index=True
    )
    author_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    body: Mapped[str] = mapped_column(String(2000))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Outcome(Base):
    """Whether a participant was in work or education some months after the start."""

    __tablename__ = "enrolment_outcome"
    __table_args__ = (UniqueConstraint("enrolment_id", "months"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolment.id", ondelete="CASCADE"), index=True
    )
    months: Mapped[int] = mapped_column(Integer)  # 3 or 6
    in_work_or_education: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[OutcomeSource] = mapped_column(value_enum(OutcomeSource, 30))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """A participant's review of an offering they finished or left, one per enrolment."""

    __tablename__ = "offering_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolment.id", ondelete="CASCADE"), unique=True
    )
    offering_id: Mapped[int] = mapped_column(ForeignKey("offering.id"), index=True)
    rating: Mapped[int] = mapped_column(Integer)  # 1-5
    text: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[ReviewState] = mapped_column(
        value_enum(ReviewState), default=ReviewState.SHOWN, index=True
    )
    report_reason: Mapped[str | None] = mapped_column(String(500))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))


class ServiceResult(Base):
    """The stored rating of one offering or provider at one horizon (recomputed by
    `flask marketplace rate`); shares are fractions, None when too few finished."""

    __tablename__ = "service_result"
    __table_args__ = (UniqueConstraint("offering_id", "provider_id", "horizon"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int | None] = mapped_column(
        ForeignKey("offering.id", ondelete="CASCADE"), index=True
    )
    provider_id: Mapped[int | None] = mapped_column(
        ForeignKey("provider.id"), index=True
    )
    horizon: Mapped[int] = mapped_column(Integer)
    n: Mapped[int] = mapped_column(Integer)
    enough: Mapped[bool] = mapped_column(Boolean)
    observed: Mapped[float | None] = mapped_column(Float)
    expected: Mapped[float | None] = mapped_column(Float)
    value_added: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    model_version: Mapped[str] = mapped_column(String(40))
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
