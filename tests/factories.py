"""Factory fixtures: make_citizen(**overrides) and friends, with sensible Danish defaults."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.passwords import hash_password
from app.models import Caseworker, Citizen, Municipality, Provider, Role, User

TEST_PASSWORD = "korrekt-hest-batteri-9"
_PASSWORD_HASH = hash_password(TEST_PASSWORD)
_counter = itertools.count(1)


def municipality(db: Session, code: int) -> Municipality:
    found = db.scalars(select(Municipality).where(Municipality.code == code)).one()
    return found


@pytest.fixture
def make_provider(db: Session) -> Callable[..., Provider]:
    def make(**overrides: Any) -> Provider:
        n = next(_counter)
        values = {
            "name": f"Testkurser ApS {n}",
            "cvr": f"{30000000 + n}",
            "approved": True,
            "synthetic": True,
        }
        values.update(overrides)
        provider = Provider(**values)
        db.add(provider)
        db.flush()
        return provider

    return make


@pytest.fixture
def make_user(db: Session) -> Callable[..., User]:
    def make(role: Role, municipality_code: int | None = 101, **overrides: Any) -> User:
        n = next(_counter)
        values: dict[str, Any] = {
            "role": role,
            "display_name": f"Test {role.value} {n}",
            "active": True,
        }
        if role is not Role.CITIZEN:
            values["email"] = f"{role.value}{n}@test.jobunivers.dk"
            values["password_hash"] = _PASSWORD_HASH
        else:
            values["mitid_subject"] = f"test-subject-{n}"
        if municipality_code is not None:
            values["municipality_id"] = municipality(db, municipality_code).id
        values.update(overrides)
        user = User(**values)
        db.add(user)
        db.flush()
        return user

    return make


@pytest.fixture
def make_citizen(db: Session, make_user: Callable[..., User]) -> Callable[..., Citizen]:
    def make(municipality_code: int = 101, **overrides: Any) -> Citizen:
        user = make_user(Role.CITIZEN, municipality_code)
        values: dict[str, Any] = {
            "user_id": user.id,
            "municipality_id": user.municipality_id,
            "first_name": "Mette",
            "last_name": "Sørensen",
            "street": "Nørrebrogade 12, 3. th.",
            "postcode": "2200",
            "city": "København N",
            "synthetic": True,
        }
        values.update(overrides)
        citizen = Citizen(**values)
        db.add(citizen)
        db.flush()
        user.display_name = citizen.full_name
        db.flush()
        return citizen

    return make


@pytest.fixture
def make_caseworker(db: Session, make_user: Callable[..., User]) -> Callable[..., User]:
    def make(municipality_code: int = 101, **overrides: Any) -> User:
        user = make_user(Role.CASEWORKER, municipality_code, **overrides)
        db.add(
            Caseworker(
                user_id=user.id,
                municipality_id=user.municipality_id,
                job_title="Jobkonsulent",
            )
        )
        db.flush()
        return user

    return make


@pytest.fixture
def make_provider_user(
    db: Session, make_user: Callable[..., User], make_provider: Callable[..., Provider]
) -> Callable[..., User]:
    def make(provider: Provider | None = None, **overrides: Any) -> User:
        provider = provider or make_provider()
        return make_user(Role.PROVIDER, None, provider_id=provider.id, **overrides)

    return make


@pytest.fixture
def make_admin(make_user: Callable[..., User]) -> Callable[..., User]:
    def make(municipality_code: int = 101, **overrides: Any) -> User:
        return make_user(Role.ADMIN, municipality_code, **overrides)

    return make
