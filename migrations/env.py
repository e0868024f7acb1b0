"""Alembic environment: the app's models are the target; the URL comes from the app config."""

from __future__ import annotations

from alembic import context

import app.models  # noqa: F401  (registers every table on Base.metadata)
from app.db import Base, include_name, make_engine

config = context.config
target_metadata = Base.metadata


def _database_url() -> str:
    url = config.attributes.get("database_url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if url:
        return url
    from app import create_app

    return create_app().config["DATABASE_URL"]


def run_migrations_offline() -> None:
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_with(connection)
        return
    engine = make_engine(_database_url())
    with engine.connect() as conn:
        _run_with(conn)
    engine.dispose()


def _run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
