"""SYNTHETIC onboarding for the demo citizens: contact preferences, the early screening
answers, and wishes and needs beyond the CV.

Most citizens have finished the first-log-in guide; a few have not, so the guide can be
seen: everyone without a CV, half the time, and the 2nd and 3rd citizen of each
municipality on the demo MitID page (the first, which the browser tests log in as,
always has). The answers hang together through one drawn "distance from work" per
citizen (longer unemployment, age and health push it up), so some citizens want
support and expect a long search, as real ones do. The same seed gives the same rows.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

import numpy as np
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.db import bulk_insert
from app.models import (
    Channel,
    Citizen,
    CitizenIndustry,
    CitizenOccupation,
    Confidence,
    ContactPreferences,
    ExpectedTime,
    JobPreferences,
    LanguageLevel,
    Limits,
    Municipality,
    Occupation,
    OccupationLink,
    Onboarding,
    RemoteWork,
    ScreeningAnswers,
    SupportWish,
    Transport,
)

BATCH_SIZE = 10_000
NOT_STARTED_WITHOUT_CV = 0.5
TOTAL_STEPS = 5
OTHER_LANGUAGES = ("en", "ar", "pl", "uk", "tr", "so", "ro")
NEEDS_TEXTS = (
    "Hjælp til at skrive en ansøgning",
    "Jeg vil gerne have hjælp til mit CV",
    "Et kursus i IT",
    "Danskundervisning",
    "En mentor de første uger i et nyt job",
    "Hjælp til at finde job tæt på hjemmet",
    "Jeg har brug for at tale med nogen om min situation",
)
INTERESTS = (
    "Jeg kan lide at arbejde med mennesker",
    "Praktisk arbejde og at bruge hænderne",
    "Orden og struktur",
    "At arbejde udendørs",
    "Kundekontakt og service",
    "At lære nye ting",
)
ACCESSIBILITY = (
    "Niveaufri adgang (kørestol)",
    "Et roligt sted at arbejde",
    "Mulighed for pauser i løbet af dagen",
    "Hæve-sænkebord",
)


def _weighted(
    values: tuple[Any, ...], weights: tuple[float, ...]
) -> Callable[[float], Any]:
    """A weighted pick from one uniform draw (random.choices re-sums every call)."""
    total = sum(weights)
    bounds = list(itertools.accumulate(w / total for w in weights))
    bounds[-1] = 1.0

    def pick(uniform: float) -> Any:
        return values[bisect.bisect_right(bounds, uniform)]

    return pick


_CHANNEL = _weighted((Channel.DIGITAL, Channel.PHONE, Channel.IN_PERSON), (75, 15, 10))
_REMOTE = _weighted(
    (RemoteWork.NO, RemoteWork.PARTLY, RemoteWork.FULLY, RemoteWork.NO_PREFERENCE),
    (30, 25, 5, 40),
)
_TRANSPORT = (Transport.CAR, Transport.PUBLIC, Transport.BIKE_OR_WALK)
_TRANSPORT_PICK = _weighted(_TRANSPORT, (45, 30, 20))
_LIMITS = (Limits.NONE, Limits.SOME, Limits.CONSIDERABLE)
_EXPECTED = (
    ExpectedTime.WITHIN_1_MONTH,
    ExpectedTime.WITHIN_3_MONTHS,
    ExpectedTime.WITHIN_6_MONTHS,
)
_CONFIDENCE = (Confidence.HIGH, Confidence.SOME, Confidence.LOW)
_SUPPORT = (SupportWish.NO, SupportWish.MAYBE, SupportWish.YES)


def _level(uniform: float, score: float) -> LanguageLevel:
    if score < -1.2:
        return LanguageLevel.NONE
    if score < -0.4:
        return LanguageLevel.BASIC
    if score < 0.4:
        return LanguageLevel.GOOD
    return LanguageLevel.FLUENT if uniform < 0.7 else LanguageLevel.NATIVE


def _three(value: float, low: float, high: float, values: tuple[Any, Any, Any]) -> Any:
    return values[0] if value < low else values[1] if value < high else values[2]


class OnboardingGenerator:
    """Rows for one citizen at a time, drawn from one seeded Random in id order."""

    def __init__(self, seed: int, reference_date: date) -> None:
        self.rng = Random(f"jobunivers-demo-onboarding-{seed}")
        # The screening answers' draws come in blocks from numpy: far faster per row.
        self.draws = np.random.default_rng([seed, 7])
        self.reference_date = reference_date

    def block(self, size: int) -> tuple[list[list[float]], list[list[float]]]:
        """Normal and uniform draws for the screening answers of `size` citizens."""
        return (
            self.draws.standard_normal((size, 8)).tolist(),
            self.draws.random((size, 9)).tolist(),
        )

    def _moment(self, since: date | None) -> datetime:
        start = since or self.reference_date - timedelta(days=60)
        start = min(start, self.reference_date - timedelta(days=1))
        random = self.rng.random
        day = min(start + timedelta(days=int(random() * 15)), self.reference_date)
        return datetime.combine(day, time(8), tzinfo=UTC) + timedelta(
            minutes=int(random() * 600)
        )

    def screening(
        self,
        citizen_id: int,
        age: int,
        months_unemployed: float,
        at: datetime,
        g: list[float],
        u: list[float],
    ) -> dict[str, Any]:
        """The answers, from 8 standard normal (g) and 9 uniform (u) draws."""
        # One latent distance from work: higher means further from a job.
        distance = g[0] + 0.08 * min(months_unemployed, 24) + (0.4 if age >= 55 else 0)
        health = _three(distance + 0.8 * g[1], 1.0, 2.0, _LIMITS)
        danish = (
            LanguageLevel.NATIVE
            if u[0] < 0.82
            else _level(u[1], 0.9 * g[2] - 0.3 - 0.3 * distance)
        )
        english = _level(u[2], 0.9 * g[3] + (0.6 if age < 40 else 0) - 0.3 * distance)
        if english is LanguageLevel.NATIVE:
            english = LanguageLevel.FLUENT
        if u[3] < 0.1:
            expected = ExpectedTime.DONT_KNOW
        else:
            expected = _three(distance + 0.6 * g[4], -0.3, 1.2, _EXPECTED)
            if expected is ExpectedTime.WITHIN_6_MONTHS and distance > 2.0:
                expected = ExpectedTime.LONGER
        childcare = _three(u[4], 0.75, 0.95, _LIMITS) if 25 <= age < 45 else Limits.NONE
        # Getting around is hard for some, more often the further from work they are.
        transport = (
            Transport.LIMITED
            if u[5] < 0.05 + 0.08 * max(0.0, distance)
            else _TRANSPORT_PICK(u[6])
        )
        it = _three(distance + 0.03 * (age - 40) + 0.7 * g[5], 0.3, 1.3, _CONFIDENCE)
        search = _three(distance + 0.7 * g[6], 0.0, 1.2, _CONFIDENCE)
        support = _three(distance + 0.7 * g[7], 0.4, 1.3, _SUPPORT)
        needs = (
            NEEDS_TEXTS[int(u[8] * len(NEEDS_TEXTS))]
            if support is not SupportWish.NO and u[7] < 0.4
            else None
        )
        return {
            "citizen_id": citizen_id,
            "answered_at": at,
            "expected_time_to_job": expected,
            "health_limits": health,
            "danish_level": danish,
            "english_level": english,
            "childcare_limits": childcare,
            "transport": transport,
            "it_confidence": it,
            "search_confidence": search,
            "wants_support": support,
            "needs_in_own_words": needs,
        }

    def contact(self, citizen_id: int) -> dict[str, Any]:
        rng = self.rng
        channel = _CHANNEL(rng.random())
        language = "da" if rng.random() < 0.9 else rng.choice(OTHER_LANGUAGES)
        return {
            "citizen_id": citizen_id,
            "channel": channel,
            "language": language,
            "interpreter": language != "da" and rng.random() < 0.3,
        }

    def wishes(
        self, citizen_id: int, industries: list[str], health: Limits
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """An update of the citizen's job preferences (or None), and industry rows."""
        rng = self.rng
        chosen = [i for i in dict.fromkeys(industries) if rng.random() < 0.6][:2]
        rows = [{"citizen_id": citizen_id, "industry": code} for code in chosen]
        limited = health is not Limits.NONE
        if rng.random() > 0.35 and not limited:
            return None, rows
        start = (
            self.reference_date + timedelta(days=rng.choice((14, 30, 45, 60)))
            if rng.random() < 0.3
            else None
        )
        update_row = {
            "cid": citizen_id,
            "earliest_start": start,
            "remote_work": _REMOTE(rng.random()),
            "interests": rng.choice(INTERESTS) if rng.random() < 0.5 else None,
            "reduced_hours": limited and rng.random() < 0.5,
            "flexjob": health is Limits.CONSIDERABLE and rng.random() < 0.3,
            "accessibility_needs": (
                rng.choice(ACCESSIBILITY) if limited and rng.random() < 0.4 else None
            ),
        }
        return update_row, rows


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
    # The industries of each citizen's wished and past occupations, wishes first.
    industries: dict[int, list[str]] = defaultdict(list)
    rows = connection.execute(
        select(CitizenOccupation.citizen_id, Occupation.industry)
        .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
        .where(Occupation.industry.is_not(None))
        .order_by(
            CitizenOccupation.citizen_id,
            CitizenOccupation.link != OccupationLink.DESIRED,
            CitizenOccupation.id,
        )
    ).tuples()
    for citizen_id, industry in rows.all():
        industries[citizen_id].append(industry)
    unfinished = _shown_unfinished(session)
    finished = 0
    done = 0
    for batch in _batches(citizens, BATCH_SIZE):
        onboarding: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        screenings: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        industry_rows: list[dict[str, Any]] = []
        normals, uniforms = generator.block(len(batch))
        for index, (citizen_id, born, since) in enumerate(batch):
            draws = (normals[index], uniforms[index])
            has_cv = citizen_id in with_preferences
            shown, at_screening = unfinished.get(citizen_id, (False, False))
            at = generator._moment(since)
            if shown or (
                not has_cv and generator.rng.random() < NOT_STARTED_WITHOUT_CV
            ):
                # Stopped part-way (or never began): the guide resumes at this step.
                step = 3 if at_screening else generator.rng.randint(1, 4)
                if step > 1:
                    onboarding.append(
                        {
                            "citizen_id": citizen_id,
                            "current_step": step,
                            "started_at": at,
                            "completed_at": None,
                        }
                    )
                if step > 2:
                    contacts.append(generator.contact(citizen_id))
                if step > 3:
                    screenings.append(
                        _screening(generator, citizen_id, born, since, at, draws)
                    )
                continue
            finished += 1
            onboarding.append(
                {
                    "citizen_id": citizen_id,
                    "current_step": TOTAL_STEPS,
                    "started_at": at,
                    "completed_at": at
                    + timedelta(minutes=generator.rng.randint(6, 40)),
                }
            )
            contacts.append(generator.contact(citizen_id))
            answers = _screening(generator, citizen_id, born, since, at, draws)
            screenings.append(answers)
            if has_cv:
                wish, rows = generator.wishes(
                    citizen_id, industries.get(citizen_id, []), answers["health_limits"]
                )
                if wish is not None:
                    updates.append(wish)
                industry_rows.extend(rows)
        bulk_insert(session, Onboarding.__table__, onboarding)
        bulk_insert(session, ContactPreferences.__table__, contacts)
        bulk_insert(session, ScreeningAnswers.__table__, screenings)
        bulk_insert(session, CitizenIndustry.__table__, industry_rows)
        if updates:
            table = JobPreferences.__table__
            session.execute(
                update(table)
                .where(table.c.citizen_id == bindparam("cid"))
                .values(
                    {name: bindparam(name) for name in updates[0] if name != "cid"}
                ),
                updates,
            )
        done += len(batch)
        report(
            f"Onboarding: {done:,} of {len(citizens):,} citizens "
            f"({finished:,} finished the guide)."
        )
    return finished


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
