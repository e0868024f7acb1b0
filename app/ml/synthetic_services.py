"""SYNTHETIC participations in services, with true effects known to the generator.

Pure and deterministic given a seed. Each offering has an intake (how many of its
participants have a caseworker's support, how long they have been unemployed) and a
true effect on the chance of work or education. The outcome is drawn from the chance
the starting position gives, plus the effect. The truth the rating method should
recover is the offering's mean effect on its own participants, relative to the mean
effect over all participants (the rating's value added is relative to the average
service). None of these people or outcomes are real.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from app.ml.provider_rating import Participation


@dataclass(frozen=True)
class SyntheticOffering:
    """One offering as the generator sees it."""

    group: int
    participants: int
    support_share: float  # of its intake, how many have a caseworker's support
    effect: float  # added to the chance of work or education (-0.15 .. 0.15)


def base_chance(support: bool, months: int, age: int, horizon: int) -> float:
    """The chance of work or education from the starting position alone."""
    age_c = (age - 40) / 10
    logit = (
        (0.1 if horizon == 6 else -0.5)
        - 1.1 * support
        - 0.35 * math.log1p(months)
        - 0.2 * age_c
        - 0.15 * age_c * age_c
    )
    return 1 / (1 + math.exp(-logit))


def _clip(p: float) -> float:
    return min(0.98, max(0.02, p))


def draw_offerings(
    count: int, seed: int, low: int = 5, high: int = 120
) -> list[SyntheticOffering]:
    """Offerings with varied sizes, intakes and effects."""
    rng = Random(seed)
    return [
        SyntheticOffering(
            group=k + 1,
            participants=rng.randint(low, high),
            support_share=rng.choice((0.1, 0.25, 0.4, 0.6, 0.8)),
            effect=round(rng.gauss(0.0, 0.07), 3),
        )
        for k in range(count)
    ]


def draw_position(rng: Random, support_share: float) -> tuple[bool, int, int]:
    """A starting position: support, months unemployed, age."""
    support = rng.random() < support_share
    months = int(rng.expovariate(1 / (14 if support else 5)))
    age = min(66, max(18, int(rng.gauss(41 if support else 36, 11))))
    return support, months, age


def simulate(
    offerings: Sequence[SyntheticOffering], seed: int
) -> tuple[list[Participation], dict[int, dict[int, float]]]:
    """Participations and the true value added per offering and horizon."""
    rng = Random(seed)
    rows: list[Participation] = []
    lifts: dict[int, dict[int, list[float]]] = {3: {}, 6: {}}
    for offering in offerings:
        for _ in range(offering.participants):
            support, months, age = draw_position(rng, offering.support_share)
            outcomes: dict[int, bool] = {}
            for horizon in (3, 6):
                base = base_chance(support, months, age, horizon)
                chance = _clip(base + offering.effect)
                lifts[horizon].setdefault(offering.group, []).append(chance - base)
                outcomes[horizon] = rng.random() < chance
            rows.append(
                Participation(
                    group=offering.group,
                    support_track=support,
                    months_unemployed=months,
                    age=age,
                    in_work_3=outcomes[3],
                    in_work_6=outcomes[6],
                )
            )
    truth: dict[int, dict[int, float]] = {}
    for horizon, by_group in lifts.items():
        every = [lift for group in by_group.values() for lift in group]
        mean_all = sum(every) / len(every) if every else 0.0
        truth[horizon] = {
            group: sum(values) / len(values) - mean_all
            for group, values in by_group.items()
        }
    return rows, truth
