"""Shared fixtures: the app on a migrated test database, one rolled-back transaction per test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from app import create_app
from app.db import make_engine
from app.extensions import limiter
from app.migrate import alembic_config

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = ["tests.factories", "tests.pages"]


def test_database_url(tmp_dir: Path) -> str:
    return (
        os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_dir / 'test.sqlite3'}"
    )


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """Compile the catalogues once per run, as set-up does (the .mo files are not committed)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "compile",
            "-d",
            str(ROOT / "translations"),
        ],
        check=True,
    )


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated from empty to head once per run."""
    from alembic import command

    url = test_database_url(tmp_path_factory.mktemp("db"))
    engine = make_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "base")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "head")
    engine.dispose()
    yield url


def test_config(database_url: str, **overrides: Any) -> dict[str, Any]:
    """The settings every test app starts from, plus overrides."""
    return {
        "ENV": "testing",
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": "localhost",
        **overrides,
    }


@pytest.fixture(scope="session")
def make_app(
    database_url: str, compiled_translations: None
) -> Iterator[Callable[..., Flask]]:
    """Build test apps with overridden settings; their connections are closed at the end."""
    apps: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        built = create_app(test_config(database_url, **overrides))
        apps.append(built)
        return built

    yield make
    for built in apps:
        built.extensions["db_engine"].dispose()


@pytest.fixture(scope="session")
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def db(app: Flask) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test.

    The app's own sessions join the same connection with SAVEPOINTs, so what a request
    commits is visible to the test and gone afterwards.
    """
    engine = app.extensions["db_engine"]
    connection = engine.connect()
    outer = connection.begin()
    maker = sessionmaker(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
    )
    original = app.extensions["db_sessionmaker"]
    app.extensions["db_sessionmaker"] = maker
    session = maker()
    try:
        yield session
    finally:
        session.close()
        app.extensions["db_sessionmaker"] = original
        outer.rollback()
        connection.close()


@pytest.fixture
def client(app: Flask, db: Session) -> Iterator[FlaskClient]:
    limiter.reset()
    with app.test_client() as test_client:
        yield test_client
