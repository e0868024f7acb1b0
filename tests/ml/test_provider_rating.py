"""The rating of services: observed and risk-adjusted value added with 90 % intervals."""

from __future__ import annotations

from app.ml.provider_rating import Participation, rate_groups, sort_key
from app.ml.synthetic_services import draw_offerings, simulate


def test_the_intervals_cover_the_generators_true_effects() -> None:
    offerings = draw_offerings(200, seed=2026)
    rows, truth = simulate(offerings, seed=13)
    rated = covered = 0
    for horizon in (3, 6):
        for group, result in rate_groups(rows, horizon=horizon, min_n=20).items():
            if result.enough:
                assert result.low is not None and result.high is not None
                rated += 1
                covered += result.low <= truth[horizon][group] <= result.high
    assert rated >= 250
    assert covered / rated >= 0.90


def test_a_provider_with_hard_cases_is_not_punished_for_them() -> None:
    # Two offerings with the same true effect (none): one takes mostly people far
    # from the labour market. The observed shares differ; the value added does not.
    from app.ml.synthetic_services import SyntheticOffering

    offerings = [
        SyntheticOffering(1, 3000, support_share=0.1, effect=0.0),
        SyntheticOffering(2, 3000, support_share=0.8, effect=0.0),
    ]
    rows, _truth = simulate(offerings, seed=4)
    results = rate_groups(rows, horizon=6)
    easy, hard = results[1], results[2]
    assert easy.observed - hard.observed > 0.1
    assert abs(easy.value_added - hard.value_added) < 0.04


def test_too_few_finished_participants_get_no_figure() -> None:
    rows = [
        Participation(7, i % 2 == 0, i, 30 + i, i % 3 == 0, i % 2 == 0)
        for i in range(19)
    ] + [
        Participation(8, i % 2 == 0, i, 30 + i, i % 3 == 0, i % 4 == 0)
        for i in range(40)
    ]
    results = rate_groups(rows, horizon=6, min_n=20)
    assert results[7].n == 19 and not results[7].enough
    assert results[7].value_added is None
    assert results[8].enough and results[8].low < results[8].value_added
    assert sorted([results[7], results[8]], key=sort_key)[0].group == 8


def test_unknown_outcomes_are_not_counted() -> None:
    rows = [Participation(1, False, 2, 30, None, None) for _ in range(30)]
    result = rate_groups(rows, horizon=3)[1]
    assert result.n == 0 and not result.enough
