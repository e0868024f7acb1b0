"""Shared fixtures: the app on the test database (tests/databases.py), and its client."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import create_app
from app.extensions import limiter

ROOT = Path(__file__).resolve().parent.parent

pytest_plugins = [
    "tests.running",
    "tests.databases",
    "tests.factories",
    "tests.pages",
    "tests.servers",
    "tests.form_crawl",
]


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """Compile the catalogues once per run, as set-up does (the .mo files are not committed).

    Each catalogue is written beside its .po and renamed into place, so an app in another
    process (a pytest-xdist worker) never reads one half written.
    """
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        if catalog.fuzzy:  # as `pybabel compile` does without --use-fuzzy
            continue
        partial = po.with_name(f"messages.{os.getpid()}.mo")
        with partial.open("wb") as target:
            write_mo(target, catalog)
        partial.replace(po.with_name("messages.mo"))


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
def client(app: Flask, db: Session) -> Iterator[FlaskClient]:
    limiter.reset()
    with app.test_client() as test_client:
        yield test_client
