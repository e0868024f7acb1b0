"""The segmentation model on small hand-made data: monotone, explainable, no protected
attributes, the objection and the wish respected. No database, no Flask."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from app.ml import segmentation as seg
from app.ml.evaluation import evaluate, expected_calibration_error
from app.ml.segmentation import RouteReason, SegmentationInput, Track


def _cohort(n: int = 600, seed: int = 7) -> tuple[list[SegmentationInput], list[int]]:
    """Hand-made: long spells, health limits and few applications mean long-term."""
    rng = random.Random(seed)
    items, outcomes = [], []
    for _ in range(n):
        item = SegmentationInput(
            weeks_unemployed=rng.uniform(0, 80),
            applications_4w=rng.randint(0, 12),
            health_limits=rng.choice(["none", "some", "considerable"]),
            desired_occupations=rng.randint(0, 4),
            matching_postings=rng.randint(0, 60),
        )
        logit = (
            -1.0
            + 0.04 * item.weeks_unemployed
            - 0.2 * item.applications_4w
            + seg.LIMITS[item.health_limits]
        )
        items.append(item)
        outcomes.append(int(rng.random() < 1 / (1 + np.exp(-logit))))
    return items, outcomes


@pytest.fixture(scope="module")
def model() -> seg.SegmentationModel:
    items, outcomes = _cohort()
    return seg.train(items, outcomes, version="test-1")


def test_protected_attributes_are_not_inputs_at_all() -> None:
    fields = {f.name for f in dataclasses.fields(SegmentationInput)}
    for forbidden in ("gender", "sex", "origin", "ethnicity", "nationality", "age"):
        assert not any(forbidden in name for name in fields), forbidden
        assert not any(forbidden in name for name in seg.FEATURE_NAMES), forbidden
    with pytest.raises(TypeError):
        SegmentationInput(weeks_unemployed=3, gender="female")  # type: ignore[call-arg]


def test_more_weeks_unemployed_never_lowers_the_risk(
    model: seg.SegmentationModel,
) -> None:
    base = SegmentationInput(weeks_unemployed=0, applications_4w=3)
    risks = [
        model.score(dataclasses.replace(base, weeks_unemployed=w)).probability
        for w in range(0, 105, 4)
    ]
    assert risks == sorted(risks)
    assert risks[-1] > risks[0] + 0.2


def test_more_applications_never_raise_the_risk(model: seg.SegmentationModel) -> None:
    base = SegmentationInput(weeks_unemployed=20)
    risks = [
        model.score(dataclasses.replace(base, applications_4w=a)).probability
        for a in range(0, 30)
    ]
    assert risks == sorted(risks, reverse=True)


def test_a_wrong_signed_pattern_in_the_data_cannot_make_the_model_non_monotone() -> (
    None
):
    # Data where longer unemployment goes with *fewer* long-term outcomes (say a
    # quirk of one cohort): the model must not learn to lower risk with time.
    rng = random.Random(3)
    items, outcomes = [], []
    for _ in range(400):
        weeks = rng.uniform(0, 80)
        applications = rng.randint(0, 10)
        items.append(
            SegmentationInput(weeks_unemployed=weeks, applications_4w=applications)
        )
        outcomes.append(int(rng.random() < (0.8 - weeks / 120 - applications / 40)))
    model = seg.train(items, outcomes, version="quirk")
    weeks_coef = model.coefficients[seg.FEATURE_NAMES.index("weeks_unemployed")]
    assert weeks_coef == 0.0
    low = model.score(SegmentationInput(weeks_unemployed=1)).probability
    high = model.score(SegmentationInput(weeks_unemployed=90)).probability
    assert high >= low


def test_contributions_add_up_to_the_estimate(model: seg.SegmentationModel) -> None:
    item = SegmentationInput(
        weeks_unemployed=60, applications_4w=0, health_limits="considerable"
    )
    result = model.score(item)
    logit = model.intercept + sum(c.contribution for c in result.contributions)
    assert 1 / (1 + np.exp(-logit)) == pytest.approx(result.probability, abs=1e-3)
    top = [c.feature for c in result.top_reasons(3)]
    assert "weeks_unemployed" in top and "health_limits" in top
    assert all(c.raises_risk for c in result.top_reasons(3))
    assert result.model_version == "test-1"


def test_the_model_round_trips_through_json_without_pickle(
    model: seg.SegmentationModel,
) -> None:
    text = model.to_json()
    assert text.lstrip().startswith("{")
    again = seg.SegmentationModel.from_json(text)
    assert again == model
    item = SegmentationInput(weeks_unemployed=12, applications_4w=2)
    assert again.score(item) == model.score(item)


def test_training_is_deterministic() -> None:
    items, outcomes = _cohort()
    first = seg.train(items, outcomes, version="a")
    second = seg.train(items, outcomes, version="a")
    assert first.to_json() == second.to_json()


def test_vectorised_scores_equal_one_by_one(model: seg.SegmentationModel) -> None:
    items, _ = _cohort(20, seed=11)
    many = model.predict_many(items)
    assert list(np.round(many, 10)) == [
        round(model.score(item).probability, 10) for item in items
    ]


def test_calibration_error_is_small_on_held_out_data() -> None:
    items, outcomes = _cohort(3000, seed=5)
    model = seg.train(items[:2000], outcomes[:2000], version="c")
    probabilities = model.predict_many(items[2000:])
    evaluation = evaluate(outcomes[2000:], probabilities, threshold=0.5)
    assert evaluation.auc > 0.7
    assert evaluation.ece < 0.06
    assert expected_calibration_error([1, 0], [1.0, 0.0]) == 0.0
    assert expected_calibration_error([1, 1], [0.0, 0.0]) == 1.0


@pytest.mark.parametrize("probability", [0.0, 0.3, 0.49, 0.5, 0.9])
@pytest.mark.parametrize("asked", [False, True])
def test_wanting_support_never_leads_to_self_service(
    probability: float, asked: bool
) -> None:
    tracks = {
        wish: seg.decide_track(probability, wish, asked, False, 0.5)[0]
        for wish in ("no", "maybe", "yes")
    }
    order = [Track.SELF_SERVICE, Track.SUPPORT]
    assert order.index(tracks["no"]) <= order.index(tracks["maybe"])
    assert order.index(tracks["maybe"]) <= order.index(tracks["yes"])
    assert tracks["yes"] == Track.SUPPORT


def test_asking_for_a_person_always_means_support() -> None:
    assert seg.decide_track(0.01, "no", True, False, 0.5) == (
        Track.SUPPORT,
        RouteReason.ASKED_FOR_PERSON,
    )


def test_an_objection_means_a_person_and_needs_no_score() -> None:
    assert seg.decide_track(None, "no", False, True, 0.5) == (
        Track.SUPPORT,
        RouteReason.OBJECTED,
    )
    with pytest.raises(ValueError):
        seg.decide_track(None, "no", False, False, 0.5)


def test_the_threshold_decides_for_those_who_do_not_ask() -> None:
    assert seg.decide_track(0.49, "no", False, False, 0.5)[0] == Track.SELF_SERVICE
    assert seg.decide_track(0.5, "no", False, False, 0.5)[0] == Track.SUPPORT
    assert seg.decide_track(0.45, "maybe", False, False, 0.5)[0] == Track.SUPPORT
