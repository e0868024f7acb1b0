"""A citizen who became unemployed two weeks before the tests' day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from app.models import Citizen
from tests.segmentation.rescreening import TODAY


@pytest.fixture
def recent(make_citizen: Callable[..., Citizen]) -> Callable[..., Citizen]:
    def make(**kw: Any) -> Citizen:
        return make_citizen(unemployed_since=TODAY - timedelta(days=14), **kw)

    return make
