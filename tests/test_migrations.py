"""The Alembic chain: one head, and empty-to-head gives exactly the models' schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from app.db import Base, include_name, make_engine
from app.migrate import alembic_config
from app.models import Municipality


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1


def test_migrated_schema_matches_models(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                "include_name": include_name,
            },
        )
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrations_load_the_98_municipalities(db) -> None:
    assert db.scalar(select(func.count()).select_from(Municipality)) == 98
    copenhagen = db.scalars(select(Municipality).where(Municipality.code == 101)).one()
    assert copenhagen.name == "København"
