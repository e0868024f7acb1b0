"""Segmentation: the estimated chance of more than 26 weeks' unemployment, and the track.

A logistic regression on standardised features, so that every estimate splits exactly
into one contribution per feature (coefficient x standardised value) that a page can
explain. Gender and origin are not inputs: SegmentationInput has no such fields, and age
is left out too (it is a ground of discrimination and the citizen cannot change it); all
three are used only by the fairness audit. Each feature has a declared direction (more
weeks unemployed never lowers the risk, more applications never raise it); a fitted
coefficient with the wrong sign is set to zero and the rest refitted, so the model is
monotone by construction. The model is plain JSON (no pickle) and deterministic.

The model only suggests; decide_track combines it with the citizen's own wish, and a
citizen who asks for a person or has objected to profiling always goes to a person.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression


class Track(enum.StrEnum):
    """Same values as app.models.cases.Track (ml does not import the models)."""

    SELF_SERVICE = "self_service"
    SUPPORT = "support"


class RouteReason(enum.StrEnum):
    MODEL = "model"
    ASKED_FOR_PERSON = "asked"
    OBJECTED = "objected"
    OVERRIDE = "override"


# The screening answers as plain values (the enum values of app.models.profile).
EXPECTED_TIME = {"1m": 0.0, "3m": 1.0, "6m": 2.0, "longer": 3.0, "unknown": 2.0}
LIMITS = {"none": 0.0, "some": 1.0, "considerable": 2.0}
DANISH_DIFFICULTY = {
    "native": 0.0,
    "fluent": 0.0,
    "good": 1.0,
    "basic": 2.0,
    "none": 3.0,
}
LOW_CONFIDENCE = {"high": 0.0, "some": 1.0, "low": 2.0}
EDUCATION_LEVEL = {
    "primary": 0.0,
    "upper_secondary": 1.0,
    "vocational": 2.0,
    "short_cycle": 3.0,
    "bachelor": 4.0,
    "master": 5.0,
    "doctorate": 6.0,
}


@dataclass(frozen=True)
class SegmentationInput:
    """What the model may see about one citizen. No gender, origin or age, by design."""

    weeks_unemployed: float
    earlier_spells: int = 0
    earlier_weeks: float = 0.0
    education: str | None = None  # EducationLevel value, None when unknown
    applications_4w: int = 0  # job-search log entries in the last 4 weeks
    desired_occupations: int = 0
    matching_postings: int = 0  # postings in their area for the desired occupations
    expected_time_to_job: str = "unknown"
    health_limits: str = "none"
    danish_level: str = "native"
    childcare_limits: str = "none"
    limited_transport: bool = False
    it_confidence: str = "high"
    search_confidence: str = "high"

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class Feature:
    name: str
    # +1: a higher value may only raise the risk; -1: may only lower it.
    direction: int
    # The citizen can change it themself (shown under "what you can do").
    changeable: bool = False


FEATURES: tuple[Feature, ...] = (
    Feature("weeks_unemployed", +1),
    Feature("earlier_spells", +1),
    Feature("earlier_weeks", +1),
    Feature("education", -1),
    Feature("applications_4w", -1, changeable=True),
    Feature("desired_occupations", -1, changeable=True),
    Feature("matching_postings", -1, changeable=True),
    Feature("expected_time_to_job", +1),
    Feature("health_limits", +1),
    Feature("danish_difficulty", +1),
    Feature("childcare_limits", +1),
    Feature("limited_transport", +1),
    Feature("low_it_confidence", +1),
    Feature("low_search_confidence", +1),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
CHANGEABLE: frozenset[str] = frozenset(f.name for f in FEATURES if f.changeable)


def featurise(item: SegmentationInput) -> list[float]:
    """The model's numeric features of one input, in FEATURE_NAMES order."""
    education = EDUCATION_LEVEL.get(item.education or "", 1.0)
    return [
        math.log1p(max(0.0, item.weeks_unemployed)),
        float(min(max(item.earlier_spells, 0), 6)),
        math.log1p(min(max(0.0, item.earlier_weeks), 260.0)),
        education,
        math.log1p(min(max(item.applications_4w, 0), 40)),
        float(min(max(item.desired_occupations, 0), 6)),
        math.log1p(max(item.matching_postings, 0)),
        EXPECTED_TIME.get(item.expected_time_to_job, 2.0),
        LIMITS.get(item.health_limits, 0.0),
        DANISH_DIFFICULTY.get(item.danish_level, 0.0),
        LIMITS.get(item.childcare_limits, 0.0),
        1.0 if item.limited_transport else 0.0,
        LOW_CONFIDENCE.get(item.it_confidence, 0.0),
        LOW_CONFIDENCE.get(item.search_confidence, 0.0),
    ]


