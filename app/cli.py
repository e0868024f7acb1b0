"""Flask commands: database migrations and demo data (later: taxonomy, postings, models)."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app import migrate
from app.db import get_session

db_cli = AppGroup("db", help="Database schema.")
demo_cli = AppGroup("demo", help="Synthetic demo data.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply the Alembic migrations up to REVISION (default: head)."""
    migrate.upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"Database is at {revision}.")


@demo_cli.command("load")
@click.option(
    "--size",
    type=click.Choice(["small", "national"]),
    default="small",
    show_default=True,
    help="small: a few municipalities for trying the portal; national: 120,000+ citizens.",
)
@click.option(
    "--if-empty", is_flag=True, help="Do nothing when demo data is already loaded."
)
def demo_load(size: str, if_empty: bool) -> None:
    """Create deterministic synthetic people for every role. All of it is synthetic."""
    from app.demo import generator

    session = get_session()
    if generator.is_loaded(session):
        if if_empty:
            click.echo("Demo data is already loaded.")
            return
        raise click.ClickException("Demo data is already loaded; use a fresh database.")
    click.echo("Loading SYNTHETIC demo data: none of these people are real.")
    summary = generator.load_demo(session, size=size, progress=click.echo)
    click.echo(
        f"Done: {summary.municipalities} municipalities, {summary.citizens} citizens, "
        f"{summary.caseworkers} caseworkers, {summary.providers} providers, "
        f"{summary.admins} administrators."
    )


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(demo_cli)
