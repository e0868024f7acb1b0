"""A SYNTHETIC history of past interventions whose true effects the generator knows.

None of it is about real people. Each synthetic person has a profile, a target group
(job-ready, activity-ready, sick-listed with an expected absence), protected attributes
kept apart (gender, origin, age band: never model inputs, used only by the fairness
audit), BOTH potential outcomes of every intervention (sharing the same noise, so each
person's true effect is exact), and the one intervention the job centre actually gave,
chosen the way caseworkers do: by the profile (confounded), never fully at random.

The effects are plausible, not measured: practice in a company helps activity-ready and
long-unemployed people; wage subsidy helps the long-unemployed job-ready; courses lock
people in (negative for the short-term job-ready); language and health offers help those
who need them; sickness follow-up helps the sick-listed with an expected absence under
26 weeks. The same seed gives the same history.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.ml.effects import EffectData

EFFECTS_SEED = 2027
HISTORY_SIZE = 24_000

CONTROL = "none"
ARMS = (
    CONTROL,
    "company_internship",
    "wage_subsidy",
    "guidance_upskilling",
    "mentor",
    "sickness_followup",
    "course",
    "job_search_tool",
    "health",
    "language",
)

FEATURES = (
    "weeks_unemployed",
    "earlier_spells",
    "education_level",
    "health_limits",
    "danish_needs",
    "activity_ready",
    "sick_listed",
    "expected_absence_weeks",
)

SPLIT_FEATURES = FEATURES


@dataclass(frozen=True)
class SyntheticHistory:
    """The SYNTHETIC history: data for the estimator, the truth, and protected groups."""

    data: EffectData
    true_weeks_saved: np.ndarray  # n x arms, exact per person (0 for the control)
    true_employed_gain: np.ndarray  # n x arms, -1/0/1 per person
    baseline_weeks: np.ndarray  # the weeks without intervention
    baseline_employed: np.ndarray
    propensity: np.ndarray  # n x arms, the true assignment probabilities
    gender: tuple[str, ...]
    origin: tuple[str, ...]
    age_band: tuple[str, ...]


def _true_weeks_saved(x: dict[str, np.ndarray]) -> np.ndarray:
    weeks = np.minimum(x["weeks_unemployed"], 52)
    act, sick = x["activity_ready"], x["sick_listed"]
    job_ready = (1 - act) * (1 - sick)
    edu, health, danish = x["education_level"], x["health_limits"], x["danish_needs"]
    absence = x["expected_absence_weeks"]
    short_ready = job_ready * (weeks < 8)
    columns = [
        np.zeros_like(weeks),
        2.5 * act + 0.06 * weeks - 1.5 * short_ready - 1.5 * sick,
        0.09 * weeks + 1.0 * job_ready - 2.0 * sick - 0.5,
        1.8 * (edu <= 1) - 0.8 + 0.5 * act,
        2.2 * act * (health >= 1) + 0.4,
        sick * np.where(absence <= 26, 3.0, 1.0) - 0.3 * (1 - sick),
        0.4 - 1.0 * short_ready,
        1.2 * job_ready * (weeks < 13) + 0.2,
        2.5 * (health >= 1) - 0.3,
        2.0 * (danish >= 1) - 0.5,
    ]
    return np.column_stack(columns)


def _assignment_scores(x: dict[str, np.ndarray]) -> np.ndarray:
    weeks = np.minimum(x["weeks_unemployed"], 52)
    act, sick = x["activity_ready"], x["sick_listed"]
    job_ready = (1 - act) * (1 - sick)
    edu, health, danish = x["education_level"], x["health_limits"], x["danish_needs"]
    columns = [
        np.full_like(weeks, 1.2) + 0.5 * job_ready,
        0.9 * act + 0.02 * weeks,
        0.6 * job_ready + 0.025 * weeks - 2.0 * sick,
        0.7 * (edu <= 1),
        0.9 * act * (health >= 1),
        2.2 * sick - 1.5 * (1 - sick),
        np.zeros_like(weeks),
        0.6 * job_ready,
        0.9 * (health >= 1),
        1.2 * (danish >= 1) - 1.0,
    ]
    return np.column_stack(columns)


def synthetic_history(
    n: int = HISTORY_SIZE, seed: int = EFFECTS_SEED
) -> SyntheticHistory:
    """A SYNTHETIC labelled history with known individual effects; deterministic."""
    rng = np.random.default_rng(seed)
    gender = rng.choice(np.array(["female", "male"]), n)
    origin = rng.choice(
        np.array(["danish", "western", "non_western"]), n, p=[0.8, 0.07, 0.13]
    )
    age_band = rng.choice(
        np.array(["under_30", "30_49", "50_plus"]), n, p=[0.3, 0.45, 0.25]
    )
    older = (age_band == "50_plus").astype(float)
    non_western = (origin == "non_western").astype(float)
    group = rng.choice(3, n, p=[0.5, 0.3, 0.2])  # job-ready, activity-ready, sick
    act = (group == 1).astype(float)
    sick = (group == 2).astype(float)
    x = {
        "weeks_unemployed": np.round(
            np.minimum(rng.exponential(10.0, n) * (1 + 0.4 * older + 0.5 * act), 104),
            1,
        ),
        "earlier_spells": rng.poisson(0.6 + 0.6 * act).astype(float),
        "education_level": np.clip(
            rng.choice(7, n, p=[0.16, 0.15, 0.3, 0.1, 0.16, 0.11, 0.02])
            - (rng.random(n) < 0.3 * non_western),
            0,
            6,
        ).astype(float),
        "health_limits": np.where(
            sick == 1,
            rng.choice(3, n, p=[0.1, 0.5, 0.4]),
            rng.choice(3, n, p=[0.7, 0.22, 0.08]) + (rng.random(n) < 0.2 * act),
        )
        .clip(0, 2)
        .astype(float),
        "danish_needs": np.where(
            non_western + (origin == "western") > 0,
            rng.choice(3, n, p=[0.3, 0.4, 0.3]),
            0,
        ).astype(float),
        "activity_ready": act,
        "sick_listed": sick,
        "expected_absence_weeks": np.where(
            sick == 1, rng.choice([4, 8, 13, 20, 26, 39, 52], n), 0
        ).astype(float),
    }
    features = np.column_stack([x[name] for name in FEATURES])
    saved = _true_weeks_saved(x)
    baseline = (
        9.0
        + 0.25 * np.minimum(x["weeks_unemployed"], 52)
        + 3.0 * x["health_limits"]
        + 2.0 * x["danish_needs"]
        + 8.0 * act
        + 0.3 * x["expected_absence_weeks"]
        + 1.5 * x["earlier_spells"]
        - 0.8 * x["education_level"]
        + 3.0 * older
        + 1.0 * non_western
    )
    noise = rng.normal(0.0, 4.0, n)
    potential_weeks = np.maximum(1.0, baseline[:, None] + noise[:, None] - saved)
    true_saved = potential_weeks[:, [0]] - potential_weeks
    logit = (
        1.0
        - 0.04 * np.minimum(x["weeks_unemployed"], 52)
        - 0.5 * x["health_limits"]
        - 0.3 * x["danish_needs"]
        - 1.2 * act
        - 0.8 * sick * (x["expected_absence_weeks"] > 26)
        + 0.15 * x["education_level"]
        - 0.4 * older
    )
    probability = 1 / (1 + np.exp(-(logit[:, None] + 0.12 * saved)))
    u = rng.random(n)
    potential_employed = (u[:, None] < probability).astype(int)
    true_gain = potential_employed - potential_employed[:, [0]]
    scores = _assignment_scores(x)
    soft = np.exp(scores - scores.max(axis=1, keepdims=True))
    soft /= soft.sum(axis=1, keepdims=True)
    propensity = 0.85 * soft + 0.15 / len(ARMS)
    draws = rng.random(n)
    assigned = (propensity.cumsum(axis=1) < draws[:, None]).sum(axis=1)
    assigned = np.minimum(assigned, len(ARMS) - 1)
    rows = np.arange(n)
    data = EffectData(
        feature_names=FEATURES,
        features=features,
        treatment=tuple(ARMS[a] for a in assigned),
        weeks=potential_weeks[rows, assigned],
        employed_6m=potential_employed[rows, assigned],
    )
    return SyntheticHistory(
        data=data,
        true_weeks_saved=true_saved,
        true_employed_gain=true_gain,
        baseline_weeks=potential_weeks[:, 0],
        baseline_employed=potential_employed[:, 0],
        propensity=propensity,
        gender=tuple(str(v) for v in gender),
        origin=tuple(str(v) for v in origin),
        age_band=tuple(str(v) for v in age_band),
    )
