"""Fairness figures: Wilson intervals and gaps, on hand-made numbers."""

from __future__ import annotations

import pytest

from app.ml import fairness


def test_wilson_interval_matches_the_textbook() -> None:
    low, high = fairness.wilson(10, 100)
    assert low == pytest.approx(0.0552, abs=1e-3)
    assert high == pytest.approx(0.1744, abs=1e-3)
    assert fairness.wilson(0, 0) == (0.0, 1.0)
    low, high = fairness.wilson(0, 20)
    assert low == 0.0 and 0 < high < 0.2


def test_group_rates_and_the_gap_warning() -> None:
    groups = ["a"] * 100 + ["b"] * 100 + [None] * 5
    hits = [True] * 40 + [False] * 60 + [True] * 10 + [False] * 90 + [True] * 5
    rates = fairness.group_rates("gender", "flag_rate", groups, hits, max_gap=0.1)
    assert [(r.group, r.count, r.n) for r in rates.rates] == [
        ("a", 40, 100),
        ("b", 10, 100),
    ]
    assert rates.gap == pytest.approx(0.3)
    assert rates.exceeds and rates.clearly_exceeds
    small = fairness.group_rates("g", "flag_rate", ["a", "b"], [True, False], 0.1)
    assert small.exceeds and not small.clearly_exceeds


def test_groups_under_the_minimum_size_are_left_out_of_the_gap() -> None:
    # 40 % of 100 in a, 10 % of 100 in b, 100 % of 3 in c.
    groups = ["a"] * 100 + ["b"] * 100 + ["c"] * 3
    hits = [True] * 40 + [False] * 60 + [True] * 10 + [False] * 90 + [True] * 3
    rates = fairness.group_rates("origin", "flag_rate", groups, hits, 0.1, min_n=20)
    assert [r.group for r in rates.shown] == ["a", "b"]
    assert rates.too_few(rates.rates[2])
    assert rates.gap == pytest.approx(0.3)
    tiny = fairness.group_rates(
        "g", "flag_rate", ["a"] * 3 + ["b"] * 4, [True] * 3 + [False] * 4, 0.1, min_n=20
    )
    assert tiny.shown == () and tiny.gap == 0.0
    assert not tiny.exceeds and not tiny.clearly_exceeds
    fp, fn = fairness.error_rates("g", groups, [0] * 203, hits, 0.1, min_n=20)
    assert fp.min_n == fn.min_n == 20 and fp.too_few(fp.rates[2])


def test_error_rates_count_among_the_right_people() -> None:
    groups = ["a", "a", "a", "a"]
    outcomes = [1, 1, 0, 0]
    flagged = [True, False, True, False]
    false_positive, false_negative = fairness.error_rates(
        "g", groups, outcomes, flagged, 0.1
    )
    assert false_positive.rates[0].rate == 0.5
    assert false_negative.rates[0].rate == 0.5


@pytest.mark.parametrize(
    ("age", "band"),
    [(None, None), (18, "under_30"), (29, "under_30"), (30, "30_49"), (50, "50_plus")],
)
def test_age_bands(age: int | None, band: str | None) -> None:
    assert fairness.age_band(age) == band
