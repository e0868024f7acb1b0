"""Fixtures for the citizen portal pages: a loaded taxonomy and a logged-in citizen."""

from __future__ import annotations

import pytest

from app.services import matching
from tests.portal import load_taxonomy


@pytest.fixture(autouse=True)
def taxonomy(db):
    load_taxonomy(db)
    yield
    matching.invalidate_match_index()


@pytest.fixture
def citizen(make_citizen, login):
    made = make_citizen()
    login(made.user)
    return made
