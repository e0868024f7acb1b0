"""Engine and session lifecycle (SQLAlchemy 2.0) and the declarative Base.

The transaction policy: services flush and never commit; each request commits once at
its end (or rolls back on an error response), each CLI command once at its end.
"""

from __future__ import annotations

import enum
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, has_request_context, request
from sqlalchemy import Enum, MetaData, Table, create_engine, event, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from app import signals
from app.stemming import stemmed_text

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def value_enum(cls: type[enum.Enum], length: int = 20) -> Enum:
    """A column storing an enum's values as plain strings (portable, no native type)."""
    return Enum(
        cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
    )


def _writes() -> bool:
    """Whether this transaction is a form's (or a command's) that may write.

    SQLite has one writer. A transaction that began by reading and then wants to write
    after another writer committed gets "database is locked" at once, whatever the busy
    timeout. Beginning the transactions of POST requests and commands with BEGIN
    IMMEDIATE takes the write lock first, so they wait their turn instead of failing;
    pages (GET) read without taking it, and WAL lets them read while another writes.
    """
    return not has_request_context() or request.method not in {"GET", "HEAD", "OPTIONS"}


# The full-text index of postings is made by its migration, not by the models (an FTS5
# table and its shadow tables on SQLite, an expression index on PostgreSQL).
SEARCH_INDEX_PREFIX = "posting_fts"


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """For comparing the schema with the models: leave the search index out."""
    if name is None:
        return True
    return not (
        name.startswith(SEARCH_INDEX_PREFIX) or name == f"ix_{SEARCH_INDEX_PREFIX}"
    )


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for url; SQLite gets foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
    else:
        kwargs.setdefault("pool_pre_ping", True)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling breaks SAVEPOINTs; let SQLAlchemy
            # emit BEGIN itself (the recipe from the SQLAlchemy SQLite dialect docs).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            # Readers never wait for a writer, and a writer waits for another instead
            # of failing at once (the connection's 30 s timeout is SQLite's busy wait).
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
            # The search index's triggers stem postings' text with this (app.jobs.search).
            dbapi_connection.create_function(
                "jobunivers_stems", 1, stemmed_text, deterministic=True
            )

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if _writes() else "BEGIN")

    return engine


def init_app(app: Flask) -> None:
    """Create the lazily-connecting engine; end each request's transaction."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(
        bind=engine, expire_on_commit=False
    )
    app.after_request(_end_request_transaction)
    app.teardown_appcontext(_close_session)
    budget = int(app.config["REQUEST_STATEMENT_TIMEOUT_MS"])
    if engine.dialect.name == "postgresql" and budget > 0:

        @event.listens_for(engine, "begin")
        def _request_budget(connection: Any) -> None:
            # A request's statements may each run this long; commands and jobs are
            # not limited (they run outside a request and may load a whole country).
            if has_request_context():
                connection.exec_driver_sql(
                    f"SET LOCAL statement_timeout = {budget}"  # an int, not input
                )


def get_engine() -> Engine:
    return current_app.extensions["db_engine"]


def get_session() -> Session:
    """The session for this app context (one per request or CLI command)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_sessionmaker"]()
    return g.db_session


def _end_request_transaction(response: Response) -> Response:
    """The one commit of a request: on success; any error response rolls back.

    Services flush and never commit, so what a request changes is saved whole or not at
    all. A failed commit is rolled back before the error page is drawn, so the error
    page can still read the session.
    """
    session = g.get("db_session")
    if session is None:
        return response
    if response.status_code >= 400:
        session.rollback()
        return response
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return response


def end_failed_transaction() -> None:
    """Roll back this request's transaction before an error page is drawn, so nothing
    on the error path reads through a failed one; a session that cannot even roll back
    is dropped (the next use opens a new one)."""
    session = g.get("db_session")
    if session is None:
        return
    try:
        session.rollback()
    except Exception:  # noqa: BLE001  (the error page must still be drawn)
        g.pop("db_session", None)


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@contextmanager
def transaction() -> Iterator[Session]:
    """The session of a CLI command or job, committed at the end or rolled back."""
    session = get_session()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


T = TypeVar("T")

LOCK_RETRIES = 20


def is_lock_error(error: OperationalError) -> bool:
    """Whether SQLite refused a write because another connection holds the lock."""
    return "locked" in str(error.orig).lower()


def commit_with_retries(
    session: Session, attempt: Callable[[], T], retries: int = LOCK_RETRIES
) -> T:
    """Run attempt and commit the transaction; run both again when SQLite is locked.

    For short write races on one row (claiming a case): SQLite lets one writer in and
    answers "database is locked" to a reader that then wants to write, which must roll
    back its whole transaction (a savepoint would keep its read lock) and try again.
    PostgreSQL waits on the row lock instead and never gets here.
    """
    for number in range(retries):
        try:
            result = attempt()
            session.commit()
            return result
        except OperationalError as error:
            session.rollback()
            if not is_lock_error(error) or number == retries - 1:
                raise
            time.sleep(random.uniform(0.005, 0.03) * (number + 1))
    raise AssertionError("unreachable")


BULK_BATCH = 5_000


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows without reading ids back: COPY on PostgreSQL, else executemany.

    An executemany of INSERTs spends its time in Python per row; COPY streams the rows
    through psycopg's C code inside the session's transaction, several times faster.
    """
    if not rows:
        return
    signals.bulk_written.send(session, table=table, rows=rows)
    if session.get_bind().dialect.name != "postgresql":
        for start in range(0, len(rows), BULK_BATCH):
            session.execute(insert(table), rows[start : start + BULK_BATCH])
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    connection = session.connection().connection.dbapi_connection
    if connection is None:
        raise RuntimeError("no database connection for COPY")
    with (
        connection.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy,
    ):
        for row in rows:
            copy.write_row(
                [
                    value.value if isinstance(value, enum.Enum) else value
                    for value in (row[column] for column in columns)
                ]
            )
