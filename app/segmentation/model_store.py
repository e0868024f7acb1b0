"""The segmentation model in use: settings, training, and the model file.

The model is a JSON file (no pickle) in the instance folder. Training takes a labelled
cohort; without a model file, the model is trained on first use from the SYNTHETIC
cohort of app.ml.synthetic_history (about a second, deterministic) and saved.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from flask import current_app, has_app_context

from app.ml import segmentation as seg
from app.ml.evaluation import Evaluation, evaluate
from app.ml.synthetic_history import HISTORY_SEED, PastJobseeker, synthetic_cohort


@dataclass(frozen=True)
class Settings:
    threshold: float = 0.5
    maybe_margin: float = 0.1
    review_days: int = 28
    model_path: str = ""


def settings_from(config: dict[str, Any], instance_path: str) -> Settings:
    """The segmentation settings from the app configuration."""
    return Settings(
        threshold=float(config.get("SEGMENT_QUEUE_THRESHOLD", 0.5)),
        maybe_margin=float(config.get("SEGMENT_MAYBE_MARGIN", 0.1)),
        review_days=int(config.get("SEGMENT_REVIEW_DAYS", 28)),
        model_path=str(
            config.get("SEGMENT_MODEL_PATH")
            or Path(instance_path) / "models" / "segmentation.json"
        ),
    )


def current_settings() -> Settings:
    """Settings of the running app (defaults outside an app context)."""
    if not has_app_context():
        return Settings()
    return settings_from(current_app.config, current_app.instance_path)


# ---- the model file -----------------------------------------------------------------

_MODELS: dict[str, seg.SegmentationModel] = {}


@dataclass(frozen=True)
class Training:
    model: seg.SegmentationModel
    holdout: list[Any] = field(repr=False)
    holdout_probabilities: np.ndarray = field(repr=False)
    evaluation: Evaluation


def train_model(
    cohort: Sequence[PastJobseeker], threshold: float, trained_on: str
) -> Training:
    """Train on the first 75 % of a labelled cohort and evaluate on the rest."""
    cut = len(cohort) * 3 // 4
    train, holdout = cohort[:cut], cohort[cut:]
    draft = seg.train(
        [p.features for p in train], [p.long_term for p in train], version="draft"
    )
    digest = hashlib.sha256(
        json.dumps([draft.coefficients, draft.intercept]).encode()
    ).hexdigest()[:8]
    probabilities = draft.predict_many([p.features for p in holdout])
    evaluation = evaluate([p.long_term for p in holdout], probabilities, threshold)
    model = seg.SegmentationModel(
        version=f"lr1-{digest}",
        feature_names=draft.feature_names,
        means=draft.means,
        scales=draft.scales,
        coefficients=draft.coefficients,
        intercept=draft.intercept,
        metrics={
            "trained_on": trained_on,
            "train_size": len(train),
            "holdout": evaluation.as_dict(),
            "threshold": threshold,
        },
    )
    return Training(model, list(holdout), probabilities, evaluation)


def train_on_synthetic_history(
    threshold: float = 0.5, seed: int = HISTORY_SEED, size: int | None = None
) -> Training:
    """Train on the SYNTHETIC cohort (75 %) and evaluate on the rest; deterministic."""
    cohort = synthetic_cohort(size, seed) if size else synthetic_cohort(seed=seed)
    return train_model(cohort, threshold, f"synthetic cohort, seed {seed}")


def save_model(model: seg.SegmentationModel, path: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = f"{path}.tmp"
    Path(tmp).write_text(model.to_json(), encoding="utf-8")
    os.replace(tmp, path)
    _MODELS.pop(path, None)


def load_model(settings: Settings | None = None) -> seg.SegmentationModel:
    """The model in use; trained from the synthetic history on first use if absent."""
    settings = settings or current_settings()
    path = settings.model_path
    if path in _MODELS:
        return _MODELS[path]
    if path and Path(path).exists():
        model = seg.SegmentationModel.from_json(Path(path).read_text(encoding="utf-8"))
    else:
        # A fresh machine: training takes about a second and is deterministic.
        model = train_on_synthetic_history(settings.threshold).model
        if path:
            save_model(model, path)
    _MODELS[path] = model
    return model
