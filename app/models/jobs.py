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
    __table_args__ = (UniqueConstraint("source", "external_id"),)

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
