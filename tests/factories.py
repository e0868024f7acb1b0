"""Factory fixtures: make_citizen(**overrides) and friends, with sensible Danish defaults."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app import signals
from app.employers.cvr import with_check_digit
from app.models import (
    Assessment,
    Case,
    CaseStatus,
    Caseworker,
    Citizen,
    Employer,
    EmployerStaff,
    EmployerStatus,
    Municipality,
    Provider,
    ProviderState,
    Role,
    RouteReason,
    Track,
    User,
)

TEST_PASSWORD = "korrekt-hest-batteri-9"
# Staff made here log in with TEST_PASSWORD through the real form only in tests/auth and
# the browser sweep. Their hash is argon2id like the app's, at the cost argon2 allows at
# least (verifying reads the cost from the hash), so a log-in takes a millisecond
# rather than a fifth of a second; app.auth.passwords still hashes new passwords itself.
TEST_PASSWORD_HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(
    TEST_PASSWORD
)
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
            "state": ProviderState.APPROVED,
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
            # A name, capitalised: the role's code in lower case is what the page
            # check (tests/page_text.py) catches on a page.
            "display_name": f"Test {role.value.capitalize()} {n}",
            "active": True,
        }
        if role is not Role.CITIZEN:
            values["email"] = f"{role.value}{n}@test.jobunivers.dk"
            values["password_hash"] = TEST_PASSWORD_HASH
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
        db.add(Caseworker(user_id=user.id, job_title="Jobkonsulent"))
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


_cvr_heads = itertools.count(4_100_000, 7)


def test_cvr() -> str:
    """A CVR number that passes the mod-11 check, different each call."""
    while (cvr := with_check_digit(next(_cvr_heads))) is None:
        pass
    return cvr


@pytest.fixture
def make_employer(db: Session) -> Callable[..., Employer]:
    def make(municipality_code: int = 101, **overrides: Any) -> Employer:
        values: dict[str, Any] = {
            "name": f"Testfirma ApS {next(_counter)}",
            "cvr": test_cvr(),
            "municipality_id": municipality(db, municipality_code).id,
            "postcode": "2200",
            "city": "København N",
            "status": EmployerStatus.APPROVED,
            "created_at": datetime.now(UTC),
            "synthetic": True,
        }
        values.update(overrides)
        employer = Employer(**values)
        db.add(employer)
        db.flush()
        return employer

    return make


@pytest.fixture
def make_employer_user(
    db: Session, make_user: Callable[..., User], make_employer: Callable[..., Employer]
) -> Callable[..., User]:
    def make(employer: Employer | None = None, **overrides: Any) -> User:
        employer = employer or make_employer()
        user = make_user(Role.EMPLOYER, None, **overrides)
        db.add(EmployerStaff(user_id=user.id, employer_id=employer.id))
        db.flush()
        return user

    return make


@pytest.fixture
def make_admin(make_user: Callable[..., User]) -> Callable[..., User]:
    def make(municipality_code: int = 101, **overrides: Any) -> User:
        return make_user(Role.ADMIN, municipality_code, **overrides)

    return make


@pytest.fixture
def taxonomy(taxonomy_database: Engine, db: Session) -> None:
    """The demo taxonomy: `db` and the app run on the copy of the test database where it
    is committed once per run (tests/databases.py); the test's changes are rolled back."""


@pytest.fixture
def citizen(make_citizen: Callable[..., Citizen], login: Callable[..., Any]) -> Citizen:
    """A citizen in Copenhagen, logged in."""
    made = make_citizen()
    login(made.user)
    return made


@pytest.fixture
def profile_changes() -> Iterator[list[tuple[int, str]]]:
    """The profile_changed signals sent during the test, as (citizen id, trigger)."""
    sent: list[tuple[int, str]] = []

    def record(_session: Any, **data: Any) -> None:
        sent.append((data["citizen_id"], data["trigger"]))

    with signals.profile_changed.connected_to(record):
        yield sent


# --- cases and assessments, made directly (the queue, the case view, the audits) ---

REASONS = [
    {"feature": "weeks_unemployed", "value": 40.0, "contribution": 0.8},
    {"feature": "applications_4w", "value": 1.0, "contribution": 0.3},
]


def caseworker_id(db: Session, user: User) -> int:
    return db.scalars(select(Caseworker.id).where(Caseworker.user_id == user.id)).one()


@pytest.fixture
def make_assessment(db: Session) -> Callable[..., Assessment]:
    def make(citizen: Citizen, **overrides: Any) -> Assessment:
        values: dict[str, Any] = {
            "citizen_id": citizen.id,
            "computed_at": datetime.now(UTC) - timedelta(days=3),
            "current": True,
            "model_version": "segmentation-test-1",
            "probability": 0.62,
            "track": Track.SUPPORT,
            "route_reason": RouteReason.MODEL,
            "reasons": REASONS,
            "inputs": {"weeks_unemployed": 40},
            "trigger": "test",
            "next_review_on": date.today() + timedelta(weeks=4),
        }
        values.update(overrides)
        assessment = Assessment(**values)
        db.add(assessment)
        db.flush()
        return assessment

    return make


@pytest.fixture
def make_case(db: Session, make_assessment) -> Callable[..., Case]:
    def make(
        citizen: Citizen,
        *,
        assess: bool = True,
        claimed_by: User | None = None,
        waited_days: int = 2,
        **overrides: Any,
    ) -> Case:
        if assess:
            make_assessment(citizen)
        values: dict[str, Any] = {
            "citizen_id": citizen.id,
            "municipality_id": citizen.municipality_id,
            "status": CaseStatus.QUEUED,
            "queue_reason": RouteReason.MODEL,
            "priority": 0.5,
            "language": "da",
            "queued_at": datetime.now(UTC) - timedelta(days=waited_days),
            "version": 0,
        }
        if claimed_by is not None:
            values["status"] = CaseStatus.CLAIMED
            values["claimed_by_id"] = caseworker_id(db, claimed_by)
            values["claimed_at"] = datetime.now(UTC)
        values.update(overrides)
        case_file = Case(**values)
        db.add(case_file)
        db.flush()
        return case_file

    return make
