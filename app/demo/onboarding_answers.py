"""SYNTHETIC answers in the demo's first-log-in guide: contact preferences, the early
screening answers, and wishes and needs beyond the CV, for one citizen at a time.

The screening answers hang together through one drawn "distance from work" per citizen
(longer unemployment, age and health push it up), so some citizens want support and
expect a long search, as real ones do. app.demo.onboarding decides who answers what.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

import numpy as np

from app.models import (
    Channel,
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    RemoteWork,
    SupportWish,
    Transport,
)

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


def _languages(
    age: int, distance: float, g: list[float], u: list[float]
) -> tuple[LanguageLevel, LanguageLevel]:
    """Danish and English levels; most are native Danish speakers."""
    danish = (
        LanguageLevel.NATIVE
        if u[0] < 0.82
        else _level(u[1], 0.9 * g[2] - 0.3 - 0.3 * distance)
    )
    english = _level(u[2], 0.9 * g[3] + (0.6 if age < 40 else 0) - 0.3 * distance)
    if english is LanguageLevel.NATIVE:
        english = LanguageLevel.FLUENT
    return danish, english


def _expected(distance: float, normal: float, uniform: float) -> ExpectedTime:
    if uniform < 0.1:
        return ExpectedTime.DONT_KNOW
    expected = _three(distance + 0.6 * normal, -0.3, 1.2, _EXPECTED)
    if expected is ExpectedTime.WITHIN_6_MONTHS and distance > 2.0:
        return ExpectedTime.LONGER
    return expected


def _transport(distance: float, limited: float, pick: float) -> Transport:
    # Getting around is hard for some, more often the further from work they are.
    if limited < 0.05 + 0.08 * max(0.0, distance):
        return Transport.LIMITED
    return _TRANSPORT_PICK(pick)


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

    def started_at(self, since: date | None) -> datetime:
        """When a citizen unemployed since `since` opened the guide: within 15 days."""
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
        danish, english = _languages(age, distance, g, u)
        it = _three(distance + 0.03 * (age - 40) + 0.7 * g[5], 0.3, 1.3, _CONFIDENCE)
        support = _three(distance + 0.7 * g[7], 0.4, 1.3, _SUPPORT)
        return {
            "citizen_id": citizen_id,
            "answered_at": at,
            "expected_time_to_job": _expected(distance, g[4], u[3]),
            "health_limits": _three(distance + 0.8 * g[1], 1.0, 2.0, _LIMITS),
            "danish_level": danish,
            "english_level": english,
            "childcare_limits": (
                _three(u[4], 0.75, 0.95, _LIMITS) if 25 <= age < 45 else Limits.NONE
            ),
            "transport": _transport(distance, u[5], u[6]),
            "it_confidence": it,
            "search_confidence": _three(distance + 0.7 * g[6], 0.0, 1.2, _CONFIDENCE),
            "wants_support": support,
            "needs_in_own_words": (
                NEEDS_TEXTS[int(u[8] * len(NEEDS_TEXTS))]
                if support is not SupportWish.NO and u[7] < 0.4
                else None
            ),
        }

    def contact(self, citizen_id: int) -> dict[str, Any]:
        """The citizen's contact preferences: channel, language, interpreter."""
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
