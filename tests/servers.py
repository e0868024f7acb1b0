"""Real servers for the tests that need them: the portal under gunicorn, and Redis."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import Caseworker, Municipality, Role, User
from tests.databases import create_database, drop_database, migrate, sibling_url
from tests.factories import TEST_PASSWORD_HASH

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine of the test's own, for threads that each commit in a session of
    their own (the concurrency tests)."""
    built = make_engine(database_url)
    yield built
    built.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(
    database_url: str, log_dir: Path, workers: int = 4, **settings: str
) -> Iterator[str]:
    """The portal under gunicorn on database_url; yields its base URL."""
    port = free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "JOBUNIVERS_SECRET_KEY": "gunicorn-test-secret",
        **settings,
    }
    with (log_dir / "gunicorn.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(workers)]
            + ["--bind", f"127.0.0.1:{port}", "wsgi:app"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    requests.get(base + "/", timeout=5)
                    break
                except requests.RequestException:
                    time.sleep(0.1)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server of the test's own (Debian's redis-server, which CI installs)."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is missing: apt-get install redis-server"
        if os.environ.get("JOBUNIVERS_REQUIRE_REDIS"):
            pytest.fail(message)  # CI installs it (.ci/run)
        pytest.skip(message)
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def own_database(database_url: str, tmp_path: Path, name: str) -> Iterator[str]:
    """A migrated database of a test's own, on the suite's kind of database (a sibling
    PostgreSQL database, or a SQLite file), dropped afterwards."""
    if database_url.startswith("postgresql"):
        url = sibling_url(database_url, name)
    else:
        url = f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
    create_database(url)
    migrate(url)
    try:
        yield url
    finally:
        drop_database(url)


def home_municipality_id(session: Session) -> int:
    return session.scalars(
        select(Municipality.id).where(Municipality.code == 101)
    ).one()


def add_caseworker(
    session: Session, municipality_id: int, email: str, name: str
) -> None:
    """A caseworker who logs in through the form with the tests' password."""
    user = User(
        role=Role.CASEWORKER,
        display_name=name,
        email=email,
        password_hash=TEST_PASSWORD_HASH,
        municipality_id=municipality_id,
    )
    session.add(user)
    session.flush()
    session.add(Caseworker(user_id=user.id, job_title="Jobkonsulent"))


def browser_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # straight to the local server, never a proxy
    return session
