"""Log-in limits are counted once for all of gunicorn's workers, in a real Redis.

Without a shared store each worker counts on its own, and four workers let about four
times the limit through (17 of 20 attempts got through in ten seconds when measured).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.auth.throttle import FREE_ATTEMPTS
from app.db import make_engine
from tests.factories import TEST_PASSWORD
from tests.servers import (
    add_caseworker,
    browser_session,
    gunicorn,
    home_municipality_id,
    own_database,
)

EMAIL = "limits@test.jobunivers.dk"


@pytest.fixture
def portal(database_url: str, redis_url: str, tmp_path: Path) -> Iterator[str]:
    with own_database(database_url, tmp_path, "limits") as url:
        engine = make_engine(url)
        with Session(engine) as session:
            add_caseworker(session, home_municipality_id(session), EMAIL, "Grænse Test")
            session.commit()
        engine.dispose()
        with gunicorn(url, tmp_path, REDIS_URL=redis_url) as base:
            yield base


def _attempt(browser, base: str, email: str, password: str) -> int:
    page = browser.get(base + "/log-ind/medarbejder", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text[:300]
    return browser.post(
        base + "/log-ind/medarbejder",
        data={"csrf_token": token.group(1), "email": email, "password": password},
        allow_redirects=False,
        timeout=30,
    ).status_code


def test_four_workers_share_the_limits(portal: str) -> None:
    browser = browser_session()
    # One account, one address: the free attempts, then a wait, whichever worker answers.
    answers = [
        _attempt(browser, portal, EMAIL, "wrong") for _ in range(FREE_ATTEMPTS + 3)
    ]
    assert answers == [200] * FREE_ATTEMPTS + [429] * 3
    # One address trying many accounts: ten failures a minute in all (the six above
    # included), then refused, even with the right password.
    spray = Counter(
        _attempt(browser, portal, f"nobody{n}@test.jobunivers.dk", "wrong")
        for n in range(14)
    )
    assert spray == {200: 4, 429: 10}
    assert _attempt(browser_session(), portal, EMAIL, TEST_PASSWORD) == 429
