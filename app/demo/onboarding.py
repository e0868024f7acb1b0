"""SYNTHETIC onboarding for the demo citizens: contact preferences, the early screening
answers, and wishes and needs beyond the CV.

Most citizens have finished the first-log-in guide; a few have not, so the guide can be
seen: everyone without a CV, half the time, and the 2nd and 3rd citizen of each
municipality on the demo MitID page (the first, which the browser tests log in as,
always has). The answers themselves come from app.demo.onboarding_answers. The same
seed gives the same rows.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.demo.onboarding_answers import OnboardingGenerator
from app.models import (
    Citizen,
    CitizenIndustry,
    CitizenOccupation,
    ContactPreferences,
    JobPreferences,
    Municipality,
    Occupation,
    OccupationLink,
    Onboarding,
    ScreeningAnswers,
)

BATCH_SIZE = 10_000
NOT_STARTED_WITHOUT_CV = 0.5
TOTAL_STEPS = 5


@dataclass
class _Rows:
    """The rows one batch of citizens adds, table by table."""

    onboarding: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    screenings: list[dict[str, Any]] = field(default_factory=list)
    industries: list[dict[str, Any]] = field(default_factory=list)
    # Changes to the job preferences the CV step made, keyed by "cid".
    updates: list[dict[str, Any]] = field(default_factory=list)

    def insert(self, session: Session) -> None:
        """Write the batch's rows in bulk."""
        bulk_insert(session, Onboarding.__table__, self.onboarding)
        bulk_insert(session, ContactPreferences.__table__, self.contacts)
        bulk_insert(session, ScreeningAnswers.__table__, self.screenings)
        bulk_insert(session, CitizenIndustry.__table__, self.industries)
        if self.updates:
            table = JobPreferences.__table__
            names = [name for name in self.updates[0] if name != "cid"]
            session.execute(
                update(table)
                .where(table.c.citizen_id == bindparam("cid"))
                .values({name: bindparam(name) for name in names}),
                self.updates,
            )


def create_onboarding(
    session: Session,
    seed: int,
    reference_date: date,
    report: Callable[[str], None],
) -> int:
    """Onboarding, contact preferences, screening answers and wishes for the demo
    citizens, in bulk; returns how many finished the guide."""
    generator = OnboardingGenerator(seed, reference_date)
    connection = session.connection()
    citizens = connection.execute(
        select(Citizen.id, Citizen.birth_date, Citizen.unemployed_since)
        .where(Citizen.synthetic.is_(True))
        .order_by(Citizen.id)
    ).all()
    with_preferences = set(
        connection.execute(select(JobPreferences.citizen_id)).scalars()
    )
    industries = _industries(session)
    unfinished = _shown_unfinished(session)
    finished = 0
    done = 0
    for batch in _batches(citizens, BATCH_SIZE):
        rows = _Rows()
        normals, uniforms = generator.block(len(batch))
        for index, (citizen_id, born, since) in enumerate(batch):
            finished += _add_citizen(
                generator,
                rows,
                (citizen_id, born, since),
                (normals[index], uniforms[index]),
                citizen_id in with_preferences,
                unfinished.get(citizen_id, (False, False)),
                industries.get(citizen_id, []),
            )
        rows.insert(session)
        done += len(batch)
        report(
            f"Onboarding: {done:,} of {len(citizens):,} citizens "
            f"({finished:,} finished the guide)."
        )
    return finished


def _add_citizen(
    generator: OnboardingGenerator,
    rows: _Rows,
    citizen: tuple[int, date | None, date | None],
    draws: tuple[list[float], list[float]],
    has_cv: bool,
    unfinished: tuple[bool, bool],
    industries: list[str],
) -> bool:
    """Add one citizen's rows; True if they finished the guide."""
    citizen_id, born, since = citizen
    shown, at_screening = unfinished
    at = generator.started_at(since)
    if shown or (not has_cv and generator.rng.random() < NOT_STARTED_WITHOUT_CV):
        # Stopped part-way (or never began): the guide resumes at this step.
        step = 3 if at_screening else generator.rng.randint(1, 4)
        if step > 1:
            rows.onboarding.append(
                {
                    "citizen_id": citizen_id,
                    "current_step": step,
                    "started_at": at,
                    "completed_at": None,
                }
            )
        if step > 2:
            rows.contacts.append(generator.contact(citizen_id))
        if step > 3:
            rows.screenings.append(
                _screening(generator, citizen_id, born, since, at, draws)
            )
        return False
    rows.onboarding.append(
        {
            "citizen_id": citizen_id,
            "current_step": TOTAL_STEPS,
            "started_at": at,
            "completed_at": at + timedelta(minutes=generator.rng.randint(6, 40)),
        }
    )
    rows.contacts.append(generator.contact(citizen_id))
    answers = _screening(generator, citizen_id, born, since, at, draws)
    rows.screenings.append(answers)
    if has_cv:
        wish, industry_rows = generator.wishes(
            citizen_id, industries, answers["health_limits"]
        )
        if wish is not None:
            rows.updates.append(wish)
        rows.industries.extend(industry_rows)
    return True


def _industries(session: Session) -> dict[int, list[str]]:
    """The industries of each citizen's wished and past occupations, wishes first."""
    industries: dict[int, list[str]] = defaultdict(list)
    rows = (
        session.connection()
        .execute(
            select(CitizenOccupation.citizen_id, Occupation.industry)
            .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
            .where(Occupation.industry.is_not(None))
            .order_by(
                CitizenOccupation.citizen_id,
                CitizenOccupation.link != OccupationLink.DESIRED,
                CitizenOccupation.id,
            )
        )
        .tuples()
    )
    for citizen_id, industry in rows.all():
        industries[citizen_id].append(industry)
    return industries


def _screening(
    generator: OnboardingGenerator,
    citizen_id: int,
    born: date | None,
    since: date | None,
    at: datetime,
    draws: tuple[list[float], list[float]],
) -> dict[str, Any]:
    today = generator.reference_date
    age = (today - born).days // 365 if born else 40
    months = max(0.0, (today - since).days / 30.4) if since else 2.0
    return generator.screening(citizen_id, age, months, at, *draws)


def _shown_unfinished(session: Session) -> dict[int, tuple[bool, bool]]:
    """The 2nd and 3rd citizen of each municipality, in the demo MitID page's order:
    (unfinished, stopped at the screening questions) for each."""
    rows = session.connection().execute(
        select(Citizen.id, Municipality.code)
        .join(Municipality, Municipality.id == Citizen.municipality_id)
        .where(Citizen.synthetic.is_(True))
        .order_by(Municipality.code, Citizen.last_name, Citizen.first_name, Citizen.id)
    )
    chosen: dict[int, tuple[bool, bool]] = {}
    for _code, group in itertools.groupby(rows, key=lambda row: row[1]):
        for position, (citizen_id, _c) in enumerate(group):
            if position in (1, 2):
                chosen[citizen_id] = (True, position == 1)
            elif position > 2:
                break
    return chosen


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
