"""The effect estimator on the SYNTHETIC history, where every person's true effect is known."""

from __future__ import annotations

import numpy as np
import pytest

from app.ml import effects as ef
from app.ml import effects_evaluation as ev
from app.ml import policy_tree
from app.ml.effects_history import ARMS, CONTROL, FEATURES, synthetic_history


@pytest.fixture(scope="module")
def fitted():
    history = synthetic_history(10_000, seed=11)
    fit = ef.fit_effects(
        history.data, ARMS, ef.Settings(control=CONTROL, depth=2, folds=2, seed=11)
    )
    return history, fit


def _leaf_truths(history, fit):
    x = history.data.features
    leaf_of = ef.tree_assign(fit.tables.tree, x, FEATURES, "leaf")
    for leaf in fit.tables.leaves:
        rows = fit.estimate_rows[leaf_of[fit.estimate_rows] == leaf.id]
        for effect in leaf.effects:
            arm = ARMS.index(effect.arm)
            truth = (
                history.true_weeks_saved
                if effect.outcome == "weeks"
                else history.true_employed_gain
            )[rows, arm].mean()
            yield effect, float(truth)


def test_intervals_cover_the_true_group_effects_at_about_the_stated_rate(fitted):
    history, fit = fitted
    pairs = list(_leaf_truths(history, fit))
    covered = sum(effect.covers(truth) for effect, truth in pairs)
    # 90 % intervals; the cells of one group share the control arm, so the share
    # varies more than independent cells would: at least 80 % must cover.
    assert len(pairs) >= 4 * 9 * 2
    assert covered / len(pairs) >= 0.8


def test_the_tree_beats_the_historical_assignment_and_every_single_intervention(fitted):
    history, fit = fitted
    x = history.data.features
    rows = np.arange(len(x))
    chosen = ef.tree_assign(fit.tables.tree, x, FEATURES, "arm")
    historical = np.array([ARMS.index(t) for t in history.data.treatment])

    def mean_weeks(policy):
        return float(
            (history.baseline_weeks - history.true_weeks_saved[rows, policy]).mean()
        )

    tree = mean_weeks(chosen)
    assert tree < mean_weeks(historical) - 0.5
    for arm in range(len(ARMS)):
        assert tree < mean_weeks(np.full(len(x), arm))


def test_the_groups_a_caseworker_sees_are_few_and_large(fitted):
    _, fit = fitted
    assert 2 <= len(fit.tables.leaves) <= 4
    assert all(leaf.n >= 0.05 * 5_000 for leaf in fit.tables.leaves)


def test_tables_survive_json_and_place_a_profile_in_the_same_group(fitted):
    history, fit = fitted
    again = ef.EffectTables.from_json(fit.tables.to_json())
    assert again == fit.tables
    x = history.data.features
    leaf_of = ef.tree_assign(fit.tables.tree, x, FEATURES, "leaf")
    for i in range(0, len(x), 997):
        profile = dict(zip(FEATURES, x[i], strict=True))
        assert again.leaf_for(profile).id == leaf_of[i]


def test_protected_attributes_are_never_split_variables():
    history = synthetic_history(600, seed=3)
    gender = np.array([g == "female" for g in history.gender], dtype=float)
    x = np.column_stack([history.data.features, gender])
    names = (*FEATURES, "gender_female")
    reward = np.zeros((600, 2))
    reward[:, 1] = np.where(gender == 1, 5.0, -5.0)  # only gender would matter
    for split in (("gender_female",), ("age_band",), ("origin",), ("age",)):
        with pytest.raises(ValueError, match="protected"):
            ef.fit_policy_tree(x, reward, (*names, "age_band", "origin", "age"), split)
    tree = ef.fit_policy_tree(x, reward, names, FEATURES, depth=3, min_leaf=20)

    def features_in(node):
        if "feature" not in node:
            return set()
        return (
            {node["feature"]} | features_in(node["left"]) | features_in(node["right"])
        )

    assert "gender_female" not in features_in(tree)
    data = ef.EffectData(
        names, x, history.data.treatment, history.data.weeks, history.data.employed_6m
    )
    with pytest.raises(ValueError, match="protected"):
        ef.fit_effects(data, ARMS, ef.Settings(control=CONTROL))


def test_same_seed_same_tables():
    history = synthetic_history(3_000, seed=5)
    settings = ef.Settings(control=CONTROL, folds=2, seed=5)
    first = ef.fit_effects(history.data, ARMS, settings).tables
    second = ef.fit_effects(history.data, ARMS, settings).tables
    assert first.version == second.version
    assert first.leaves == second.leaves


def test_clear_best_only_when_the_top_interval_stands_apart():
    def leaf(*effects):
        return ef.Leaf(0, (), 100, "a", tuple(effects))

    apart = leaf(
        ef.ArmEffect("a", "weeks", 3, 1, 5, 50),
        ef.ArmEffect("b", "weeks", 0, -1, 0.5, 50),
    )
    overlap = leaf(
        ef.ArmEffect("a", "weeks", 3, 1, 5, 50),
        ef.ArmEffect("b", "weeks", 2, 0.5, 3.5, 50),
    )
    assert apart.clear_best()
    assert not overlap.clear_best()
    assert [e.arm for e in overlap.ranked()] == ["a", "b"]


def test_dr_att_recovers_a_known_effect_on_the_treated_where_naive_fails():
    rng = np.random.default_rng(4)
    n = 3_000
    x = rng.normal(size=(n, 3))
    # Confounded: the treated have lower earnings without treatment; true effect 1000.
    treated = (rng.random(n) < 1 / (1 + np.exp(-(-1.5 - 1.2 * x[:, 0])))).astype(int)
    y = 5_000 + 2_000 * x[:, 0] + 500 * x[:, 1] + 1_000 * treated
    y = y + rng.normal(0, 800, n)
    naive = y[treated == 1].mean() - y[treated == 0].mean()
    estimate, low, high = ev.dr_att(x, treated, y)
    assert naive < 0
    assert low <= 1_000 <= high
    assert abs(estimate - 1_000) < 300


def test_penn_style_ipw_value_of_a_policy_matches_the_arm_mean_when_randomised():
    rng = np.random.default_rng(5)
    n = 4_000
    arm = rng.integers(0, 3, n)
    y = np.where(arm == 2, 10.0, 13.0) + rng.normal(0, 1, n)
    p = np.full(n, 1 / 3)
    always_two = np.full(n, 2)
    assert abs(policy_tree.ipw_value(y, arm, always_two, p) - 10.0) < 0.1
    low, high = policy_tree.bootstrap_interval(
        lambda s: policy_tree.ipw_value(y[s], arm[s], always_two[s], p[s]), n, 200
    )
    assert low < 10.0 < high and high - low < 0.3
