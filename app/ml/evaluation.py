"""How well the segmentation model separates and calibrates: AUC, ECE and a summary.

`cross_validated_probabilities` gives out-of-fold estimates of the same monotone method
(app.ml.segmentation.fit) for data the model was not trained on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score

from app.ml.segmentation import fit


def auc(
    outcomes: Sequence[int] | np.ndarray, scores: Sequence[float] | np.ndarray
) -> float:
    """Area under the ROC curve."""
    return float(roc_auc_score(np.asarray(outcomes), np.asarray(scores)))


def expected_calibration_error(
    outcomes: Sequence[int] | np.ndarray,
    probabilities: Sequence[float] | np.ndarray,
    bins: int = 10,
) -> float:
    """ECE: the weighted gap between predicted and observed rates in equal-width bins."""
    y = np.asarray(outcomes, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(p[mask].mean() - y[mask].mean())
    return float(total / len(y)) if len(y) else 0.0


@dataclass(frozen=True)
class Evaluation:
    """Size, base rate, AUC, ECE and share flagged of one set of estimates."""

    n: int
    base_rate: float
    auc: float
    ece: float
    flag_rate: float

    def as_dict(self) -> dict[str, float]:
        return {
            "n": self.n,
            "base_rate": round(self.base_rate, 4),
            "auc": round(self.auc, 4),
            "ece": round(self.ece, 4),
            "flag_rate": round(self.flag_rate, 4),
        }


def evaluate(
    outcomes: Sequence[int] | np.ndarray,
    probabilities: Sequence[float] | np.ndarray,
    threshold: float,
) -> Evaluation:
    """The figures of probabilities against outcomes; flagged means >= threshold."""
    y = np.asarray(outcomes, dtype=int)
    p = np.asarray(probabilities, dtype=float)
    return Evaluation(
        n=len(y),
        base_rate=float(y.mean()),
        auc=auc(y, p),
        ece=expected_calibration_error(y, p),
        flag_rate=float((p >= threshold).mean()),
    )


def cross_validated_probabilities(
    matrix: np.ndarray,
    outcomes: Sequence[int] | np.ndarray,
    *,
    directions: Sequence[int],
    feature_names: Sequence[str],
    folds: int = 5,
    seed: int = 2026,
) -> np.ndarray:
    """Out-of-fold probabilities of the same monotone method (for external data)."""
    y = np.asarray(outcomes, dtype=int)
    order = np.random.default_rng(seed).permutation(len(y))
    fold_of = np.empty(len(y), dtype=int)
    fold_of[order] = np.arange(len(y)) % folds
    result = np.zeros(len(y))
    for k in range(folds):
        test = fold_of == k
        model = fit(
            matrix[~test],
            y[~test],
            version="cv",
            directions=directions,
            feature_names=feature_names,
        )
        result[test] = model.predict_matrix(matrix[test])
    return result
