"""Fixtures for the demo generator: throw-away SQLite databases built from the models.

The small demo loaded once per run is `small_demo` (tests/databases.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

import app.models  # noqa: F401  (registers every table on Base.metadata)
from app.db import Base, make_engine


@pytest.fixture
def make_demo_session(tmp_path: Path) -> Iterator[Callable[[], Session]]:
    """A factory of sessions, each on its own fresh, empty SQLite database."""
    engines: list[Engine] = []
    sessions: list[Session] = []

    def make() -> Session:
        engine = make_engine(f"sqlite:///{tmp_path / f'demo{len(engines)}.sqlite3'}")
        Base.metadata.create_all(engine)
        engines.append(engine)
        sessions.append(Session(engine))
        return sessions[-1]

    yield make
    for session in sessions:
        session.close()
    for engine in engines:
        engine.dispose()
