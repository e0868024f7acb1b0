"""The readiness check behind `/healthz` (app.portal.views), for the load balancer
and as the bare route of benchmarks/bench_pages.py.

Cheap on purpose: no session, no template, no translation; one statement on a
connection of its own. It answers 200 only when the database answers, its schema is
at the migrations' head and this process holds the match index (a worker that would
have to build it on a request is not ready).
"""

from __future__ import annotations

from functools import cache

from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.jobs.matching import index_loaded_for
from app.migrate import alembic_config


@cache
def migration_heads() -> frozenset[str]:
    """The revisions the code expects (read from migrations/ once per process)."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def check() -> tuple[bool, dict[str, str]]:
    """Whether this process is ready, and each part's state in a word."""
    engine = current_app.extensions["db_engine"]
    state = {"database": "ok", "migrations": "head", "index": "loaded"}
    try:
        with engine.connect() as connection:
            revisions = set(
                connection.execute(text("SELECT version_num FROM alembic_version"))
                .scalars()
                .all()
            )
    except SQLAlchemyError:
        state["database"] = "unreachable"
        state["migrations"] = "unknown"
    else:
        if revisions != migration_heads():
            state["migrations"] = "behind"
    if not index_loaded_for(engine):
        state["index"] = "not loaded"
    ready = state == {"database": "ok", "migrations": "head", "index": "loaded"}
    return ready, state
