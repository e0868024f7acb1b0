"""Flask commands: database migrations and demo data (later: taxonomy, postings, models)."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app import migrate
from app.db import get_session

db_cli = AppGroup("db", help="Database schema.")
demo_cli = AppGroup("demo", help="Synthetic demo data.")
taxonomy_cli = AppGroup("taxonomy", help="The occupation and skill taxonomy (ESCO).")
postings_cli = AppGroup("postings", help="Job postings.")


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
        f"{summary.admins} administrators, {summary.postings} job postings, "
        f"{summary.citizens_with_cv} CVs."
    )


@taxonomy_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def taxonomy_import(paths: tuple[str, ...]) -> None:
    """Import the official ESCO CSV bundle (zip files or folders, any languages)."""
    from app.services import taxonomy

    report = taxonomy.import_esco(get_session(), list(paths), progress=click.echo)
    click.echo(report.summary())


@postings_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--source", default=None, help="Name of the source (default: the file name)."
)
def postings_import(path: str, source: str | None) -> None:
    """Import job postings from a JSON or CSV file; bad rows are reported and skipped."""
    from app.services import postings

    report = postings.import_postings(get_session(), path, source=source)
    for problem in report.problems:
        click.echo(f"line {problem.line}: {problem.reason}", err=True)
    click.echo(report.summary())


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(taxonomy_cli)
    app.cli.add_command(postings_cli)
