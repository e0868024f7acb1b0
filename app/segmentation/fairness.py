"""The fairness audit and the model's evaluation figures.

Protected attributes (gender, origin) are read here and nowhere else: to compare the
model's flag rates between groups over the current assessments, and its error rates on
the labelled SYNTHETIC hold-out. The external check runs the same method on the
Pennsylvania re-employment bonus experiment (penn_jae), when that file is present.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ml import fairness
from app.ml.evaluation import (
    Evaluation,
    auc,
    cross_validated_probabilities,
    expected_calibration_error,
)
from app.models import Assessment, Citizen, ProtectedAttributes, RouteReason, Track
from app.segmentation.model_store import train_on_synthetic_history

PENN_PATH = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "benchmarks"
    / "penn-bonus"
    / "penn_jae_dev.dat"
)
ATTRIBUTES = ("gender", "age_band", "origin")


@dataclass(frozen=True)
class AuditLimits:
    """When a gap between groups is flagged, and how small a group may be shown."""

    max_gap: float  # the largest difference in rates (0 to 1) before a warning
    min_group: int  # groups with fewer people are "too few to show" and not compared


def limits_of(config: Mapping[str, Any]) -> AuditLimits:
    """The audit's limits from the app's settings (FAIRNESS_MAX_GAP, _MIN_GROUP)."""
    return AuditLimits(
        float(config["FAIRNESS_MAX_GAP"]), int(config["FAIRNESS_MIN_GROUP"])
    )


def _age(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return (
        today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    )


@dataclass(frozen=True)
class CurrentFlagRates:
    assessed_by_model: int
    overall_rate: float
    by_attribute: tuple[fairness.GroupRates, ...]

    @property
    def warnings(self) -> list[fairness.GroupRates]:
        return [g for g in self.by_attribute if g.exceeds]


def current_flag_rates(
    session: Session,
    limits: AuditLimits,
    today: date | None = None,
    municipality_id: int | None = None,
) -> CurrentFlagRates:
    """Share routed to support by the model, by gender, age band and origin."""
    today = today or date.today()
    query = (
        select(
            Assessment.track,
            Citizen.birth_date,
            ProtectedAttributes.gender,
            ProtectedAttributes.origin,
        )
        .join(Citizen, Citizen.id == Assessment.citizen_id)
        .outerjoin(
            ProtectedAttributes, ProtectedAttributes.citizen_id == Assessment.citizen_id
        )
        .where(Assessment.current.is_(True))
        .where(Assessment.route_reason == RouteReason.MODEL)
    )
    if municipality_id is not None:
        query = query.where(Citizen.municipality_id == municipality_id)
    rows = session.execute(query).all()
    flagged = [track == Track.SUPPORT for track, *_ in rows]
    groups = {
        "gender": [g.value if g else None for _, _, g, _ in rows],
        "age_band": [fairness.age_band(_age(b, today)) for _, b, _, _ in rows],
        "origin": [o.value if o else None for _, _, _, o in rows],
    }
    return CurrentFlagRates(
        assessed_by_model=len(rows),
        overall_rate=(sum(flagged) / len(rows)) if rows else 0.0,
        by_attribute=tuple(
            fairness.group_rates(
                name,
                "flag_rate",
                groups[name],
                flagged,
                limits.max_gap,
                min_n=limits.min_group,
            )
            for name in ATTRIBUTES
        ),
    )


@dataclass(frozen=True)
class HoldoutAudit:
    model_version: str
    evaluation: Evaluation
    by_attribute: tuple[fairness.GroupRates, ...]

    @property
    def warnings(self) -> list[fairness.GroupRates]:
        return [g for g in self.by_attribute if g.exceeds]


@cache
def holdout_audit(threshold: float, limits: AuditLimits) -> HoldoutAudit:
    """Flag and error rates by group on the labelled SYNTHETIC hold-out."""
    training = train_on_synthetic_history(threshold)
    people = training.holdout
    flagged = [bool(p >= threshold) for p in training.holdout_probabilities]
    outcomes = [person.long_term for person in people]
    groups = {name: [getattr(person, name) for person in people] for name in ATTRIBUTES}
    return HoldoutAudit(
        training.model.version,
        training.evaluation,
        _rates_and_errors(groups, outcomes, flagged, limits),
    )


def _rates_and_errors(
    groups: dict[str, list[Any]],
    outcomes: Any,
    flagged: list[bool],
    limits: AuditLimits,
) -> tuple[fairness.GroupRates, ...]:
    """Per attribute: the flag rate, then the false-positive and false-negative rates."""
    result: list[fairness.GroupRates] = []
    for name in ATTRIBUTES:
        result.append(
            fairness.group_rates(
                name,
                "flag_rate",
                groups[name],
                flagged,
                limits.max_gap,
                min_n=limits.min_group,
            )
        )
        result.extend(
            fairness.error_rates(
                name,
                groups[name],
                outcomes,
                flagged,
                limits.max_gap,
                min_n=limits.min_group,
            )
        )
    return tuple(result)


# ---- the external check ---------------------------------------------------------------

PENN_FEATURES = (
    "dep",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "recall",
    "durable",
    "nondurable",
    "lusd",
    "husd",
    "muld",
)


@dataclass(frozen=True)
class ExternalCheck:
    path: str
    found: bool
    evaluation: Evaluation | None = None
    by_attribute: tuple[fairness.GroupRates, ...] = ()
    features: tuple[str, ...] = PENN_FEATURES


def read_penn(path: Path) -> tuple[list[str], np.ndarray]:
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split()
    data = [line.split() for line in lines[1:] if line.strip()]
    return header, np.asarray(data, dtype=float)


@cache
def external_check(
    limits: AuditLimits, path: str = str(PENN_PATH), threshold: float = 0.5
) -> ExternalCheck:
    """The same monotone logistic method, 5-fold cross-validated, on penn_jae.

    Outcome: more than 26 weeks of insured unemployment (inuidur1 > 26). Features: the
    non-protected covariates (dependants, quarter of entry, recall expected, industry,
    local labour market); gender, race and age are kept out and used only for rates.
    """
    file = Path(path)
    if not file.is_file():
        return ExternalCheck(path, False)
    header, data = read_penn(file)
    column = {name: i for i, name in enumerate(header)}
    matrix = data[:, [column[name] for name in PENN_FEATURES]]
    outcomes = (data[:, column["inuidur1"]] > 26).astype(int)
    probabilities = cross_validated_probabilities(
        matrix,
        outcomes,
        directions=[0] * len(PENN_FEATURES),
        feature_names=PENN_FEATURES,
    )
    # Rates at the threshold say little when almost nobody passes it, so groups are
    # compared with the top base-rate share flagged (threshold is not used here).
    cut = float(np.quantile(probabilities, 1 - outcomes.mean()))
    flagged = [bool(p >= cut) for p in probabilities]

    by_attribute = _rates_and_errors(
        _penn_groups(data, column), outcomes, flagged, limits
    )
    evaluation = Evaluation(
        n=len(outcomes),
        base_rate=float(outcomes.mean()),
        auc=auc(outcomes, probabilities),
        ece=expected_calibration_error(outcomes, probabilities),
        flag_rate=float(np.mean(flagged)),
    )
    return ExternalCheck(path, True, evaluation, by_attribute)


def _penn_groups(data: np.ndarray, column: dict[str, int]) -> dict[str, list[str]]:
    """Each claimant's gender, origin and age band, as the audit's group names."""

    def pick(*names: str) -> list[str]:
        labels = []
        for row in data:
            label = "other"
            for name in names:
                if row[column[name]] == 1:
                    label = name
            labels.append(label)
        return labels

    return {
        "gender": ["female" if r[column["female"]] == 1 else "male" for r in data],
        "origin": pick("black", "hispanic"),
        "age_band": [
            "under_35"
            if r[column["agelt35"]] == 1
            else ("over_54" if r[column["agegt54"]] == 1 else "35_54")
            for r in data
        ],
    }


_NATIONAL: dict[AuditLimits, tuple[float, CurrentFlagRates]] = {}
NATIONAL_TTL_SECONDS = 600.0


def national_flag_rates(session: Session, limits: AuditLimits) -> CurrentFlagRates:
    """The current flag rates over all municipalities, recomputed every 10 minutes.

    For the public model card: the query reads every current assessment, so a page
    view must not run it each time.
    """
    import time

    cached = _NATIONAL.get(limits)
    if cached is not None and time.monotonic() - cached[0] < NATIONAL_TTL_SECONDS:
        return cached[1]
    rates = current_flag_rates(session, limits)
    _NATIONAL[limits] = (time.monotonic(), rates)
    return rates
