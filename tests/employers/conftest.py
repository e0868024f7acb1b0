"""Fixtures of the employers' tests: a company with a coffee meeting for cooks, and cooks
who share (or do not share) their CV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.audit import Actor
from app.consent.services.consents import give_consent
from app.models import (
    Citizen,
    ConsentPurpose,
    Employer,
    EmployerOffer,
    MeetingMode,
    OfferKind,
    Role,
    WorkExperience,
)
from tests.data import give_cv, occupation_id

HIDDEN_EMPLOYER = "Hemmelige Kro ApS"
SHOWN_EMPLOYER = "Synlig Kantine ApS"


def share_cv(db: Session, citizen: Citizen) -> None:
    give_consent(
        db,
        citizen.id,
        ConsentPurpose.SHARE_CV,
        actor=Actor(citizen.user_id, Role.CITIZEN.value, "Jobunivers"),
    )


@pytest.fixture
def make_cook(db: Session, make_citizen) -> Callable[..., Citizen]:
    """A cook in København N with a CV (one hidden, one shown employer name)."""

    def make(share: bool = True, **overrides: Any) -> Citizen:
        values = {
            "phone": "+45 20 30 40 50",
            "email": "kok@example.dk",
            "street": "Hemmeligvej 7",
        }
        values.update(overrides)
        citizen = give_cv(
            db, make_citizen(**values), skills=["cooking"], history=["kok"]
        )
        for employer, hidden in ((HIDDEN_EMPLOYER, True), (SHOWN_EMPLOYER, False)):
            db.add(
                WorkExperience(
                    citizen_id=citizen.id,
                    occupation_id=occupation_id(db, "kok"),
                    title_as_written="Kok",
                    employer=employer,
                    hide_employer=hidden,
                    started_on=date(2019, 1, 1),
                    ended_on=date(2021, 1, 1),
                )
            )
        db.flush()
        if share:
            share_cv(db, citizen)
        return citizen

    return make


@pytest.fixture
def company(make_employer) -> Employer:
    return make_employer(name="Kaffekoppen ApS")


@pytest.fixture
def company_user(make_employer_user, company: Employer) -> Any:
    return make_employer_user(company)


@pytest.fixture
def coffee_offer(db: Session, company: Employer) -> EmployerOffer:
    soon = datetime.now(UTC) + timedelta(days=5)
    offer = EmployerOffer(
        employer_id=company.id,
        kind=OfferKind.COFFEE,
        title="Kaffemøde for kokke",
        occupation_id=occupation_id(db, "kok"),
        description="",
        postcode="2200",
        contact_name="Lone Berg",
        meeting_mode=MeetingMode.PLACE,
        meeting_place="Nørrebrogade 1",
        time_windows=[
            {"starts_at": soon.replace(microsecond=0).isoformat()},
            {
                "starts_at": (soon + timedelta(days=1))
                .replace(microsecond=0)
                .isoformat()
            },
        ],
        active=True,
        created_at=datetime.now(UTC),
    )
    db.add(offer)
    db.flush()
    return offer
