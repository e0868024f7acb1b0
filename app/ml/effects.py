"""Which intervention is likely to help whom most: doubly robust effects and a policy tree.

Pure: numpy and scikit-learn, plain dataclasses in and out, deterministic given a seed.

The method (Athey & Wager's policy learning; Knaus, Lechner & Strittmatter's programme
evaluations use the same building blocks):

1. Nuisance models, cross-fitted over `folds` folds: the chance of each intervention
   given the profile (multinomial logistic regression, clipped away from 0), and the
   expected outcome under each intervention (gradient-boosted trees, one per arm).
2. Doubly robust (AIPW) scores per person and arm:
   phi_t = mu_t(x) + 1[T = t] (y - mu_t(x)) / e_t(x). Their difference phi_t - phi_0 is
   an unbiased signal of the person's effect of t against "no intervention" when either
   nuisance model is right.
3. The data are split in two halves (honesty). On the first, an exhaustive search finds
   the shallow tree (depth 2 or 3) that maximises the summed scores of the best arm in
   each leaf; only `split_features` may be used, and protected attributes (gender,
   origin, age) are refused. The leaves are the groups a caseworker sees.
4. On the second half, each leaf's effect of each arm is the mean of the DR scores, with
   a normal 90 % interval (the DR-learner with group indicators as final stage), so the
   interval is not flattered by the search that made the groups.

Two outcomes: weeks until work or education (an effect is weeks *saved*, positive is
good) and employed six months after the start (an effect in percentage points).
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression

from app.ml.policy_tree import fit_policy_tree, is_protected, tree_assign

OUTCOMES = ("weeks", "employed_6m")

Z90 = 1.644854


@dataclass(frozen=True)
class EffectData:
    """Past participations: profiles, the intervention each person had, and outcomes."""

    feature_names: tuple[str, ...]
    features: np.ndarray  # n x p floats
    treatment: tuple[str, ...]  # arm code per person; the control arm for none
    weeks: np.ndarray  # weeks until work or education
    employed_6m: np.ndarray  # 1: in work or education six months after the start

    def __post_init__(self) -> None:
        n = len(self.treatment)
        if self.features.shape != (n, len(self.feature_names)):
            raise ValueError("features must be n x len(feature_names)")
        if len(self.weeks) != n or len(self.employed_6m) != n:
            raise ValueError("one outcome per person")


@dataclass(frozen=True)
class Settings:
    control: str = "none"
    split_features: tuple[str, ...] = ()
    depth: int = 2
    min_leaf_share: float = 0.08
    folds: int = 3
    thresholds: int = 8
    clip: float = 0.02
    seed: int = 0


@dataclass(frozen=True)
class ArmEffect:
    """One arm's effect in one group against no intervention, with its 90 % interval."""

    arm: str
    outcome: str
    estimate: float
    low: float
    high: float
    n_arm: int  # people in the group who had this intervention (estimation half)

    def covers(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Condition:
    feature: str
    op: str  # "le" (at most) or "gt" (more than)
    threshold: float


@dataclass(frozen=True)
class Leaf:
    """A group of the tree: who is in it, its best arm and every arm's effects."""

    id: int
    conditions: tuple[Condition, ...]
    n: int
    recommended: str
    effects: tuple[ArmEffect, ...]

    def effect(self, arm: str, outcome: str = "weeks") -> ArmEffect | None:
        for item in self.effects:
            if item.arm == arm and item.outcome == outcome:
                return item
        return None

    def ranked(self, outcome: str = "weeks") -> list[ArmEffect]:
        """The arms' effects, best first (more weeks saved / more employed)."""
        rows = [e for e in self.effects if e.outcome == outcome]
        return sorted(rows, key=lambda e: (-e.estimate, e.arm))

    def clear_best(self, outcome: str = "weeks", arms: Sequence[str] = ()) -> bool:
        """Whether the top arm's interval lies above every other arm's and above 0."""
        rows = [e for e in self.ranked(outcome) if not arms or e.arm in arms]
        if not rows or rows[0].low <= 0:
            return False
        return all(rows[0].low > other.high for other in rows[1:])


@dataclass(frozen=True)
class EffectTables:
    """The fitted tables served to the portal (JSON, no pickle)."""

    version: str
    control: str
    arms: tuple[str, ...]
    feature_names: tuple[str, ...]
    split_features: tuple[str, ...]
    depth: int
    tree: dict[str, Any]
    leaves: tuple[Leaf, ...]
    metrics: dict[str, Any] = field(default_factory=dict)

    def leaf_for(self, values: dict[str, float]) -> Leaf:
        """The group a profile falls in (missing values count as 0)."""
        node = self.tree
        while "leaf" not in node:
            value = float(values.get(node["feature"], 0.0))
            node = node["left"] if value <= node["threshold"] else node["right"]
        return self.leaves[node["leaf"]]

    def to_json(self) -> str:
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)

    @classmethod
    def from_json(cls, text: str) -> EffectTables:
        data = json.loads(text)
        leaves = tuple(
            Leaf(
                id=leaf["id"],
                conditions=tuple(Condition(**c) for c in leaf["conditions"]),
                n=leaf["n"],
                recommended=leaf["recommended"],
                effects=tuple(ArmEffect(**e) for e in leaf["effects"]),
            )
            for leaf in data["leaves"]
        )
        return cls(
            version=data["version"],
            control=data["control"],
            arms=tuple(data["arms"]),
            feature_names=tuple(data["feature_names"]),
            split_features=tuple(data["split_features"]),
            depth=int(data["depth"]),
            tree=data["tree"],
            leaves=leaves,
            metrics=data.get("metrics", {}),
        )


