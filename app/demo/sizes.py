"""The two sizes of the demo: who lives where, and how counts are shared out."""

from __future__ import annotations

from app.data.geo_tables import POPULATION

# "double" is the national demo twice over (240,000 citizens, 100,000 postings): for
# showing that the pages' cost does not grow with the data (benchmarks/bench_pages.py).
SIZES = ("small", "national", "double")
# The small demo has citizens in the four largest cities only, enough to click through.
SMALL_CITIZEN_MUNICIPALITIES = (101, 751, 461, 851)
SMALL_CITIZENS_PER_MUNICIPALITY = 40
NATIONAL_CITIZENS = 120_000


def citizen_counts(size: str) -> dict[int, int]:
    """How many citizens each municipality gets at a size, by municipality code."""
    if size == "small":
        return dict.fromkeys(
            SMALL_CITIZEN_MUNICIPALITIES, SMALL_CITIZENS_PER_MUNICIPALITY
        )
    return apportion(NATIONAL_CITIZENS * scale(size), POPULATION)


def scale(size: str) -> int:
    """How many times the national counts a size has (the small demo has its own)."""
    return 2 if size == "double" else 1


def apportion(total: int, weights: dict[int, int]) -> dict[int, int]:
    """total shared out by weight; largest remainder, so the counts add up to total."""
    weight_sum = sum(weights.values())
    exact = {key: total * weight / weight_sum for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    short = total - sum(counts.values())
    by_remainder = sorted(exact, key=lambda key: (counts[key] - exact[key], key))
    for key in by_remainder[:short]:
        counts[key] += 1
    return counts