def feature_matrix(items: Sequence[SegmentationInput]) -> np.ndarray:
    """The features of many inputs as one array (rows in input order)."""
    if not items:
        return np.zeros((0, len(FEATURES)))
    return np.asarray([featurise(item) for item in items], dtype=float)


@dataclass(frozen=True)
class Contribution:
    feature: str
    value: float  # the raw input value, for display
    contribution: float  # on the log-odds scale, relative to the average citizen

    @property
    def raises_risk(self) -> bool:
        return self.contribution > 0


@dataclass(frozen=True)
class Result:
    probability: float
    contributions: tuple[Contribution, ...]
    model_version: str

    def top_reasons(self, n: int = 3, min_effect: float = 0.05) -> list[Contribution]:
        """The largest contributions, biggest first, ignoring the negligible ones."""
        ranked = sorted(self.contributions, key=lambda c: -abs(c.contribution))
        return [c for c in ranked if abs(c.contribution) >= min_effect][:n]


@dataclass(frozen=True)
class SegmentationModel:
    """A fitted model as plain numbers; to_json/from_json round-trip exactly."""

    version: str
    feature_names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    # Figures from training (sizes, AUC, ECE), shown on the model card.
    metrics: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "feature_names": list(self.feature_names),
                "means": list(self.means),
                "scales": list(self.scales),
                "coefficients": list(self.coefficients),
                "intercept": self.intercept,
                "metrics": self.metrics,
            },
            indent=2,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> SegmentationModel:
        data = json.loads(text)
        if tuple(data["feature_names"]) != FEATURE_NAMES:
            raise ValueError("the model file was trained on other features; retrain it")
        return cls(
            version=str(data["version"]),
            feature_names=tuple(data["feature_names"]),
            means=tuple(float(v) for v in data["means"]),
            scales=tuple(float(v) for v in data["scales"]),
            coefficients=tuple(float(v) for v in data["coefficients"]),
            intercept=float(data["intercept"]),
            metrics=dict(data.get("metrics", {})),
        )

    def _standardise(self, matrix: np.ndarray) -> np.ndarray:
        return (matrix - np.asarray(self.means)) / np.asarray(self.scales)

    def predict_matrix(self, matrix: np.ndarray) -> np.ndarray:
        """Probabilities for a feature matrix (vectorised)."""
        logits = self._standardise(matrix) @ np.asarray(self.coefficients)
        return 1.0 / (1.0 + np.exp(-(logits + self.intercept)))

    def predict_many(self, items: Sequence[SegmentationInput]) -> np.ndarray:
        return self.predict_matrix(feature_matrix(items))

    def contributions_matrix(self, matrix: np.ndarray) -> np.ndarray:
        """Per-feature contributions (log-odds) for each row of a feature matrix."""
        return self._standardise(matrix) * np.asarray(self.coefficients)

    def score(self, item: SegmentationInput) -> Result:
        """The estimate for one citizen with one contribution per feature."""
        row = np.asarray([featurise(item)])
        probability = float(self.predict_matrix(row)[0])
        parts = self.contributions_matrix(row)[0]
        raw = _raw_values(item)
        return Result(
            probability=probability,
            contributions=tuple(
                Contribution(name, raw[name], round(float(part), 4))
                for name, part in zip(self.feature_names, parts, strict=True)
            ),
            model_version=self.version,
        )