# ---- nuisance models and scores ------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Cross-fitted AIPW scores: phi[outcome] is n x arms (arm order as `arms`)."""

    arms: tuple[str, ...]
    phi: dict[str, np.ndarray]
    propensity: np.ndarray  # n x arms, clipped


def _standardise(x: np.ndarray) -> np.ndarray:
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return (x - x.mean(axis=0)) / scale


def _outcome_model(seed: int) -> HistGradientBoostingRegressor:
    return HistGradientBoostingRegressor(
        max_iter=50,
        learning_rate=0.1,
        max_leaf_nodes=15,
        min_samples_leaf=30,
        early_stopping=False,
        random_state=seed,
    )


def dr_scores(
    x: np.ndarray,
    treatment: np.ndarray,
    outcomes: dict[str, np.ndarray],
    arms: Sequence[str],
    folds: int = 3,
    clip: float = 0.02,
    seed: int = 0,
    propensity: np.ndarray | None = None,
) -> Scores:
    """Cross-fitted doubly robust scores for every arm and outcome.

    `propensity` (n x arms) may be given when assignment was randomised with known shares.
    """
    arms = tuple(arms)
    n = len(treatment)
    index = np.array([arms.index(t) for t in treatment])
    rng = np.random.default_rng(seed)
    fold_of = rng.permutation(np.arange(n) % folds)
    xs = _standardise(np.asarray(x, dtype=float))
    mu = {name: np.zeros((n, len(arms))) for name in outcomes}
    e = np.zeros((n, len(arms)))
    for k in range(folds):
        train, test = fold_of != k, fold_of == k
        if propensity is None:
            model = LogisticRegression(max_iter=1000, C=1.0)
            model.fit(xs[train], index[train])
            e[np.ix_(test, model.classes_)] = model.predict_proba(xs[test])
        for a in range(len(arms)):
            rows = train & (index == a)
            for name, y in outcomes.items():
                if rows.sum() < 20:
                    mu[name][test, a] = float(np.mean(y[train]))
                    continue
                reg = _outcome_model(seed + k * 97 + a)
                reg.fit(x[rows], y[rows])
                mu[name][test, a] = reg.predict(x[test])
    if propensity is not None:
        e = np.asarray(propensity, dtype=float)
    e = np.clip(e, clip, 1.0)
    onehot = np.zeros((n, len(arms)))
    onehot[np.arange(n), index] = 1.0
    phi = {
        name: mu[name] + onehot * (y[:, None] - mu[name]) / e
        for name, y in outcomes.items()
    }
    return Scores(arms, phi, e)


def _number_leaves(
    node: dict[str, Any], path: tuple[Condition, ...], found: list[tuple]
) -> dict[str, Any]:
    if "feature" not in node:
        found.append((path, node["arm"]))
        return {"leaf": len(found) - 1, "arm": node["arm"]}
    f, t = node["feature"], node["threshold"]
    return {
        "feature": f,
        "threshold": t,
        "left": _number_leaves(node["left"], (*path, Condition(f, "le", t)), found),
        "right": _number_leaves(node["right"], (*path, Condition(f, "gt", t)), found),
    }


