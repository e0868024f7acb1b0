"""Fixtures of decision support: small effect tables written where the app reads them."""

from __future__ import annotations

import pytest

from tests.advisor.tables import small_tables


@pytest.fixture
def effect_tables(app, tmp_path, monkeypatch):
    path = tmp_path / "effects.json"
    tables = small_tables()
    path.write_text(tables.to_json(), encoding="utf-8")
    monkeypatch.setitem(app.config, "EFFECTS_TABLES_PATH", str(path))
    return tables


@pytest.fixture
def caseworker(make_caseworker, login):
    """A caseworker in Copenhagen (101), logged in."""
    user = make_caseworker(101)
    login(user)
    return user
