"""Fairness figures: rates by group with Wilson 95 % intervals, and the largest gap.

Pure: plain sequences in, dataclasses out. The groups (gender, age band, origin) are
given by the caller; the segmentation model never sees them. A group with fewer people
than `min_n` is too small to show (it could point at someone, and its rate is mostly
chance): it is left out of the gap and the warnings.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959964


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (0, 1 when there is no data)."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    """One rate in one group: count, size, and the 95 % interval."""

    group: str
    count: int
    n: int

    @property
    def rate(self) -> float:
        return self.count / self.n if self.n else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.count, self.n)


@dataclass(frozen=True)
class GroupRates:
    """A measure (e.g. flag rate) across the groups of one attribute."""

    attribute: str
    measure: str
    rates: tuple[Rate, ...]
    max_gap: float
    min_n: int = 0

    def too_few(self, rate: Rate) -> bool:
        """Whether a group is too small to show or compare."""
        return rate.n == 0 or rate.n < self.min_n

    @property
    def shown(self) -> tuple[Rate, ...]:
        """The groups large enough to show and compare."""
        return tuple(r for r in self.rates if not self.too_few(r))

    @property
    def gap(self) -> float:
        """The largest difference between two shown groups' rates (0 to 1)."""
        usable = [r.rate for r in self.shown]
        return max(usable) - min(usable) if len(usable) > 1 else 0.0

    @property
    def exceeds(self) -> bool:
        return self.gap > self.max_gap

    @property
    def clearly_exceeds(self) -> bool:
        """The gap exceeds the limit even between the groups' interval edges."""
        usable = self.shown
        if len(usable) < 2:
            return False
        highest_low = max(r.interval[0] for r in usable)
        lowest_high = min(r.interval[1] for r in usable)
        return highest_low - lowest_high > self.max_gap


def group_rates(
    attribute: str,
    measure: str,
    groups: Sequence[str | None],
    hits: Sequence[bool],
    max_gap: float,
    among: Sequence[bool] | None = None,
    min_n: int = 0,
) -> GroupRates:
    """The share of hits in each group (only rows where among is true, if given);
    groups under min_n people are kept but not shown or compared."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, group in enumerate(groups):
        if group is None or (among is not None and not among[i]):
            continue
        counts[group][1] += 1
        counts[group][0] += int(bool(hits[i]))
    rates = tuple(Rate(g, c[0], c[1]) for g, c in sorted(counts.items()))
    return GroupRates(attribute, measure, rates, max_gap, min_n)


def error_rates(
    attribute: str,
    groups: Sequence[str | None],
    outcomes: Sequence[int],
    flagged: Sequence[bool],
    max_gap: float,
    min_n: int = 0,
) -> tuple[GroupRates, GroupRates]:
    """False-positive rate (flagged, yet found work) and false-negative rate by group."""
    negatives = [not bool(y) for y in outcomes]
    positives = [bool(y) for y in outcomes]
    false_positive = group_rates(
        attribute,
        "false_positive",
        groups,
        flagged,
        max_gap,
        among=negatives,
        min_n=min_n,
    )
    false_negative = group_rates(
        attribute,
        "false_negative",
        groups,
        [not f for f in flagged],
        max_gap,
        among=positives,
        min_n=min_n,
    )
    return false_positive, false_negative


def age_band(age: int | None) -> str | None:
    """The audit's age bands."""
    if age is None:
        return None
    if age < 30:
        return "under_30"
    if age < 50:
        return "30_49"
    return "50_plus"
