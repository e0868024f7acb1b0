"""Fixtures of Min side: every test runs on the demo taxonomy."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _taxonomy(taxonomy: None) -> None:
    """The demo taxonomy is loaded for every test here."""
