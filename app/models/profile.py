"""The citizen's own profile: competences, occupations and job preferences.

Self-declared data, used to help the citizen (matching). The CV pages (a later issue)
extend this module; everything here is written through app.audit so history is kept.
"""

from __future__ import annotations

import enum

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, value_enum


class OccupationLink(enum.StrEnum):
    EXPERIENCE = "experience"  # has worked as
    DESIRED = "desired"  # wants to work as


class HoursPreference(enum.StrEnum):
    FULL_TIME = "full"
    PART_TIME = "part"
    ANY = "any"


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
