"""The embedded database: SQLite in WAL mode with foreign keys, so readers never wait."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db import make_engine


def test_sqlite_files_run_in_wal_mode_with_foreign_keys(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_a_request_statement_on_postgresql_stops_at_its_budget(
    make_app, database_url
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the statement budget is PostgreSQL's (CI runs this on it)")
    app = make_app(REQUEST_STATEMENT_TIMEOUT_MS=200)
    engine = app.extensions["db_engine"]
    with (
        app.test_request_context(),
        engine.begin() as connection,
        pytest.raises(OperationalError, match="statement timeout"),
    ):
        connection.execute(text("SELECT pg_sleep(2)"))
    with app.app_context(), engine.begin() as connection:  # a command: no budget
        connection.execute(text("SELECT pg_sleep(0.3)"))
