"""Log-in tests go through the real forms: `login` here is `login_with_form`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.models import User
from tests.pages import log_in_with_form


@pytest.fixture
def login(client: FlaskClient) -> Callable[[User], TestResponse]:
    return lambda user: log_in_with_form(client, user)
