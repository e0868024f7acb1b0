"""flask ml train effects writes the JSON tables the pages serve (here from a small
SYNTHETIC history, so the test stays quick). The evaluation's pieces are tested in
tests/ml/test_effects.py; the full run is `flask ml evaluate effects`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.advisor import checks
from app.ml.effects import EffectTables


def _small(monkeypatch: Any) -> None:
    fit = checks.fit_synthetic
    monkeypatch.setattr(
        checks, "fit_synthetic", lambda depth=2: fit(depth, seed=7, size=3_000)
    )


def test_train_writes_json_tables_with_their_evaluation(
    make_app: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    _small(monkeypatch)
    path = tmp_path / "models" / "effects.json"
    app = make_app(EFFECTS_TABLES_PATH=str(path))
    result = app.test_cli_runner().invoke(args=["ml", "train", "effects"])
    assert result.exit_code == 0, result.output
    assert "SYNTHETIC" in result.output
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"].startswith("dr2-")
    assert {"coverage", "policy_values", "fairness"} <= set(data["metrics"])
    tables = EffectTables.from_json(path.read_text(encoding="utf-8"))
    assert not {"gender", "origin", "age_band"} & set(tables.feature_names)
    page = app.test_client().get("/algoritmer/indsatser").get_data(as_text=True)
    assert tables.version in page
