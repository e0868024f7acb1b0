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
) -> Callable[[Random], Any]:
    """A fast weighted pick (random.choices recomputes its sums on every call)."""
    total = sum(weights)
    bounds = list(itertools.accumulate(w / total for w in weights))
    bounds[-1] = 1.0

    def pick(rng: Random) -> Any:
        return values[bisect.bisect_right(bounds, rng.random())]

    return pick


_CHANNEL = _weighted((Channel.DIGITAL, Channel.PHONE, Channel.IN_PERSON), (75, 15, 10))
_REMOTE = _weighted(
    (RemoteWork.NO, RemoteWork.PARTLY, RemoteWork.FULLY, RemoteWork.NO_PREFERENCE),
    (30, 25, 5, 40),
)
_TRANSPORT = (Transport.CAR, Transport.PUBLIC, Transport.BIKE_OR_WALK)
_TRANSPORT_PICK = _weighted(_TRANSPORT, (45, 30, 20))


def _level(rng: Random, score: float) -> LanguageLevel:
    if score < -1.2:
        return LanguageLevel.NONE
    if score < -0.4:
        return LanguageLevel.BASIC
    if score < 0.4:
        return LanguageLevel.GOOD
    return LanguageLevel.FLUENT if rng.random() < 0.7 else LanguageLevel.NATIVE


def _three(value: float, low: float, high: float, values: tuple[Any, Any, Any]) -> Any:
    return values[0] if value < low else values[1] if value < high else values[2]


class OnboardingGenerator:
    """Rows for one citizen at a time, drawn from one seeded Random in id order."""

    def __init__(self, seed: int, reference_date: date) -> None:
        self.rng = Random(f"jobunivers-demo-onboarding-{seed}")
        self.reference_date = reference_date

    def _moment(self, since: date | None) -> datetime:
        start = since or self.reference_date - timedelta(days=60)
        start = min(start, self.reference_date - timedelta(days=1))
        day = start + timedelta(days=self.rng.randint(0, 14))
        day = min(day, self.reference_date)
        return datetime.combine(day, time(8), tzinfo=UTC) + timedelta(
            minutes=self.rng.randint(0, 10 * 60)
        )

    def screening(
        self, citizen_id: int, age: int, months_unemployed: float, at: datetime
    ) -> dict[str, Any]:
        rng = self.rng
        # One latent distance from work: higher means further from a job.
        distance = (
            rng.gauss(0, 1)
            + 0.08 * min(months_unemployed, 24)
            + (0.4 if age >= 55 else 0.0)
        )
        health = _three(
            distance + rng.gauss(0, 0.8),
            1.0,
            2.0,
            (Limits.NONE, Limits.SOME, Limits.CONSIDERABLE),
        )
        danish = (
            LanguageLevel.NATIVE
            if rng.random() < 0.82
            else _level(rng, rng.gauss(-0.3, 0.9) - 0.3 * distance)
        )
        english = _level(rng, rng.gauss(0.6 if age < 40 else 0.0, 0.9) - 0.3 * distance)
        if english is LanguageLevel.NATIVE:
            english = LanguageLevel.FLUENT
        expected = (
            ExpectedTime.DONT_KNOW
            if rng.random() < 0.1
            else _three(
                distance + rng.gauss(0, 0.6),
                -0.3,
                1.2,
                (
                    ExpectedTime.WITHIN_1_MONTH,
                    ExpectedTime.WITHIN_3_MONTHS,
                    ExpectedTime.WITHIN_6_MONTHS,
                ),
            )
        )
        if expected is ExpectedTime.WITHIN_6_MONTHS and distance > 2.0:
            expected = ExpectedTime.LONGER
        childcare = (
            _three(
                rng.random(),
                0.75,
                0.95,
                (Limits.NONE, Limits.SOME, Limits.CONSIDERABLE),
            )
            if 25 <= age < 45
            else Limits.NONE
        )
        transport = rng.choices(
            (
                Transport.CAR,
                Transport.PUBLIC,
                Transport.BIKE_OR_WALK,
                Transport.LIMITED,
            ),
            weights=(45, 30, 20, 5 + 10 * max(0.0, distance)),
        )[0]
        confidence = (Confidence.HIGH, Confidence.SOME, Confidence.LOW)
        it = _three(
            distance + 0.03 * (age - 40) + rng.gauss(0, 0.7), 0.3, 1.3, confidence
        )
        search = _three(distance + rng.gauss(0, 0.7), 0.0, 1.2, confidence)
        support = _three(
            distance + rng.gauss(0, 0.7),
            0.4,
            1.3,
            (SupportWish.NO, SupportWish.MAYBE, SupportWish.YES),
        )
        needs = (
            rng.choice(NEEDS_TEXTS)
            if support is not SupportWish.NO and rng.random() < 0.4
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
        channel = _CHANNEL(rng)
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
            "remote_work": _REMOTE(rng),
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
    industries: dict[int, list[str]] = defaultdict(list)
    for citizen_id, industry in connection.execute(
        select(CitizenOccupation.citizen_id, Occupation.industry)
        .join(Occupation, Occupation.id == CitizenOccupation.occupation_id)
        .where(Occupation.industry.is_not(None))
        .order_by(
            CitizenOccupation.citizen_id,
            CitizenOccupation.link != OccupationLink.DESIRED,
            CitizenOccupation.id,
        )
    ):
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
        for citizen_id, born, since in batch:
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
                        _screening(
                            generator, citizen_id, born, since, at, reference_date
                        )
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
            answers = _screening(generator, citizen_id, born, since, at, reference_date)
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
    reference_date: date,
) -> dict[str, Any]:
    age = (reference_date - born).days // 365 if born else 40
    months = (reference_date - since).days / 30.4 if since else 2.0
    return generator.screening(citizen_id, age, max(0.0, months), at)


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
