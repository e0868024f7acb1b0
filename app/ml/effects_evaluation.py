"""The three printed checks of the effect estimator (pure: arrays in, dataclasses out).

1. SYNTHETIC history: the share of 90 % intervals covering the true group effects, and
   the policy value (mean weeks to work or education, from the generator's truth) of the
   tree against always-the-same-intervention and the historical assignment.
2. Pennsylvania re-employment bonus experiment (penn_jae, randomised bonus arms): the
   policy value by inverse-probability weighting on a held-out half of the rule learned
   on the other half, against always-control and the best single arm, with bootstrap
   intervals.
3. LaLonde: NSW treated against CPS controls; the doubly robust effect on the treated
   beside the experimental $1,794 and the naive difference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from app.ml import effects as ef
from app.ml.effects_history import ARMS, CONTROL, FEATURES, SyntheticHistory
from app.ml.policy_tree import bootstrap_interval, ipw_value


@dataclass(frozen=True)
class PolicyValue:
    name: str
    value: float
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class SyntheticCheck:
    version: str
    n: int
    fit_seconds: float
    cells: int
    covered: int
    covered_weeks: int
    cells_weeks: int
    values: tuple[PolicyValue, ...]  # mean weeks to work or education, lower is better
    leaves: tuple[ef.Leaf, ...]

    @property
    def coverage(self) -> float:
        return self.covered / self.cells if self.cells else 0.0


def synthetic_check(fit: ef.Fit, history: SyntheticHistory) -> SyntheticCheck:
    """Coverage and policy values of a fit made on `history`."""
    x = history.data.features
    tables = fit.tables
    leaf_of = ef.tree_assign(tables.tree, x, FEATURES, "leaf")
    covered = cells = covered_weeks = cells_weeks = 0
    for leaf in tables.leaves:
        rows = fit.estimate_rows[leaf_of[fit.estimate_rows] == leaf.id]
        for effect in leaf.effects:
            arm = ARMS.index(effect.arm)
            weeks = effect.outcome == "weeks"
            truth = (history.true_weeks_saved if weeks else history.true_employed_gain)[
                rows, arm
            ].mean()
            hit = effect.covers(float(truth))
            cells += 1
            covered += hit
            if weeks:
                cells_weeks += 1
                covered_weeks += hit
    everyone = np.arange(len(x))

    def mean_weeks(policy: np.ndarray) -> float:
        saved = history.true_weeks_saved[everyone, policy]
        return float((history.baseline_weeks - saved).mean())

    chosen = ef.tree_assign(tables.tree, x, FEATURES, "arm")
    historical = np.array([ARMS.index(t) for t in history.data.treatment])
    singles = [
        PolicyValue(f"always {arm}", mean_weeks(np.full(len(x), i)))
        for i, arm in enumerate(ARMS)
    ]
    best_single = min(singles, key=lambda v: v.value)
    values = (
        PolicyValue("policy tree", mean_weeks(chosen)),
        PolicyValue("historical assignment", mean_weeks(historical)),
        PolicyValue(f"best single: {best_single.name}", best_single.value),
        PolicyValue(f"always {CONTROL}", singles[0].value),
        PolicyValue(
            "oracle (each person's best)",
            float(
                (history.baseline_weeks - history.true_weeks_saved.max(axis=1)).mean()
            ),
        ),
    )
    return SyntheticCheck(
        tables.version,
        len(x),
        fit.seconds,
        cells,
        covered,
        covered_weeks,
        cells_weeks,
        values,
        tables.leaves,
    )


# ---- Pennsylvania bonus experiment --------------------------------------------------------

PENN_PROTECTED = ("female", "black", "hispanic", "othrace", "agelt35", "agegt54")
PENN_FEATURES = (
    "dep",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "recall",
    "durable",
    "nondurable",
    "lusd",
    "husd",
)


@dataclass(frozen=True)
class PennCheck:
    n_train: int
    n_holdout: int
    arms: tuple[str, ...]
    tree: dict
    values: tuple[
        PolicyValue, ...
    ]  # mean weeks of insured unemployment, lower is better
    gain: PolicyValue  # rule minus always-control (negative: fewer weeks)


def read_penn(text: str) -> tuple[list[str], np.ndarray]:
    """The header and rows of penn_jae_dev.dat (whitespace separated)."""
    lines = [line.split() for line in text.splitlines() if line.strip()]
    return lines[0], np.array([[float(v) for v in row] for row in lines[1:]])


def penn_check(
    header: Sequence[str],
    rows: np.ndarray,
    seed: int = 0,
    depth: int = 2,
    rounds: int = 500,
) -> PennCheck:
    """Learn a rule on half the dev file, evaluate it by IPW on the other half."""
    col = {name: i for i, name in enumerate(header)}
    arm_codes = sorted({int(v) for v in rows[:, col["tg"]]})
    arms = tuple(f"arm {code}" if code else "control" for code in arm_codes)
    index = np.array([arm_codes.index(int(v)) for v in rows[:, col["tg"]]])
    y = rows[:, col["inuidur1"]]
    x = rows[:, [col[name] for name in PENN_FEATURES]]
    n = len(y)
    order = np.random.default_rng(seed).permutation(n)
    a, b = np.sort(order[: n // 2]), np.sort(order[n // 2 :])
    shares = np.bincount(index[a], minlength=len(arms)) / len(a)
    propensity = np.tile(shares, (len(a), 1))
    treatment = np.array([arms[i] for i in index[a]])
    scores = ef.dr_scores(
        x[a],
        treatment,
        {"weeks": y[a]},
        arms,
        folds=3,
        seed=seed,
        propensity=propensity,
    )
    phi = scores.phi["weeks"]
    reward = phi[:, [0]] - phi  # weeks saved against control
    tree = ef.fit_policy_tree(
        x[a],
        reward,
        PENN_FEATURES,
        PENN_FEATURES,
        depth=depth,
        min_leaf=max(50, len(a) // 10),
    )
    best_arm = int(phi.mean(axis=0).argmin())
    rule = ef.tree_assign(tree, x[b], PENN_FEATURES, "arm")
    shares_b = np.bincount(index[b], minlength=len(arms)) / len(b)
    p_b = shares_b[index[b]]
    yb, tb = y[b], index[b]
    policies = {
        "learned rule": rule,
        "always control": np.zeros(len(b), dtype=int),
        f"best single arm ({arms[best_arm]}, chosen on the other half)": np.full(
            len(b), best_arm
        ),
    }
    values = []
    for i, (name, policy) in enumerate(policies.items()):
        value = ipw_value(yb, tb, policy, p_b)
        low, high = bootstrap_interval(
            lambda s, pol=policy: ipw_value(yb[s], tb[s], pol[s], p_b[s]),
            len(b),
            rounds,
            seed + i,
        )
        values.append(PolicyValue(name, value, low, high))
    control = policies["always control"]
    gain = values[0].value - values[1].value
    low, high = bootstrap_interval(
        lambda s: (
            ipw_value(yb[s], tb[s], rule[s], p_b[s])
            - ipw_value(yb[s], tb[s], control[s], p_b[s])
        ),
        len(b),
        rounds,
        seed + 99,
    )
    return PennCheck(
        len(a),
        len(b),
        arms,
        tree,
        tuple(values),
        PolicyValue("learned rule minus always control", gain, low, high),
    )


# ---- LaLonde -------------------------------------------------------------------------------

LALONDE_EXPERIMENTAL = 1794.0
LALONDE_COVARIATES = (
    "age",
    "educ",
    "black",
    "hisp",
    "marr",
    "nodegree",
    "re74",
    "re75",
)


@dataclass(frozen=True)
class LalondeCheck:
    n_treated: int
    n_controls: int
    naive: float
    estimate: float
    low: float
    high: float
    experimental: float = LALONDE_EXPERIMENTAL


def lalonde_features(columns: dict[str, np.ndarray]) -> np.ndarray:
    """The covariates with the usual squares and zero-earnings indicators."""
    base = [np.asarray(columns[name], dtype=float) for name in LALONDE_COVARIATES]
    age, educ, re74, re75 = base[0], base[1], base[6], base[7]
    extra = [age**2, educ**2, (re74 == 0) * 1.0, (re75 == 0) * 1.0, re74 * re75 / 1e4]
    return np.column_stack(base + extra)


def dr_att(
    x: np.ndarray, treated: np.ndarray, y: np.ndarray, folds: int = 5, seed: int = 0
) -> tuple[float, float, float]:
    """Doubly robust average effect on the treated, with a 95 % interval.

    Cross-fitted propensity (logistic) and control-outcome model (boosted trees);
    controls with a propensity below 1 % or above 99 % are outside common support.
    """
    n = len(y)
    t = np.asarray(treated, dtype=int)
    fold_of = np.random.default_rng(seed).permutation(np.arange(n) % folds)
    xs = ef._standardise(np.asarray(x, dtype=float))
    e = np.zeros(n)
    mu0 = np.zeros(n)
    for k in range(folds):
        train, test = fold_of != k, fold_of == k
        model = LogisticRegression(max_iter=2000, C=1.0).fit(xs[train], t[train])
        e[test] = model.predict_proba(xs[test])[:, 1]
        reg = ef._outcome_model(seed + k)
        reg.fit(x[train & (t == 0)], y[train & (t == 0)])
        mu0[test] = reg.predict(x[test])
    keep = (e > 0.01) & (e < 0.99) | (t == 1)
    e = np.clip(e, 0.0, 0.99)
    p1 = t[keep].mean()
    resid = y[keep] - mu0[keep]
    odds = e[keep] / (1 - e[keep])
    psi = (t[keep] * resid - (1 - t[keep]) * odds * resid) / p1
    estimate = float(psi.mean())
    influence = psi - t[keep] * estimate / p1
    se = float(influence.std(ddof=1) / math.sqrt(len(psi)))
    return estimate, estimate - 1.959964 * se, estimate + 1.959964 * se


def lalonde_check(
    columns: dict[str, np.ndarray], treated: np.ndarray, seed: int = 0
) -> LalondeCheck:
    """Doubly robust effect on the treated of NSW training on 1978 earnings."""
    y = np.asarray(columns["re78"], dtype=float)
    t = np.asarray(treated, dtype=int)
    naive = float(y[t == 1].mean() - y[t == 0].mean())
    estimate, low, high = dr_att(lalonde_features(columns), t, y, seed=seed)
    return LalondeCheck(int(t.sum()), int((t == 0).sum()), naive, estimate, low, high)


# ---- fairness by group ----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupGain:
    """In one protected group: the true weeks saved by following the tree, with 90 %."""

    attribute: str
    group: str
    n: int
    gain: float
    low: float
    high: float
    share_with_intervention: float


def fairness_by_group(fit: ef.Fit, history: SyntheticHistory) -> tuple[GroupGain, ...]:
    """Per gender, origin and age band: what following the tree would save, in truth.

    The tree never sees these attributes; this shows whether its gains still differ.
    """
    x = history.data.features
    chosen = ef.tree_assign(fit.tables.tree, x, FEATURES, "arm")
    saved = history.true_weeks_saved[np.arange(len(x)), chosen]
    control = ARMS.index(CONTROL)
    out = []
    for attribute, values in (
        ("gender", history.gender),
        ("origin", history.origin),
        ("age_band", history.age_band),
    ):
        column = np.asarray(values)
        for group in sorted(set(values)):
            rows = column == group
            n = int(rows.sum())
            mean = float(saved[rows].mean())
            half = ef.Z90 * float(saved[rows].std(ddof=1)) / np.sqrt(n)
            out.append(
                GroupGain(
                    attribute,
                    group,
                    n,
                    mean,
                    mean - half,
                    mean + half,
                    float((chosen[rows] != control).mean()),
                )
            )
    return tuple(out)
