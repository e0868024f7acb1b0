"""People and organisations: municipalities, users and their roles, citizens, staff, providers."""

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
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, value_enum


class Role(enum.StrEnum):
    CITIZEN = "citizen"
    CASEWORKER = "caseworker"
    PROVIDER = "provider"
    ADMIN = "admin"
    EMPLOYER = "employer"


class Municipality(Base):
    __tablename__ = "municipality"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(80))
    region: Mapped[str] = mapped_column(String(40))


class ProviderState(enum.StrEnum):
    APPLIED = "applied"  # waiting for a municipal administrator
    APPROVED = "approved"
    SUSPENDED = "suspended"  # sees nothing and offers nothing until approved again
    ENDED = "ended"


class Provider(Base):
    """A service provider organisation (courses, mentoring, ...); its staff are users
    with `provider_id` set. Only an approved provider offers services or sees data."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    cvr: Mapped[str] = mapped_column(String(8), unique=True)
    state: Mapped[ProviderState] = mapped_column(
        value_enum(ProviderState), default=ProviderState.APPLIED
    )
    # The administrator's reason for the newest state change.
    state_reason: Mapped[str | None] = mapped_column(String(500))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    description: Mapped[str | None] = mapped_column(Text)
    # Language codes and municipality codes served, separated by commas.
    languages: Mapped[str | None] = mapped_column(String(60))
    areas: Mapped[str | None] = mapped_column(String(500))
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def approved(self) -> bool:
        return self.state is ProviderState.APPROVED


class User(Base):
    """Anyone who logs in. Citizens log in with MitID; others with e-mail and password."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[Role] = mapped_column(value_enum(Role))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    mitid_subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Each session remembers the version it began with; log-out raises it, so a cookie
    # kept from before the log-out (on any device) no longer opens a page.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    municipality: Mapped[Municipality | None] = relationship()
    provider: Mapped[Provider | None] = relationship()
    citizen: Mapped[Citizen | None] = relationship(back_populates="user", uselist=False)

    # Flask-Login protocol
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def organisation(self) -> str:
        """The organisation shown to citizens in the access log (never a staff name)."""
        if self.role is Role.PROVIDER and self.provider is not None:
            return self.provider.name
        if self.municipality is not None:
            return f"{self.municipality.name} Kommune"
        return "Jobunivers"


class Citizen(Base):
    """A jobseeker. Personal data about them lives here and in tables linked to it."""

    __tablename__ = "citizen"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True)
    municipality_id: Mapped[int] = mapped_column(
        ForeignKey("municipality.id"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(254))
    unemployed_since: Mapped[date | None] = mapped_column(Date)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship(back_populates="citizen")
    municipality: Mapped[Municipality] = relationship()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Caseworker(Base):
    """A job centre employee (sagsbehandler / jobkonsulent); the municipality is the
    user account's (User.municipality_id), the one source of every staff scope."""

    __tablename__ = "caseworker"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True)
    job_title: Mapped[str] = mapped_column(String(100))

    user: Mapped[User] = relationship()
