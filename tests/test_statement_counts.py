"""Every citizen and caseworker page runs a fixed number of SQL statements, however
much data the citizen has: a page that queries once per row (an N+1) fails here.

On the small demo, each page is counted for a citizen with some of every kind of
history, then again after that history has grown fifteen rows a kind (so both take the
same branches of each page); a caseworker's queue is compared between a short and a
long municipality queue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
    CaseStatus,
    Certificate,
    Citizen,
    CitizenSkill,
    ConsentEvent,
    Education,
    JobLogEntry,
    LanguageSkill,
    Municipality,
    Onboarding,
    PlanItem,
    Role,
    Skill,
    User,
    WorkExperience,
)
from tests.statements import CITIZEN_PAGES, statements_of

LANGUAGES = [
    "de",
    "fr",
    "es",
    "sv",
    "no",
    "pl",
    "ar",
    "tr",
    "uk",
    "ur",
    "fa",
    "ti",
    "ro",
    "lt",
    "it",
    "so",
    "en",
    "da",
]

# The kinds of history whose size must not change how many statements a page runs
# (skills too, which are held once each and so are added rather than copied).
COPIED = (
    WorkExperience,
    Education,
    Certificate,
    JobLogEntry,
    PlanItem,
    ConsentEvent,
)


def _grow(db: Session, citizen: Citizen, times: int = 15) -> None:
    """Give the citizen `times` more rows of each kind of history (copies of their
    own rows; new skills from the taxonomy, as a skill is held once)."""
    for model in COPIED:
        table = model.__table__
        rows = (
            db.execute(select(table).where(table.c.citizen_id == citizen.id))
            .mappings()
            .all()
        )
        assert rows, f"the chosen citizen has no {table.name}"
        copies = []
        for n in range(times):
            row = dict(rows[n % len(rows)])
            row.pop("id")
            if "receipt_code" in row:
                row["receipt_code"] = f"{row['receipt_code'][:30]}-{n}"
            copies.append(row)
        db.execute(insert(table), copies)
    held = select(CitizenSkill.skill_id).where(CitizenSkill.citizen_id == citizen.id)
    for skill in db.scalars(select(Skill.id).where(Skill.id.not_in(held)).limit(times)):
        db.add(CitizenSkill(citizen_id=citizen.id, skill_id=skill))
    spoken = set(
        db.scalars(
            select(LanguageSkill.language).where(LanguageSkill.citizen_id == citizen.id)
        )
    )
    for language in [code for code in LANGUAGES if code not in spoken][:times]:
        db.add(LanguageSkill(citizen_id=citizen.id, language=language, level="basic"))
    db.flush()


@pytest.fixture
def grown(small_demo: Session) -> tuple[Citizen, Callable[[], None]]:
    """A demo citizen of København with some of every kind of history waiting in the
    queue, and a function that gives them much more."""
    having = [
        select(model.citizen_id).where(model.citizen_id == Citizen.id).exists()
        for model in (*COPIED, CitizenSkill, LanguageSkill)
    ]
    citizen = small_demo.scalars(
        select(Citizen)
        .join(Case, Case.citizen_id == Citizen.id)
        .join(Onboarding, Onboarding.citizen_id == Citizen.id)
        .where(
            Case.status == CaseStatus.QUEUED,
            Onboarding.completed_at.is_not(None),
            *having,
        )
        .order_by(Citizen.id)
    ).first()
    assert citizen is not None, "no demo citizen with every kind of history"
    return citizen, lambda: _grow(small_demo, citizen)


def _counts(
    app: Any, client: Any, login: Any, user: User, paths: list[str]
) -> list[int]:
    login(user)
    return [statements_of(app, client, path) for path in paths]


def test_citizen_pages_run_as_many_statements_for_a_long_history(
    app, client, login, grown
) -> None:
    citizen, grow = grown
    few = _counts(app, client, login, citizen.user, CITIZEN_PAGES)
    grow()
    many = _counts(app, client, login, citizen.user, CITIZEN_PAGES)
    assert dict(zip(CITIZEN_PAGES, many, strict=True)) == dict(
        zip(CITIZEN_PAGES, few, strict=True)
    )


def _caseworker_of(db: Session, municipality_id: int) -> User:
    return db.scalars(
        select(User)
        .where(User.role == Role.CASEWORKER, User.municipality_id == municipality_id)
        .order_by(User.id)
    ).first()


def test_the_case_view_runs_as_many_statements_for_a_long_history(
    app, client, login, small_demo, grown
) -> None:
    citizen, grow = grown
    login(_caseworker_of(small_demo, citizen.municipality_id))
    few = statements_of(app, client, f"/sagsbehandler/borger/{citizen.id}")
    grow()
    many = statements_of(app, client, f"/sagsbehandler/borger/{citizen.id}")
    assert many == few


def test_the_queue_runs_as_many_statements_in_a_long_queue(
    app, client, login, small_demo, make_citizen, make_case
) -> None:
    place = small_demo.scalars(
        select(Case.municipality_id).where(Case.status == CaseStatus.QUEUED)
    ).first()
    login(_caseworker_of(small_demo, place))
    few = statements_of(app, client, "/sagsbehandler/koe")
    code = small_demo.get(Municipality, place).code
    for n in range(60):
        make_case(make_citizen(code, first_name=f"Ventende {n}"), priority=0.9)
    many = statements_of(app, client, "/sagsbehandler/koe")
    assert many == few
