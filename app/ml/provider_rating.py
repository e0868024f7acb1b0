"""Honest results of services: observed and risk-adjusted value added, with intervals.

Pure: plain dataclasses in and out (numpy and scikit-learn only). For each group (an
offering or a provider) it gives the share of participants in work or education some
months after the start, and the value added: that share minus the share expected from
the participants' starting position. The expectation comes from ONE logistic model of
the starting position, fitted on every participant of every provider, so each group is
measured the same way and a provider that takes participants far from the labour
market is not punished for it. The value added is thus relative to the average
service. The 90 % interval is analytic: the standard error of the mean difference
between outcome and expectation, plus the uncertainty of the expected mean itself.
A group with fewer finished participants than `min_n` gets no figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

MODEL_VERSION = "provider-rating-2026.1"
Z90 = 1.644854
HORIZONS = (3, 6)
DEFAULT_AGE = 40


@dataclass(frozen=True)
class Participation:
    """One finished or left participation: the starting position and the outcomes.

    `in_work_3` / `in_work_6` are None when the outcome is not known (yet).
    """

    group: int
    support_track: bool
    months_unemployed: int
    age: int | None
    in_work_3: bool | None
    in_work_6: bool | None


@dataclass(frozen=True)
class GroupResult:
    """One group's result at one horizon. Shares are fractions (0-1)."""

    group: int
    horizon: int
    n: int
    enough: bool
    observed: float | None = None
    expected: float | None = None
    value_added: float | None = None
    low: float | None = None
    high: float | None = None
    model_version: str = MODEL_VERSION


def _features(rows: Sequence[Participation]) -> np.ndarray:
    support = np.fromiter((r.support_track for r in rows), float, len(rows))
    months = np.fromiter((r.months_unemployed for r in rows), float, len(rows))
    age = np.fromiter(
        (DEFAULT_AGE if r.age is None else r.age for r in rows), float, len(rows)
    )
    age = (age - 40.0) / 10.0
    return np.column_stack([support, np.log1p(months), age, age * age])


def _outcomes(rows: Sequence[Participation], horizon: int) -> np.ndarray:
    """1/0 per row, NaN where the outcome is unknown."""
    attribute = f"in_work_{horizon}"
    values = (getattr(r, attribute) for r in rows)
    return np.fromiter(
        (np.nan if v is None else float(v) for v in values), float, len(rows)
    )


def rate_groups(
    rows: Sequence[Participation],
    *,
    horizon: int = 6,
    min_n: int = 20,
) -> dict[int, GroupResult]:
    """Every group's result at `horizon` months, by group id."""
    if horizon not in HORIZONS:
        raise ValueError(f"horizon must be one of {HORIZONS}")
    groups = np.fromiter((r.group for r in rows), np.int64, len(rows))
    y = _outcomes(rows, horizon)
    known = ~np.isnan(y)
    results: dict[int, GroupResult] = {}
    counts = {int(g): 0 for g in np.unique(groups)}
    if known.any():
        ids, n_known = np.unique(groups[known], return_counts=True)
        counts.update({int(g): int(n) for g, n in zip(ids, n_known, strict=True)})
    expected = _expected(_features(rows), y, known)
    if expected is not None:
        _fill(results, groups[known], y[known], expected[known], horizon, min_n)
    for group, n in counts.items():
        if group not in results:
            results[group] = GroupResult(group, horizon, n, enough=False)
    return results


def _expected(x: np.ndarray, y: np.ndarray, known: np.ndarray) -> np.ndarray | None:
    """The probability of the outcome from the starting position alone (None: no fit)."""
    outcomes = y[known]
    if outcomes.size < 2 or outcomes.min() == outcomes.max():
        return None
    model = LogisticRegression(C=1e4, max_iter=500)
    model.fit(x[known], outcomes.astype(int))
    return model.predict_proba(x)[:, 1]


def _fill(
    results: dict[int, GroupResult],
    groups: np.ndarray,
    y: np.ndarray,
    p: np.ndarray,
    horizon: int,
    min_n: int,
) -> None:
    ids, inverse, n = np.unique(groups, return_inverse=True, return_counts=True)
    observed = np.bincount(inverse, weights=y) / n
    expected = np.bincount(inverse, weights=p) / n
    diff = y - p
    mean_diff = observed - expected
    squares = np.bincount(inverse, weights=(diff - mean_diff[inverse]) ** 2)
    # The sample variance of (outcome - expectation), never below the binomial
    # variance the expectations imply (small groups with all-equal outcomes).
    sample_var = squares / np.maximum(n - 1, 1)
    model_var = np.bincount(inverse, weights=p * (1 - p)) / n
    se = np.sqrt(np.maximum(sample_var, model_var) / n)
    # The pooled model's own uncertainty about this group's expected share.
    pooled_n = len(y)
    se = np.sqrt(se**2 + model_var / pooled_n)
    for k, group in enumerate(ids):
        size = int(n[k])
        if size < min_n:
            results[int(group)] = GroupResult(int(group), horizon, size, enough=False)
            continue
        value_added = float(mean_diff[k])
        half = Z90 * float(se[k])
        results[int(group)] = GroupResult(
            group=int(group),
            horizon=horizon,
            n=size,
            enough=True,
            observed=float(observed[k]),
            expected=float(expected[k]),
            value_added=value_added,
            low=value_added - half,
            high=value_added + half,
        )


@dataclass(frozen=True)
class IntakeMix:
    """Who a group takes in, and who leaves it: cream-skimming shows here."""

    group: int
    started: int
    support_share: float
    long_term_share: float  # unemployed 12 months or more at the start
    requests: int
    declined: int
    left: int

    @property
    def drop_out_share(self) -> float:
        return self.left / self.started if self.started else 0.0

    @property
    def declined_share(self) -> float:
        return self.declined / self.requests if self.requests else 0.0


def sort_key(result: GroupResult | None) -> tuple[int, float]:
    """Rated groups first, best adjusted result first; then the rest."""
    if result is None or not result.enough or result.value_added is None:
        return (1, 0.0)
    return (0, -result.value_added)


def percentage_points(value: float) -> int:
    """A share difference as whole percentage points (for pages)."""
    return int(math.floor(value * 100 + 0.5))
