"""Claims and releases under gunicorn: four worker processes, eight caseworkers at once.

The portal runs as in production (gunicorn, one process per worker) on a database of its
own, made for this test on whichever database the suite runs on (SQLite and PostgreSQL in
CI). Eight caseworkers log in through the form and, all at the same time, claim the next
case, claim named cases and give them back. No request may fail with a server error, and
at the end no case may be left claimed.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import (
    Case,
    CaseStatus,
    Citizen,
    Role,
    RouteReason,
    User,
)
from tests.factories import TEST_PASSWORD
from tests.servers import (
    add_caseworker,
    browser_session,
    gunicorn,
    home_municipality_id,
    own_database,
)

CASEWORKERS = 8
CASES = 12
ROUNDS = 6


@pytest.fixture
def portal_database(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A migrated database of its own with eight caseworkers and twelve waiting cases."""
    with own_database(database_url, tmp_path, "gunicorn") as url:
        _fill(url)
        yield url


def _fill(url: str) -> None:
    engine = make_engine(url)
    with Session(engine) as session:
        municipality_id = home_municipality_id(session)
        for n in range(CASEWORKERS):
            add_caseworker(
                session,
                municipality_id,
                f"parallel{n}@test.jobunivers.dk",
                f"Sagsbehandler {n}",
            )
        now = datetime.now(UTC)
        for n in range(CASES):
            user = User(
                role=Role.CITIZEN,
                display_name=f"Borger {n}",
                mitid_subject=f"gunicorn-{n}",
                municipality_id=municipality_id,
            )
            session.add(user)
            session.flush()
            citizen = Citizen(
                user_id=user.id,
                municipality_id=municipality_id,
                first_name="Borger",
                last_name=str(n),
                synthetic=True,
            )
            session.add(citizen)
            session.flush()
            session.add(
                Case(
                    citizen_id=citizen.id,
                    municipality_id=municipality_id,
                    status=CaseStatus.QUEUED,
                    queue_reason=RouteReason.MODEL,
                    priority=(n % 4) / 4,
                    language="da",
                    queued_at=now - timedelta(minutes=n),
                    version=0,
                )
            )
        session.commit()
    engine.dispose()


@pytest.fixture
def portal(portal_database: str, tmp_path: Path) -> Iterator[str]:
    """gunicorn with four workers serving the portal on that database."""
    with gunicorn(
        portal_database, tmp_path, JOBUNIVERS_LOGIN_RATE_LIMIT="1000 per minute"
    ) as base:
        yield base


def _token(response: requests.Response) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    assert match, response.text[:300]
    return match.group(1)


def test_claims_and_releases_under_gunicorn_never_fail_or_stick(
    portal: str, portal_database: str
) -> None:
    statuses: Counter[int] = Counter()
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(CASEWORKERS)

    def record(response: requests.Response, what: str) -> None:
        with lock:
            statuses[response.status_code] += 1
            if response.status_code >= 500:
                errors.append(f"{what}: {response.status_code}")

    def work(n: int) -> None:
        browser = browser_session()
        page = browser.get(portal + "/log-ind/medarbejder", timeout=30)
        login = browser.post(
            portal + "/log-ind/medarbejder",
            data={
                "csrf_token": _token(page),
                "email": f"parallel{n}@test.jobunivers.dk",
                "password": TEST_PASSWORD,
            },
            allow_redirects=False,
            timeout=30,
        )
        assert login.status_code == 302, login.text[:300]
        token = _token(browser.get(portal + "/sagsbehandler/koe", timeout=30))
        barrier.wait()
        for round_ in range(ROUNDS):
            if (n + round_) % 2:
                answer = browser.post(
                    portal + "/sagsbehandler/koe/tag-naeste",
                    data={"csrf_token": token},
                    allow_redirects=False,
                    timeout=60,
                )
                record(answer, "claim next")
                found = re.search(r"/borger/(\d+)", answer.headers.get("Location", ""))
                citizen_ids = [int(found.group(1))] if found else []
            else:
                citizen_ids = []
                for citizen_id in range(1, CASES + 1):
                    answer = browser.post(
                        f"{portal}/sagsbehandler/borger/{citizen_id}/tag",
                        data={"csrf_token": token},
                        allow_redirects=False,
                        timeout=60,
                    )
                    record(answer, f"claim {citizen_id}")
                    citizen_ids.append(citizen_id)
                    if len(citizen_ids) == 2:
                        break
            for citizen_id in citizen_ids:
                answer = browser.post(
                    f"{portal}/sagsbehandler/borger/{citizen_id}/frigiv",
                    data={"csrf_token": token},
                    allow_redirects=False,
                    timeout=60,
                )
                # 404: the case was another caseworker's to give back.
                record(answer, f"release {citizen_id}")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(CASEWORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == [], (errors, statuses)
    assert statuses[302] > CASEWORKERS * ROUNDS  # the work was done, not refused
    engine = make_engine(portal_database)
    with Session(engine) as session:
        stuck = session.scalars(
            select(Case.citizen_id).where(Case.status != CaseStatus.QUEUED)
        ).all()
    engine.dispose()
    assert stuck == [], f"cases left claimed: {stuck}"