def _raw_values(item: SegmentationInput) -> dict[str, float]:
    features = dict(zip(FEATURE_NAMES, featurise(item), strict=True))
    features["weeks_unemployed"] = float(item.weeks_unemployed)
    features["earlier_weeks"] = float(item.earlier_weeks)
    features["applications_4w"] = float(item.applications_4w)
    features["matching_postings"] = float(item.matching_postings)
    return features


def fit(
    matrix: np.ndarray,
    outcomes: Sequence[int] | np.ndarray,
    *,
    version: str,
    directions: Sequence[int] | None = None,
    feature_names: Sequence[str] = FEATURE_NAMES,
    regularisation: float = 1.0,
) -> SegmentationModel:
    """Fit a monotone logistic regression on a feature matrix; deterministic."""
    y = np.asarray(outcomes, dtype=int)
    if len(set(y.tolist())) < 2:
        raise ValueError("training needs both outcomes")
    directions = list(directions or [f.direction for f in FEATURES])
    means = matrix.mean(axis=0)
    scales = matrix.std(axis=0)
    scales[scales == 0] = 1.0
    standard = (matrix - means) / scales
    active = np.ones(matrix.shape[1], dtype=bool)
    coefficients = np.zeros(matrix.shape[1])
    intercept = 0.0
    for _ in range(matrix.shape[1]):
        model = LogisticRegression(C=regularisation, max_iter=1000)
        model.fit(standard[:, active], y)
        coefficients = np.zeros(matrix.shape[1])
        coefficients[active] = model.coef_[0]
        intercept = float(model.intercept_[0])
        wrong = active & (coefficients * np.asarray(directions) < 0)
        if not wrong.any():
            break
        # Drop the wrong-signed features and refit: the model stays monotone.
        active &= ~wrong
        coefficients[wrong] = 0.0
        if not active.any():
            intercept = float(np.log(y.mean() / (1 - y.mean())))
            break
    return SegmentationModel(
        version=version,
        feature_names=tuple(feature_names),
        means=tuple(round(float(v), 6) for v in means),
        scales=tuple(round(float(v), 6) for v in scales),
        coefficients=tuple(round(float(v), 6) for v in coefficients),
        intercept=round(intercept, 6),
    )


def train(
    items: Sequence[SegmentationInput],
    outcomes: Sequence[int],
    *,
    version: str,
) -> SegmentationModel:
    """Fit the segmentation model on labelled inputs (1 = more than 26 weeks)."""
    return fit(feature_matrix(items), outcomes, version=version)


# ---- the decision ---------------------------------------------------------------


def decide_track(
    probability: float | None,
    wants_support: str,
    asked_for_person: bool,
    objected: bool,
    threshold: float,
    maybe_margin: float = 0.1,
) -> tuple[Track, RouteReason]:
    """The suggested track: a person when asked for, objected, wished or flagged.

    wants_support is the screening answer ("yes", "maybe", "no"); "maybe" lowers the
    threshold by maybe_margin. Wanting support never leads to self-service.
    """
    if objected:
        return Track.SUPPORT, RouteReason.OBJECTED
    if asked_for_person:
        return Track.SUPPORT, RouteReason.ASKED_FOR_PERSON
    if wants_support == "yes":
        return Track.SUPPORT, RouteReason.MODEL
    if probability is None:
        raise ValueError("a citizen who has not objected must be scored first")
    limit = threshold - maybe_margin if wants_support == "maybe" else threshold
    if probability >= limit:
        return Track.SUPPORT, RouteReason.MODEL
    return Track.SELF_SERVICE, RouteReason.MODEL
