"""flask ml train/evaluate/fairness segmentation and flask screen print their figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import Assessment, ScreeningAnswers
from app.models.profile import (
    Confidence,
    ExpectedTime,
    LanguageLevel,
    Limits,
    SupportWish,
    Transport,
)
from tests.segmentation.test_screening import NOW


def test_train_writes_a_json_model_and_prints_the_figures(
    make_app: Any, tmp_path: Path
) -> None:
    path = tmp_path / "models" / "segmentation.json"
    app = make_app(SEGMENT_MODEL_PATH=str(path))
    result = app.test_cli_runner().invoke(args=["ml", "train", "segmentation"])
    assert result.exit_code == 0, result.output
    assert "SYNTHETIC" in result.output and "AUC 0." in result.output
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["version"].startswith("lr1-")
    assert "gender" not in model["feature_names"]


def test_evaluate_prints_hold_out_and_the_external_check(app: Any) -> None:
    result = app.test_cli_runner().invoke(args=["ml", "evaluate", "segmentation"])
    assert result.exit_code == 0, result.output
    assert "SYNTHETIC hold-out" in result.output
    assert "ECE" in result.output
    assert "false_positive" in result.output and "origin" in result.output
    # The external file is either checked or its absence is said plainly.
    assert "penn_jae" in result.output or "ABSENT" in result.output


def test_screen_and_fairness_run_over_all_citizens(
    app: Any, db: Any, make_citizen: Any
) -> None:
    citizen = make_citizen()
    db.add(
        ScreeningAnswers(
            citizen_id=citizen.id,
            answered_at=NOW,
            expected_time_to_job=ExpectedTime.WITHIN_3_MONTHS,
            health_limits=Limits.NONE,
            danish_level=LanguageLevel.NATIVE,
            english_level=LanguageLevel.GOOD,
            childcare_limits=Limits.NONE,
            transport=Transport.CAR,
            it_confidence=Confidence.HIGH,
            search_confidence=Confidence.HIGH,
            wants_support=SupportWish.NO,
        )
    )
    db.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["screen"])
    assert result.exit_code == 0, result.output
    assert "Screened" in result.output
    assert (
        db.scalar(select(Assessment.trigger).where(Assessment.citizen_id == citizen.id))
        == "nightly"
    )
    result = runner.invoke(args=["ml", "fairness"])
    assert result.exit_code == 0, result.output
    assert "Current assessments decided by the model" in result.output
