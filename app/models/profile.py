"""The citizen's own profile: competences, occupations and job preferences.

Self-declared data, used to help the citizen (matching, and the screening answers for
segmentation); everything here is written through app.audit so history is kept.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class OccupationLink(enum.StrEnum):
    EXPERIENCE = "experience"  # has worked as
    DESIRED = "desired"  # wants to work as


class HoursPreference(enum.StrEnum):
    FULL_TIME = "full"
    PART_TIME = "part"
    ANY = "any"


class RemoteWork(enum.StrEnum):
    NO = "no"
    PARTLY = "partly"
    FULLY = "fully"
    NO_PREFERENCE = "any"


class CitizenSkill(Base):
    __tablename__ = "citizen_skill"
    __table_args__ = (UniqueConstraint("citizen_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE")
    )
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id"))


class CitizenOccupation(Base):
    __tablename__ = "citizen_occupation"
    __table_args__ = (UniqueConstraint("citizen_id", "occupation_id", "link"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE")
    )
    occupation_id: Mapped[int] = mapped_column(ForeignKey("occupation.id"))
    link: Mapped[OccupationLink] = mapped_column(value_enum(OccupationLink))
    title_as_written: Mapped[str | None] = mapped_column(String(200))
    years: Mapped[int | None] = mapped_column(Integer)


class JobPreferences(Base):
    __tablename__ = "job_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    max_distance_km: Mapped[int] = mapped_column(Integer, default=30)
    hours: Mapped[HoursPreference] = mapped_column(
        value_enum(HoursPreference), default=HoursPreference.ANY
    )
    open_to_other_industries: Mapped[bool] = mapped_column(Boolean, default=True)
    earliest_start: Mapped[date | None] = mapped_column(Date)
    remote_work: Mapped[RemoteWork] = mapped_column(
        value_enum(RemoteWork),
        default=RemoteWork.NO_PREFERENCE,
        server_default=RemoteWork.NO_PREFERENCE.value,
    )
    interests: Mapped[str | None] = mapped_column(String(500))
    reduced_hours: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    flexjob: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    accessibility_needs: Mapped[str | None] = mapped_column(String(500))


class Channel(enum.StrEnum):
    DIGITAL = "digital"
    PHONE = "phone"
    IN_PERSON = "in_person"


class ContactPreferences(Base):
    """How the citizen wants to be contacted, and in which language (self-declared)."""

    __tablename__ = "contact_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    channel: Mapped[Channel] = mapped_column(
        value_enum(Channel), default=Channel.DIGITAL
    )
    language: Mapped[str] = mapped_column(String(8), default="da")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)


class Onboarding(Base):
    """Where the citizen is in the first-log-in step guide (saved after every step)."""

    __tablename__ = "onboarding"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    current_step: Mapped[int] = mapped_column(Integer, default=1)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ExpectedTime(enum.StrEnum):
    WITHIN_1_MONTH = "1m"
    WITHIN_3_MONTHS = "3m"
    WITHIN_6_MONTHS = "6m"
    LONGER = "longer"
    DONT_KNOW = "unknown"


class Limits(enum.StrEnum):
    NONE = "none"
    SOME = "some"
    CONSIDERABLE = "considerable"


class LanguageLevel(enum.StrEnum):
    NONE = "none"
    BASIC = "basic"
    GOOD = "good"
    FLUENT = "fluent"
    NATIVE = "native"


class Transport(enum.StrEnum):
    CAR = "car"
    PUBLIC = "public"
    BIKE_OR_WALK = "bike"
    LIMITED = "limited"


class Confidence(enum.StrEnum):
    HIGH = "high"
    SOME = "some"
    LOW = "low"


class SupportWish(enum.StrEnum):
    NO = "no"
    MAYBE = "maybe"
    YES = "yes"


class ScreeningAnswers(Base):
    """The early screening questionnaire: the citizen's own view of their situation.

    Self-declared; shown back to the citizen and changeable; the segmentation model
    (app/ml/segmentation.py) reads it.
    """

    __tablename__ = "screening_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expected_time_to_job: Mapped[ExpectedTime] = mapped_column(value_enum(ExpectedTime))
    health_limits: Mapped[Limits] = mapped_column(value_enum(Limits))
    danish_level: Mapped[LanguageLevel] = mapped_column(value_enum(LanguageLevel))
    english_level: Mapped[LanguageLevel] = mapped_column(value_enum(LanguageLevel))
    childcare_limits: Mapped[Limits] = mapped_column(value_enum(Limits))
    transport: Mapped[Transport] = mapped_column(value_enum(Transport))
    it_confidence: Mapped[Confidence] = mapped_column(value_enum(Confidence))
    search_confidence: Mapped[Confidence] = mapped_column(value_enum(Confidence))
    wants_support: Mapped[SupportWish] = mapped_column(value_enum(SupportWish))
    needs_in_own_words: Mapped[str | None] = mapped_column(String(1000))


class CitizenIndustry(Base):
    """An industry the citizen is interested in (codes as Occupation.industry)."""

    __tablename__ = "citizen_industry"
    __table_args__ = (UniqueConstraint("citizen_id", "industry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE")
    )
    industry: Mapped[str] = mapped_column(String(40))


class EducationLevel(enum.StrEnum):
    PRIMARY = "primary"
    UPPER_SECONDARY = "upper_secondary"
    VOCATIONAL = "vocational"
    SHORT_CYCLE = "short_cycle"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"


class Education(Base):
    __tablename__ = "education"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    level: Mapped[EducationLevel] = mapped_column(value_enum(EducationLevel))
    title: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    completed: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkExperience(Base):
    """One job in the work history; the title is normalised to an occupation."""

    __tablename__ = "work_experience"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupation.id"))
    title_as_written: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str | None] = mapped_column(String(200))
    hide_employer: Mapped[bool] = mapped_column(Boolean, default=False)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(String(1000))


class PersonalCompetence(Base):
    """A personal competence: a code from the translated list, or the citizen's words."""

    __tablename__ = "personal_competence"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str | None] = mapped_column(String(40))
    free_text: Mapped[str | None] = mapped_column(String(200))


class LanguageSkill(Base):
    __tablename__ = "language_skill"
    __table_args__ = (UniqueConstraint("citizen_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE")
    )
    language: Mapped[str] = mapped_column(String(8))
    level: Mapped[LanguageLevel] = mapped_column(value_enum(LanguageLevel))


class DrivingLicence(Base):
    __tablename__ = "driving_licence"
    __table_args__ = (UniqueConstraint("citizen_id", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE")
    )
    category: Mapped[str] = mapped_column(String(4))


class Certificate(Base):
    __tablename__ = "certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(String(200))
    valid_until: Mapped[date | None] = mapped_column(Date)


class CvSettings(Base):
    """Visibility of the CV. Whether employers may search it is the share-CV consent."""

    __tablename__ = "cv_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), unique=True
    )
    hide_contact_details: Mapped[bool] = mapped_column(Boolean, default=True)
