"""Employers: companies, their staff, their offers, and their invitations to citizens.

A company is known by its CVR number and is approved by an administrator of the
municipality it is in. Its staff log in as users with the EMPLOYER role. An employer
sees citizens only as anonymous profiles until a citizen says yes to an invitation.
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
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, value_enum
from app.models.people import Municipality


class EmployerStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class OfferKind(enum.StrEnum):
    INTERNSHIP = "internship"  # virksomhedspraktik
    WAGE_SUBSIDY = "wage_subsidy"  # løntilskud
    COFFEE = "coffee"  # a 20-minute coffee meeting


class MeetingMode(enum.StrEnum):
    PLACE = "place"
    VIDEO = "video"


class InvitationKind(enum.StrEnum):
    CONTACT = "contact"  # a request to get in touch
    COFFEE = "coffee"  # an invitation to a coffee meeting
    INTERNSHIP = "internship"  # an offer of an internship or a wage-subsidy job


class InvitationState(enum.StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"


class Employer(Base):
    """A company that recruits through Jobunivers."""

    __tablename__ = "employer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    cvr: Mapped[str] = mapped_column(String(8), unique=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    postcode: Mapped[str] = mapped_column(String(4))
    city: Mapped[str] = mapped_column(String(100))
    status: Mapped[EmployerStatus] = mapped_column(value_enum(EmployerStatus))
    decided_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id")
    )
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    municipality: Mapped[Municipality] = relationship()

    @property
    def approved(self) -> bool:
        return self.status is EmployerStatus.APPROVED


class EmployerStaff(Base):
    """A user who acts for a company (role EMPLOYER)."""

    __tablename__ = "employer_staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)

    employer: Mapped[Employer] = relationship()


class EmployerOffer(Base):
    """An internship, a wage-subsidy job or a coffee meeting a company offers."""

    __tablename__ = "employer_offer"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    kind: Mapped[OfferKind] = mapped_column(value_enum(OfferKind))
    title: Mapped[str] = mapped_column(String(200))
    occupation_id: Mapped[int | None] = mapped_column(ForeignKey("occupation.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(4))
    # Internships and wage subsidy: the period, the hours and what the citizen learns.
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[int | None] = mapped_column(Integer)
    learning: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    # Coffee meetings: 20 minutes at a place or by video, in a few time windows
    # (a list of {"starts_at": ISO time in UTC}).
    meeting_mode: Mapped[MeetingMode | None] = mapped_column(value_enum(MeetingMode))
    meeting_place: Mapped[str | None] = mapped_column(String(200))
    time_windows: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    employer: Mapped[Employer] = relationship()


class EmployerInvitation(Base):
    """A contact request or invitation from a company to a citizen: double opt-in.

    The company sees the citizen's name and chosen contact details only once the
    state is ACCEPTED. A SENT invitation past expires_at is expired.
    """

    __tablename__ = "employer_invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("employer_offer.id"))
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[InvitationKind] = mapped_column(value_enum(InvitationKind))
    message: Mapped[str] = mapped_column(String(1000), default="")
    sent_by_user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    state: Mapped[InvitationState] = mapped_column(value_enum(InvitationState))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    chosen_window: Mapped[str | None] = mapped_column(String(40))
    share_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    share_email: Mapped[bool] = mapped_column(Boolean, default=False)

    employer: Mapped[Employer] = relationship()
    offer: Mapped[EmployerOffer | None] = relationship()


class EmployerBlock(Base):
    """A citizen has blocked a company: it neither finds nor contacts them."""

    __tablename__ = "employer_block"
    __table_args__ = (UniqueConstraint("citizen_id", "employer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(
        ForeignKey("citizen.id", ondelete="CASCADE"), index=True
    )
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"))
    blocked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    employer: Mapped[Employer] = relationship()
