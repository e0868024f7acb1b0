"""The test databases, and the `db` fixture that rolls each test back.

The database named by TEST_DATABASE_URL (or a SQLite file) is migrated from empty to head
once per run, and once per worker under pytest-xdist (each worker on a database of its
own). Two copies of it are made at once: one where the demo taxonomy is committed the
first time a test asks for `taxonomy`, one where the small demo is committed the first
time a test asks for `small_demo`. `db` binds to the copy the test asked for, or to the
empty database, and rolls back whatever the test and its requests wrote.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.db import make_engine
from app.migrate import alembic_config

# The fixtures that put a test on a copy with committed data, by the copy's suffix.
SHARED = {"taxonomy_database": "taxonomy", "demo_database": "demo"}


def worker_id() -> str:
    """The pytest-xdist worker ("gw0", "gw1", ...), or "" when there are no workers."""
    return os.environ.get("PYTEST_XDIST_WORKER", "")


def is_postgresql(url: str) -> bool:
    return url.startswith("postgresql")


def sibling_url(url: str, suffix: str) -> str:
    """The database next to url with suffix added to its name (file or database)."""
    parsed = make_url(url)
    name = parsed.database or ""
    if is_postgresql(url):
        return parsed.set(database=f"{name}_{suffix}").render_as_string(
            hide_password=False
        )
    path = Path(name)
    return f"sqlite:///{path.with_name(f'{path.stem}_{suffix}{path.suffix}')}"


def _admin(url: str) -> Engine:
    """An autocommit engine on the server's maintenance database: CREATE DATABASE ...
    TEMPLATE refuses a template that has any connection, ours included."""
    maintenance = make_url(url).set(database="postgres")
    return make_engine(
        maintenance.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )


def _run_admin(url: str, *statements: str) -> None:
    admin = _admin(url)
    try:
        with admin.connect() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)
    finally:
        admin.dispose()


def _quoted(url: str) -> str:
    return '"' + (make_url(url).database or "").replace('"', '""') + '"'


def create_database(url: str, template: str | None = None) -> None:
    """A new PostgreSQL database (replacing one left by an interrupted run), or a copy
    of template; for SQLite a file copy of template (a new file needs nothing)."""
    if not is_postgresql(url):
        if template is not None:
            source, target = make_url(template).database, make_url(url).database
            with (
                closing(sqlite3.connect(str(source))) as src,
                closing(sqlite3.connect(str(target))) as dst,
            ):
                src.backup(dst)
        return
    copy = f" TEMPLATE {_quoted(template)}" if template else ""
    _run_admin(
        url,
        f"DROP DATABASE IF EXISTS {_quoted(url)} WITH (FORCE)",
        f"CREATE DATABASE {_quoted(url)}{copy}",
    )


def drop_database(url: str) -> None:
    """Drop a PostgreSQL database made here (SQLite files go with pytest's tmp dir)."""
    if is_postgresql(url):
        _run_admin(url, f"DROP DATABASE IF EXISTS {_quoted(url)} WITH (FORCE)")


def migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "base")
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "head")
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated from empty to head once per run (per worker), and its two
    empty copies, made now while nothing is connected to it."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        url = sibling_url(configured, worker_id()) if worker_id() else configured
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    own = bool(configured and worker_id())
    if own:
        create_database(url)
    migrate(url)
    copies = [sibling_url(url, suffix) for suffix in SHARED.values()]
    for copy in copies:
        create_database(copy, template=url)
    yield url
    for copy in copies:
        drop_database(copy)
    if own:
        drop_database(url)


def _engine_with(url: str, fill: Callable[[Session], object]) -> Iterator[Engine]:
    engine = make_engine(url)
    with Session(engine) as session:
        fill(session)
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def taxonomy_database(database_url: str) -> Iterator[Engine]:
    """The copy with the demo taxonomy committed (written the first time it is asked for)."""
    # Imported here, as the matching and the demo below: they load scikit-learn, which
    # pytest-xdist's controller, running no tests, need not wait for.
    from app.taxonomy.importer import load_demo_taxonomy

    yield from _engine_with(sibling_url(database_url, "taxonomy"), load_demo_taxonomy)


@pytest.fixture(scope="session")
def demo_database(database_url: str) -> Iterator[Engine]:
    """The copy with the small demo (seed 2026, loaded today) committed."""
    from app.demo.generator import load_demo

    yield from _engine_with(sibling_url(database_url, "demo"), load_demo)


@pytest.fixture
def db(app: Flask, request: pytest.FixtureRequest) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test.

    The app's own sessions join the same connection with SAVEPOINTs, so what a request
    commits is visible to the test and gone afterwards. A test that asks for `taxonomy`
    or `small_demo` runs on the copy holding it; the app's engine is that copy's for the
    test, and its cached taxonomy and match index start empty, as they would after the
    data was written.
    """
    # Imported here for the reason given in taxonomy_database.
    from app.jobs.matching import invalidate_match_index
    from app.taxonomy.services import clear_cache

    shared = [name for name in SHARED if name in request.fixturenames]
    assert len(shared) <= 1, f"a test runs on one database, not on {shared}"
    engine = (
        request.getfixturevalue(shared[0]) if shared else app.extensions["db_engine"]
    )
    if shared:
        clear_cache()
        invalidate_match_index()
    connection = engine.connect()
    outer = connection.begin()
    maker = sessionmaker(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
    )
    original = app.extensions["db_sessionmaker"], app.extensions["db_engine"]
    app.extensions["db_sessionmaker"], app.extensions["db_engine"] = maker, engine
    session = maker()
    _apply_page_versions_at_once(app, session)
    try:
        yield session
    finally:
        session.close()
        app.extensions["db_sessionmaker"], app.extensions["db_engine"] = original
        outer.rollback()
        connection.close()
        if shared:
            invalidate_match_index()


def _apply_page_versions_at_once(app: Flask, session: Session) -> None:
    """Kept pages (app.page_cache) for a test's own writes.

    The app raises the versions of kept pages when a transaction commits. A test's
    session writes without committing (its requests see the rows on the shared
    connection), so its flushes and bulk statements raise them at once here. And as
    every test's writes are rolled back, the versions fall back too: the pages kept
    for one test are dropped before the next.
    """
    from app import page_cache

    store = app.extensions.get("page_cache")
    if store is not None:
        store.clear()

    @event.listens_for(session, "after_flush_postexec")
    def _after_flush(flushed: Session, _context: object) -> None:
        page_cache.raise_versions(flushed)

    @event.listens_for(session, "do_orm_execute")
    def _after_bulk(state: ORMExecuteState) -> object:
        if not page_cache.writes(state):
            return None
        result = state.invoke_statement()
        page_cache.touch_everything(state.session)
        page_cache.raise_versions(state.session)
        return result


@pytest.fixture
def small_demo(demo_database: Engine, db: Session) -> Session:
    """The small demo: `db` on the copy where it is committed; rolled back after."""
    return db
