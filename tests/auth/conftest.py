"""Log-in tests go through the real forms: `login` here is `login_with_form`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from werkzeug.test import TestResponse

from app.models import User


@pytest.fixture
def login(
    login_with_form: Callable[[User], TestResponse],
) -> Callable[[User], TestResponse]:
    return login_with_form
