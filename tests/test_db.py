"""The embedded database: SQLite in WAL mode with foreign keys, so readers never wait."""

from __future__ import annotations

from sqlalchemy import text

from app.db import make_engine


def test_sqlite_files_run_in_wal_mode_with_foreign_keys(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'portal.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
