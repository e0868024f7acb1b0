"""Learning and valuing a treatment rule: an exhaustive shallow policy tree on doubly
robust scores (Athey & Wager; the policytree package's search, for depth 2 or 3), and
inverse-probability-weighted policy values with bootstrap intervals. Pure numpy.

Protected attributes (gender, origin, age and the like) are refused as split variables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

# Never split on these (nor on anything whose name starts with one of them).
PROTECTED = ("gender", "sex", "female", "origin", "ethnic", "age", "race", "black")


def is_protected(name: str) -> bool:
    """Whether a feature name denotes a protected attribute."""
    lowered = name.lower()
    return any(
        lowered == word or lowered.startswith(f"{word}_") or lowered.startswith(word)
        for word in PROTECTED
    )


# ---- the policy tree -----------------------------------------------------------------


def _candidates(values: np.ndarray, count: int) -> np.ndarray:
    qs = np.quantile(values, np.linspace(0, 1, count + 2)[1:-1])
    return np.unique(qs)


def _best_tree(
    x: np.ndarray,
    reward: np.ndarray,
    rows: np.ndarray,
    depth: int,
    features: Sequence[int],
    cuts: dict[int, np.ndarray],
    min_leaf: int,
) -> tuple[float, dict[str, Any]]:
    """Exhaustive search: the tree of at most `depth` maximising the summed reward."""
    totals = reward[rows].sum(axis=0)
    best_value = float(totals.max())
    best: dict[str, Any] = {"arm": int(totals.argmax())}
    if depth == 0 or len(rows) < 2 * min_leaf:
        return best_value, best
    for f in features:
        values = x[rows, f]
        thresholds = cuts[f]
        bins = np.searchsorted(thresholds, values, side="left")
        m = len(thresholds) + 1
        counts = np.bincount(bins, minlength=m)
        left_counts = np.cumsum(counts)[:-1]
        ok = (left_counts >= min_leaf) & (len(rows) - left_counts >= min_leaf)
        if not ok.any():
            continue
        if depth == 1:
            sums = np.zeros((m, reward.shape[1]))
            np.add.at(sums, bins, reward[rows])
            left = np.cumsum(sums, axis=0)[:-1]
            value = left.max(axis=1) + (totals - left).max(axis=1)
            value[~ok] = -np.inf
            j = int(value.argmax())
            if value[j] > best_value + 1e-9:
                best_value = float(value[j])
                best = {
                    "feature": int(f),
                    "threshold": float(thresholds[j]),
                    "left": {"arm": int(left[j].argmax())},
                    "right": {"arm": int((totals - left[j]).argmax())},
                }
            continue
        for j in np.flatnonzero(ok):
            go_left = bins <= j
            lv, lt = _best_tree(
                x, reward, rows[go_left], depth - 1, features, cuts, min_leaf
            )
            rv, rt = _best_tree(
                x, reward, rows[~go_left], depth - 1, features, cuts, min_leaf
            )
            if lv + rv > best_value + 1e-9:
                best_value = lv + rv
                best = {
                    "feature": int(f),
                    "threshold": float(thresholds[j]),
                    "left": lt,
                    "right": rt,
                }
    return best_value, best


def fit_policy_tree(
    x: np.ndarray,
    reward: np.ndarray,
    feature_names: Sequence[str],
    split_features: Sequence[str],
    depth: int = 2,
    min_leaf: int = 50,
    thresholds: int = 8,
) -> dict[str, Any]:
    """A depth-`depth` tree choosing an arm per leaf to maximise the summed reward.

    Nodes are {"feature": name, "threshold": t, "left": ..., "right": ...} (left is
    value <= t) or {"arm": index}. Protected attributes are refused as split features.
    """
    if not 1 <= depth <= 3:
        raise ValueError("depth must be 1, 2 or 3")
    for name in split_features:
        if is_protected(name):
            raise ValueError(f"protected attribute {name!r} may not split the tree")
    features = [list(feature_names).index(name) for name in split_features]
    cuts = {f: _candidates(x[:, f], thresholds) for f in features}
    rows = np.arange(len(x))
    _, tree = _best_tree(x, reward, rows, depth, features, cuts, min_leaf)

    def named(node: dict[str, Any]) -> dict[str, Any]:
        if "arm" in node:
            return dict(node)
        return {
            "feature": feature_names[node["feature"]],
            "threshold": node["threshold"],
            "left": named(node["left"]),
            "right": named(node["right"]),
        }

    return named(tree)


def tree_assign(
    tree: dict[str, Any], x: np.ndarray, feature_names: Sequence[str], key: str
) -> np.ndarray:
    """Per row, the node value under `key` ("arm" or "leaf") of the leaf it reaches."""
    out = np.zeros(len(x), dtype=int)
    names = list(feature_names)

    def walk(node: dict[str, Any], rows: np.ndarray) -> None:
        if "feature" not in node:
            out[rows] = node[key]
            return
        col = x[rows, names.index(node["feature"])]
        walk(node["left"], rows[col <= node["threshold"]])
        walk(node["right"], rows[col > node["threshold"]])

    walk(tree, np.arange(len(x)))
    return out


# ---- policy values ---------------------------------------------------------------------


def ipw_value(
    y: np.ndarray, treatment_index: np.ndarray, policy: np.ndarray, p: np.ndarray
) -> float:
    """Self-normalised inverse-probability-weighted mean outcome of following `policy`.

    p[i] is the probability that person i had the treatment they had.
    """
    follow = treatment_index == policy
    weights = follow / p
    total = weights.sum()
    return float((weights * y).sum() / total) if total > 0 else float("nan")


def bootstrap_interval(
    statistic, n: int, rounds: int = 500, seed: int = 0, level: float = 0.9
) -> tuple[float, float]:
    """Percentile bootstrap interval of statistic(indices) over `rounds` resamples."""
    rng = np.random.default_rng(seed)
    values = np.array([statistic(rng.integers(0, n, n)) for _ in range(rounds)])
    values = values[np.isfinite(values)]
    tail = (1 - level) / 2
    return float(np.quantile(values, tail)), float(np.quantile(values, 1 - tail))
