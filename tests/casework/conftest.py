"""Fixtures for the caseworker's workspace (cases and assessments: tests/factories.py)."""

from __future__ import annotations

import pytest

from app.models import User


@pytest.fixture
def caseworker(make_caseworker, login) -> User:
    """A caseworker in Copenhagen (101), logged in."""
    user = make_caseworker(101)
    login(user)
    return user
