"""A SYNTHETIC labelled cohort of past jobseekers, to train and check segmentation on.

None of it is about real people. The outcome (more than 26 weeks unemployed) comes from
a plausible generating process written down in _cohort_logit: the time already
unemployed, earlier spells, education, health, Danish, the citizen's own expectation and
the local demand for their wished occupations raise or lower the risk; age and origin
also matter (as they do in real registers), mostly through the other variables, so the
fairness audit has something real to look at. The same seed gives the same cohort.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.ml.segmentation import SegmentationInput

HISTORY_SEED = 2026


COHORT_SIZE = 20_000


AGE_BANDS = ("under_30", "30_49", "50_plus")


@dataclass(frozen=True)
class PastJobseeker:
    """One synthetic past jobseeker: what the model sees, the outcome, and the groups."""

    features: SegmentationInput
    long_term: int  # 1: unemployed for more than 26 weeks
    gender: str
    origin: str
    age_band: str


def _choice(rng: np.random.Generator, values: list[str], probs: list[float], n: int):
    return rng.choice(np.asarray(values), size=n, p=np.asarray(probs))


def synthetic_cohort(
    n: int = COHORT_SIZE, seed: int = HISTORY_SEED
) -> list[PastJobseeker]:
    """A labelled SYNTHETIC cohort; deterministic by seed."""
    rng = np.random.default_rng(seed)
    gender = _choice(rng, ["female", "male"], [0.5, 0.5], n)
    origin = _choice(rng, ["danish", "western", "non_western"], [0.8, 0.07, 0.13], n)
    age_band = _choice(rng, list(AGE_BANDS), [0.3, 0.45, 0.25], n)
    non_western = origin == "non_western"
    older = age_band == "50_plus"
    items = _situations(rng, n, origin, age_band)
    logit = _cohort_logit(items) + np.where(older, 0.35, 0.0) + 0.15 * non_western
    outcome = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(int)
    return [
        PastJobseeker(
            items[i], int(outcome[i]), str(gender[i]), str(origin[i]), str(age_band[i])
        )
        for i in range(n)
    ]


def _situations(
    rng: np.random.Generator, n: int, origin: np.ndarray, age_band: np.ndarray
) -> list[SegmentationInput]:
    """What the model sees of each past jobseeker, drawn given their origin and age."""
    non_western = origin == "non_western"
    older = age_band == "50_plus"
    young = age_band == "under_30"
    weeks = np.minimum(rng.exponential(9.0, n) * np.where(older, 1.4, 1.0), 104)
    earlier_spells = rng.poisson(np.where(young, 0.6, 1.1))
    earlier_weeks = earlier_spells * rng.exponential(10.0, n)
    education = np.where(
        non_western,
        _choice(rng, list(_EDU), [0.3, 0.15, 0.2, 0.08, 0.15, 0.1, 0.02], n),
        _choice(rng, list(_EDU), [0.15, 0.15, 0.3, 0.1, 0.17, 0.11, 0.02], n),
    )
    applications = rng.poisson(np.where(older, 3.0, 5.0))
    desired = np.clip(rng.poisson(2.0, n), 0, 6)
    matching = rng.poisson(desired * rng.gamma(2.0, 6.0, n))
    expected = _choice(
        rng, ["1m", "3m", "6m", "longer", "unknown"], [0.25, 0.35, 0.15, 0.1, 0.15], n
    )
    health = _choice(rng, ["none", "some", "considerable"], [0.72, 0.2, 0.08], n)
    danish = np.where(
        origin == "danish",
        "native",
        _choice(rng, ["none", "basic", "good", "fluent"], [0.12, 0.3, 0.38, 0.2], n),
    )
    childcare = _choice(rng, ["none", "some", "considerable"], [0.8, 0.15, 0.05], n)
    transport = rng.random(n) < 0.12
    it_conf = np.where(
        older,
        _choice(rng, ["high", "some", "low"], [0.45, 0.35, 0.2], n),
        _choice(rng, ["high", "some", "low"], [0.7, 0.22, 0.08], n),
    )
    search_conf = _choice(rng, ["high", "some", "low"], [0.5, 0.35, 0.15], n)

    return [
        SegmentationInput(
            weeks_unemployed=round(float(weeks[i]), 1),
            earlier_spells=int(earlier_spells[i]),
            earlier_weeks=round(float(earlier_weeks[i]), 1),
            education=str(education[i]),
            applications_4w=int(applications[i]),
            desired_occupations=int(desired[i]),
            matching_postings=int(matching[i]),
            expected_time_to_job=str(expected[i]),
            health_limits=str(health[i]),
            danish_level=str(danish[i]),
            childcare_limits=str(childcare[i]),
            limited_transport=bool(transport[i]),
            it_confidence=str(it_conf[i]),
            search_confidence=str(search_conf[i]),
        )
        for i in range(n)
    ]


_EDU = (
    "primary",
    "upper_secondary",
    "vocational",
    "short_cycle",
    "bachelor",
    "master",
    "doctorate",
)


_EXPECTED = {"1m": -0.9, "3m": -0.3, "6m": 0.3, "longer": 0.8, "unknown": 0.2}


_LIMITS = {"none": 0.0, "some": 0.5, "considerable": 1.1}


_DANISH = {"native": 0.0, "fluent": 0.0, "good": 0.25, "basic": 0.6, "none": 0.9}


_CONF = {"high": 0.0, "some": 0.2, "low": 0.45}


_EDU_EFFECT = dict(zip(_EDU, (0.5, 0.2, 0.0, -0.1, -0.3, -0.35, -0.35), strict=True))


def _cohort_logit(items: list[SegmentationInput]) -> np.ndarray:
    # The generating process: log-odds of more than 26 weeks, before age and origin.
    return np.asarray(
        [
            -1.6
            + 0.45 * np.log1p(it.weeks_unemployed)
            + 0.2 * min(it.earlier_spells, 6)
            + 0.15 * np.log1p(it.earlier_weeks)
            + _EDU_EFFECT.get(it.education or "", 0.0)
            - 0.3 * np.log1p(it.applications_4w)
            - 0.08 * it.desired_occupations
            - 0.25 * np.log1p(it.matching_postings)
            + _EXPECTED[it.expected_time_to_job]
            + _LIMITS[it.health_limits]
            + _DANISH[it.danish_level]
            + 0.4 * _LIMITS[it.childcare_limits]
            + (0.4 if it.limited_transport else 0.0)
            + _CONF[it.it_confidence]
            + _CONF[it.search_confidence]
            for it in items
        ]
    )