# ---- fitting the tables ------------------------------------------------------------------


def _effect(diff: np.ndarray, arm: str, outcome: str, n_arm: int) -> ArmEffect:
    n = len(diff)
    mean = float(diff.mean()) if n else 0.0
    se = float(diff.std(ddof=1) / math.sqrt(n)) if n > 1 else float("inf")
    half = Z90 * se
    return ArmEffect(arm, outcome, mean, mean - half, mean + half, n_arm)


def signed_effects(scores: Scores, control: str) -> dict[str, np.ndarray]:
    """Per outcome, n x arms effects against control, signed so that positive is good."""
    c = scores.arms.index(control)
    weeks = scores.phi["weeks"]
    employed = scores.phi["employed_6m"]
    return {
        "weeks": weeks[:, [c]] - weeks,  # weeks saved
        "employed_6m": employed - employed[:, [c]],  # percentage points (as shares)
    }


@dataclass(frozen=True)
class Fit:
    """The tables and what was used to make them (for evaluation)."""

    tables: EffectTables
    scores: Scores = field(repr=False)
    tree_rows: np.ndarray = field(repr=False)  # indices of the tree half
    estimate_rows: np.ndarray = field(repr=False)  # indices of the estimation half
    seconds: float = 0.0


def fit_effects(
    data: EffectData,
    arms: Sequence[str],
    settings: Settings,
    trained_on: str = "",
) -> Fit:
    """Fit the effect tables (deterministic given settings.seed)."""
    started = time.perf_counter()
    if settings.control not in arms:
        raise ValueError("the control arm must be among the arms")
    split = settings.split_features or data.feature_names
    for name in (*split, *data.feature_names):
        if is_protected(name):
            raise ValueError(f"protected attribute {name!r} may not be a feature")
    unknown = set(data.treatment) - set(arms)
    if unknown:
        raise ValueError(f"unknown arms in the data: {sorted(unknown)}")
    x = np.asarray(data.features, dtype=float)
    treatment = np.asarray(data.treatment)
    outcomes = {
        "weeks": np.asarray(data.weeks, dtype=float),
        "employed_6m": np.asarray(data.employed_6m, dtype=float),
    }
    scores = dr_scores(
        x, treatment, outcomes, arms, settings.folds, settings.clip, settings.seed
    )
    effects = signed_effects(scores, settings.control)
    n = len(treatment)
    order = np.random.default_rng(settings.seed + 1).permutation(n)
    tree_rows, estimate_rows = np.sort(order[: n // 2]), np.sort(order[n // 2 :])
    min_leaf = max(30, int(settings.min_leaf_share * len(tree_rows)))
    # Reward: weeks saved against control (the control arm's column is 0).
    raw_tree = fit_policy_tree(
        x[tree_rows],
        effects["weeks"][tree_rows],
        data.feature_names,
        split,
        settings.depth,
        min_leaf,
        settings.thresholds,
    )
    found: list[tuple] = []
    tree = _number_leaves(raw_tree, (), found)
    leaf_of = tree_assign(tree, x, data.feature_names, "leaf")
    leaves = []
    for leaf_id, (conditions, arm_index) in enumerate(found):
        rows = estimate_rows[leaf_of[estimate_rows] == leaf_id]
        items = []
        for a, arm in enumerate(arms):
            if arm == settings.control:
                continue
            n_arm = int((treatment[rows] == arm).sum())
            for outcome in OUTCOMES:
                items.append(_effect(effects[outcome][rows, a], arm, outcome, n_arm))
        leaves.append(
            Leaf(leaf_id, conditions, int(len(rows)), arms[arm_index], tuple(items))
        )
    digest = hashlib.sha256(
        json.dumps([tree, [asdict(leaf) for leaf in leaves]], default=str).encode()
    ).hexdigest()[:8]
    seconds = time.perf_counter() - started
    tables = EffectTables(
        version=f"dr{settings.depth}-{digest}",
        control=settings.control,
        arms=tuple(arms),
        feature_names=tuple(data.feature_names),
        split_features=tuple(split),
        depth=settings.depth,
        tree=tree,
        leaves=tuple(leaves),
        metrics={
            "trained_on": trained_on,
            "n": n,
            "fit_seconds": round(seconds, 1),
            "interval": 0.9,
            "min_leaf": min_leaf,
        },
    )
    return Fit(tables, scores, tree_rows, estimate_rows, seconds)
